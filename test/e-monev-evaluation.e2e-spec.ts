import { LedgerKind } from '@grms/budget';
import { parse } from 'csv-parse/sync';
import Decimal from 'decimal.js';
import request from 'supertest';
import { ledgerColumns, openWindows, postDated, realize, xlsxRows } from './support/monev-fixtures';
import { freshLine } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

type Row = { indicator: string; code: string; achievement: string | null; band: string | null; realization: string | null; cumulativeTarget: string;
  targetAmount: string; disbursed: string; budgetAbsorption: string; quarters: { value: string | null; status: string | null; amount: string | null }[] };

// The auditor's quarterly evaluation (issue 10 acceptance, e-monev half): OPD
// B's planner defines five indicators on the rows of one program, enters TW I
// and TW II, Bappeda verifies all but one (rejected); the report shows each
// indicator's achievement and band against the cumulative target, its Rp
// columns equal the ledger entries recomputed to the sen (a TW III payment
// stays out of TW II), and CSV and XLSX carry the same figures.
describe('e-monev: the evaluation report', () => {
  let t: TestApp;
  let orgB: string;
  beforeAll(async () => { t = await startTestApp(); orgB = await t.orgId('B'); await openWindows(t); });
  afterAll(async () => { await t.close(); });

  it('gives achievement and band per indicator, Rp from the ledger to the sen, the same figures in CSV and XLSX', async () => {
    const lineId = await freshLine(t, 'B', '400000000.00');
    const [{ sub }] = await t.sql<{ sub: string }>(`SELECT sub_activity_code AS sub FROM budget_lines WHERE id = $1`, [lineId]);
    const kegiatan = sub.split('.').slice(0, 5).join('.');
    const program = sub.split('.').slice(0, 3).join('.');
    const [nom] = await t.sql<{ indicator: string; unit: string }>(`SELECT indicator, unit FROM code_list_entries WHERE version = 'KMDN5889-2023' AND list = 'nomenclature' AND code = $1`, [sub]);
    await postDated(t, lineId, LedgerKind.ALLOTMENT, '300000000', '2026-01-15');
    await postDated(t, lineId, LedgerKind.DISBURSEMENT, '50000000.50', '2026-02-20');
    await postDated(t, lineId, LedgerKind.DISBURSEMENT, '75250000.25', '2026-05-10');
    await postDated(t, lineId, LedgerKind.DISBURSEMENT, '10000000', '2026-08-01');

    const create = async (body: Record<string, unknown>) => {
      const res = await t.post('/monev/indicators', { fiscalYear: 2026, ...body }, 'planner-b');
      if (res.status !== 201) throw new Error(`indicator: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; name: string; unit: string; quarterlyTargets: string[] };
    };
    // output of the sub kegiatan: name and unit from the nomenclature
    const s = await create({ level: 'SUB_KEGIATAN', code: sub, target: '4', quarterlyTargets: ['1', '2', '3', '4'] });
    expect(s).toMatchObject({ name: nom.indicator, unit: nom.unit, quarterlyTargets: ['1.0000', '2.0000', '3.0000', '4.0000'] });
    const k = await create({ level: 'KEGIATAN', code: kegiatan, name: 'Persentase dokumen tepat waktu', unit: '%', target: '100', cumulative: true });
    const avg = await create({ level: 'KEGIATAN', code: kegiatan, name: 'Rata-rata nilai pelatihan', unit: 'Nilai', target: '10', aggregation: 'AVERAGE' });
    const p = await create({ level: 'PROGRAM', code: program, name: 'Jumlah temuan pemeriksaan', unit: 'Temuan', direction: 'LOWER_IS_BETTER', target: '10', quarterlyTargets: ['2', '5', '8', '10'] });
    const p2 = await create({ level: 'PROGRAM', code: program, name: 'Jumlah sekolah terlayani', unit: 'Sekolah', target: '20', renstraTarget: '100', previousRealization: '60', renstraAmount: '2000000000', previousAmount: '900000000' });
    expect(p2.quarterlyTargets).toEqual(['5.0000', '10.0000', '15.0000', '20.0000']);

    await realize(t, s.id, 1, '1', 'verify', 'planner-b');
    await realize(t, s.id, 2, '0.5', 'verify', 'planner-b');
    await realize(t, k.id, 1, '90', 'verify', 'planner-b');
    await realize(t, k.id, 2, '95', 'verify', 'planner-b');
    await realize(t, avg.id, 1, '8', 'verify', 'planner-b');
    await realize(t, avg.id, 2, '9', 'verify', 'planner-b');
    await realize(t, p.id, 1, '3', 'verify', 'planner-b');
    await realize(t, p.id, 2, '4', 'verify', 'planner-b');
    await realize(t, p2.id, 1, '4', 'verify', 'planner-b');
    await realize(t, p2.id, 2, '6', 'reject', 'planner-b');
    expect((await t.put('/monev/evaluation/notes', { fiscalYear: 2026, quarter: 2, drivingFactors: 'pendampingan', inhibitingFactors: 'lelang ulang', followUp: 'percepatan TW III' }, 'planner-b')).status).toBe(200);

    const q = `/monev/evaluation?fiscalYear=2026&quarter=2&organizationId=${orgB}&programCode=${program}`;
    const json = await t.get(q, 'auditor');
    expect(json.status).toBe(200);
    expect(json.body.meta).toEqual({ page: 1, limit: 50, total: 5 });
    const byName = new Map((json.body.data as Row[]).map((r) => [r.indicator, r]));
    const band = (name: string) => { const r = byName.get(name)!; return [r.realization, r.cumulativeTarget, r.achievement, r.band]; };
    expect(band(nom.indicator)).toEqual(['1.5000', '2.0000', '75.00', 'SEDANG']); // SUM: (1 + 0.5) / 2
    expect(band(k.name)).toEqual(['95.0000', '100.0000', '95.00', 'SANGAT_TINGGI']); // LAST
    expect(band(avg.name)).toEqual(['8.5000', '10.0000', '85.00', 'TINGGI']); // AVERAGE
    expect(band(p.name)).toEqual(['7.0000', '5.0000', '60.00', 'RENDAH']); // lower is better: (2 x 5 - 7) / 5
    expect(band(p2.name)).toEqual(['4.0000', '10.0000', '40.00', 'SANGAT_RENDAH']); // TW II rejected: not counted
    expect(byName.get(p2.name)!.quarters.map((x) => [x.value, x.status])).toEqual([['4.0000', 'VERIFIED'], [null, 'REJECTED'], [null, null], [null, null]]);
    expect(json.body.footer).toMatchObject({ averageAchievement: '71.00', band: 'SEDANG' });
    expect(json.body.footer.organizations).toEqual([expect.objectContaining({ organizationId: orgB, indicators: 5, averageAchievement: '71.00', band: 'SEDANG', drivingFactors: 'pendampingan', followUp: 'percepatan TW III' })]);

    // Rp columns: recomputed from the ledger entries of every expenditure line of OPD B on the row
    for (const [name, code] of [[nom.indicator, sub], [k.name, kegiatan], [p.name, program]] as const) {
      const r = byName.get(name)!;
      const ledger = await ledgerColumns(t, orgB, code, 2);
      expect([r.targetAmount, ...r.quarters.slice(0, 2).map((x) => x.amount)]).toEqual([ledger.appropriated, ...ledger.perQuarter.slice(0, 2)]);
      expect(r.disbursed).toBe(new Decimal(ledger.perQuarter[0]).plus(ledger.perQuarter[1]).toFixed(2));
      expect(r.quarters.slice(2).map((x) => x.amount)).toEqual([null, null]);
    }
    // the OPD's whole budget side in the footer: every expenditure line of OPD B
    const opd = await ledgerColumns(t, orgB, '', 2);
    expect(json.body.footer.organizations[0]).toMatchObject({ appropriated: opd.appropriated, disbursed: new Decimal(opd.perQuarter[0]).plus(opd.perQuarter[1]).toFixed(2) });
    const sRow = byName.get(nom.indicator)!;
    expect(new Decimal(sRow.quarters[0].amount!).gte('50000000.50')).toBe(true);
    expect(new Decimal(sRow.quarters[1].amount!).gte('75250000.25')).toBe(true);
    expect(sRow.budgetAbsorption).toBe(new Decimal(sRow.disbursed).times(100).dividedBy(sRow.targetAmount).toFixed(2, Decimal.ROUND_HALF_UP));
    // TW III's payment shows in the TW III report, not in TW II
    const q3 = await t.get(`/monev/evaluation?fiscalYear=2026&quarter=3&organizationId=${orgB}&programCode=${sub}`, 'auditor');
    expect(q3.body.data[0].quarters[2].amount).toBe((await ledgerColumns(t, orgB, sub, 3)).perQuarter[2]);

    // CSV and XLSX: the same figures, names and codes, no UUIDs
    const csv = await t.get(`${q}&format=csv`, 'auditor');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('evaluasi-renja-2026-tw2.csv');
    expect(csv.text).not.toContain(s.id);
    const csvRows = parse(csv.text, { columns: true }) as Record<string, string>[];
    const x = await request(t.app.getHttpServer()).get(`/api/v1${q}&format=xlsx`).set('Authorization', `Bearer ${await t.token('auditor')}`).buffer(true)
      .parse((res, cb) => { const chunks: Buffer[] = []; res.on('data', (c: Buffer) => chunks.push(c)); res.on('end', () => cb(null, Buffer.concat(chunks))); });
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const [header, ...lines] = await xlsxRows(x.body as Buffer);
    const xlsx = lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i] ?? ''])));
    const money = (v: string) => (v === '' ? '' : new Decimal(v).toFixed(2));
    for (const r of json.body.data as Row[]) {
      const expected = { ach: r.achievement, band: r.band, k: r.realization, rp: r.targetAmount, tw1: r.quarters[0].amount, tw2: r.quarters[1].amount, dis: r.disbursed };
      for (const rows of [csvRows, xlsx]) {
        const c = rows.find((l) => l['Indikator Kinerja'] === r.indicator)!;
        expect({ ach: c['Capaian Kinerja (%)'], band: c['Predikat'].toUpperCase().replace(' ', '_'), k: c['Realisasi s/d TW (K)'], rp: money(c['Target Tahun Ini (Rp)']),
          tw1: money(c['TW I (Rp)']), tw2: money(c['TW II (Rp)']), dis: money(c['Realisasi s/d TW (Rp)']) }).toEqual(expected);
      }
    }
    for (const rows of [csvRows, xlsx]) {
      expect(rows.find((l) => l['Kode'] === 'Rata-rata capaian kinerja (%)')!['Program/Kegiatan/Sub Kegiatan']).toBe('71.00');
      expect(rows.find((l) => l['Kode'] === 'Faktor penghambat')!['Program/Kegiatan/Sub Kegiatan']).toBe('lelang ulang');
      expect(money(rows.find((l) => l['Kode'] === 'Anggaran OPD (Rp)')!['Program/Kegiatan/Sub Kegiatan'])).toBe(opd.appropriated);
    }
  });
});
