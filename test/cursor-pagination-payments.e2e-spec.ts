import { startTestApp, TestApp } from './support/test-app';

// A finance officer and an auditor page the payment documents by cursor: the
// SP2D register in issue order and the SPP, SPM and SP2D lists newest first
// give, cursor after cursor, exactly what one big numbered page gives.
describe('payment documents paged by cursor', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const walk = async (path: string, user: string): Promise<string[]> => {
    const sep = path.includes('?') ? '&' : '?';
    const first = await t.get(`${path}${sep}limit=1`, user);
    expect(first.status).toBe(200);
    const ids: string[] = first.body.data.map((d: { id: string }) => d.id);
    let cursor = first.body.meta.nextCursor as string | null;
    while (cursor) {
      const next = await t.get(`${path}${sep}limit=1&cursor=${cursor}`, user);
      expect(next.status).toBe(200);
      expect(next.body.meta.total).toBeUndefined();
      ids.push(...next.body.data.map((d: { id: string }) => d.id));
      cursor = next.body.meta.nextCursor;
    }
    return ids;
  };

  it.each([
    ['/penatausahaan/sp2d/register?fiscalYear=2026', 'auditor'],
    ['/penatausahaan/sp2d', 'auditor'],
    ['/penatausahaan/spm', 'auditor'],
    ['/penatausahaan/spp', 'auditor'],
    ['/penatausahaan/spd', 'auditor'],
  ])('%s by cursor is the numbered list, each document once', async (path, user) => {
    const whole = await t.get(`${path}${path.includes('?') ? '&' : '?'}limit=500`, user);
    expect(whole.status).toBe(200);
    expect(whole.body.meta.total).toBeGreaterThan(1);
    const ids = await walk(path, user);
    expect(ids).toEqual(whole.body.data.map((d: { id: string }) => d.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.stringify(whole.body.data)).not.toContain('__createdAt');
  });

  it('the register by cursor is in issue order', async () => {
    const rows = (await t.get('/penatausahaan/sp2d/register?fiscalYear=2026&limit=500', 'auditor')).body.data as { issuedOn: string; number: string }[];
    const keys = rows.map((r) => `${r.issuedOn} ${r.number}`);
    expect(keys).toEqual([...keys].sort());
  });
});
