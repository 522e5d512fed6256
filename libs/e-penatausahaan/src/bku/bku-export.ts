import { StreamableFile } from '@nestjs/common';
import { streamDownload } from '@grms/core';
import { Column } from '../common/export';
import { BkuHead } from './bku.service';
import { BkuEntryResponse } from './dto/bku.dto';

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

/** Every entry of the range, streamed from one snapshot (decision 0060). */
export function bkuExport(format: 'csv' | 'xlsx', book: { head: BkuHead; pages: AsyncIterable<BkuEntryResponse[]> }): StreamableFile {
  // named by the OPD's code, e.g. bku-1.01.0.00.0.00.01.0000-2026.xlsx
  const h = book.head;
  const name = `bku-${h.organizationCode}-${h.fiscalYear}${h.from ? `-${h.from}` : ''}${h.to ? `-${h.to}` : ''}`;
  return streamDownload(format, name, 'BKU', COLUMNS, book.pages);
}
