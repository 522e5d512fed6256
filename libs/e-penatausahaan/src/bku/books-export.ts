import { StreamableFile } from '@nestjs/common';
import { Column, streamDownload } from '@grms/core';
import { BookKind, BookRow } from './dto/books.dto';

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

/** A book as a download, its rows written as they are read (decision 0114). */
export function bookStreamExport(format: 'csv' | 'xlsx', book: BookKind, fiscalYear: number, pages: AsyncIterable<BookRow[]>): StreamableFile {
  return streamDownload(format, `buku-${book}-${fiscalYear}`, SHEETS[book], COLUMNS, pages);
}
