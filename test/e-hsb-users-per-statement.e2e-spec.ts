import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = 'code,name,specification,unit,price,category,accountCodes,ceiling';
const ITEM_COLUMNS = `name, specification, unit, category, ceiling, account_codes, price`;

// The users a catalogue names (an item's `locked_by`, a version's
// `created_by`) are checked once per statement (decision 0113), as the item
// and the fiscal year are (decision 0109): the database still refuses, on the
// API's own role, a version or an item naming a user that does not exist and
// a lock by one, and deleting or renumbering a user the catalogue names. A
// user being deleted and a version being written for it wait for each other
// (the lock the foreign key took), and neither leaves an orphan.
describe('e-HSB catalogue: items and versions keep the users they name', () => {
  let t: TestApp;
  const upload = async (lines: string[]) => request(t.app.getHttpServer()).post('/api/v1/hsb/imports')
    .set('Authorization', `Bearer ${await t.token('price-admin')}`).field('fiscalYear', '2027')
    .attach('file', Buffer.from([HEADER, ...lines].join('\n')), 'users.csv');
  const newUser = async (username: string) => (await t.superSql<{ id: string }>(`
    INSERT INTO users (username, password_hash, full_name, roles) VALUES ($1, 'x', 'Pengguna Uji', ARRAY['PRICE_ADMIN']) RETURNING id`, [username]))[0].id;
  const version = (item: string, n: number, user: string): [string, string[]] => [`
    INSERT INTO hsb_item_versions (item_id, version, ${ITEM_COLUMNS}, source, created_by)
    VALUES ($1, ${n}, 'Kertas', '', 'Rim', 'SSH', 'ESTIMATE', '{5.1.02.01.01.0024}', 1, 'API', $2)`, [item, user]];

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('imports and locks as before, and refuses every write that names a missing user', async () => {
    const first = await upload(['US-001,Kertas HVS,A4 80 gr,Rim,52000,SSH,5.1.02.01.01.0024,ESTIMATE', 'US-002,Tinta Printer,Hitam 70 ml,Botol,95000,SSH,5.1.02.01.01.0024,ESTIMATE']);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ imported: 2 });
    const [item] = await t.sql<{ id: string }>(`SELECT id FROM hsb_items WHERE fiscal_year = 2027 AND code = 'US-001'`);
    // the import's versions name the price admin; a lock names its user
    const [{ created }] = await t.sql<{ created: string }>(`SELECT u.username AS created FROM hsb_item_versions v JOIN users u ON u.id = v.created_by WHERE v.item_id = $1`, [item.id]);
    expect(created).toBe('price-admin');
    const lock = await t.post(`/hsb/items/${item.id}/lock`, {}, 'price-admin');
    expect(lock.status).toBe(200);
    expect((await t.sql(`SELECT u.username FROM hsb_items i JOIN users u ON u.id = i.locked_by WHERE i.id = $1`, [item.id]))).toEqual([{ username: 'price-admin' }]);

    const ghost = '00000000-0000-4000-8000-0000000000aa';
    // a version naming no user, beside one naming a real user: the whole statement is refused
    await expect(t.sql(`
      INSERT INTO hsb_item_versions (item_id, version, ${ITEM_COLUMNS}, source, created_by)
      SELECT $1, x.n, 'Kertas', '', 'Rim', 'SSH', 'ESTIMATE', '{5.1.02.01.01.0024}', 1, 'API', x.u
      FROM (VALUES (8, (SELECT id FROM users WHERE username = 'price-admin')), (9, '${ghost}'::uuid)) x(n, u)`, [item.id]))
      .rejects.toMatchObject({ code: '23503', constraint: 'hsb_item_versions_created_by_fkey', message: `user ${ghost} does not exist` });
    // an item locked by no user, inserted or updated
    await expect(t.sql(`INSERT INTO hsb_items (fiscal_year, code, ${ITEM_COLUMNS}, locked, locked_by) VALUES (2027, 'US-900', 'Kertas', '', 'Rim', 'SSH', 'ESTIMATE', '{}', 1, true, '${ghost}')`))
      .rejects.toMatchObject({ code: '23503', constraint: 'hsb_items_locked_by_fkey', message: `user ${ghost} does not exist` });
    await expect(t.sql(`UPDATE hsb_items SET locked_by = '${ghost}' WHERE fiscal_year = 2027 AND code = 'US-002'`))
      .rejects.toMatchObject({ code: '23503', constraint: 'hsb_items_locked_by_fkey' });
    // a user the catalogue names stays, with its id
    const admin = (await t.sql<{ id: string }>(`SELECT id FROM users WHERE username = 'price-admin'`))[0].id;
    const named = await newUser('us-named');
    await t.sql(...version(item.id, 7, named));
    await expect(t.superSql(`DELETE FROM users WHERE id = $1`, [named])).rejects.toThrow(`user ${named} created e-HSB item versions`);
    await expect(t.superSql(`UPDATE users SET id = gen_random_uuid() WHERE id = $1`, [named])).rejects.toMatchObject({ code: '23503' });
    await expect(t.superSql(`UPDATE users SET id = gen_random_uuid() WHERE id = $1`, [admin])).rejects.toMatchObject({ code: '23503' });
    await expect(t.superSql(`TRUNCATE users CASCADE`)).rejects.toThrow(/TRUNCATE of users is not allowed|never deleted or renumbered/);
    // a user the catalogue does not name can still go
    const unnamed = await newUser('us-unnamed');
    await t.superSql(`DELETE FROM users WHERE id = $1`, [unnamed]);
    expect(await t.sql(`SELECT count(*)::int AS n FROM hsb_item_versions WHERE item_id = $1`, [item.id])).toEqual([{ n: 2 }]);
  });

  it('a user being deleted and a version being written for it wait for each other, and neither leaves an orphan', async () => {
    const [item] = await t.sql<{ id: string }>(`SELECT id FROM hsb_items WHERE fiscal_year = 2027 AND code = 'US-002'`);
    const a = new Client({ connectionString: t.url }), b = new Client({ connectionString: t.ownerUrl });
    await a.connect(); await b.connect();
    const waitingFor = async (c: Client) => {
      const [{ pid }] = (await c.query(`SELECT pg_backend_pid() AS pid`)).rows;
      return async () => {
        for (;;) {
          const [{ n }] = await t.superSql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [pid]);
          if (n) return;
          await new Promise((r) => setImmediate(r));
        }
      };
    };
    try {
      // a version holds its user: the deletion waits for its commit, then sees the version
      const first = await newUser('us-race-1');
      await a.query('BEGIN');
      await a.query(...version(item.id, 11, first));
      const bWaits = await waitingFor(b);
      const deletion = b.query(`DELETE FROM users WHERE id = $1`, [first]).then(() => 'deleted', (e: Error) => e.message);
      await bWaits();
      await a.query('COMMIT');
      expect(await deletion).toBe(`user ${first} created e-HSB item versions`);

      // a deletion goes first: a version naming the user waits for it, then finds no user
      const second = await newUser('us-race-2');
      await b.query('BEGIN');
      await b.query(`DELETE FROM users WHERE id = $1`, [second]);
      const aWaits = await waitingFor(a);
      const inserted = a.query(...version(item.id, 12, second)).then(() => 'inserted', (e: Error) => e.message);
      await aWaits();
      await b.query('COMMIT');
      expect(await inserted).toBe(`user ${second} does not exist`);
      expect(await t.sql(`SELECT v.version, u.username FROM hsb_item_versions v LEFT JOIN users u ON u.id = v.created_by WHERE v.item_id = $1 AND v.version > 10 ORDER BY v.version`, [item.id]))
        .toEqual([{ version: 11, username: 'us-race-1' }]);
    } finally {
      await a.end(); await b.end();
    }
  });
});
