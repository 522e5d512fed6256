import { WARNING_ORGS_PER_PAGE } from '@grms/e-controlling';
import { allRows, Row } from './support/controlling-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// The auditor pages through the early warnings of the whole province. They are
// judged OPD by OPD, a few OPDs at a time in one snapshot, keeping only the
// page asked for (judged all at once they ended the API under its heap cap at
// province scale): every page is the window of the one list, the total is
// real, and no warning is lost or repeated at a batch's edge: the OPDs' own
// lists together are the province's.
describe('e-controlling: early warnings paged OPD by OPD', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const PATH = '/controlling/warnings?fiscalYear=2026&month=10';
  const key = (r: Row) => JSON.stringify([r.organizationCode, r.kind, r.subject, r.detail]);

  it('pages are windows of one list with its real total, and the OPDs\' lists add up to it across batches', async () => {
    // more organizations than one batch judges, so the list crosses a batch's edge
    const orgs = await t.sql<{ id: string; code: string }>(`SELECT id, code FROM organizations WHERE kind = 'OPD' ORDER BY code COLLATE "C"`);
    const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM organizations`);
    expect(n).toBeGreaterThan(WARNING_ORGS_PER_PAGE);

    const all = await allRows(t, PATH, 'auditor');
    expect(all.length).toBeGreaterThan(6);
    const first = await t.get(`${PATH}&limit=4`, 'auditor');
    expect(first.status).toBe(200);
    expect(first.body.meta.total).toBe(all.length);
    expect(first.body.data).toEqual(all.slice(0, 4));
    const third = await t.get(`${PATH}&limit=3&page=3`, 'auditor');
    expect(third.body.data).toEqual(all.slice(6, 9));
    expect(third.body.meta.total).toBe(all.length);
    const beyond = await t.get(`${PATH}&limit=50&page=${Math.ceil(all.length / 50) + 1}`, 'auditor');
    expect(beyond.body).toMatchObject({ data: [], meta: { total: all.length } });
    // in OPD code order, then kind and subject
    const codes = all.map((r) => String(r.organizationCode));
    expect(codes).toEqual([...codes].sort((a, b) => a.localeCompare(b)));

    // each OPD's list (with its units) as its own filter gives; together, exactly the province's list
    const byOpd: string[] = [];
    let withWarnings = 0;
    for (const o of orgs) {
      const rows = await allRows(t, `${PATH}&organizationId=${o.id}`, 'auditor');
      if (rows.length) withWarnings++;
      byOpd.push(...rows.map(key));
    }
    expect(withWarnings).toBeGreaterThan(1);
    expect(byOpd.sort()).toEqual(all.map(key).sort());
  });
});
