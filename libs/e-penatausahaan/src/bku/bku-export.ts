import { StreamableFile } from '@nestjs/common';
import { Column, download } from '../common/export';
import { BkuEntryResponse, BkuResponse } from './dto/bku.dto';

const COLUMNS: Column<BkuEntryResponse>[] = [
  { header: 'No', value: (r) => r.no },
  { header: 'Tanggal', value: (r) => r.entryDate },
  { header: 'Sub-ledger', value: (r) => r.subLedger },
  { header: 'Uraian', value: (r) => r.description },
  { header: 'Sumber', value: (r) => r.sourceType },
  { header: 'Nomor dokumen', value: (r) => r.documentNumber },
  { header: 'Penerimaan', value: (r) => r.receipt, money: true },
  { header: 'Pengeluaran', value: (r) => r.expenditure, money: true },
  { header: 'Saldo sub-ledger', value: (r) => r.subBalance, money: true },
  { header: 'Saldo', value: (r) => r.balance, money: true },
];

export function bkuExport(format: 'csv' | 'xlsx', book: BkuResponse): Promise<StreamableFile> {
  // named by the OPD's code, e.g. bku-1.01.0.00.0.00.01.0000-2026.xlsx
  const name = `bku-${book.organizationCode}-${book.fiscalYear}${book.from ? `-${book.from}` : ''}${book.to ? `-${book.to}` : ''}`;
  return download(format, name, 'BKU', COLUMNS, book.entries);
}
