import { StreamableFile } from '@nestjs/common';
import { Column, download } from '../common/export';
import { BookResponse, BookRow } from './dto/books.dto';

const COLUMNS: Column<BookRow>[] = [
  { header: 'No', value: (r) => r.no },
  { header: 'No BKU', value: (r) => r.bkuNo },
  { header: 'Tanggal', value: (r) => r.date },
  { header: 'Dokumen', value: (r) => r.documentNumber },
  { header: 'Uraian', value: (r) => r.description },
  { header: 'Kelompok', value: (r) => r.group },
  { header: 'Nama', value: (r) => r.groupName },
  { header: 'Penerimaan', value: (r) => r.receipt, money: true },
  { header: 'Pengeluaran', value: (r) => r.expenditure, money: true },
  { header: 'Saldo', value: (r) => r.balance, money: true },
];

const SHEETS: Record<string, string> = { cash: 'Buku Kas Tunai', bank: 'Buku Bank', tax: 'Buku Pajak', panjar: 'Buku Panjar', 'rincian-objek': 'Buku Rincian Objek' };

export function bookExport(format: 'csv' | 'xlsx', b: BookResponse): Promise<StreamableFile> {
  return download(format, `buku-${b.book}-${b.fiscalYear}`, SHEETS[b.book], COLUMNS, b.rows);
}
