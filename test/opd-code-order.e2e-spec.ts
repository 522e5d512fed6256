import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { compareCodesC } from '@grms/core';
import { prepareTemplate } from './support/database';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(240_000);

// One order of OPDs (decision 0520). The test cluster's databases compare in
// "C", where a JSON list ordered by the OPD code and a download ordered by
// `code COLLATE "C"` cannot differ; a server whose default collation is
// linguistic (en_US.UTF-8 ignores the dots) orders '91' before '9.2'. So the
// scenario runs on a database created with such a default (ICU, en-US with
// punctuation ignored), the demo's four OPDs with 2026 budget lines renamed to
// codes that the two orders sort differently: every list, cursor walk and
// download must give them in the order of "C".
const TEMPLATE = 'grms_template_linguistic';
const CODES = ['9.2', '91', '9.10', '90'];
const C_ORDER = [...CODES].sort(compareCodesC); // 9.10, 9.2, 90, 91

/** The codes in the order they first appear. */
const firsts = (codes: string[]): string[] => codes.filter((c, i) => codes.indexOf(c) === i);

describe('one order of OPDs: by code in collation "C", on a database whose default collation is linguistic', () => {
  let t: TestApp;
  const adminUrl = process.env.GRMS_TEST_ADMIN_URL!;

  beforeAll(async () => {
    const saved = process.env.GRMS_TEST_TEMPLATE;
    await prepareTemplate(adminUrl, TEMPLATE, `TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US-u-ka-shifted' LOCALE 'C'`);
    process.env.GRMS_TEST_TEMPLATE = TEMPLATE;
    try { t = await startTestApp(); } finally { process.env.GRMS_TEST_TEMPLATE = saved; }
    const orgs = await t.sql<{ id: string }>(`SELECT DISTINCT organization_id AS id, organization_code FROM budget_lines WHERE fiscal_year = 2026 ORDER BY organization_code`);
    expect(orgs).toHaveLength(CODES.length);
    // the organization's trigger carries the new code to its budget lines
    for (const [i, o] of orgs.entries()) await t.superSql(`UPDATE organizations SET code = $2 WHERE id = $1`, [o.id, CODES[i]]);
  });
  afterAll(async () => {
    await t?.close();
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`).finally(() => c.end());
  });

  it('the database orders text linguistically, the OPD code columns in "C"', async () => {
    const [{ linguistic }] = await t.sql<{ linguistic: string[] }>(`SELECT ARRAY(SELECT c FROM unnest($1::text[]) c ORDER BY c) AS linguistic`, [CODES]);
    expect(linguistic).toEqual(['90', '91', '9.10', '9.2']);
    expect(linguistic).not.toEqual(C_ORDER);
    const columns = await t.sql<{ col: string; collation: string }>(
      `SELECT c.relname || '.' || a.attname AS col, a.attcollation::regcollation::text AS collation
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND ((c.relname = 'organizations' AND a.attname = 'code') OR a.attname = 'organization_code') ORDER BY 1`);
    expect(columns).toEqual([{ col: 'budget_lines.organization_code', collation: '"C"' }, { col: 'organizations.code', collation: '"C"' }]);
  });

  it('the organization list, page by page, in "C"', async () => {
    const all = await t.get('/organizations?limit=100', 'auditor');
    expect(all.status).toBe(200);
    const codes = (all.body.data as { code: string }[]).map((o) => o.code);
    expect(codes).toEqual([...codes].sort(compareCodesC));
    expect(codes.filter((c) => CODES.includes(c))).toEqual(C_ORDER);
    const paged: string[] = [];
    for (let page = 1; page <= all.body.meta.total; page++) paged.push(...(await t.get(`/organizations?limit=1&page=${page}`, 'auditor')).body.data.map((o: { code: string }) => o.code));
    expect(paged).toEqual(codes);
  });

  it('the budget lines: the JSON list walked by cursor and its CSV give every line once, OPDs in "C"', async () => {
    const walked: { id: string; organizationCode: string }[] = [];
    let res = await t.get('/budget-lines?fiscalYear=2026&limit=3', 'auditor');
    const total = res.body.meta.total;
    for (;;) {
      expect(res.status).toBe(200);
      walked.push(...res.body.data);
      if (!res.body.meta.nextCursor) break;
      res = await t.get(`/budget-lines?fiscalYear=2026&limit=3&cursor=${res.body.meta.nextCursor}`, 'auditor');
    }
    expect(walked).toHaveLength(total);
    expect(new Set(walked.map((l) => l.id)).size).toBe(total);
    expect(firsts(walked.map((l) => l.organizationCode))).toEqual(C_ORDER);
    const csv = await t.get('/budget-lines?fiscalYear=2026&format=csv', 'auditor');
    expect(csv.status).toBe(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['Kode OPD'])).toEqual(walked.map((l) => l.organizationCode));
  });

  it('reports by OPD: the LRA and the early warnings list OPDs in the same order as JSON and as CSV, the order of "C"', async () => {
    for (const path of ['/reports/lra?fiscalYear=2026&groupBy=organization', '/controlling/warnings?fiscalYear=2026&month=10&limit=500']) {
      const json = await t.get(path, 'auditor');
      expect({ path, status: json.status }).toEqual({ path, status: 200 });
      const jsonOrder = firsts(((json.body.rows ?? json.body.data) as { organizationCode?: string }[]).map((r) => r.organizationCode ?? '').filter(Boolean));
      const csv = await t.get(`${path}&format=csv`, 'auditor');
      expect({ path, status: csv.status }).toEqual({ path, status: 200 });
      const csvOrder = firsts((parse(csv.text, { columns: true }) as Record<string, string>[]).map((r) => r['Kode OPD']).filter(Boolean));
      expect({ path, order: jsonOrder }).toEqual({ path, order: csvOrder });
      expect({ path, order: jsonOrder }).toEqual({ path, order: C_ORDER.filter((c) => jsonOrder.includes(c)) });
      expect(jsonOrder.length).toBeGreaterThan(1);
    }
  });
});
