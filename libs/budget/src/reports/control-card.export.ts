import { StreamableFile } from '@nestjs/common';
import { Column, download } from '@grms/core';
import { ControlCardFigures, ControlCardReport } from './dto/control-card.dto';

interface Line extends Partial<ControlCardFigures> { accountCode: string; accountName: string }

const money = (k: keyof ControlCardFigures) => (r: Line) => r[k] ?? null;
const COLUMNS: Column<Line>[] = [
  { header: 'Kode Rekening', value: (r) => r.accountCode },
  { header: 'Uraian', value: (r) => r.accountName },
  { header: 'Anggaran', value: money('budget'), money: true },
  { header: 'SPD s.d. tanggal', value: money('spd'), money: true },
  { header: 'Realisasi LS', value: money('realizedLs'), money: true },
  { header: 'Realisasi UP/GU', value: money('realizedUpGu'), money: true },
  { header: 'Realisasi TU', value: money('realizedTu'), money: true },
  { header: 'Jumlah Realisasi', value: money('realized'), money: true },
  { header: 'Sisa Anggaran', value: money('remainingBudget'), money: true },
  { header: 'Sisa SPD', value: money('remainingSpd'), money: true },
];

/** The card's heading (OPD and sub kegiatan by code and name), its accounts and the total. */
export function controlCardExport(format: 'csv' | 'xlsx', r: ControlCardReport): Promise<StreamableFile> {
  const lines: Line[] = [
    { accountCode: `Kartu kendali TA ${r.fiscalYear} per ${r.asOf ?? 'tanggal cetak'}`, accountName: `${r.organizationCode} ${r.organizationName}` },
    { accountCode: r.subActivityCode, accountName: r.subActivityName },
    ...r.rows,
    { accountCode: '', accountName: 'JUMLAH', ...r.totals },
  ];
  return download(format, `control-card-${r.fiscalYear}-${r.organizationCode}-${r.subActivityCode}${r.asOf ? `-${r.asOf}` : ''}`, 'Kartu kendali', COLUMNS, lines);
}
