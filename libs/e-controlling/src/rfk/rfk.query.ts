import { EntityManager } from 'typeorm';
import { latestProgressSql, packageFactsSql, plannedPhysicalSql } from '../packages/plan-actual.query';
import { RfkLevel } from './dto/rfk.dto';

/** One row of the RFK as the database computes it; the package rows carry what their status is decided from. */
export interface RfkSqlRow {
  /** null on a page past the last row (the row then carries only `total`) */
  rowNo: number;
  level: RfkLevel;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  code: string;
  name: string;
  budget: string;
  weight: string;
  physicalTarget: string;
  physicalRealisation: string;
  weightedPhysical: string;
  financialTarget: string;
  financialTargetPercent: string;
  financialRealisation: string;
  financialRealisationPercent: string;
  physicalDeviation: string;
  financialDeviation: string;
  remainingBudget: string;
  location: string | null;
  officer: string | null;
  /** package rows: what the status is decided from (decision 0500) */
  packageType: string | null;
  contractId: string | null;
  windowStartActual: string | null;
  /** the number of rows in the report (every page carries it) */
  total: number;
}

export interface RfkFilter {
  fiscalYear: number;
  asOf: string;
  windowStart: string;
  /** null: every organization */
  orgs: string[] | null;
  /** null: every program */
  programCode: string | null;
  /** the database's date: from it on, the ledger is read back from the budget lines' balances (decision 0515) */
  today: string;
}

/** part / whole x 100 to two decimals half up, 0.00 of nothing: `percent` of s-curve.ts, the division carried to 24 decimals. */
const pct = (part: string, whole: string) => `(CASE WHEN (${whole}) = 0 THEN 0 ELSE round(((${part}) * 100)::numeric(1000,24) / (${whole}), 2) END)::numeric(20,2)`;
/** a / b to 24 decimals (weighted progress in Rp). */
const div = (a: string, b: string) => `((${a})::numeric(1000,24) / (${b}))`;
const text = (x: string) => `(${x})::numeric(20,2)::text`;

/**
 * The sum of the first `month` values of the 12-value array `months` (the
 * cumulative cash plan to a month), written out element by element: NULL
 * when `months` is NULL (no cash plan).
 */
export function cashPlanToMonthSql(months: string, month: string): string {
  return `(${Array.from({ length: 12 }, (_, i) => (i === 0 ? `${months}[1]` : `CASE WHEN ${month}::int > ${i} THEN ${months}[${i + 1}] ELSE 0 END`)).join(' + ')})`;
}

/**
 * What a package weighs in by, as CTEs (`lc`, `pk`): each package not
 * cancelled of a year in `orgs` (all when null) with its value, its planned
 * physical % on asOf (the S-curve by day) and the latest verified progress of
 * its latest contract signed on or before asOf (0 without one): the latest
 * contract of every package in one pass, its progress by one index probe.
 * `$` names the parameters.
 */
export function packageWeightCtes($: { fiscalYear: string; asOf: string; orgs: string }): string {
  return `lc AS (
  SELECT DISTINCT ON (c.package_id) c.package_id, c.id FROM delivery_contracts_v c WHERE c.signed_on <= ${$.asOf}::date
  ORDER BY c.package_id, c.signed_on DESC, c.number DESC),
pk AS MATERIALIZED (
  SELECT p.id, p.organization_id, p.sub_activity_code, p.code, p.value::numeric AS value,
    ${plannedPhysicalSql('p.physical_plan', $.asOf)}::numeric AS planned, COALESCE(r.pct, 0)::numeric(5,2)::numeric AS actual
  FROM planning_package_plans_v p JOIN organizations o ON o.id = p.organization_id
  LEFT JOIN lc c ON c.package_id = p.id LEFT JOIN LATERAL (${latestProgressSql($.asOf)}) r ON c.id IS NOT NULL
  WHERE p.fiscal_year = ${$.fiscalYear} AND p.status <> 'CANCELLED' AND (${$.orgs}::uuid[] IS NULL OR p.organization_id = ANY(${$.orgs}::uuid[])))`;
}

