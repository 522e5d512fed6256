import { Client } from 'pg';
import { verifyTreasuryCashDays } from '@grms/e-penatausahaan';
import { allottedLine, approvedSpm, ledgerClean, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// SP2Ds that arrive while every stripe of escrowed cash is locked (decision
// 0025): a sweep in progress holds them all until its COMMIT. One SP2D per OPD
// (those of one OPD queue earlier, on its cash book and number). They wait for
// one stripe that covers them and spend from it once the sweep commits,
// instead of each taking the slow path and sweeping in turn (the convoy that
// kept every SP2D of a 16-client run on the slow path once the stripes had
// been emptied).
jest.setTimeout(300_000);

const OPDS = ['A', 'B'] as const;
const WAITING = OPDS.length;

describe('SP2D issuance while a sweep holds every stripe', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '8' });
    const orgB = await t.orgId('B');
    for (const [username, roles] of [['treasurer-b', ['TREASURER']], ['finance-officer-b', ['FINANCE_OFFICER']], ['budget-user-b', ['BUDGET_USER']]] as const) {
      expect((await t.post('/users', { username, password: 'kas-daerah-b-2026', fullName: username, roles, organizationId: orgB }, 'admin')).status).toBe(201);
    }
    // the demo password, so that the fixtures sign them in as they do the demo accounts
    await t.superSql(`UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'treasurer-a') WHERE username LIKE '%-b' AND organization_id = $1`, [orgB]);
  });
  afterAll(async () => { await t.close(); });

  it(`${WAITING} SP2Ds queued behind a sweep each spend from one stripe, none sweeps`, async () => {
    const amount = '1000.00';
    const spmIds: string[] = [];
    for (const org of ['A', ...OPDS] as const) {
      const line = await allottedLine(t, amount, amount, org);
      const k = org.toLowerCase();
      spmIds.push((await approvedSpm(t, { type: 'LS', organizationId: await t.orgId(org), lines: [{ budgetLineId: line, amount }], payee: SUPPLIER, taxes: [] },
        `treasurer-${k}`, `finance-officer-${k}`, `budget-user-${k}`)).spmId);
    }
    // the stripes emptied (the check switched on), then handed out again by one SP2D alone
    expect((await t.put('/treasury/settings/2026', { cashCheck: true }, 'admin')).status).toBe(200);
    await t.token('cash-authority');
    expect((await t.post('/penatausahaan/sp2d', { spmId: spmIds[0] }, 'cash-authority')).status).toBe(201);
    const before = await counters(t);
    expect(before.slow).toBeGreaterThan(0);
    expect(before.total).not.toBe('0.00');

    // a sweep in progress: every stripe of the year locked in stripe order, held open
    const sweep = new Client({ connectionString: t.ownerUrl });
    await sweep.connect();
    let pending: Promise<{ status: number }[]> = Promise.resolve([]);
    try {
      await sweep.query('BEGIN');
      await sweep.query(`SELECT 1 FROM treasury_cash_stripes WHERE fiscal_year = 2026 ORDER BY stripe FOR UPDATE`);
      pending = Promise.all(spmIds.slice(1).map((spmId) => t.post('/penatausahaan/sp2d', { spmId }, 'cash-authority')));
      // every SP2D reaches the treasury's cash and waits behind the sweep
      await until(async () => (await t.superSql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%treasury_cash_spend%'`))[0].n === WAITING);
      await sweep.query('COMMIT');
    } finally {
      await sweep.end();
    }
    const res = await pending;
    expect(res.map((r) => r.status)).toEqual(Array(WAITING).fill(201));

    // each took one stripe after the sweep; none took every stripe, and the stripes gave exactly what was spent
    const after = await counters(t);
    expect(after.fast - before.fast).toBe(WAITING);
    expect(after.slow).toBe(before.slow);
    expect(sen(before.total) - sen(after.total)).toBe(BigInt(WAITING) * sen(amount));
    const days = await verifyTreasuryCashDays(t.db);
    expect(days.problems).toEqual([]);
    await ledgerClean(t);
  });
});

async function counters(t: TestApp): Promise<{ fast: number; slow: number; total: string }> {
  const [r] = await t.superSql<{ fast: number; slow: number; total: string }>(
    `SELECT sum(fast_spends)::int AS fast, sum(slow_spends)::int AS slow, sum(balance)::text AS total FROM treasury_cash_stripes WHERE fiscal_year = 2026`);
  return r;
}

async function until(cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the SP2Ds never reached the treasury cash');
}

function sen(s: string): bigint {
  const [i, f = ''] = s.split('.');
  return BigInt(i + f.padEnd(2, '0'));
}
