import { planNodes } from './support/plan-nodes';
import { StatementLog } from './support/statement-log';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

// A document's items (what its detail, submit, approve and reject answer with)
// come as one JSON text built by PostgreSQL, in the statement that reads the
// document (decision 0237). Their catalogue item's code, version and price are
// read per item by key: joined, the planner hashed both catalogue tables whole
// (22,821 rows each on the province data set) once it expected ~200 items per
// document. The subqueries keep the plan whatever the statistics; the demo's
// small tables would not show the old plan, so the test holds the shape. The
// items keep their values, exact to the sen, and their order.
describe('e-budgeting: the items of a 500-item document read their catalogue item by key', () => {
  let t: TestApp;
  const log = new StatementLog();
  beforeAll(async () => { t = await startTestApp(); log.install(); });
  afterAll(async () => { log.uninstall(); await t.close(); });

  it('plans the catalogue lookups as index probes and answers every item as it is stored', async () => {
    const doc = await t.post('/budgeting/documents', { fiscalYear: 2027, subActivityCode: '1.01.02.1.01.0015', stage: 'MURNI' }, 'planner-a');
    expect(doc.status).toBe(201);
    const id: string = doc.body.id;
    // 500 items over 25 accounts, as the bench's document (setup by SQL); every 50th priced from a catalogue version
    await t.sql(`
      WITH acc AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM code_list_entries
                   WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = 2027) AND list = 'accounts' AND leaf AND level = 6 AND code LIKE '5.1.02.01.01.%' LIMIT 25),
           hsb AS (SELECT v.item_id, v.id FROM hsb_item_versions v ORDER BY v.id LIMIT 1)
      INSERT INTO budget_document_items (document_id, account_code, funding_source_code, hsb_item_id, hsb_version_id, description, coefficients, volume, volume_unit,
        unit_price, vat, vat_rate, subtotal, vat_amount, total, justification)
      SELECT $1, acc.code, '1.1.1.01', CASE WHEN g % 50 = 0 THEN hsb.item_id END, CASE WHEN g % 50 = 0 THEN hsb.id END, 'Belanja "' || g || E'"\\n',
        '[{"quantity":"3","unit":"paket"}]', 3, 'paket', 1000.25 + g, g % 2 = 0, CASE WHEN g % 2 = 0 THEN 0.11 ELSE 0 END,
        3 * (1000.25 + g), CASE WHEN g % 2 = 0 THEN round(3 * (1000.25 + g) * 0.11, 2) ELSE 0 END,
        3 * (1000.25 + g) + CASE WHEN g % 2 = 0 THEN round(3 * (1000.25 + g) * 0.11, 2) ELSE 0 END, CASE WHEN g % 7 = 0 THEN 'harga pasar' END
      FROM generate_series(1, 500) g JOIN acc ON acc.i = g % 25 CROSS JOIN hsb`, [id]);
    await t.sql(`UPDATE budget_documents SET total = (SELECT sum(total) FROM budget_document_items WHERE document_id = $1) WHERE id = $1`, [id]);
    await t.sql('ANALYZE budget_document_items');

    log.clear();
    const res = await t.get(`/budgeting/documents/${id}`, 'planner-a');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const sent = log.sent.filter((s) => /json_agg\(t\)/.test(s.text));
    expect(sent).toHaveLength(1);

    const catalogue = (await planNodes(t.ownerUrl, sent[0])).filter((n) => n['Relation Name'] === 'hsb_items' || n['Relation Name'] === 'hsb_item_versions');
    expect(catalogue.map((n) => n['Relation Name']).sort()).toEqual(['hsb_item_versions', 'hsb_item_versions', 'hsb_items']);
    for (const n of catalogue) expect({ node: n['Node Type'], under: n['Parent Relationship'] }).toEqual({ node: expect.stringMatching(/^Index (Only )?Scan$/), under: 'SubPlan' });

    // every item as stored, the amounts as PostgreSQL writes them, by account and then in the order added
    const expected = await t.sql(
      `SELECT i.id, i.account_code AS "accountCode", i.funding_source_code AS "fundingSourceCode", i.hsb_item_id AS "hsbItemId", h.code AS "hsbCode",
         v.version AS "hsbVersion", v.price::text AS "hsbPrice", i.description, i.coefficients, i.volume::text AS volume, i.volume_unit AS "volumeUnit",
         i.unit_price::text AS "unitPrice", i.vat, i.vat_rate::text AS "vatRate", i.subtotal::text AS subtotal, i.vat_amount::text AS "vatAmount",
         i.total::text AS total, i.justification
       FROM budget_document_items i LEFT JOIN hsb_items h ON h.id = i.hsb_item_id LEFT JOIN hsb_item_versions v ON v.id = i.hsb_version_id
       WHERE i.document_id = $1 ORDER BY i.account_code, i.seq`, [id]);
    expect(expected).toHaveLength(500);
    expect(res.body.items).toEqual(expected);
    expect(res.body.items.filter((i: { hsbCode: string | null }) => i.hsbCode !== null)).toHaveLength(10);
    expect(res.body.items.find((i: { description: string }) => i.description === 'Belanja "2"\n')).toMatchObject({ vat: true, subtotal: '3006.75', vatAmount: '330.74', total: '3337.49' });
    expect(res.body.itemCount).toBe(500);
  });
});
