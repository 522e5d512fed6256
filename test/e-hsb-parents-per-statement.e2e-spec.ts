import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = 'code,name,specification,unit,price,category,accountCodes,ceiling';
const ITEM_COLUMNS = `name, specification, unit, category, ceiling, account_codes, price`;

// The catalogue's references are checked once per statement (decision 0109):
// an import writes its items and their versions in one statement; the
// database still refuses, on the API's own role, a version of an item that
// does not exist, an item of a fiscal year that does not exist, deleting or
// renumbering an item, and deleting a fiscal year that has items; an update
// re-imports the changed rows as new versions of the same items. New items
// and versions have time-ordered ids. A year being deleted and an item being
// inserted for it wait for each other (the lock the foreign key took).
describe('e-HSB catalogue: items, versions and fiscal years keep each other', () => {
  let t: TestApp;
  const upload = async (lines: string[]) => request(t.app.getHttpServer()).post('/api/v1/hsb/imports')
    .set('Authorization', `Bearer ${await t.token('price-admin')}`).field('fiscalYear', '2027')
    .attach('file', Buffer.from([HEADER, ...lines].join('\n')), 'parents.csv');

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('imports items with their versions and refuses every write that would orphan one', async () => {
    const first = await upload([
      'PS-001,Kertas HVS,A4 80 gr,Rim,52000,SSH,5.1.02.01.01.0024,ESTIMATE',
      'PS-002,Tinta Printer,Hitam 70 ml,Botol,95000,SSH,5.1.02.01.01.0024,ESTIMATE',
    ]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ imported: 2, updated: 0 });
    // a changed row becomes version 2 of the same item, beside a new item, in the same statement
    const second = await upload([
      'PS-001,Kertas HVS,A4 80 gr,Rim,54000,SSH,5.1.02.01.01.0024,ESTIMATE',
      'PS-003,Map Plastik,Folio,Buah,4500,SSH,5.1.02.01.01.0024,ESTIMATE',
    ]);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ imported: 1, updated: 1 });
    const versions = await t.sql<{ code: string; version: number; price: string }>(`
      SELECT i.code, v.version, v.price::text AS price FROM hsb_item_versions v JOIN hsb_items i ON i.id = v.item_id
      WHERE i.fiscal_year = 2027 AND i.code LIKE 'PS-%' ORDER BY i.code, v.version`);
    expect(versions).toEqual([
      { code: 'PS-001', version: 1, price: '52000.00' }, { code: 'PS-001', version: 2, price: '54000.00' },
      { code: 'PS-002', version: 1, price: '95000.00' }, { code: 'PS-003', version: 1, price: '4500.00' },
    ]);
    const [item] = await t.sql<{ id: string }>(`SELECT id FROM hsb_items WHERE fiscal_year = 2027 AND code = 'PS-001'`);
    // new items and versions have time-ordered ids (UUID version 7 layout): the second import's sort after the first's
    const ids = await t.sql<{ code: string; item: string; version: string }>(`
      SELECT i.code, i.id::text AS item, v.id::text AS version FROM hsb_items i JOIN hsb_item_versions v ON v.item_id = i.id AND v.version = 1
      WHERE i.fiscal_year = 2027 AND i.code IN ('PS-001', 'PS-003') ORDER BY i.code`);
    for (const r of ids) for (const id of [r.item, r.version]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[1].item > ids[0].item && ids[1].version > ids[0].version).toBe(true);

    // a version of no item, among versions of real ones: the whole statement is refused
    await expect(t.sql(`
      INSERT INTO hsb_item_versions (item_id, version, ${ITEM_COLUMNS}, source)
      SELECT x.id, 9, 'Kertas', '', 'Rim', 'SSH', 'ESTIMATE', '{5.1.02.01.01.0024}', 1, 'API'
      FROM (VALUES ($1::uuid), ('00000000-0000-4000-8000-000000000001'::uuid)) x(id)`, [item.id]))
      .rejects.toMatchObject({ code: '23503', message: 'e-HSB item 00000000-0000-4000-8000-000000000001 does not exist' });
    // an item of a year that does not exist
    await expect(t.sql(`INSERT INTO hsb_items (fiscal_year, code, ${ITEM_COLUMNS}) VALUES (2099, 'PS-900', 'Kertas', '', 'Rim', 'SSH', 'ESTIMATE', '{}', 1)`))
      .rejects.toMatchObject({ code: '23503', message: 'fiscal year 2099 does not exist' });
    await expect(t.sql(`UPDATE hsb_items SET fiscal_year = 2099, account_codes = '{}' WHERE id = $1`, [item.id]))
      .rejects.toMatchObject({ code: '23503', message: 'fiscal year 2099 does not exist' });
    // items stay, with their ids; a year with items stays
    await expect(t.sql(`DELETE FROM hsb_items WHERE id = $1`, [item.id])).rejects.toMatchObject({ code: '23503' });
    await expect(t.sql(`UPDATE hsb_items SET id = gen_random_uuid() WHERE id = $1`, [item.id])).rejects.toThrow(/never deleted or renumbered/);
    await expect(t.sql(`DELETE FROM fiscal_years WHERE year = 2027`)).rejects.toThrow(/fiscal year 2027 has e-HSB items/);
    await expect(t.superSql(`TRUNCATE hsb_items CASCADE`)).rejects.toThrow(/never deleted or renumbered/);
    // nothing of the refused writes remains
    expect((await t.sql(`SELECT count(*)::int AS n FROM hsb_items WHERE fiscal_year = 2027 AND code LIKE 'PS-%'`))[0]).toEqual({ n: 3 });
  });

  it('a year being deleted and an item being inserted for it wait for each other, and neither leaves an orphan', async () => {
    await t.sql(`INSERT INTO fiscal_years (year, status, code_list_version) SELECT 2031, 'PLANNING', code_list_version FROM fiscal_years WHERE year = 2027`);
    const a = new Client({ connectionString: t.url }), b = new Client({ connectionString: t.url });
    await a.connect(); await b.connect();
    const [{ pid }] = (await b.query(`SELECT pg_backend_pid() AS pid`)).rows;
    // the blocked statement is seen waiting for a lock (no timing involved)
    const waiting = async () => {
      for (;;) {
        const [{ n }] = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [pid]);
        if (n) return;
        await new Promise((r) => setImmediate(r));
      }
    };
    const insert = (code: string) => `INSERT INTO hsb_items (fiscal_year, code, ${ITEM_COLUMNS}) VALUES (2031, '${code}', 'Kertas', '', 'Rim', 'SSH', 'ESTIMATE', '{}', 1)`;
    try {
      // an insert holds the year: the deletion waits for its commit, then sees its item
      await a.query('BEGIN');
      await a.query(insert('RACE-1'));
      const deletion = b.query(`DELETE FROM fiscal_years WHERE year = 2031`).then(() => 'deleted', (e: Error) => e.message);
      await waiting();
      await a.query('COMMIT');
      expect(await deletion).toBe('fiscal year 2031 has e-HSB items');

      // a deletion goes first: an insert for the year waits for it, then finds no year
      await t.sql(`INSERT INTO fiscal_years (year, status, code_list_version) SELECT 2032, 'PLANNING', code_list_version FROM fiscal_years WHERE year = 2027`);
      await a.query('BEGIN');
      await a.query(`DELETE FROM fiscal_years WHERE year = 2032`);
      const inserted = b.query(insert('RACE-2').replace('2031', '2032')).then(() => 'inserted', (e: Error) => e.message);
      await waiting();
      await a.query('COMMIT');
      expect(await inserted).toBe('fiscal year 2032 does not exist');
      expect(await t.sql(`SELECT fiscal_year, code FROM hsb_items WHERE fiscal_year IN (2031, 2032) ORDER BY code`)).toEqual([{ fiscal_year: 2031, code: 'RACE-1' }]);
    } finally {
      await a.end(); await b.end();
    }
  });
});
