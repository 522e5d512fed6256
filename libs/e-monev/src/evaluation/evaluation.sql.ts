import { SqlWhere } from '@grms/core';

export interface EvaluationFilters {
  fiscalYear: number; quarter: number; organizationId?: string; programCode?: string; scope: string[] | null;
  /** downloads: the rows after this one in the report's order, at most `limit` of them */
  after?: EvaluationKey | null; limit?: number;
}

/** A row's place in the report's order: OPD code, code, level, name, id. */
export interface EvaluationKey { organization_code: string; code: string; level: string; name: string; indicator_id: string }

/** One row per indicator in the filters, with its verified quarterly values and the ledger's expenditure by quarter of value date. */
export interface EvaluationSqlRow extends EvaluationKey {
  organization_id: string; organization_name: string; code_name: string;
  unit: string; direction: string; aggregation: string; target: string; quarterly_targets: string[];
  renstra_target: string | null; renstra_amount: string | null; previous_realization: string | null; previous_amount: string | null;
  responsible_unit: string | null; notes: string | null;
  values: (string | null)[]; statuses: (string | null)[]; appropriated: string; disbursed: string[];
  /** the indicator's OPD over all its expenditure lines (the footer): appropriation, disbursement to the quarter */
  organization_appropriated: string; organization_disbursed: string;
}

const ORDER = 'o.code, i.code, i.level, i.name, i.id';

/** The indicators of the filters (and, for a download page, after a key and limited), in the report's order. */
function indicatorsOf(f: EvaluationFilters): { sql: string; params: unknown[] } {
  const w = new SqlWhere().add('i.fiscal_year = ?', f.fiscalYear).scope('i.organization_id', f.scope).add('i.organization_id = ?', f.organizationId)
    .add(`(i.code = ? OR i.code LIKE ? || '.%')`, f.programCode);
  const params = [...w.params];
  let clause = w.clause;
  if (f.after) {
    const a = f.after;
    params.push(a.organization_code, a.code, a.level, a.name, a.indicator_id);
    const n = params.length;
    clause += ` AND (${ORDER}) > ($${n - 4}::text, $${n - 3}::text, $${n - 2}::text, $${n - 1}::text, $${n}::uuid)`;
  }
  const limit = f.limit ? ` LIMIT ${Math.trunc(f.limit)}` : '';
  return { sql: `SELECT i.*, o.code AS organization_code, o.name AS organization_name FROM monev_indicators i JOIN organizations o ON o.id = i.organization_id ${clause} ORDER BY ${ORDER}${limit}`, params };
}

/** The OPDs of a download page: the ledger side of the page's query reads only their lines. */
export function evaluationPageOrganizationsSql(f: EvaluationFilters): { sql: string; params: unknown[] } {
  const ind = indicatorsOf(f);
  return { sql: `SELECT DISTINCT organization_id AS id FROM (${ind.sql}) p`, params: ind.params };
}

