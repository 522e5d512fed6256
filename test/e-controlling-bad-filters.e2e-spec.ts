import { startTestApp, TestApp } from './support/test-app';

// The filters of e-controlling's reports refuse what does not exist with a
// 4xx and a stable code, in JSON and in downloads alike, and write nothing:
// an unknown organization (404), another OPD's for an OPD user (404), a code
// that is not a program (422 UNKNOWN_PROGRAM) or not a code at all (400), an
// unknown fiscal year (404), and a snapshot of a month that is not over:
// no version to read (404) and none to freeze (422 RFK_MONTH_NOT_OVER).
describe('e-controlling: unknown filters and future snapshots', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('answers each with its status and code', async () => {
    const count = async () => (await t.sql<{ n: number }>(`SELECT (SELECT count(*) FROM rfk_snapshots)::int + (SELECT count(*) FROM rfk_snapshot_rows)::int AS n`))[0].n;
    const n0 = await count();
    const [{ id: orgB }] = await t.sql<{ id: string }>(`SELECT id FROM organizations WHERE code <> '1.01.0.00.0.00.01.0000' AND parent_id IS NULL ORDER BY code LIMIT 1`);
    const [{ code: kegiatan }] = await t.sql<{ code: string }>(`SELECT code FROM nomenclature WHERE level = 4 ORDER BY code LIMIT 1`);
    const routes = ['/controlling/rfk?fiscalYear=2026&month=9', '/controlling/rfk?fiscalYear=2026&month=12', '/controlling/packages?fiscalYear=2026&month=9',
      '/controlling/warnings?fiscalYear=2026&month=9', '/controlling/realization?fiscalYear=2026&month=9'];
    for (const base of routes) {
      for (const format of ['', '&format=csv']) {
        const unknownOrg = await t.get(`${base}&organizationId=7a1c3e52-0000-4000-8000-000000000001${format}`, 'auditor');
        expect({ base, format, status: unknownOrg.status, code: unknownOrg.body.code }).toEqual({ base, format, status: 404, code: 'NOT_FOUND' });
        const otherOpd = await t.get(`${base}&organizationId=${orgB}${format}`, 'project-officer-a');
        expect({ base, format, status: otherOpd.status, code: otherOpd.body.code }).toEqual({ base, format, status: 404, code: 'NOT_FOUND' });
        const unknownProgram = await t.get(`${base}&programCode=9.99.99${format}`, 'auditor');
        expect({ base, format, status: unknownProgram.status, code: unknownProgram.body.code, field: unknownProgram.body.errors?.[0]?.field })
          .toEqual({ base, format, status: 422, code: 'UNKNOWN_PROGRAM', field: 'programCode' });
        const notAProgram = await t.get(`${base}&programCode=${kegiatan}${format}`, 'auditor');
        expect({ base, format, status: notAProgram.status, code: notAProgram.body.code }).toEqual({ base, format, status: 422, code: 'UNKNOWN_PROGRAM' });
        expect(notAProgram.body.detail).toContain('not a program (level 3)');
        const malformed = await t.get(`${base}&programCode=${encodeURIComponent("1.01'; --")}${format}`, 'auditor');
        expect({ base, format, status: malformed.status, field: malformed.body.errors?.[0]?.field }).toEqual({ base, format, status: 400, field: 'programCode' });
      }
    }
    const year = await t.get('/controlling/rfk?fiscalYear=2031&month=1', 'auditor');
    expect({ status: year.status, code: year.body.code }).toEqual({ status: 404, code: 'FISCAL_YEAR_NOT_FOUND' });

    // a month that is not over has no snapshot to read, and none can be made
    const notFrozen = await t.get('/controlling/rfk?fiscalYear=2026&month=12&version=1', 'auditor');
    expect({ status: notFrozen.status, code: notFrozen.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await t.get('/controlling/rfk?fiscalYear=2026&month=12&limit=1', 'auditor')).body.report).toMatchObject({ frozen: false, versions: [] });
    for (const [y, m] of [[2026, 12], [2027, 1]]) {
      const future = await t.post(`/controlling/rfk/${y}/${m}/freeze`, { reason: 'terlalu awal' }, 'admin');
      expect({ y, m, status: future.status, code: future.body.code }).toEqual({ y, m, status: 422, code: 'RFK_MONTH_NOT_OVER' });
      expect(future.body.errors[0].field).toBe('month');
    }
    expect(await count()).toBe(n0);
  });
});
