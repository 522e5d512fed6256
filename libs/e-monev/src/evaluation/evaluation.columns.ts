import { Column } from '@grms/core';
import { bandOf, RunningAverage } from '../rules/achievement';
import { EvaluationNotesResponse, EvaluationOrganizationFooter, EvaluationRow } from './evaluation.dto';
import { EvaluationRules, evaluationRow, organizationFooter, withBand } from './evaluation-rows';
import { EvaluationSqlRow } from './evaluation.sql';

const BAND_NAMES: Record<string, string> = { SANGAT_TINGGI: 'Sangat Tinggi', TINGGI: 'Tinggi', SEDANG: 'Sedang', RENDAH: 'Rendah', SANGAT_RENDAH: 'Sangat Rendah' };
const LEVEL_NAMES: Record<string, string> = { PROGRAM: 'Program', KEGIATAN: 'Kegiatan', SUB_KEGIATAN: 'Sub Kegiatan' };
const TW = ['I', 'II', 'III', 'IV'];

/** A line of the export: an indicator row, or a line of an OPD's footer (label and text). */
export type EvaluationLine = { row: EvaluationRow } | { footer: { organizationCode: string; organizationName: string; label: string; text: string | null } };

const row = <T>(f: (r: EvaluationRow) => T) => (l: EvaluationLine): T | null => ('row' in l ? f(l.row) : null);
const bandName = (b: string | null) => (b ? BAND_NAMES[b] : null);

// The Permendagri 86/2017 evaluation form as columns: Rp columns are money
// (decimal strings, numbers in XLSX where exact); the footer lines of each OPD
// follow its rows, label under "Kode", text under "Program/Kegiatan/Sub Kegiatan".
export const EVALUATION_COLUMNS: Column<EvaluationLine>[] = [
  { header: 'Kode OPD', value: (l) => ('row' in l ? l.row.organizationCode : l.footer.organizationCode) },
  { header: 'Perangkat Daerah', value: (l) => ('row' in l ? l.row.organizationName : l.footer.organizationName) },
  { header: 'Kode', value: (l) => ('row' in l ? l.row.code : l.footer.label) },
  { header: 'Program/Kegiatan/Sub Kegiatan', value: (l) => ('row' in l ? l.row.codeName : l.footer.text) },
  { header: 'Tingkat', value: row((r) => LEVEL_NAMES[r.level]) },
  { header: 'Indikator Kinerja', value: row((r) => r.indicator) },
  { header: 'Satuan', value: row((r) => r.unit) },
  { header: 'Target Renstra (K)', value: row((r) => r.renstraTarget) },
  { header: 'Target Renstra (Rp)', value: row((r) => r.renstraAmount), money: true },
  { header: 'Realisasi s/d Tahun Lalu (K)', value: row((r) => r.previousRealization) },
  { header: 'Realisasi s/d Tahun Lalu (Rp)', value: row((r) => r.previousAmount), money: true },
  { header: 'Target Tahun Ini (K)', value: row((r) => r.target) },
  { header: 'Target Tahun Ini (Rp)', value: row((r) => r.targetAmount), money: true },
  ...TW.flatMap((tw, i): Column<EvaluationLine>[] => [
    { header: `TW ${tw} (K)`, value: row((r) => r.quarters[i].value) },
    { header: `TW ${tw} (Rp)`, value: row((r) => r.quarters[i].amount), money: true },
    { header: `TW ${tw} Status`, value: row((r) => r.quarters[i].status) },
  ]),
  { header: 'Target s/d TW (K)', value: row((r) => r.cumulativeTarget) },
  { header: 'Realisasi s/d TW (K)', value: row((r) => r.realization) },
  { header: 'Realisasi s/d TW (Rp)', value: row((r) => r.disbursed), money: true },
  { header: 'Capaian Kinerja (%)', value: row((r) => r.achievement) },
  { header: 'Predikat', value: row((r) => bandName(r.band)) },
  { header: 'Realisasi Anggaran (%)', value: row((r) => r.budgetAbsorption) },
  { header: 'Realisasi Renstra s/d Tahun Ini (K)', value: row((r) => r.renstraRealization) },
  { header: 'Realisasi Renstra s/d Tahun Ini (Rp)', value: row((r) => r.renstraAmountRealized), money: true },
  { header: 'Capaian Renstra (%)', value: row((r) => r.renstraAchievement) },
  { header: 'Unit Penanggung Jawab', value: row((r) => r.responsibleUnit) },
  { header: 'Keterangan', value: row((r) => r.notes) },
];

/** The footer lines of one OPD, after its rows. */
function footerLines(f: EvaluationOrganizationFooter): EvaluationLine[] {
  const at = (label: string, text: string | null): EvaluationLine => ({ footer: { organizationCode: f.organizationCode, organizationName: f.organizationName, label, text } });
  return [
    at('Rata-rata capaian kinerja (%)', f.averageAchievement),
    at('Predikat kinerja', bandName(f.band)),
    at('Anggaran OPD (Rp)', f.appropriated),
    at('Realisasi anggaran OPD s/d TW (Rp)', f.disbursed),
    at('Realisasi anggaran OPD (%)', f.budgetAbsorption),
    at('Faktor pendorong keberhasilan', f.drivingFactors),
    at('Faktor penghambat', f.inhibitingFactors),
    at('Tindak lanjut triwulan berikutnya', f.followUp),
    at('Tindak lanjut Renja berikutnya', f.followUpNextYear),
  ];
}

/**
 * The lines of the download from the query's rows as they are read, page by
 * page (report order: OPD by OPD): each row, each OPD's footer after its last
 * row, and with several OPDs the average and band of all. Holds one page and
 * two running averages, never the report.
 */
export async function* evaluationLines(pages: AsyncIterable<EvaluationSqlRow[]>, quarter: number, rules: EvaluationRules,
  notes: () => Map<string, EvaluationNotesResponse>): AsyncGenerator<EvaluationLine[]> {
  const all = new RunningAverage();
  let opds = 0;
  let cur: { first: EvaluationSqlRow; mean: RunningAverage; n: number } | null = null;
  const close = (c: NonNullable<typeof cur>) => footerLines(organizationFooter(c.first, c.n, withBand(c.mean.value, rules.bands), notes().get(c.first.organization_id)));
  for await (const page of pages) {
    const out: EvaluationLine[] = [];
    for (const raw of page) {
      if (cur && cur.first.organization_id !== raw.organization_id) out.push(...close(cur));
      if (!cur || cur.first.organization_id !== raw.organization_id) { cur = { first: raw, mean: new RunningAverage(), n: 0 }; opds++; }
      const row = evaluationRow(raw, quarter, rules);
      cur.mean.add(row.achievement);
      cur.n++;
      all.add(row.achievement);
      out.push({ row });
    }
    yield out;
  }
  const tail = cur ? close(cur) : [];
  if (opds > 1) {
    const overall = { organizationCode: '', organizationName: 'Seluruh Perangkat Daerah' };
    tail.push({ footer: { ...overall, label: 'Rata-rata capaian kinerja (%)', text: all.value } });
    tail.push({ footer: { ...overall, label: 'Predikat kinerja', text: bandName(bandOf(all.value, rules.bands)) } });
  }
  if (tail.length) yield tail;
}
