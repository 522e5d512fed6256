import { startTestApp, TestApp } from './support/test-app';

// The catalogue over HTTP: search by words, category and account over the
// seeded city list; versions on change; locks by the price team only.
describe('e-HSB catalogue', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const item = (over: Record<string, unknown> = {}) => ({ fiscalYear: 2027, code: 'C.SBU.001', name: 'Paket Rapat Fullday', specification: 'di dalam kota', unit: 'OK', price: '350000', category: 'SBU', accountCodes: ['5.1.02.02.01.0003'], ceiling: 'HARD', ...over });

  it('searches the seeded price list by words of name or specification, with a real total', async () => {
    const res = await t.get('/hsb/items?fiscalYear=2026&q=kertas a4&limit=5', 'planner-a');
    expect(res.status).toBe(200);
    expect(res.body.meta.total).toBeGreaterThan(0);
    expect(res.body.data.length).toBeLessThanOrEqual(5);
    for (const i of res.body.data) expect(`${i.name} ${i.specification}`.toLowerCase()).toMatch(/kertas[\s\S]*a4|a4[\s\S]*kertas/);
    const none = await t.get('/hsb/items?fiscalYear=2026&q=kertas zzqx', 'planner-a');
    expect(none.body.meta.total).toBe(0);
  });

  it('filters by category and by account (leaf or parent)', async () => {
    const sbu = await t.get('/hsb/items?fiscalYear=2026&category=SBU', 'verifier');
    expect(sbu.body.meta.total).toBeGreaterThan(0);
    expect(sbu.body.data.every((i: { category: string }) => i.category === 'SBU')).toBe(true);
    const leaf = await t.get('/hsb/items?fiscalYear=2026&accountCode=5.1.02.01.01.0024', 'verifier');
    expect(leaf.body.data.every((i: { accountCodes: string[] }) => i.accountCodes.includes('5.1.02.01.01.0024'))).toBe(true);
    const parent = await t.get('/hsb/items?fiscalYear=2026&accountCode=5.1.02.01.01', 'verifier');
    expect(parent.body.meta.total).toBeGreaterThanOrEqual(leaf.body.meta.total);
  });

  it('has a trigram index that answers word searches, fast on 20,000+ items', async () => {
    // 20,000 more entries (plain rows, as a big regional list would be)
    await t.sql(`INSERT INTO hsb_items (fiscal_year, code, name, specification, unit, category, ceiling, account_codes, price)
      SELECT 2027, 'BULK.' || g, 'Barang uji ' || md5(g::text), 'spesifikasi ' || (g % 97), 'Buah', 'SSH', 'ESTIMATE', ARRAY['5.1.02.01.01.0024'], 1000 + g
      FROM generate_series(1, 20000) g`);
    await t.sql('ANALYZE hsb_items');
    // The planner may still prefer a scan of short rows; what matters is that the index can answer the query.
    const plan: Record<string, string>[] = await t.db.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query(`EXPLAIN SELECT item_id FROM hsb_item_search WHERE search_text LIKE '%kertas%' AND search_text LIKE '%a4%'`);
    });
    const text = plan.map((r) => Object.values(r).join('')).join('\n');
    // the index is on the items' search entries (decision 0108)
    expect(text).toContain('Bitmap Index Scan on hsb_item_search_trgm');
    expect(text).not.toContain('Seq Scan');
    const started = Date.now();
    const res = await t.get('/hsb/items?q=kertas a4&limit=20', 'planner-a');
    expect(res.body.meta.total).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('lets only the price team create, with stable refusals', async () => {
    expect((await t.post('/hsb/items', item(), 'planner-a')).status).toBe(403);
    expect((await t.post('/hsb/items', item({ price: 350000 }), 'price-admin')).status).toBe(400);
    const unknown = await t.post('/hsb/items', item({ accountCodes: ['5.1.02.99.99.999'] }), 'price-admin');
    expect([unknown.status, unknown.body.code]).toEqual([422, 'UNKNOWN_ACCOUNT']);
    const created = await t.post('/hsb/items', item(), 'price-admin');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'C.SBU.001', price: '350000.00', version: 1, locked: false, ceiling: 'HARD' });
    const dup = await t.post('/hsb/items', item(), 'price-admin');
    expect([dup.status, dup.body.code]).toEqual([409, 'DUPLICATE_HSB_CODE']);
  });

  it('makes a new version on a price change, keeps the old one, and does nothing for an identical PATCH', async () => {
    const [it] = (await t.get('/hsb/items?fiscalYear=2027&q=C.SBU.001', 'price-admin')).body.data;
    const same = await t.patch(`/hsb/items/${it.id}`, { price: '350000.00' }, 'price-admin');
    expect(same.body.version).toBe(1);
    const changed = await t.patch(`/hsb/items/${it.id}`, { price: '375000', expectedVersion: 1 }, 'price-admin');
    expect(changed.body).toMatchObject({ version: 2, price: '375000.00' });
    const stale = await t.patch(`/hsb/items/${it.id}`, { price: '380000', expectedVersion: 1 }, 'price-admin');
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const detail = await t.get(`/hsb/items/${it.id}`, 'auditor');
    expect(detail.body.versions.map((v: { version: number; price: string }) => [v.version, v.price])).toEqual([[2, '375000.00'], [1, '350000.00']]);
  });

  it('a locked item cannot change, even through the database, until unlocked', async () => {
    const [it] = (await t.get('/hsb/items?fiscalYear=2027&q=C.SBU.001', 'price-admin')).body.data;
    expect((await t.post(`/hsb/items/${it.id}/lock`, {}, 'planner-a')).status).toBe(403);
    expect((await t.post(`/hsb/items/${it.id}/lock`, {}, 'price-admin')).body.locked).toBe(true);
    const refused = await t.patch(`/hsb/items/${it.id}`, { price: '1' }, 'price-admin');
    expect([refused.status, refused.body.code]).toEqual([409, 'HSB_ITEM_LOCKED']);
    await expect(t.sql(`UPDATE hsb_items SET price = 1 WHERE id = $1`, [it.id])).rejects.toThrow(/locked/);
    expect((await t.get('/hsb/items?fiscalYear=2027&locked=true', 'price-admin')).body.data.map((i: { code: string }) => i.code)).toContain('C.SBU.001');
    expect((await t.post(`/hsb/items/${it.id}/unlock`, {}, 'price-admin')).body.locked).toBe(false);
    expect((await t.patch(`/hsb/items/${it.id}`, { price: '360000' }, 'price-admin')).body.version).toBe(3);
  });

  it('locks and unlocks a whole year (or one category) for the budgeting round in one call, audited', async () => {
    const before = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM hsb_items WHERE fiscal_year = 2026`);
    const lock = await t.post('/hsb/locks', { fiscalYear: 2026, locked: true }, 'price-admin');
    expect(lock.status).toBe(200);
    expect(lock.body).toMatchObject({ fiscalYear: 2026, category: null, locked: true, total: before[0].n });
    expect(lock.body.changed).toBeGreaterThan(0);
    expect((await t.sql(`SELECT count(*)::int AS n FROM hsb_items WHERE fiscal_year = 2026 AND NOT locked`))[0].n).toBe(0);
    const again = await t.post('/hsb/locks', { fiscalYear: 2026, locked: true }, 'price-admin');
    expect(again.body.changed).toBe(0);
    const [item] = (await t.get('/hsb/items?fiscalYear=2026&limit=1', 'price-admin')).body.data;
    expect((await t.patch(`/hsb/items/${item.id}`, { price: '1' }, 'price-admin')).body.code).toBe('HSB_ITEM_LOCKED');
    const audit = await t.get('/audit/events?entityType=HsbCatalogue&entityId=2026', 'auditor');
    expect(audit.body.data[0]).toMatchObject({ action: 'HSB_CATALOGUE.LOCK' });
    expect(audit.body.data[0].after.codes).toHaveLength(lock.body.changed);
    expect((await t.post('/hsb/locks', { fiscalYear: 2026, locked: false }, 'planner-a')).status).toBe(403);
    expect((await t.post('/hsb/locks', { fiscalYear: 2099, locked: false }, 'price-admin')).body.code).toBe('FISCAL_YEAR_NOT_FOUND');
    const unlock = await t.post('/hsb/locks', { fiscalYear: 2026, category: 'SSH', locked: false }, 'price-admin');
    expect(unlock.body.changed).toBeGreaterThan(0);
    expect((await t.sql(`SELECT count(*)::int AS n FROM hsb_items WHERE fiscal_year = 2026 AND category = 'SSH' AND locked`))[0].n).toBe(0);
  });
});
