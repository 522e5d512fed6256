import { StreamableFile } from '@nestjs/common';
import { Column, download } from '@grms/core';
import { RealizationBySourceReport, RealizationTotals } from './dto/realization-by-source.dto';

interface Line extends RealizationTotals { code: string; name: string; level: number | null; earmarked: string }

const COLUMNS: Column<Line>[] = [
  { header: 'Kode Sumber Dana', value: (r) => r.code },
  { header: 'Sumber Dana', value: (r) => r.name },
  { header: 'Level', value: (r) => r.level },
  { header: 'Dana Khusus', value: (r) => r.earmarked },
  { header: 'Anggaran', value: (r) => r.budget, money: true },
  { header: 'Realisasi', value: (r) => r.realized, money: true },
  { header: 'Sisa', value: (r) => r.remaining, money: true },
  // a number in XLSX too, so a spreadsheet sorts the percentages as numbers, not as text
  { header: 'Persen', value: (r) => r.percent, money: true },
];

/** The rows, then the three totals, under a title line naming the year, the date and the OPD (names, never ids). */
export function realizationBySourceExport(format: 'csv' | 'xlsx', r: RealizationBySourceReport): Promise<StreamableFile> {
  const scope = r.organizationName ? `${r.organizationCode} ${r.organizationName}` : 'semua OPD dalam lingkup pengguna';
  const title: Line = { code: `Realisasi per sumber dana TA ${r.fiscalYear}`, name: `per ${r.asOf ?? 'tanggal cetak'}; ${scope}`, level: null, earmarked: '', budget: '', realized: '', remaining: '', percent: '' };
  const lines: Line[] = [
    title,
    ...r.rows.map((x) => ({ ...x, earmarked: x.earmarked ? 'Ya' : 'Tidak' })),
    { code: '', name: 'JUMLAH DANA UMUM', level: null, earmarked: 'Tidak', ...r.general },
    { code: '', name: 'JUMLAH DANA KHUSUS', level: null, earmarked: 'Ya', ...r.earmarked },
    { code: '', name: 'JUMLAH', level: null, earmarked: '', ...r.totals },
  ];
  const base = `realization-by-source-${r.fiscalYear}${r.asOf ? `-${r.asOf}` : ''}${r.organizationCode ? `-${r.organizationCode}` : ''}`;
  return download(format, base, 'Realisasi per sumber dana', COLUMNS, lines);
}
