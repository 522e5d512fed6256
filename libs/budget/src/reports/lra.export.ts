import { StreamableFile } from '@nestjs/common';
import { Column, download, streamDownload } from '@grms/core';
import { LraResponse, LraRow } from './lra.dto';

// The LRA as a spreadsheet: codes and names (OPD code and name when grouped
// by organization), never ids; money and the percentage as numbers.
const columns = (r: Pick<LraResponse, 'asOf' | 'groupBy'>): Column<LraRow>[] => [
  ...(r.groupBy === 'organization' ? [{ header: 'Kode OPD', value: (x: LraRow) => x.organizationCode ?? null }, { header: 'OPD', value: (x: LraRow) => x.organizationName ?? null }] : []),
  ...(r.groupBy === 'program' ? [{ header: 'Akun', value: (x: LraRow) => x.accountCode ?? null }] : []),
  { header: 'Kode', value: (x) => x.code },
  { header: 'Uraian', value: (x) => x.name },
  { header: 'Level', value: (x) => x.level },
  { header: 'Anggaran', value: (x) => x.budget, money: true },
  { header: 'Anggaran Setelah Perubahan', value: (x) => x.amendedBudget, money: true },
  { header: `Realisasi s.d. ${r.asOf}`, value: (x) => x.realized, money: true },
  { header: 'Lebih/(Kurang)', value: (x) => x.difference, money: true },
  // a number in XLSX too: as text a spreadsheet sorts and filters it as text ("100.00" before "24.50" before "9.50")
  { header: '%', value: (x) => x.percent, money: true },
];

/** `lra-2026-2026-06-30.csv` */
export function lraExport(format: 'csv' | 'xlsx', r: LraResponse): Promise<StreamableFile> {
  return download(format, `lra-${r.fiscalYear}-${r.asOf}`, 'LRA', columns(r), r.rows);
}

/** The same file from rows that come page by page (the LRA per OPD, decision 0114). */
export function lraStreamExport(format: 'csv' | 'xlsx', head: Pick<LraResponse, 'fiscalYear' | 'asOf' | 'groupBy'>, pages: AsyncIterable<LraRow[]>): StreamableFile {
  return streamDownload(format, `lra-${head.fiscalYear}-${head.asOf}`, 'LRA', columns(head), pages);
}
