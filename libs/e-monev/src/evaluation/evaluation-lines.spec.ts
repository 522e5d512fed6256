import { EvaluationLine, evaluationLines } from './evaluation.columns';
import { EvaluationSqlRow } from './evaluation.sql';

const rules = { bands: { veryHigh: '91', high: '76', medium: '66', low: '51' }, lowerIsBetter: 'MIRROR' as const };

/** A SUM indicator with TW I verified at `value` against a target of 10 (achievement = value x 10). */
function row(org: string, n: number, value: string | null): EvaluationSqlRow {
  return {
    indicator_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, organization_id: `org-${org}`, organization_code: org, organization_name: `OPD ${org}`,
    level: 'SUB_KEGIATAN', code: `1.01.02.1.01.${String(n).padStart(4, '0')}`, code_name: 'x', name: `ind ${n}`, unit: 'Unit', direction: 'HIGHER_IS_BETTER', aggregation: 'SUM',
    target: '10.0000', quarterly_targets: ['10.0000', '10.0000', '10.0000', '10.0000'], renstra_target: null, renstra_amount: null, previous_realization: null,
    previous_amount: null, responsible_unit: null, notes: null, values: [value, null, null, null], statuses: [value === null ? null : 'VERIFIED', null, null, null],
    appropriated: '100.00', disbursed: ['10.00', '0.00', '0.00', '0.00'], organization_appropriated: '1000.00', organization_disbursed: '250.50',
  };
}

async function collect(pages: EvaluationSqlRow[][]): Promise<EvaluationLine[]> {
  async function* source() { for (const p of pages) yield p; }
  const out: EvaluationLine[] = [];
  for await (const chunk of evaluationLines(source(), 1, rules, () => new Map())) out.push(...chunk);
  return out;
}

const shape = (lines: EvaluationLine[]) => lines.map((l) => ('row' in l ? `row ${l.row.organizationCode} ${l.row.achievement}` : `${l.footer.organizationCode || '*'} ${l.footer.label}: ${l.footer.text}`))
  .filter((s) => s.startsWith('row') || /Rata-rata|Predikat|Anggaran OPD/.test(s));

describe('e-monev: the streamed lines of the evaluation download', () => {
  const rows = [row('A', 1, '9'), row('A', 2, '5'), row('B', 3, null), row('B', 4, '8'), row('C', 5, '10')];
  const expected = [
    'row A 90.00', 'row A 50.00', 'A Rata-rata capaian kinerja (%): 70.00', 'A Predikat kinerja: Sedang', 'A Anggaran OPD (Rp): 1000.00',
    'row B null', 'row B 80.00', 'B Rata-rata capaian kinerja (%): 80.00', 'B Predikat kinerja: Tinggi', 'B Anggaran OPD (Rp): 1000.00',
    'row C 100.00', 'C Rata-rata capaian kinerja (%): 100.00', 'C Predikat kinerja: Sangat Tinggi', 'C Anggaran OPD (Rp): 1000.00',
    '* Rata-rata capaian kinerja (%): 80.00', '* Predikat kinerja: Tinggi',
  ];

  it('puts each OPD\'s footer after its last row wherever the pages break, and the average of all at the end', async () => {
    for (const cuts of [[5], [1, 1, 1, 1, 1], [2, 3], [3, 2], [4, 1]]) {
      const pages: EvaluationSqlRow[][] = [];
      let at = 0;
      for (const n of cuts) { pages.push(rows.slice(at, at + n)); at += n; }
      expect(shape(await collect(pages))).toEqual(expected);
    }
  });

  it('gives one OPD no overall lines, and no rows nothing', async () => {
    expect(shape(await collect([[rows[0]], [rows[1]]]))).toEqual(expected.slice(0, 5));
    expect(await collect([])).toEqual([]);
  });
});