// The evaluation report's one query (also what `npm run bench` times as raw
// SQL): indicators in scope, their realisations pivoted per quarter, and the
// expenditure side from the view budget_expenditure_quarters (APPROPRIATION
// as posted: this year's budget, like this year's target; DISBURSEMENT per
// quarter of value date up to the evaluated one, before the year counted in
// TW I) on the row's code and every code under it, for the indicator's OPD.
//
// The ledger is read once (decision 0611): the view's rows of the OPDs asked
// for (the OPD filter is given to the view itself, so one OPD reads only its
// lines) are pivoted to one row per OPD and sub kegiatan, rolled up to every
// code above it (each sub kegiatan counts under each of its dotted prefixes,
// which is exactly "the code and every code under it"; nomenclature codes
// have at most six segments, the join takes up to eight), and joined to the
// indicators by equality, no LIKE over the ledger's rows. The same pivot
// gives each OPD's whole budget for the footer.
export function evaluationSql(f: EvaluationFilters, organizations?: string[]): { sql: string; params: unknown[] } {
  const ind = indicatorsOf(f);
  const params = [...ind.params, f.fiscalYear, f.quarter, organizations ?? (f.organizationId ? [f.organizationId] : f.scope)];
  const [y, q, orgs] = [params.length - 2, params.length - 1, params.length];
  const d = (n: number) => `COALESCE(sum(v.amount) FILTER (WHERE v.kind = 'DISBURSEMENT' AND v.quarter ${n === 1 ? '<= 1' : `= ${n}`}), 0)`;
  const sql = `
    WITH ind AS (${ind.sql}),
    sub AS (
      SELECT v.organization_id, v.sub_activity_code,
        COALESCE(sum(v.amount) FILTER (WHERE v.kind = 'APPROPRIATION'), 0) AS a, ${d(1)} AS d1, ${d(2)} AS d2, ${d(3)} AS d3, ${d(4)} AS d4
      FROM budget_expenditure_quarters v
      WHERE v.fiscal_year = $${y} AND ($${orgs}::uuid[] IS NULL OR v.organization_id = ANY($${orgs}::uuid[])) AND (v.kind = 'APPROPRIATION' OR v.quarter <= $${q})
      GROUP BY 1, 2),
    code AS (
      SELECT s.organization_id, array_to_string(p.parts[1:k.n], '.') AS code, sum(s.a) AS a, sum(s.d1) AS d1, sum(s.d2) AS d2, sum(s.d3) AS d3, sum(s.d4) AS d4
      FROM sub s CROSS JOIN LATERAL (SELECT string_to_array(s.sub_activity_code, '.') AS parts) p
        JOIN (VALUES (1), (2), (3), (4), (5), (6), (7), (8)) AS k(n) ON k.n <= cardinality(p.parts)
      GROUP BY 1, 2),
    org AS (SELECT organization_id, sum(a) AS a, sum(d1 + d2 + d3 + d4) AS d FROM sub GROUP BY 1),
    re AS (
      SELECT r.indicator_id,
        (array_agg(r.value::text) FILTER (WHERE r.status = 'VERIFIED' AND r.quarter = 1))[1] AS v1,
        (array_agg(r.value::text) FILTER (WHERE r.status = 'VERIFIED' AND r.quarter = 2))[1] AS v2,
        (array_agg(r.value::text) FILTER (WHERE r.status = 'VERIFIED' AND r.quarter = 3))[1] AS v3,
        (array_agg(r.value::text) FILTER (WHERE r.status = 'VERIFIED' AND r.quarter = 4))[1] AS v4,
        (array_agg(r.status) FILTER (WHERE r.quarter = 1))[1] AS s1, (array_agg(r.status) FILTER (WHERE r.quarter = 2))[1] AS s2,
        (array_agg(r.status) FILTER (WHERE r.quarter = 3))[1] AS s3, (array_agg(r.status) FILTER (WHERE r.quarter = 4))[1] AS s4
      FROM monev_realizations r WHERE r.indicator_id IN (SELECT id FROM ind) AND r.quarter <= $${q} GROUP BY r.indicator_id)
    SELECT i.id AS indicator_id, i.organization_id, i.organization_code, i.organization_name, i.level, i.code, n.name AS code_name,
      i.name, i.unit, i.direction, i.aggregation, i.target::text AS target, i.quarterly_targets::text[] AS quarterly_targets,
      i.renstra_target::text AS renstra_target, i.renstra_amount::text AS renstra_amount, i.previous_realization::text AS previous_realization,
      i.previous_amount::text AS previous_amount, i.responsible_unit, i.notes,
      ARRAY[re.v1, re.v2, re.v3, re.v4] AS values, ARRAY[re.s1, re.s2, re.s3, re.s4] AS statuses,
      COALESCE(c.a, 0)::numeric(20,2)::text AS appropriated,
      ARRAY[COALESCE(c.d1, 0)::numeric(20,2)::text, COALESCE(c.d2, 0)::numeric(20,2)::text, COALESCE(c.d3, 0)::numeric(20,2)::text, COALESCE(c.d4, 0)::numeric(20,2)::text] AS disbursed,
      COALESCE(og.a, 0)::numeric(20,2)::text AS organization_appropriated, COALESCE(og.d, 0)::numeric(20,2)::text AS organization_disbursed
    FROM ind i JOIN nomenclature n ON n.code = i.code
    LEFT JOIN code c ON c.organization_id = i.organization_id AND c.code = i.code
    LEFT JOIN org og ON og.organization_id = i.organization_id
    LEFT JOIN re ON re.indicator_id = i.id
    ORDER BY i.organization_code, i.code, i.level, i.name, i.id`;
  return { sql, params };
}