/**
 * The RFK of a month in one statement (decision 0512 on its shape). Each
 * source is read once and summed per budget line before anything is rolled
 * up: the lines in scope (`bl`), their ledger sums as of asOf (`led`: from
 * asOf = today on, the line's balance less the entries dated after asOf,
 * else the entries up to asOf; decision 0515), the cash plan to asOf's month
 * (element by element, `cashPlanToMonthSql`), the packages' financial plans
 * (`funded`, only for lines without a cash plan), and the packages' weight on
 * each line (`shares`: funding x progress, summed as products; the routine
 * rest of a line by its financial realisation). The per-line figures are
 * worked out once (`lines`, fenced). The lines are then summed per
 * OPD and sub kegiatan, and only those few thousand rows are named (the
 * nomenclature joined once per level) and summed up kegiatan, program and OPD
 * with GROUPING SETS; weights as shares of the OPD's base; the packages under
 * their sub kegiatan; numbered in report order (the 2,000-odd rolled-up rows
 * are sorted, each package numbered after its sub kegiatan's row: no sort of
 * every row; decision 0515); with a program, the rows of
 * that program (their figures and numbers as in the whole report, the OPD's
 * total row left out); cut to the page. A package weighs in by its latest
 * contract's progress alone (`pk`); its name, contract, plans and payments
 * (the package facts) and every row's percentages and weight are read and
 * worked out only for the rows of the page (decision 0514). Parameters: $1 fiscal year, $2 asOf,
 * $3 the projection window's start, $4 asOf's month, $5 organizations, $6
 * program, $7 limit (null: all), $8 the row number the rows start after, $9
 * the rows skipped after it, $10 whether asOf is today or later (read the
 * ledger back from the balances).
 */
