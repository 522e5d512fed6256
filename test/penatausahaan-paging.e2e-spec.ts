import { allottedLine, approvedSpm, issueSp2d, TREASURER_ACCOUNT } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// Long books are paged: the BKU's JSON entries and the SP2D register come a
// page at a time with the real total, while the csv/xlsx downloads still carry
// every entry of the range.
describe('e-penatausahaan: the BKU and the SP2D register are paged, their downloads whole', () => {
  let t: TestApp;
  let orgA: string;
  let today: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    today = (await t.sql<{ d: string }>(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`))[0].d;
  });
  afterAll(async () => { await t.close(); });

  it('pages the BKU entries and the register with a real total; downloads carry everything', async () => {
    const id = await allottedLine(t, '24000000.00', '12000000.00');
    const { spmId } = await approvedSpm(t, { type: 'UP', organizationId: orgA, payee: TREASURER_ACCOUNT, lines: [{ budgetLineId: id, amount: '1000000.00' }] });
    await issueSp2d(t, spmId);
    for (let i = 0; i < 3; i++) {
      const move = await t.post('/penatausahaan/bku/entries', { organizationId: orgA, entryDate: today, subLedger: 'BANK', direction: 'OUT', toSubLedger: 'CASH', amount: '10000.00', description: `penarikan tunai ${i + 1}` }, 'treasurer-a');
      expect(move.status).toBe(201);
    }
    const url = `/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`;
    const all = (await t.get(url, 'treasurer-a')).body;
    const total = all.meta.total as number;
    expect(total).toBeGreaterThanOrEqual(7); // the UP receipt and three transfers of two entries each
    expect(all.entries).toHaveLength(Math.min(total, 50));
    expect(all.meta).toEqual({ page: 1, limit: 50, total, nextCursor: total > 50 ? expect.any(String) : null });

    const page2 = await t.get(`${url}&page=2&limit=3`, 'treasurer-a');
    expect(page2.status).toBe(200);
    expect(page2.body.meta).toEqual({ page: 2, limit: 3, total, nextCursor: expect.any(String) });
    expect(page2.body.entries.map((e: { no: number }) => e.no)).toEqual([4, 5, 6]);
    // the balances are those of the whole range, whatever the page
    expect(page2.body.closing).toEqual(all.closing);
    expect(page2.body.opening).toEqual(all.opening);
    const beyond = (await t.get(`${url}&page=999&limit=3`, 'treasurer-a')).body;
    expect(beyond.entries).toEqual([]);
    expect(beyond.meta.total).toBe(total);

    // the download is the whole book, paging parameters or not
    const csv = await t.get(`${url}&format=csv&page=2&limit=3`, 'treasurer-a');
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n').length - 1).toBe(total);

    const bad = await t.get(`${url}&limit=0`, 'treasurer-a');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('limit');

    // the SP2D register
    const reg = `/penatausahaan/sp2d/register?fiscalYear=2026&organizationId=${orgA}`;
    const first = (await t.get(reg, 'auditor')).body;
    const sp2ds = first.meta.total as number;
    expect(sp2ds).toBeGreaterThanOrEqual(1);
    expect(first.data).toHaveLength(Math.min(sp2ds, 50));
    const one = (await t.get(`${reg}&page=${sp2ds}&limit=1`, 'auditor')).body;
    expect(one.meta).toEqual({ page: sp2ds, limit: 1, total: sp2ds, nextCursor: null });
    expect(one.data).toHaveLength(1);
    expect(one.data[0].number).toBe(first.data[sp2ds - 1].number);
    const regCsv = await t.get(`${reg}&format=csv&limit=1`, 'auditor');
    expect(regCsv.text.trim().split('\r\n').length - 1).toBe(sp2ds);
  });
});
