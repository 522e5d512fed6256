import { LraGroup } from './lra.dto';

// The LRA in one statement over the ledger (docs/decisions/0122, its shape
// 0143):
// - x: one pass over the year's ledger entries, summed straight to the
//   report's own key (account; OPD x account; or akun class x sub kegiatan
//   for groupBy=program): every budget entry (APPROPRIATION or ESTIMATE) and
//   the realisation (DISBURSEMENT or REALIZATION valued up to asOf);
// - am: the amendment's (PERUBAHAN) budget entries, found from their few
//   source documents through the source index, summed to the same key (all
//   of them, and those valued up to asOf);
// - e: per key, the original budget (x's budget less the amendment's), the
//   amended budget (with the amendment's entries valued up to asOf) and the
//   realisation;
// - lv: each distinct code cut to every requested level by its segments
//   (account prefixes; akun and nomenclature prefixes for groupBy=program),
//   on those few rows only;
// - rows: e rolled up per level (per OPD when grouped by organization), the
//   names of the year's code-list version joined last, on the rolled-up rows;
// - totals: the same sums per statutory class (4, 5, 6.1, 6.2).
// Parameters: $1 fiscal year, $2 asOf, $3 organization ids or null, $4 levels, $5 code-list version.
export function lraSql(groupBy: LraGroup): string {
  const program = groupBy === 'program';
  // the key: `acc` is the account (its first three characters, enough for the statutory class, with groupBy=program)
  const keys = groupBy === 'organization' ? ['org', 'acc'] : program ? ['acc', 'sub'] : ['acc'];
  const keyCols = groupBy === 'organization' ? 'b.organization_id AS org, b.account_code AS acc'
    : program ? 'left(b.account_code, 3) AS acc, b.sub_activity_code AS sub' : 'b.account_code AS acc';
  const line = `budget_lines b ON b.id = x.budget_line_id AND b.fiscal_year = $1 AND ($3::uuid[] IS NULL OR b.organization_id = ANY($3::uuid[]))`;
  const by = keys.map((_, i) => i + 1).join(', ');
  const on = keys.map((k) => `am.${k} = x.${k}`).join(' AND ');
  const cut = program
    ? `CASE WHEN lv.n = 1 THEN left(d.acc, 1) ELSE array_to_string((string_to_array(d.sub, '.'))[1:(CASE lv.n WHEN 3 THEN 3 WHEN 4 THEN 5 ELSE 6 END)], '.') END`
    : `array_to_string((string_to_array(d.acc, '.'))[1:lv.n], '.')`;
  const leveled = program ? 'acc, sub' : 'acc';
  const nameList = program ? `CASE WHEN g.level = 1 THEN 'accounts' ELSE 'nomenclature' END` : `'accounts'`;
  const org = groupBy === 'organization' ? 'e.org' : 'NULL::uuid';
  return `
    WITH x AS MATERIALIZED (
      SELECT ${keyCols},
        COALESCE(sum(x.amount) FILTER (WHERE x.kind IN ('APPROPRIATION', 'ESTIMATE')), 0) AS budget,
        COALESCE(sum(x.amount) FILTER (WHERE x.kind IN ('DISBURSEMENT', 'REALIZATION') AND x.value_date <= $2::date), 0) AS realized
      FROM ledger_entries x JOIN ${line}
      WHERE x.kind IN ('APPROPRIATION', 'ESTIMATE', 'DISBURSEMENT', 'REALIZATION')
      GROUP BY ${by}),
    am AS MATERIALIZED (
      SELECT ${keyCols}, sum(x.amount) AS posted,
        COALESCE(sum(x.amount) FILTER (WHERE x.value_date <= $2::date), 0) AS valued, bool_or(x.value_date <= $2::date) AS valued_yet
      FROM budget_amendment_sources a
      JOIN ledger_entries x ON x.source_type = a.source_type AND x.source_id = a.source_id AND x.kind IN ('APPROPRIATION', 'ESTIMATE')
      JOIN ${line}
      WHERE a.fiscal_year = $1
      GROUP BY ${by}),
    e AS MATERIALIZED (
      SELECT ${keys.map((k) => `x.${k}`).join(', ')},
        x.budget - COALESCE(am.posted, 0) AS budget, x.budget - COALESCE(am.posted, 0) + COALESCE(am.valued, 0) AS amended,
        COALESCE(am.valued_yet, false) AS amended_yet, x.realized
      FROM x LEFT JOIN am ON ${on}),
    lv AS (
      SELECT ${leveled.split(', ').map((k) => `d.${k}`).join(', ')}, lv.n, ${cut} AS code
      FROM (SELECT DISTINCT ${leveled} FROM e) d CROSS JOIN unnest($4::int[]) AS lv(n)),
    g AS (
      SELECT ${org} AS org, left(e.acc, 1) AS akun, lv.n AS level, lv.code,
        sum(e.budget) AS budget, sum(e.amended) AS amended, bool_or(e.amended_yet) AS amended_yet, sum(e.realized) AS realized
      FROM e JOIN lv ON ${leveled.split(', ').map((k) => `lv.${k} = e.${k}`).join(' AND ')}
      GROUP BY 1, 2, 3, 4)
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
            WHEN e.acc || '.' LIKE '6.1.%' THEN 'financingReceipts' WHEN e.acc || '.' LIKE '6.2.%' THEN 'financingExpenditures' END AS cls,
            e.budget, e.amended, e.amended_yet, e.realized FROM e) t
    LEFT JOIN organizations o ON o.id = t.org
    WHERE cls IS NOT NULL
    GROUP BY cls, o.code, o.name`;
}
