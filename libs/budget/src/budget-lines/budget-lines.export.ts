import { StreamableFile } from '@nestjs/common';
import { Column, streamDownload } from '@grms/core';
import { BudgetLineResponse } from './dto/budget-line.dto';

// The budget lines as a spreadsheet: codes and names, never ids; balances as money columns.
const COLUMNS: Column<BudgetLineResponse>[] = [
  { header: 'Tahun', value: (r) => r.fiscalYear },
  { header: 'Kode OPD', value: (r) => r.organizationCode },
  { header: 'OPD', value: (r) => r.organizationName },
  { header: 'Kode Sub Kegiatan', value: (r) => r.subActivityCode },
  { header: 'Sub Kegiatan', value: (r) => r.subActivityName },
  { header: 'Kode Rekening', value: (r) => r.accountCode },
  { header: 'Rekening', value: (r) => r.accountName },
  { header: 'Kode Sumber Dana', value: (r) => r.fundingSourceCode },
  { header: 'Sumber Dana', value: (r) => r.fundingSourceName },
  { header: 'Pagu', value: (r) => r.appropriated, money: true },
  { header: 'SPD', value: (r) => r.allotted, money: true },
  { header: 'Komitmen', value: (r) => r.committed, money: true },
  { header: 'Realisasi', value: (r) => r.disbursed, money: true },
  { header: 'Sisa Pagu', value: (r) => r.available, money: true },
  { header: 'SPD belum direalisasi', value: (r) => r.allottedUnspent, money: true },
  { header: 'Per tanggal', value: (r) => r.asOf ?? null },
];

/** `budget-lines-2026.csv` (`budget-lines-all` without a year filter). */
export function budgetLinesExport(format: 'csv' | 'xlsx', fiscalYear: number | undefined, pages: AsyncIterable<BudgetLineResponse[]>): StreamableFile {
  return streamDownload(format, `budget-lines-${fiscalYear ?? 'all'}`, 'Budget lines', COLUMNS, pages);
}
