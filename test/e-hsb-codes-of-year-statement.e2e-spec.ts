import { startTestApp, TestApp } from './support/test-app';

const ITEM_COLUMNS = `fiscal_year, code, name, specification, unit, category, ceiling, account_codes, price`;

// The account codes of the catalogue items one statement inserts are checked
// against each item's year once per distinct list (decision 0113): among
// many items sharing a list, one item whose list has a code outside its
// year's code-list version still refuses the whole statement, naming the code.
describe('e-HSB catalogue: the account codes of a statement\'s items, per distinct list', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  const insert = (lists: string[]) => t.sql(`
    INSERT INTO hsb_items (${ITEM_COLUMNS})
    SELECT 2027, 'CY-' || k, 'Kertas ' || k, '', 'Rim', 'SSH', 'ESTIMATE', l.list::text[], 1000
    FROM unnest($1::text[]) WITH ORDINALITY AS l(list, k)`, [lists]);

  it('refuses the statement for one code outside the year among repeated lists, and takes it when every list is in the year', async () => {
    const good = '{5.1.02.01.01.0024,5.1.02.01.01.0031}';
    const many = Array.from({ length: 500 }, (_, k) => (k % 2 ? good : '{5.1.02.01.01.0024}'));
    await expect(insert([...many, '{5.1.02.01.01.0024,9.9.99.99.99.9999}', ...many]))
      .rejects.toThrow(/accounts code 9\.9\.99\.99\.99\.9999 is not in the code list version of fiscal year 2027/);
    expect(await t.sql(`SELECT count(*)::int AS n FROM hsb_items WHERE code LIKE 'CY-%'`)).toEqual([{ n: 0 }]);
    await insert(many);
    expect(await t.sql(`SELECT count(*)::int AS n FROM hsb_items WHERE fiscal_year = 2027 AND code LIKE 'CY-%'`)).toEqual([{ n: 500 }]);
  });
});
