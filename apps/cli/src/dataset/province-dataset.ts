import { EntityManager } from 'typeorm';

export interface DatasetScale {
  name: string;
  organizations: number;
  subActivitiesPerOrg: number;
  linesPerSubActivity: number;
  itemsPerLine: number;
  catalogueItems: number;
}

// DOMAIN.md's province scale: 60 organizations, ~2,000 sub kegiatan budgets,
// ~60,000 budget lines, ~250,000 items; plus a 20,000-item catalogue.
export const SCALES: Record<string, DatasetScale> = {
  province: { name: 'province', organizations: 60, subActivitiesPerOrg: 34, linesPerSubActivity: 30, itemsPerLine: 4, catalogueItems: 20000 },
  small: { name: 'small', organizations: 4, subActivitiesPerOrg: 3, linesPerSubActivity: 5, itemsPerLine: 3, catalogueItems: 200 },
};

export interface DatasetParams {
  scale: DatasetScale;
  fiscalYear: number;
  /** digit(s) that prefix the generated organization codes, so a data set can be told apart */
  prefix: string;
  plannerId: string;
  verifierId: string;
}

export interface DatasetStep {
  label: string;
  run(m: EntityManager, p: DatasetParams): Promise<void>;
}

const P = (p: DatasetParams) => `${p.prefix}.`;