export const RFK_SQL = `
WITH ${packageWeightCtes({ fiscalYear: '$1', asOf: '$2', orgs: '$5' })},
bl AS NOT MATERIALIZED (
  SELECT b.id, b.organization_id, b.sub_activity_code, b.appropriated, b.disbursed FROM budget_lines b
  WHERE b.fiscal_year = $1 AND b.account_code LIKE '5.%' AND ($5::uuid[] IS NULL OR b.organization_id = ANY($5::uuid[]))),
led AS (
  SELECT e.budget_line_id, sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION') AS appropriated, sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT') AS disbursed
  FROM ledger_entries e JOIN bl ON bl.id = e.budget_line_id
  WHERE CASE WHEN $10::boolean THEN e.value_date > $2::date ELSE e.value_date <= $2::date END AND e.kind IN ('APPROPRIATION', 'DISBURSEMENT')
  GROUP BY e.budget_line_id),
shares AS (
  SELECT f.budget_line_id, sum(f.amount) AS packaged,
    sum(f.amount * pk.planned) * 0.01 AS planned_w, sum(f.amount * pk.actual) * 0.01 AS actual_w
  FROM planning_package_funding_v f JOIN pk ON pk.id = f.package_id GROUP BY f.budget_line_id),
funded AS (
  SELECT f.budget_line_id, sum((SELECT COALESCE(sum(x), 0) FROM unnest(p.financial_plan[1:$4]) x) * f.amount / p.value) AS planned
  FROM planning_package_funding_v f JOIN planning_package_plans_v p ON p.id = f.package_id AND p.status <> 'CANCELLED'
  WHERE NOT EXISTS (SELECT FROM budgeting_cash_plans_v c WHERE c.budget_line_id = f.budget_line_id)
  GROUP BY f.budget_line_id),
lines AS (
  SELECT bl.organization_id, bl.sub_activity_code,
    CASE WHEN $10::boolean THEN bl.appropriated - COALESCE(led.appropriated, 0) ELSE COALESCE(led.appropriated, 0) END AS appropriated,
    CASE WHEN $10::boolean THEN bl.disbursed - COALESCE(led.disbursed, 0) ELSE COALESCE(led.disbursed, 0) END AS disbursed,
    round(COALESCE(${cashPlanToMonthSql('c.months', '$4')}, funded.planned, 0), 2) AS planned,
    COALESCE(s.packaged, 0) AS packaged, COALESCE(s.planned_w, 0) AS planned_w, COALESCE(s.actual_w, 0) AS actual_w
  FROM bl LEFT JOIN led ON led.budget_line_id = bl.id LEFT JOIN budgeting_cash_plans_v c ON c.budget_line_id = bl.id
  LEFT JOIN funded ON funded.budget_line_id = bl.id
  LEFT JOIN shares s ON s.budget_line_id = bl.id
  OFFSET 0),
subs AS (
  SELECT l.organization_id, l.sub_activity_code, sum(l.appropriated) AS appropriated, sum(l.disbursed) AS disbursed, sum(l.planned) AS planned,
    sum(greatest(l.appropriated, l.packaged)) AS base,
    sum(CASE WHEN l.appropriated <= l.packaged THEN l.planned_w WHEN l.packaged = 0 THEN least(l.planned, l.appropriated)
      ELSE l.planned_w + ${div('(l.appropriated - l.packaged) * least(l.planned, l.appropriated)', 'l.appropriated')} END) AS pw,
    sum(CASE WHEN l.appropriated <= l.packaged THEN l.actual_w WHEN l.packaged = 0 THEN l.disbursed
      ELSE l.actual_w + ${div('(l.appropriated - l.packaged) * l.disbursed', 'l.appropriated')} END) AS aw
  FROM lines l GROUP BY l.organization_id, l.sub_activity_code),
named AS (
  SELECT s.*, o.code AS org_code, o.name AS org_name, COALESCE(n3.code, '') AS prog, COALESCE(n3.name, '') AS prog_name,
    COALESCE(n4.code, '') AS act, COALESCE(n4.name, '') AS act_name, n5.name AS sub_name
  FROM subs s JOIN organizations o ON o.id = s.organization_id JOIN nomenclature n5 ON n5.code = s.sub_activity_code
  LEFT JOIN nomenclature n4 ON n4.code = n5.parent_code LEFT JOIN nomenclature n3 ON n3.code = n4.parent_code),
grouped AS (
  SELECT organization_id, min(org_code) AS org_code, min(org_name) AS org_name, prog, min(prog_name) AS prog_name, act, min(act_name) AS act_name,
    sub_activity_code AS sub, min(sub_name) AS sub_name,
    CASE WHEN GROUPING(prog) = 1 THEN 'OPD' WHEN GROUPING(act) = 1 THEN 'PROGRAM' WHEN GROUPING(sub_activity_code) = 1 THEN 'KEGIATAN' ELSE 'SUB_KEGIATAN' END AS level,
    sum(appropriated) AS appropriated, sum(disbursed) AS disbursed, sum(planned) AS planned, sum(base) AS base, sum(pw) AS pw, sum(aw) AS aw
  FROM named
  GROUP BY GROUPING SETS ((organization_id), (organization_id, prog), (organization_id, prog, act), (organization_id, prog, act, sub_activity_code))),
counted AS (
  SELECT pk.organization_id, pk.sub_activity_code, count(*) AS n FROM pk GROUP BY pk.organization_id, pk.sub_activity_code),
gnum AS MATERIALIZED (
  SELECT g.*, COALESCE(c.n, 0)::int AS n, (row_number() OVER w + sum(COALESCE(c.n, 0)) OVER w - COALESCE(c.n, 0))::int AS row_no
  FROM grouped g LEFT JOIN counted c ON g.level = 'SUB_KEGIATAN' AND c.organization_id = g.organization_id AND c.sub_activity_code = g.sub
  WINDOW w AS (ORDER BY g.org_code COLLATE "C", g.organization_id, g.prog IS NOT NULL, g.prog COLLATE "C", g.act IS NOT NULL, g.act COLLATE "C",
    g.sub IS NOT NULL, g.sub COLLATE "C" ROWS UNBOUNDED PRECEDING)),
numbered AS NOT MATERIALIZED (
  SELECT g.organization_id, g.org_code, g.org_name, g.level, g.prog, g.act, g.sub, NULL::text AS package_code, NULL::uuid AS package_id,
    CASE g.level WHEN 'OPD' THEN g.org_code WHEN 'PROGRAM' THEN g.prog WHEN 'KEGIATAN' THEN g.act ELSE g.sub END AS code,
    CASE g.level WHEN 'OPD' THEN g.org_name WHEN 'PROGRAM' THEN g.prog_name WHEN 'KEGIATAN' THEN g.act_name ELSE g.sub_name END AS name,
    g.appropriated AS budget, g.base AS weighing, g.aw AS weighted, g.pw, g.planned, g.disbursed, NULL::numeric AS planned_pct, NULL::numeric AS actual_pct, g.row_no
  FROM gnum g
  UNION ALL
  SELECT g.organization_id, g.org_code, g.org_name, 'PACKAGE', g.prog, g.act, g.sub, pk.code, pk.id, pk.code, NULL,
    pk.value, pk.value, pk.value * pk.actual * 0.01, NULL, NULL, NULL, pk.planned, pk.actual,
    (g.row_no + row_number() OVER (PARTITION BY g.row_no ORDER BY pk.code COLLATE "C"))::int
  FROM pk JOIN gnum g ON g.level = 'SUB_KEGIATAN' AND g.organization_id = pk.organization_id AND g.sub = pk.sub_activity_code),
page AS (
  SELECT n.* FROM numbered n
  WHERE n.row_no > $8 AND ($6::text IS NULL OR (n.level <> 'OPD' AND n.prog = $6))
  ORDER BY n.row_no
  LIMIT $7 OFFSET $9),
figures AS (
  SELECT n.*, o.base AS opd_base, f.location, f."officerName" AS officer, f.type AS package_type, f."contractId" AS contract_id, f."windowStartActual" AS window_start_actual,
    CASE WHEN n.level <> 'PACKAGE' THEN n.name WHEN f."contractNumber" IS NULL THEN f."packageName" ELSE f."packageName" || ' (' || f."contractNumber" || ')' END AS label,
    CASE WHEN n.level = 'PACKAGE' THEN n.planned_pct ELSE ${pct('n.pw', 'n.weighing')} END AS physical_target,
    CASE WHEN n.level = 'PACKAGE' THEN n.actual_pct ELSE ${pct('n.weighted', 'n.weighing')} END AS physical_realisation,
    COALESCE(n.planned, f."plannedFinancial"::numeric) AS financial_target, COALESCE(n.disbursed, f."realisedFinancial"::numeric) AS financial_realisation
  FROM page n JOIN grouped o ON o.level = 'OPD' AND o.organization_id = n.organization_id LEFT JOIN LATERAL (SELECT * FROM (${packageFactsSql({ fiscalYear: '$1', asOf: '$2', windowStart: '$3', month: '$4', orgs: '$5' })}) pf
    WHERE pf."packageId" = n.package_id) f ON n.level = 'PACKAGE'),
shown AS (
  SELECT n.*, ${pct('n.financial_target', 'n.budget')} AS financial_target_pct, ${pct('n.financial_realisation', 'n.budget')} AS financial_realisation_pct FROM figures n)
SELECT t.total, p.* FROM (SELECT COALESCE(sum(1 + n), 0)::int AS total FROM gnum WHERE $6::text IS NULL OR (level <> 'OPD' AND prog = $6)) t LEFT JOIN LATERAL (
SELECT n.row_no AS "rowNo", n.level, n.organization_id AS "organizationId", n.org_code AS "organizationCode", n.org_name AS "organizationName", n.code, n.label AS name,
  ${text('n.budget')} AS budget, ${pct('n.weighing', 'n.opd_base')}::text AS weight,
  n.physical_target::text AS "physicalTarget", n.physical_realisation::text AS "physicalRealisation", ${pct('n.weighted', 'n.opd_base')}::text AS "weightedPhysical",
  ${text('n.financial_target')} AS "financialTarget", n.financial_target_pct::text AS "financialTargetPercent",
  ${text('n.financial_realisation')} AS "financialRealisation", n.financial_realisation_pct::text AS "financialRealisationPercent",
  (n.physical_realisation - n.physical_target)::text AS "physicalDeviation", (n.financial_realisation_pct - n.financial_target_pct)::text AS "financialDeviation",
  ${text('n.budget - n.financial_realisation')} AS "remainingBudget", n.location, n.officer,
  n.package_type AS "packageType", n.contract_id AS "contractId", n.window_start_actual AS "windowStartActual"
FROM shown n) p ON true
ORDER BY p."rowNo"`;

/** Where a page starts: after the row numbered `after` (0: the first), `offset` rows on; `limit` rows (null: all). */
export interface RfkSlice { after: number; offset: number; limit: number | null }

/** The RFK's rows of `slice`, each with the report's row count. */
export function rfkRows(m: EntityManager, f: RfkFilter, slice: RfkSlice): Promise<RfkSqlRow[]> {
  return m.query(RFK_SQL, rfkParams(f, slice));
}

export function rfkParams(f: RfkFilter, slice: RfkSlice): unknown[] {
  return [f.fiscalYear, f.asOf, f.windowStart, Number(f.asOf.slice(5, 7)), f.orgs, f.programCode, slice.limit, slice.after, slice.offset, f.asOf >= f.today];
}
