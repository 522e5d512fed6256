import { allottedLine, approvedSpm, ledgerClean, SUPPLIER } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const sen = (s: string | null) => BigInt((s ?? '0').replace('.', ''));
const fmt = (n: bigint) => `${n < 0n ? '-' : ''}${(n < 0n ? -n : n) / 100n}.${String((n < 0n ? -n : n) % 100n).padStart(2, '0')}`;
interface Day { date: string; revenueDeposited: string; position: string }

// A deposit slip (STS) recorded by mistake has a way back for its revenue
// treasurer (decision 0140): cancelled while its month is open (reversed on
// its own deposit date, so the LRA, the revenue line, the treasurer's book
// and the treasury's cash read as if it had never been recorded); once the
// month is closed, refused naming the month and corrected instead (reversed
// today); never leaving the treasury's cash negative on a later day while the
// cash check is on; undone once, even by two requests at once. The LRA
// equals the ledger to the sen after each.
describe('revenue: cancelling and correcting a deposit slip (STS)', () => {
  let t: TestApp;
  let orgA: string;
  let lineId: string;
  const ACCOUNT = '4.1.02.02.01.004'; // OPD A's demo revenue line
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    lineId = (await t.get(`/budget-lines?fiscalYear=2026&organizationId=${orgA}&accountCode=${ACCOUNT}`, 'auditor')).body.data[0].id;
  });
  afterAll(async () => { await t.close(); });

  const sts = async (depositDate: string, amount: string, payer: string) => {
    const res = await t.post('/penatausahaan/sts', { organizationId: orgA, depositDate, accountCode: ACCOUNT, amount, payer, description: `Retribusi ${payer}` }, 'revenue-treasurer-a');
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string };
  };
  const today = async () => (await t.sql<{ d: string }>(`SELECT current_date::text AS d`))[0].d;
  const days = async (date: string): Promise<Day[]> => (await t.get(`/treasury/cash-position?date=${date}`, 'cash-authority')).body.days;
  const dayRevenue = async (date: string) => (await days(date)).find((d) => d.date === date)?.revenueDeposited ?? '0.00';

  /** The LRA's revenue realisation as of a date, checked against the ledger summed by SQL to the sen. */
  const lraRevenue = async (asOf: string): Promise<string> => {
    const res = await t.get(`/reports/lra?fiscalYear=2026&asOf=${asOf}&level=6`, 'auditor');
    expect(res.status).toBe(200);
    const [want] = await t.sql<{ revenue: string; leaf: string }>(
      `SELECT COALESCE(sum(e.amount) FILTER (WHERE b.account_code LIKE '4.%'), 0)::text AS revenue,
         COALESCE(sum(e.amount) FILTER (WHERE b.account_code = $2), 0)::text AS leaf
       FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id
       WHERE b.fiscal_year = 2026 AND e.kind = 'REALIZATION' AND e.value_date <= $1::date`, [asOf, ACCOUNT]);
    expect(res.body.totals.revenue.realized).toBe(fmt(sen(want.revenue)));
    expect(res.body.rows.find((r: { code: string }) => r.code === ACCOUNT).realized).toBe(fmt(sen(want.leaf)));
    const silpa = sen(res.body.totals.surplus.realized) + sen(res.body.totals.financingNet.realized);
    expect(res.body.totals.silpa.realized).toBe(fmt(silpa));
    return res.body.totals.revenue.realized;
  };

  it('cancels an STS of an open month on its own date: ledger, LRA, book and treasury drop it', async () => {
    const wrong = await sts('2026-06-10', '4750000.25', 'SMA Negeri 7 Semarang');
    const right = await sts('2026-06-12', '475000.25', 'SMA Negeri 7 Semarang');
    const lraBefore = await lraRevenue('2026-06-30');
    const bookBefore = (await t.get('/penatausahaan/revenue-book?fiscalYear=2026', 'revenue-treasurer-a')).body;
    expect(await dayRevenue('2026-06-10')).toBe('4750000.25');

    expect((await t.post(`/penatausahaan/sts/${wrong.id}/cancel`, { reason: 'x' }, 'treasurer-a')).status).toBe(403);
    const blank = await t.post(`/penatausahaan/sts/${wrong.id}/cancel`, { reason: '   ' }, 'revenue-treasurer-a');
    expect([blank.status, blank.body.errors]).toEqual([400, [expect.objectContaining({ field: 'reason' })]]);
    const res = await t.post(`/penatausahaan/sts/${wrong.id}/cancel`, { reason: 'nominal salah ketik: seharusnya 475.000,25' }, 'revenue-treasurer-a');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: wrong.id, status: 'CANCELLED', reversedOn: '2026-06-10', cancelReason: 'nominal salah ketik: seharusnya 475.000,25', cancelledBy: 'revenue-treasurer-a' });
    expect((await t.get(`/penatausahaan/sts/${right.id}`, 'auditor')).body).toMatchObject({ status: 'RECORDED', reversedOn: null });

    // the ledger: one REALIZATION reversal on the deposit date, naming the entry it reverses
    const entries = (await t.get(`/budget-lines/${lineId}/entries?limit=500`, 'auditor')).body.data as { id: string; kind: string; amount: string; sourceType: string; reversesEntryId: string | null; valueDate: string }[];
    const original = entries.find((e) => e.sourceType === 'Sts' && e.amount === '4750000.25')!;
    expect(entries.filter((e) => e.sourceType === 'StsCancellation')).toEqual([expect.objectContaining({ kind: 'REALIZATION', amount: '-4750000.25', reversesEntryId: original.id, valueDate: '2026-06-10' })]);
    expect((await t.get(`/budget-lines/${lineId}?asOf=2026-06-10`, 'auditor')).body.realized)
      .toBe((await t.get(`/budget-lines/${lineId}?asOf=2026-06-09`, 'auditor')).body.realized);
    // the LRA equals the ledger, and is short of the cancelled slip on every date after it
    expect(sen(await lraRevenue('2026-06-30'))).toBe(sen(lraBefore) - 475000025n);
    await lraRevenue(await today());
    // the treasurer's book: the opposite entries, the balance unchanged, the year's totals without the slip
    const book = (await t.get('/penatausahaan/revenue-book?fiscalYear=2026&limit=500', 'revenue-treasurer-a')).body;
    expect(book.data.filter((e: { documentNumber: string }) => e.documentNumber === wrong.number).map((e: { date: string; amount: string }) => [e.date, e.amount]))
      .toEqual([['2026-06-10', '4750000.25'], ['2026-06-10', '-4750000.25'], ['2026-06-12', '4750000.25'], ['2026-06-12', '-4750000.25']]);
    expect(book.balance).toBe(bookBefore.balance);
    expect(sen(book.received)).toBe(sen(bookBefore.received) - 475000025n);
    expect(sen(book.deposited)).toBe(sen(bookBefore.deposited) - 475000025n);
    // the treasury: the slip's day no longer holds it
    expect(await dayRevenue('2026-06-10')).toBe('0.00');

    const again = await t.post(`/penatausahaan/sts/${wrong.id}/correct`, { reason: 'lagi' }, 'revenue-treasurer-a');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STS_ALREADY_CANCELLED');
    const audit = await t.get(`/audit/events?entityType=Sts&entityId=${wrong.id}`, 'auditor');
    expect(audit.body.data[0]).toMatchObject({ action: 'STS.CANCEL', actorUsername: 'revenue-treasurer-a', before: { status: 'RECORDED' }, after: { status: 'CANCELLED' } });
    await ledgerClean(t);
  });

  it('refuses a cancellation that would leave a later day\'s cash negative, with the arithmetic; a correction today goes through', async () => {
    const slip = await sts('2026-08-03', '1000000.00', 'PT Sewa Aula');
    // an SP2D on the next day spends all but 500,000.00 of what the treasury holds from then on
    const low = (await days('2026-12-31')).filter((d) => d.date > '2026-08-04')
      .reduce((min, d) => (sen(d.position) < min ? sen(d.position) : min), sen((await days('2026-08-04')).at(-1)!.position));
    const spend = fmt(low - 50000000n);
    const line = await allottedLine(t, spend, spend);
    const { spmId } = await approvedSpm(t, { type: 'LS', organizationId: orgA, lines: [{ budgetLineId: line, amount: spend }], payee: SUPPLIER, taxes: [] });
    expect((await t.post('/penatausahaan/sp2d', { spmId, issuedOn: '2026-08-04' }, 'cash-authority')).status).toBe(201);
    const short = (await days('2026-12-31')).find((d) => d.date > '2026-08-03' && sen(d.position) < 100000000n)!;
    expect(short.date >= '2026-08-04').toBe(true);

    const refused = await t.post(`/penatausahaan/sts/${slip.id}/cancel`, { reason: 'dobel input' }, 'revenue-treasurer-a');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INSUFFICIENT_TREASURY_CASH');
    expect(refused.body.detail).toContain(`STS ${slip.number}`);
    expect(refused.body.detail).toContain('asks 1000000.00 on 2026-08-03');
    expect(refused.body.detail).toContain(`but only ${short.position} on ${short.date}`);
    expect(refused.body.detail).toContain(`short by ${fmt(100000000n - sen(short.position))} on ${short.date}`);
    expect((await t.get(`/penatausahaan/sts/${slip.id}`, 'auditor')).body.status).toBe('RECORDED');
    expect(await dayRevenue('2026-08-03')).toBe('1000000.00');

    // today's deposits hold the amount: the correction, dated today, leaves every earlier day as it was
    const day = await today();
    await sts(day, '20000000.00', 'PT Sewa Aula');
    const positionToday = sen((await days(day)).at(-1)!.position);
    const corrected = await t.post(`/penatausahaan/sts/${slip.id}/correct`, { reason: 'dobel input' }, 'revenue-treasurer-a');
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'CORRECTED', reversedOn: day });
    expect(await dayRevenue('2026-08-03')).toBe('1000000.00');
    expect(sen((await days(day)).at(-1)!.position)).toBe(positionToday - 100000000n);
    await lraRevenue('2026-08-31');
    await lraRevenue(day);
    await ledgerClean(t);
  });

  it('refuses to cancel an STS of a closed month, naming the month; the correction posts in the open month and the closed month stays', async () => {
    const [slip] = (await t.get(`/penatausahaan/sts?fiscalYear=2026&organizationId=${orgA}&from=2026-03-01&to=2026-03-31`, 'revenue-treasurer-a')).body.data as { id: string; number: string; amount: string }[];
    expect((await t.post('/ledger/periods/2026/3/close', { reason: 'tutup buku Maret' }, 'cash-authority')).status).toBe(200);
    const marchBefore = await lraRevenue('2026-03-31');

    const refused = await t.post(`/penatausahaan/sts/${slip.id}/cancel`, { reason: 'salah rekening' }, 'revenue-treasurer-a');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PERIOD_CLOSED');
    expect(refused.body.detail).toContain('the ledger month 2026-03 was closed by cash-authority');
    expect(refused.body.detail).toContain(`/penatausahaan/sts/${slip.id}/correct`);

    const day = await today();
    const lraToday = await lraRevenue(day);
    const corrected = await t.post(`/penatausahaan/sts/${slip.id}/correct`, { reason: 'salah rekening' }, 'revenue-treasurer-a');
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'CORRECTED', reversedOn: day });
    expect(await lraRevenue('2026-03-31')).toBe(marchBefore);
    expect(sen(await lraRevenue(day))).toBe(sen(lraToday) - sen(slip.amount));
    const entries = (await t.get(`/budget-lines/${lineId}/entries?limit=500`, 'auditor')).body.data as { sourceType: string; amount: string; valueDate: string }[];
    expect(entries.filter((e) => e.sourceType === 'StsCancellation' && e.amount === fmt(-sen(slip.amount)))).toEqual([expect.objectContaining({ valueDate: day })]);
    await ledgerClean(t);
  });
  it('two cancellations of one STS at once: one reverses it, the other is refused, nothing twice', async () => {
    const day = await today();
    const slip = await sts(day, '333333.33', 'SMK Negeri 4 Semarang');
    const before = await dayRevenue(day);
    const [a, b] = await Promise.all(['cancel', 'correct'].map((action) =>
      t.post(`/penatausahaan/sts/${slip.id}/${action}`, { reason: 'tercatat dua kali' }, 'revenue-treasurer-a')));
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('STS_ALREADY_CANCELLED');
    const reversals = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_entries WHERE source_type = 'StsCancellation' AND source_id = $1`, [slip.id]);
    expect(reversals[0].n).toBe(1);
    const book = (await t.get('/penatausahaan/revenue-book?fiscalYear=2026&limit=500', 'revenue-treasurer-a')).body;
    expect(book.data.filter((e: { documentNumber: string }) => e.documentNumber === slip.number)).toHaveLength(4);
    expect(sen(await dayRevenue(day))).toBe(sen(before) - 33333333n);
    await ledgerClean(t);
  });
});
