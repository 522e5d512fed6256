import request from 'supertest';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = 'code,name,specification,unit,price,category,accountCodes,ceiling';

// The price admin imports a file whose rows are checked over the whole file
// at once (decision 0062): a code repeated in the file and a change to a
// locked item are bad rows with their lines, a repeated item is a warning
// naming the first line; the one audit record of an import carries a digest
// that an auditor recomputes from the versions the import wrote.
describe('e-HSB import: file-wide rules and the audit digest', () => {
  let t: TestApp;
  const upload = async (lines: string[], fields: Record<string, string>) => {
    let r = request(t.app.getHttpServer()).post('/api/v1/hsb/imports').set('Authorization', `Bearer ${await t.token('price-admin')}`);
    for (const [k, v] of Object.entries({ fiscalYear: '2027', ...fields })) r = r.field(k, v);
    return r.attach('file', Buffer.from([HEADER, ...lines].join('\n')), 'set.csv');
  };

  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('names the repeated code and item, refuses a change to a locked item, and audits the import with a digest of its versions', async () => {
    const first = await upload([
      'SB-001,Map Plastik,Folio,Buah,4500,SSH,5.1.02.01.01.0024,ESTIMATE',
      'SB-002,Spidol,Hitam,Buah,9000,SSH,5.1.02.01.01.0024,ESTIMATE',
      'SB-001,Map Kertas,Folio,Buah,3000,SSH,5.1.02.01.01.0024,ESTIMATE',
      'SB-003,map plastik,FOLIO,buah,4700,SSH,5.1.02.01.01.0024,ESTIMATE',
      'SB-004,Jasa Servis AC,per unit,Unit,150000,HSPK,5.1.02.01.01.0024,HARD',
    ], { mode: 'partial' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 5, imported: 4, updated: 0, skipped: 1 });
    expect(first.body.errors).toEqual([{ row: 4, field: 'code', column: 'A', apiField: 'code', message: 'code SB-001 already appears on line 2' }]);
    expect(first.body.warnings).toEqual([{ row: 5, field: 'name', column: 'B', apiField: 'name',
      message: 'same name, specification and unit as line 2 (price 4500.00) with price 4700.00; imported as its own item SB-003' }]);

    // the auditor recomputes the digest of the import's versions from the append-only version rows
    const [event] = await t.sql<{ entity_id: string; after: { versions: number; versionsSha256: string; imported: number; fileSha256: string } }>(
      `SELECT entity_id, after FROM audit_events WHERE action = 'HSB_ITEM.IMPORT' ORDER BY occurred_at DESC LIMIT 1`);
    expect(event.after).toMatchObject({ imported: 4, versions: 4 });
    expect(event.after.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const digest = async (importId: string) => (await t.sql<{ n: number; digest: string }>(`
      SELECT count(*)::int AS n, encode(sha256(convert_to(coalesce(string_agg(
          concat_ws('|', i.code, v.version, v.price::text, v.name, v.specification, v.unit, v.category, v.ceiling, array_to_string(v.account_codes, ';')),
          E'\\n' ORDER BY i.code COLLATE "C", v.version), ''), 'UTF8')), 'hex') AS digest
      FROM hsb_item_versions v JOIN hsb_items i ON i.id = v.item_id WHERE v.import_id = $1`, [importId]))[0];
    expect(await digest(event.entity_id)).toEqual({ n: 4, digest: event.after.versionsSha256 });

    // a changed price makes version 2 of SB-002; a change to the locked HSPK item is a bad row, and strict writes nothing
    expect((await t.post('/hsb/locks', { fiscalYear: 2027, category: 'HSPK', locked: true }, 'price-admin')).status).toBeLessThan(300);
    const locked = await upload([
      'SB-002,Spidol,Hitam,Buah,9500,SSH,5.1.02.01.01.0024,ESTIMATE',
      'SB-004,Jasa Servis AC,per unit,Unit,175000,HSPK,5.1.02.01.01.0024,HARD',
    ], {});
    expect(locked.status).toBe(422);
    expect(locked.body.errors).toEqual([{ row: 3, field: 'price', column: 'E', apiField: 'price', message: 'item SB-004 is locked for the budgeting round and cannot change' }]);
    const [spidol] = await t.sql<{ version: number; price: string }>(`SELECT version, price::text AS price FROM hsb_items WHERE fiscal_year = 2027 AND code = 'SB-002'`);
    expect(spidol).toEqual({ version: 1, price: '9000.00' });

    const partial = await upload([
      'SB-002,Spidol,Hitam,Buah,9500,SSH,5.1.02.01.01.0024,ESTIMATE',
      'SB-004,Jasa Servis AC,per unit,Unit,175000,HSPK,5.1.02.01.01.0024,HARD',
    ], { mode: 'partial' });
    expect(partial.body).toMatchObject({ imported: 0, updated: 1, skipped: 1 });
    const [second] = await t.sql<{ entity_id: string; after: { versions: number; versionsSha256: string } }>(
      `SELECT entity_id, after FROM audit_events WHERE action = 'HSB_ITEM.IMPORT' ORDER BY occurred_at DESC LIMIT 1`);
    expect(second.entity_id).not.toBe(event.entity_id);
    expect(await digest(second.entity_id)).toEqual({ n: 1, digest: second.after.versionsSha256 });
    const [after] = await t.sql<{ version: number; price: string }>(`SELECT version, price::text AS price FROM hsb_items WHERE fiscal_year = 2027 AND code = 'SB-002'`);
    expect(after).toEqual({ version: 2, price: '9500.00' });
  });
});
