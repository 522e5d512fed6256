import request from 'supertest';
import { HsbSearchIndex } from '@grms/e-hsb';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = 'code,name,specification,unit,price,category,accountCodes,ceiling';

// The import writes its items' search entries after its commit (decision
// 0108): until they are written the items are pending, and a search finds
// them all the same; a renamed item is found by its new words only, before
// and after its entry is rewritten.
describe('e-HSB search right after an import', () => {
  let t: TestApp;
  const upload = async (lines: string[]) => request(t.app.getHttpServer()).post('/api/v1/hsb/imports')
    .set('Authorization', `Bearer ${await t.token('price-admin')}`).field('fiscalYear', '2027')
    .attach('file', Buffer.from([HEADER, ...lines].join('\n')), 'search.csv');
  const codes = async (q: string) => (await t.get(`/hsb/items?fiscalYear=2027&q=${encodeURIComponent(q)}`, 'planner-a')).body.data.map((i: { code: string }) => i.code);
  const state = async (code: string) => (await t.sql<{ pending: number; entry: string | null }>(`
    SELECT (SELECT count(*)::int FROM hsb_search_pending p WHERE p.item_id = i.id) AS pending, (SELECT s.search_text FROM hsb_item_search s WHERE s.item_id = i.id) AS entry
    FROM hsb_items i WHERE i.fiscal_year = 2027 AND i.code = $1`, [code]))[0];

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('finds imported items while their entries are pending, and by their new words once renamed', async () => {
    // another pass holds the catch-up lock: the import's own pass leaves its entries pending
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let taken!: () => void;
    const lockTaken = new Promise<void>((r) => { taken = r; });
    const holder = t.db.transaction(async (m) => { await m.query('SELECT pg_advisory_xact_lock(74211, 0)'); taken(); await held; });
    await lockTaken;
    const first = await upload([
      'SR-001,Kaligrafi Tembaga,Bingkai jati,Buah,450000,SSH,5.1.02.01.01.0024,ESTIMATE',
      'SR-002,Plakat Kuningan,Ukir nama,Buah,300000,SSH,5.1.02.01.01.0024,ESTIMATE',
    ]);
    expect(first.status).toBe(200);
    expect(first.body.imported).toBe(2);
    await t.app.get(HsbSearchIndex).catchUp();
    expect(await state('SR-001')).toEqual({ pending: 1, entry: null });
    expect(await codes('kaligrafi tembaga')).toEqual(['SR-001']);
    expect((await codes('sr-00')).sort()).toEqual(['SR-001', 'SR-002']);

    release();
    await holder;
    await t.app.get(HsbSearchIndex).catchUp();
    expect(await state('SR-001')).toEqual({ pending: 0, entry: 'sr-001 kaligrafi tembaga bingkai jati' });
    expect(await codes('kaligrafi')).toEqual(['SR-001']);

    // a new name by a re-import: the stale entry never finds the item, the new words always do
    const renamed = await upload(['SR-001,Lukisan Tembaga,Bingkai jati,Buah,450000,SSH,5.1.02.01.01.0024,ESTIMATE']);
    expect(renamed.body).toMatchObject({ imported: 0, updated: 1 });
    expect(await codes('kaligrafi')).toEqual([]);
    expect(await codes('lukisan')).toEqual(['SR-001']);
    await t.app.get(HsbSearchIndex).catchUp();
    expect(await state('SR-001')).toEqual({ pending: 0, entry: 'sr-001 lukisan tembaga bingkai jati' });
    expect(await codes('lukisan')).toEqual(['SR-001']);

    // an item created through the API gets its entry in its own transaction
    const created = await t.post('/hsb/items', {
      fiscalYear: 2027, code: 'SR-003', name: 'Vandel Perunggu', unit: 'Buah', category: 'SSH', ceiling: 'ESTIMATE', accountCodes: ['5.1.02.01.01.0024'], price: '125000',
    }, 'price-admin');
    expect(created.status).toBe(201);
    expect(await state('SR-003')).toEqual({ pending: 0, entry: 'sr-003 vandel perunggu ' });
    expect(await codes('vandel')).toEqual(['SR-003']);
  });
});
