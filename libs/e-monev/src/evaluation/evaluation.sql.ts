import { SqlWhere } from '@grms/core';

export interface EvaluationFilters { fiscalYear: number; quarter: number; organizationId?: string; programCode?: string; scope: string[] | null }

/** One row per indicator in the filters, with its verified quarterly values and the ledger's expenditure by quarter of value date. */
export interface EvaluationSqlRow {
  indicator_id: string; organization_id: string; organization_code: string; organization_name: string; level: string; code: string; code_name: string;
  name: string; unit: string; direction: string; aggregation: string; target: string; quarterly_targets: string[];
  renstra_target: string | null; renstra_amount: string | null; previous_realization: string | null; previous_amount: string | null;
  responsible_unit: string | null; notes: string | null;
  values: (string | null)[]; statuses: (string | null)[]; appropriated: string; disbursed: string[];
}

// The evaluation report's one query (also what `npm run bench` times as raw
// SQL): indicators in scope, their realisations pivoted per quarter, and the
// expenditure side from the view budget_expenditure_quarters (APPROPRIATION
// as posted: this year's budget, like this year's target; DISBURSEMENT per
// quarter of value date up to the evaluated one, before the year counted in
// TW I) on the row's code and every code under it, for the indicator's OPD.
export function evaluationSql(f: EvaluationFilters): { sql: string; params: unknown[] } {
  const w = new SqlWhere().add('i.fiscal_year = ?', f.fiscalYear).scope('i.organization_id', f.scope).add('i.organization_id = ?', f.organizationId)
    .add(`(i.code = ? OR i.code LIKE ? || '.%')`, f.programCode);
  const y = w.params.length + 1;
  const q = y + 1;
  const sql = `
    WITH ind AS (SELECT i.* FROM monev_indicators i ${w.clause}),
    money AS (
      SELECT v.organization_id, v.sub_activity_code, v.kind, v.quarter, v.amount FROM budget_expenditure_quarters v
      WHERE v.fiscal_year = $${y} AND v.organization_id IN (SELECT DISTINCT organization_id FROM ind) AND (v.kind = 'APPROPRIATION' OR v.quarter <= $${q})),
    rp AS (
      SELECT ind.id,
        COALESCE(sum(mo.amount) FILTER (WHERE mo.kind = 'APPROPRIATION'), 0)::numeric(20,2)::text AS appropriated,
        ARRAY[COALESCE(sum(mo.amount) FILTER (WHERE mo.kind = 'DISBURSEMENT' AND mo.quarter <= 1), 0)::numeric(20,2)::text,
              COALESCE(sum(mo.amount) FILTER (WHERE mo.kind = 'DISBURSEMENT' AND mo.quarter = 2), 0)::numeric(20,2)::text,
              COALESCE(sum(mo.amount) FILTER (WHERE mo.kind = 'DISBURSEMENT' AND mo.quarter = 3), 0)::numeric(20,2)::text,
              COALESCE(sum(mo.amount) FILTER (WHERE mo.kind = 'DISBURSEMENT' AND mo.quarter = 4), 0)::numeric(20,2)::text] AS disbursed
      FROM ind LEFT JOIN money mo ON mo.organization_id = ind.organization_id AND (mo.sub_activity_code = ind.code OR mo.sub_activity_code LIKE ind.code || '.%')
      GROUP BY ind.id),
    re AS (
      SELECT r.indicator_id,
        (array_agg(r.value::text) FILTER (WHERE r.status = 'VERIFIED' AND r.quarter = 1))[1] AS v1,
        (array_agg(r.value::text) FILTER (WHERE r.status = 'VERIFIED' AND r.quarter = 2))[1] AS v2,
        (array_agg(r.value::text) FILTER (WHERE r.status = 'VERIFIED' AND r.quarter = 3))[1] AS v3,
        (array_agg(r.value::text) FILTER (WHERE r.status = 'VERIFIED' AND r.quarter = 4))[1] AS v4,
        (array_agg(r.status) FILTER (WHERE r.quarter = 1))[1] AS s1, (array_agg(r.status) FILTER (WHERE r.quarter = 2))[1] AS s2,
        (array_agg(r.status) FILTER (WHERE r.quarter = 3))[1] AS s3, (array_agg(r.status) FILTER (WHERE r.quarter = 4))[1] AS s4
      FROM monev_realizations r WHERE r.indicator_id IN (SELECT id FROM ind) AND r.quarter <= $${q} GROUP BY r.indicator_id)
    SELECT ind.id AS indicator_id, ind.organization_id, o.code AS organization_code, o.name AS organization_name, ind.level, ind.code, n.name AS code_name,
      ind.name, ind.unit, ind.direction, ind.aggregation, ind.target::text AS target, ind.quarterly_targets::text[] AS quarterly_targets,
      ind.renstra_target::text AS renstra_target, ind.renstra_amount::text AS renstra_amount, ind.previous_realization::text AS previous_realization,
      ind.previous_amount::text AS previous_amount, ind.responsible_unit, ind.notes,
      ARRAY[re.v1, re.v2, re.v3, re.v4] AS values, ARRAY[re.s1, re.s2, re.s3, re.s4] AS statuses, rp.appropriated, rp.disbursed
    FROM ind JOIN organizations o ON o.id = ind.organization_id JOIN nomenclature n ON n.code = ind.code
    JOIN rp ON rp.id = ind.id LEFT JOIN re ON re.indicator_id = ind.id
    ORDER BY o.code, ind.code, ind.level, ind.name, ind.id`;
  return { sql, params: [...w.params, f.fiscalYear, f.quarter] };
}
