import { announcedPackage, expectOk, vendor } from './support/delivery-fixtures';
import { evenPlan, freshLine, setPlan } from './support/penatausahaan-fixtures';
import { startTestApp, TestApp } from './support/test-app';

// An auditor walks the remaining long lists by cursor: the e-HSB catalogue
// (also a search), the packages, the contract register and one OPD's cash
// book. Cursor after cursor gives exactly what one big numbered page gives,
// each row once, in a total order (contracts signed the same day in number
// order); a cursor of another list is refused.
describe('catalogue, packages, contracts and BKU paged by cursor', () => {
  let t: TestApp;
  let orgA: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = await t.orgId('A');
    // three contracts signed on the same day, so that the register's order needs its number
    const lineId = await freshLine(t, 'A', '900000000.00');
    await setPlan(t, lineId, 'A', evenPlan('900000000.00'));
    for (const n of [3, 1, 2]) {
      const pkg = await announcedPackage(t, lineId, '100000000.00');
      const v = await vendor(t);
      const c = await t.post('/delivery/contracts', {
        packageId: pkg, vendorId: v.id, number: `KTR/CUR/${n}/2026`, signedOn: '2026-04-01', value: '100000000.00', startDate: '2026-04-05', endDate: '2026-12-15',
        maintenanceDays: 30, termins: [{ percent: '100', progressThreshold: '100' }],
      }, 'project-officer-a');
      expectOk(c, 201, 'contract');
    }
  });
  afterAll(async () => { await t.close(); });

  const walk = async (path: string, user: string, limit: number, rows: (body: { data?: unknown[]; entries?: unknown[] }) => unknown[] = (b) => b.data!): Promise<{ id: string }[]> => {
    const sep = path.includes('?') ? '&' : '?';
    const first = await t.get(`${path}${sep}limit=${limit}`, user);
    expect(first.status).toBe(200);
    const out = rows(first.body) as { id: string }[];
    let cursor = first.body.meta.nextCursor as string | null;
    while (cursor) {
      const next = await t.get(`${path}${sep}limit=${limit}&cursor=${cursor}`, user);
      expect(next.status).toBe(200);
      expect(next.body.meta.total).toBeUndefined();
      expect(next.body.meta.page).toBeUndefined();
      out.push(...(rows(next.body) as { id: string }[]));
      cursor = next.body.meta.nextCursor;
    }
    return out;
  };

  it.each([
    ['/hsb/items?fiscalYear=2026', 200],
    ['/hsb/items?q=kertas', 7],
    ['/project-planning/packages?fiscalYear=2026', 1],
    ['/delivery/contracts?fiscalYear=2026', 1],
  ])('%s by cursor is the numbered list, each row once', async (path, limit) => {
    const whole = await t.get(`${path}&limit=500&page=1`, 'auditor');
    expect(whole.status).toBe(200);
    expect(whole.body.meta.total).toBeGreaterThan(limit);
    const all: { id: string }[] = [...whole.body.data];
    for (let page = 2; all.length < whole.body.meta.total; page++) all.push(...(await t.get(`${path}&limit=500&page=${page}`, 'auditor')).body.data);
    const walked = await walk(path, 'auditor', limit);
    expect(walked.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(walked.map((r) => r.id)).size).toBe(whole.body.meta.total);
    expect(JSON.stringify(walked)).not.toMatch(/__negYear|__rank/);
  });

  it('the register of contracts signed the same day is in number order', async () => {
    const rows = await walk('/delivery/contracts?fiscalYear=2026', 'auditor', 1) as unknown as { number: string; signedOn: string }[];
    const ours = rows.filter((r) => r.number.startsWith('KTR/CUR/'));
    expect(ours.map((r) => r.number)).toEqual(['KTR/CUR/1/2026', 'KTR/CUR/2/2026', 'KTR/CUR/3/2026']);
    const keys = rows.map((r) => `${r.signedOn} ${r.number}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('the cash book by cursor is its numbered entries, with the same opening and closing', async () => {
    const path = `/penatausahaan/bku?organizationId=${orgA}&fiscalYear=2026`;
    const whole = await t.get(`${path}&limit=500`, 'auditor');
    expect(whole.status).toBe(200);
    expect(whole.body.meta.total).toBeGreaterThan(1);
    const walked = await walk(path, 'auditor', 1, (b) => b.entries!) as unknown as { id: string; no: number }[];
    expect(walked.map((e) => e.id)).toEqual(whole.body.entries.map((e: { id: string }) => e.id));
    expect(walked.map((e) => e.no)).toEqual([...walked.map((e) => e.no)].sort((a, b) => a - b));
    const second = await t.get(`${path}&limit=1&cursor=${whole.body.meta.nextCursor ?? (await t.get(`${path}&limit=1`, 'auditor')).body.meta.nextCursor}`, 'auditor');
    expect(second.body.closing).toEqual(whole.body.closing);
  });

  it('refuses a cursor of another list, and a cursor with a page number', async () => {
    const hsb = (await t.get('/hsb/items?fiscalYear=2026&limit=1', 'auditor')).body.meta.nextCursor;
    const res = await t.get(`/delivery/contracts?limit=1&cursor=${hsb}`, 'auditor');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_CURSOR');
    const both = await t.get(`/project-planning/packages?page=2&cursor=${(await t.get('/project-planning/packages?limit=1', 'auditor')).body.meta.nextCursor}`, 'auditor');
    expect(both.status).toBe(400);
  });
});
