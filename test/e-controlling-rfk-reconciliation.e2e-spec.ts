import { plannedOn } from '@grms/e-controlling';
import Decimal from 'decimal.js';
import { allRows, Row } from './support/controlling-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The RFK's rolled-up rows (OPD, program, kegiatan, sub kegiatan), which the
// database computes in one statement, recomputed here from the ledger
// entries, the cash plans, the packages' funding and their physical progress,
// and compared to the sen and to the hundredth of a point: budget, financial
// target and realisation (Rp and %), remaining budget, weight, physical
// target and realisation, weighted physical. Pages are cut from the same
// numbering, and the S-curve by day in SQL is `plannedOn`.
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const pct = (part: Decimal, whole: Decimal) => (whole.isZero() ? '0.00' : part.times(100).dividedBy(whole).toFixed(2));
const rp = (x: Decimal) => x.toFixed(2);

interface Sums { budget: Decimal; disbursed: Decimal; planned: Decimal; base: Decimal; pw: Decimal; aw: Decimal }
const zero = (): Sums => ({ budget: new D(0), disbursed: new D(0), planned: new D(0), base: new D(0), pw: new D(0), aw: new D(0) });

describe('e-controlling: the RFK roll-up recomputed from the ledger', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('every rolled-up row of November equals the sums of its lines, to the sen', async () => {
    const asOf = '2026-11-30';
    const month = 11;
    const lines = await t.sql<{ id: string; org: string; prog: string; act: string; sub: string; ap: string; di: string; cash: string | null }>(
      `SELECT b.id, o.code AS org, COALESCE(n3.code, '') AS prog, COALESCE(n4.code, '') AS act, b.sub_activity_code AS sub,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION'), 0)::text AS ap, COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0)::text AS di,
         (SELECT sum(x) FROM budgeting_cash_plans_v c, unnest(c.months[1:${month}]) x WHERE c.budget_line_id = b.id)::text AS cash
       FROM budget_lines b JOIN organizations o ON o.id = b.organization_id JOIN nomenclature n5 ON n5.code = b.sub_activity_code
       LEFT JOIN nomenclature n4 ON n4.code = n5.parent_code LEFT JOIN nomenclature n3 ON n3.code = n4.parent_code
       LEFT JOIN ledger_entries e ON e.budget_line_id = b.id AND e.value_date <= $1::date
       WHERE b.fiscal_year = 2026 AND b.account_code LIKE '5.%' GROUP BY b.id, o.code, n3.code, n4.code`, [asOf]);
    const funding = await t.sql<{ line: string; pkg: string; amount: string; value: string; plan: string[] | null }>(
      `SELECT f.budget_line_id AS line, f.package_id AS pkg, f.amount::text, p.value::text, p.financial_plan::text[] AS plan
       FROM planning_package_funding_v f JOIN planning_package_plans_v p ON p.id = f.package_id WHERE p.fiscal_year = 2026 AND p.status <> 'CANCELLED'`);
    const packages = new Map((await allRows(t, `/controlling/packages?fiscalYear=2026&month=${month}`, 'auditor')).map((p) => [String(p.packageId), p]));
    expect(packages.size).toBeGreaterThan(0);

    const groups = new Map<string, Sums>();
    const add = (key: string, s: Sums) => {
      const g = groups.get(key) ?? zero();
      for (const k of Object.keys(s) as (keyof Sums)[]) g[k] = g[k].plus(s[k]);
      groups.set(key, g);
    };
    for (const l of lines) {
      const shares = funding.filter((f) => f.line === l.id);
      const ap = new D(l.ap);
      const di = new D(l.di);
      // the plan: the cash plan to the month, else the packages' financial plans pro rata to their funding on the line
      const planned = l.cash !== null ? new D(l.cash)
        : shares.reduce((s, f) => s.plus(new D((f.plan ?? []).slice(0, month).reduce((a, x) => a.plus(x), new D(0))).times(f.amount).dividedBy(f.value)), new D(0));
      const plannedRounded = new D(planned.toFixed(2));
      const packaged = shares.reduce((s, f) => s.plus(f.amount), new D(0));
      const routine = D.max(ap.minus(packaged), 0);
      let pw = shares.reduce((s, f) => s.plus(new D(f.amount).times(String(packages.get(f.pkg)!.plannedPhysical)).dividedBy(100)), new D(0));
      let aw = shares.reduce((s, f) => s.plus(new D(f.amount).times(String(packages.get(f.pkg)!.actualPhysical)).dividedBy(100)), new D(0));
      if (!ap.isZero() && !routine.isZero()) {
        pw = pw.plus(routine.times(D.min(plannedRounded, ap)).dividedBy(ap));
        aw = aw.plus(routine.times(di).dividedBy(ap));
      }
      const s: Sums = { budget: ap, disbursed: di, planned: plannedRounded, base: packaged.plus(routine), pw, aw };
      for (const key of [`OPD|${l.org}`, `PROGRAM|${l.org}|${l.prog}`, `KEGIATAN|${l.org}|${l.act}`, `SUB_KEGIATAN|${l.org}|${l.sub}`]) add(key, s);
    }

    const rfk = await allRows(t, `/controlling/rfk?fiscalYear=2026&month=${month}`, 'auditor');
    const rolled = rfk.filter((r) => r.level !== 'PACKAGE');
    expect(rolled.length).toBe(groups.size);
    for (const r of rolled) {
      const key = r.level === 'OPD' ? `OPD|${r.organizationCode}` : `${r.level}|${r.organizationCode}|${r.code}`;
      const g = groups.get(key);
      expect({ key, found: !!g }).toEqual({ key, found: true });
      const opd = groups.get(`OPD|${r.organizationCode}`)!;
      expect({ key, ...r }).toMatchObject({
        key, budget: rp(g!.budget), financialRealisation: rp(g!.disbursed), remainingBudget: rp(g!.budget.minus(g!.disbursed)),
        financialTarget: rp(g!.planned), financialTargetPercent: pct(g!.planned, g!.budget), financialRealisationPercent: pct(g!.disbursed, g!.budget),
        weight: pct(g!.base, opd.base), physicalTarget: pct(g!.pw, g!.base), physicalRealisation: pct(g!.aw, g!.base), weightedPhysical: pct(g!.aw, opd.base),
      });
    }
    // package rows: their value, weighed in the OPD's base
    for (const r of rfk.filter((x) => x.level === 'PACKAGE')) {
      const p = [...packages.values()].find((x) => x.packageCode === r.code)!;
      const base = groups.get(`OPD|${r.organizationCode}`)!.base;
      expect(r).toMatchObject({ budget: p.value, physicalTarget: p.plannedPhysical, physicalRealisation: p.actualPhysical, status: p.status, weight: pct(new D(String(p.value)), base) });
    }
    expect(rfk.some((r) => r.level === 'PACKAGE' && Number(r.weight) > 0)).toBe(true);

    // a page is a slice of the same numbering, with the real total
    const page = await t.get(`/controlling/rfk?fiscalYear=2026&month=${month}&page=2&limit=5`, 'auditor');
    expect(page.body.meta.total).toBe(rfk.length);
    expect(page.body.data).toEqual(rfk.slice(5, 10));
    expect(page.body.data.map((r: Row) => r.rowNo)).toEqual([6, 7, 8, 9, 10]);
    const past = await t.get(`/controlling/rfk?fiscalYear=2026&month=${month}&page=1000&limit=5`, 'auditor');
    expect(past.body).toMatchObject({ data: [], meta: { total: rfk.length } });
  });

  it('the S-curve by day in the database is plannedOn, on every day kind', async () => {
    const plans = new Map((await t.sql<{ id: string; curve: string[] | null }>(
      `SELECT id, physical_plan::text[] AS curve FROM planning_package_plans_v WHERE fiscal_year = 2026 AND status <> 'CANCELLED'`)).map((p) => [p.id, p.curve]));
    for (const asOf of ['2026-01-01', '2026-01-16', '2026-02-28', '2026-09-15', '2026-10-07', '2026-12-31']) {
      const rows = await allRows(t, `/controlling/packages?fiscalYear=2026&asOf=${asOf}`, 'auditor');
      expect(rows.length).toBe(plans.size);
      for (const p of rows) expect({ asOf, code: p.packageCode, planned: p.plannedPhysical }).toEqual({ asOf, code: p.packageCode, planned: plannedOn(plans.get(String(p.packageId)) ?? null, 2026, asOf) });
    }
  });
});
