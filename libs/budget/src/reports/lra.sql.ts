import { LraGroup } from './lra.dto';

// The LRA in one statement over the ledger (docs/decisions/0122):
// - e: per OPD x sub kegiatan x account of the year, the original budget
//   (APPROPRIATION or ESTIMATE entries not posted by an amendment), the
//   amended budget (with the amendment's entries valued up to asOf), and the
//   realisation (DISBURSEMENT or REALIZATION valued up to asOf);
// - rows: those sums rolled up to every requested level (account prefixes;
//   or akun and nomenclature prefixes for groupBy=program), per OPD when
//   grouped by organization, with the names of the year's code-list version;
// - totals: the same sums per statutory class (4, 5, 6.1, 6.2).
// Parameters: $1 fiscal year, $2 asOf, $3 organization ids or null, $4 levels, $5 code-list version.
export function lraSql(groupBy: LraGroup): string {
  const org = groupBy === 'organization' ? 'e.org' : 'NULL::uuid';
  const code = groupBy === 'program'
    ? `CASE WHEN lv.n = 1 THEN left(e.acc, 1) ELSE array_to_string((string_to_array(e.sub, '.'))[1:(CASE lv.n WHEN 3 THEN 3 WHEN 4 THEN 5 ELSE 6 END)], '.') END`
    : `array_to_string((string_to_array(e.acc, '.'))[1:lv.n], '.')`;
  const nameList = groupBy === 'program' ? `CASE WHEN g.level = 1 THEN 'accounts' ELSE 'nomenclature' END` : `'accounts'`;
  return `
    WITH e AS MATERIALIZED (
      SELECT b.organization_id AS org, b.sub_activity_code AS sub, b.account_code AS acc,
        COALESCE(sum(x.amount) FILTER (WHERE x.kind IN ('APPROPRIATION', 'ESTIMATE') AND a.source_id IS NULL), 0) AS budget,
        COALESCE(sum(x.amount) FILTER (WHERE x.kind IN ('APPROPRIATION', 'ESTIMATE') AND (a.source_id IS NULL OR x.value_date <= $2::date)), 0) AS amended,
        COALESCE(bool_or(a.source_id IS NOT NULL AND x.value_date <= $2::date), false) AS amended_yet,
        COALESCE(sum(x.amount) FILTER (WHERE x.kind IN ('DISBURSEMENT', 'REALIZATION') AND x.value_date <= $2::date), 0) AS realized
      FROM budget_lines b
      JOIN ledger_entries x ON x.budget_line_id = b.id AND x.kind IN ('APPROPRIATION', 'ESTIMATE', 'DISBURSEMENT', 'REALIZATION')
      LEFT JOIN budget_amendment_sources a ON a.source_type = x.source_type AND a.source_id = x.source_id AND a.fiscal_year = $1
      WHERE b.fiscal_year = $1 AND ($3::uuid[] IS NULL OR b.organization_id = ANY($3::uuid[]))
      GROUP BY 1, 2, 3),
    g AS (
      SELECT ${org} AS org, left(e.acc, 1) AS akun, lv.n AS level, ${code} AS code,
        sum(e.budget) AS budget, sum(e.amended) AS amended, bool_or(e.amended_yet) AS amended_yet, sum(e.realized) AS realized
      FROM e CROSS JOIN unnest($4::int[]) AS lv(n) GROUP BY 1, 2, 3, 4)
    SELECT 'row' AS part, g.code, g.level, g.akun, o.code AS "organizationCode", o.name AS "organizationName",
      COALESCE(c.name, ac.name, g.code) AS name,
      g.budget::text AS budget, g.amended::text AS amended, g.amended_yet AS "amendedYet", g.realized::text AS realized
    FROM g
    LEFT JOIN organizations o ON o.id = g.org
    LEFT JOIN code_list_entries c ON c.version = $5 AND c.list = ${nameList} AND c.code = g.code
    LEFT JOIN accounts ac ON ac.code = g.code
    UNION ALL
    SELECT 'total', cls, 0, NULL, o.code, o.name, cls,
      sum(t.budget)::text, sum(t.amended)::text, bool_or(t.amended_yet), sum(t.realized)::text
    FROM (SELECT ${org} AS org, CASE WHEN e.acc LIKE '4.%' THEN 'revenue' WHEN e.acc LIKE '5.%' THEN 'expenditure'
            WHEN e.acc LIKE '6.1.%' THEN 'financingReceipts' WHEN e.acc LIKE '6.2.%' THEN 'financingExpenditures' END AS cls,
            e.budget, e.amended, e.amended_yet, e.realized FROM e) t
    LEFT JOIN organizations o ON o.id = t.org
    WHERE cls IS NOT NULL
    GROUP BY cls, o.code, o.name`;
}