// Bulk SQL, in one transaction: what the services would do item by item, set-
// based. Amounts are derived deterministically from row numbers (no floats).
export const DATASET_STEPS: DatasetStep[] = [
  {
    label: 'organizations',
    run: (m, p) => m.query(`
      WITH b AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, name FROM nomenclature WHERE level = 2 AND code NOT LIKE 'X%'),
           n AS (SELECT count(*) AS c FROM b)
      INSERT INTO organizations (code, name, short_name, kind, parent_id)
      SELECT $2 || lpad(g::text, 3, '0') || '.0.00.0.00.01.0000',
             'Dinas ' || initcap(lower(b.name)) || CASE WHEN g > n.c THEN ' ' || g ELSE '' END,
             'DS' || g, 'OPD', (SELECT id FROM organizations WHERE kind = 'PEMDA' ORDER BY code LIMIT 1)
      FROM generate_series(1, $1) g CROSS JOIN n JOIN b ON b.i = (g - 1) % n.c`,
      [p.scale.organizations, P(p)]),
  },
  {
    label: 'e-HSB catalogue',
    run: async (m, p) => {
      await m.query(`
        WITH acc AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM code_list_entries WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = $1) AND list = 'accounts' AND leaf AND level = 6 AND code LIKE '5.1.02.01.%'),
             n AS (SELECT count(*) AS c FROM acc),
             words AS (SELECT ARRAY['Kertas','Map','Pulpen','Tinta','Kursi','Meja','Lemari','Semen','Pasir','Besi','Cat','Kabel','Lampu','Toner','Printer','Laptop','Sabun','Air Mineral','Snack','Nasi Kotak'] AS w,
                              ARRAY['A4 80 gram','Folio','Hitam','Biru','Lipat','Kayu Jati','Besi Siku','Portland 50 kg','Beton','Ulir 10 mm','Tembok 5 kg','NYM 3x2,5','LED 18 W','Laser','Inkjet','Core i5','Cair 1 L','600 ml','Rapat','Lauk Ayam'] AS s)
        INSERT INTO hsb_items (fiscal_year, code, name, specification, unit, category, ceiling, account_codes, price)
        SELECT $1, 'DS' || $3 || '.' || lpad(g::text, 6, '0'), words.w[1 + g % 20] || ' ' || g, words.s[1 + (g / 20) % 20],
               (ARRAY['Buah','Rim','Unit','Kotak','Paket','Orang/Hari'])[1 + g % 6],
               (ARRAY['SSH','SSH','SSH','HSPK','ASB','SBU'])[1 + g % 6], CASE WHEN g % 5 = 0 THEN 'HARD' ELSE 'ESTIMATE' END,
               ARRAY[acc.code], (1000 + (g * 7919) % 2500000)::numeric(20,2)
        FROM generate_series(1, $2) g CROSS JOIN n CROSS JOIN words JOIN acc ON acc.i = g % n.c`,
      [p.fiscalYear, p.scale.catalogueItems, p.prefix]);
      await m.query(`
        INSERT INTO hsb_item_versions (item_id, version, name, specification, unit, category, ceiling, account_codes, price, source)
        SELECT id, 1, name, specification, unit, category, ceiling, account_codes, price, 'DATASET'
        FROM hsb_items WHERE fiscal_year = $1 AND code LIKE 'DS' || $2 || '.%'`, [p.fiscalYear, p.prefix]);
    },
  },
  {
    label: 'approved budget documents (DPA)',
    run: (m, p) => m.query(`
      WITH orgs AS (SELECT row_number() OVER (ORDER BY code) - 1 AS k, id FROM organizations WHERE code LIKE $2 || '%'),
           subs AS (SELECT row_number() OVER (ORDER BY code) - 1 AS j, code FROM code_list_entries WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = $1) AND list = 'nomenclature' AND leaf AND level = 5),
           n AS (SELECT count(*) AS c FROM subs)
      INSERT INTO budget_documents (fiscal_year, organization_id, sub_activity_code, stage, revision, status, total, created_by, submitted_by, approved_by, approved_at)
      SELECT $1, orgs.id, subs.code, 'MURNI', 0, 'APPROVED', 0, $4, $4, $5, now()
      FROM orgs CROSS JOIN generate_series(0, $3 - 1) s CROSS JOIN n JOIN subs ON subs.j = (orgs.k * $3 + s) % n.c`,
      [p.fiscalYear, P(p), p.scale.subActivitiesPerOrg, p.plannerId, p.verifierId]),
  },
  {
    label: 'budget lines',
    run: (m, p) => m.query(`
      WITH acc AS (SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM code_list_entries WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = $1) AND list = 'accounts' AND leaf AND level = 6 AND (code LIKE '5.1.02.%' OR code LIKE '5.2.%')),
           n AS (SELECT count(*) AS c FROM acc),
           docs AS (SELECT row_number() OVER (ORDER BY d.id) AS r, d.* FROM budget_documents d JOIN organizations o ON o.id = d.organization_id
                    WHERE d.fiscal_year = $1 AND o.code LIKE $2 || '%')
      INSERT INTO budget_lines (fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code)
      SELECT docs.fiscal_year, docs.organization_id, docs.sub_activity_code, acc.code,
             (ARRAY['1.2.1.01.02','1.1.1.01','1.2.1.01.01'])[1 + (docs.r + a) % 3]
      FROM docs CROSS JOIN generate_series(0, $3 - 1) a CROSS JOIN n JOIN acc ON acc.i = (docs.r * 7 + a * 13) % n.c
      ON CONFLICT DO NOTHING`,
      [p.fiscalYear, P(p), p.scale.linesPerSubActivity]),
  },
  {
    label: 'budget items',
    run: (m, p) => m.query(`
      WITH lines AS (SELECT row_number() OVER (ORDER BY l.id) AS r, l.*, d.id AS document_id
                     FROM budget_lines l JOIN organizations o ON o.id = l.organization_id
                     JOIN budget_documents d ON d.fiscal_year = l.fiscal_year AND d.organization_id = l.organization_id AND d.sub_activity_code = l.sub_activity_code AND d.status = 'APPROVED'
                     WHERE l.fiscal_year = $1 AND o.code LIKE $2 || '%'),
           x AS (SELECT lines.*, i, 1 + (lines.r * 31 + i * 17) % 40 AS qty, 1 + (lines.r + i) % 5 AS days,
                        (2500 + ((lines.r * 7919 + i * 104729) % 750000))::numeric(20,2) AS price
                 FROM lines CROSS JOIN generate_series(1, $3) i)
      INSERT INTO budget_document_items (document_id, account_code, funding_source_code, description, coefficients, volume, volume_unit,
                                         unit_price, vat, vat_rate, subtotal, vat_amount, total)
      SELECT document_id, account_code, funding_source_code, 'Belanja ' || i || ' untuk sub kegiatan ' || sub_activity_code,
             jsonb_build_array(jsonb_build_object('quantity', qty::text, 'unit', 'orang'), jsonb_build_object('quantity', days::text, 'unit', 'hari')),
             qty * days, 'orang-hari', price, false, 0, (qty * days * price)::numeric(20,2), 0, (qty * days * price)::numeric(20,2)
      FROM x`,
      [p.fiscalYear, P(p), p.scale.itemsPerLine]),
  },
  {
    label: 'document totals and history',
    run: async (m, p) => {
      await m.query(`
        UPDATE budget_documents d SET total = s.total
        FROM (SELECT document_id, sum(total) AS total FROM budget_document_items GROUP BY document_id) s
        JOIN organizations o ON true
        WHERE s.document_id = d.id AND o.id = d.organization_id AND o.code LIKE $2 || '%' AND d.fiscal_year = $1`, [p.fiscalYear, P(p)]);
      await m.query(`
        INSERT INTO budget_document_events (document_id, action, from_status, to_status, total, item_count, actor_id)
        SELECT d.id, e.action, e.from_status, e.to_status, d.total, (SELECT count(*) FROM budget_document_items i WHERE i.document_id = d.id),
               CASE WHEN e.action = 'APPROVED' THEN $3::uuid ELSE $4::uuid END
        FROM budget_documents d JOIN organizations o ON o.id = d.organization_id
        CROSS JOIN (VALUES (1, 'CREATED', NULL, 'DRAFT'), (2, 'SUBMITTED', 'DRAFT', 'SUBMITTED'), (3, 'APPROVED', 'SUBMITTED', 'APPROVED')) e(n, action, from_status, to_status)
        WHERE d.fiscal_year = $1 AND o.code LIKE $2 || '%' ORDER BY d.id, e.n`, [p.fiscalYear, P(p), p.verifierId, p.plannerId]);
    },
  },
  {
    label: 'appropriations on the ledger',
    run: async (m, p) => {
      await m.query(`
        CREATE TEMP TABLE ds_approp ON COMMIT DROP AS
        SELECT l.id AS line_id, d.id AS document_id, sum(i.total) AS amount
        FROM budget_lines l JOIN organizations o ON o.id = l.organization_id
        JOIN budget_documents d ON d.fiscal_year = l.fiscal_year AND d.organization_id = l.organization_id AND d.sub_activity_code = l.sub_activity_code AND d.status = 'APPROVED'
        JOIN budget_document_items i ON i.document_id = d.id AND i.account_code = l.account_code AND i.funding_source_code = l.funding_source_code
        WHERE l.fiscal_year = $1 AND o.code LIKE $2 || '%' GROUP BY l.id, d.id`, [p.fiscalYear, P(p)]);
      await m.query(`
        INSERT INTO ledger_entries (budget_line_id, kind, amount, source_type, source_id, description, actor_id, request_id)
        SELECT line_id, 'APPROPRIATION', amount, 'BudgetDocument', document_id::text, 'DPA (generated data set)', $1, 'dataset:generate'
        FROM ds_approp ORDER BY line_id`, [p.verifierId]);
      await m.query(`UPDATE budget_lines l SET appropriated = l.appropriated + a.amount, entry_count = entry_count + 1, updated_at = now() FROM ds_approp a WHERE a.line_id = l.id`);
    },
  },
  {
    label: 'cash plans',
    run: (m, p) => m.query(`
      INSERT INTO cash_plans (budget_line_id, months, total, updated_by)
      SELECT l.id,
             array_fill(trunc(l.appropriated / 12, 2), ARRAY[11]) || (l.appropriated - 11 * trunc(l.appropriated / 12, 2)),
             l.appropriated, $3
      FROM budget_lines l JOIN organizations o ON o.id = l.organization_id
      WHERE l.fiscal_year = $1 AND o.code LIKE $2 || '%' AND l.appropriated > 0`,
      [p.fiscalYear, P(p), p.plannerId]),
  },
];
