import { EntityManager } from 'typeorm';
import { cashPlanToMonthSql, packageWeightCtes } from '../rfk/rfk.query';

/** One expenditure budget line as of a date, with the names of its hierarchy. */
export interface LineFigures {
  id: string;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  programCode: string;
  programName: string;
  activityCode: string;
  activityName: string;
  subActivityCode: string;
  subActivityName: string;
  accountCode: string;
  accountName: string;
  appropriated: string;
  allotted: string;
  committed: string;
  disbursed: string;
  /** cumulative cash plan to asOf's month, else the packages' financial plans on the line */
  planned: string;
  /** the sums of the line's OPD and sub kegiatan (every line of it carries them) */
  subAppropriated: string;
  subDisbursed: string;
  subPlanned: string;
}

/**
 * The expenditure lines (accounts 5.*) of a year in scope as a CTE list, each
 * source read once and summed per line (decision 0513): `bl` the lines
 * (materialized once), `led` their ledger sums with a value date up to asOf,
 * `cash` the cash plan to asOf's month (summed element by element, decision
 * 0515), `funded` the packages' financial plans on the lines without a cash
 * plan, and `lines` every line named (OPD, program, kegiatan, sub
 * kegiatan, account) with its figures and `ord`, its place in report order.
 * `$` names the parameters: fiscal year, asOf, asOf's month, organizations.
 */
function lineCtes($: { fiscalYear: string; asOf: string; month: string; orgs: string }): string {
  return `bl AS MATERIALIZED (
  SELECT b.id, b.organization_id, b.sub_activity_code, b.account_code FROM budget_lines b
  WHERE b.fiscal_year = ${$.fiscalYear} AND b.account_code LIKE '5.%' AND (${$.orgs}::uuid[] IS NULL OR b.organization_id = ANY(${$.orgs}::uuid[]))),
led AS (
  SELECT e.budget_line_id,
    sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION') AS appropriated, sum(e.amount) FILTER (WHERE e.kind = 'ALLOTMENT') AS allotted,
    sum(e.amount) FILTER (WHERE e.kind = 'COMMITMENT') AS committed, sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT') AS disbursed
  FROM ledger_entries e JOIN bl ON bl.id = e.budget_line_id
  WHERE e.value_date <= ${$.asOf}::date AND e.kind IN ('APPROPRIATION', 'ALLOTMENT', 'COMMITMENT', 'DISBURSEMENT') GROUP BY e.budget_line_id),
cash AS (
  SELECT c.budget_line_id, ${cashPlanToMonthSql('c.months', $.month)} AS planned FROM budgeting_cash_plans_v c JOIN bl ON bl.id = c.budget_line_id),
funded AS (
  SELECT f.budget_line_id, sum((SELECT COALESCE(sum(x), 0) FROM unnest(p.financial_plan[1:${$.month}]) x) * f.amount / p.value) AS planned
  FROM planning_package_funding_v f JOIN bl ON bl.id = f.budget_line_id JOIN planning_package_plans_v p ON p.id = f.package_id AND p.status <> 'CANCELLED'
  WHERE NOT EXISTS (SELECT FROM budgeting_cash_plans_v c WHERE c.budget_line_id = f.budget_line_id)
  GROUP BY f.budget_line_id),
lines AS (
  SELECT bl.id, bl.organization_id, o.code AS org_code, o.name AS org_name, COALESCE(n3.code, '') AS prog, COALESCE(n3.name, '') AS prog_name,
    COALESCE(n4.code, '') AS act, COALESCE(n4.name, '') AS act_name, bl.sub_activity_code AS sub, n5.name AS sub_name, bl.account_code AS acc, a.name AS acc_name,
    COALESCE(led.appropriated, 0) AS appropriated, COALESCE(led.allotted, 0) AS allotted, COALESCE(led.committed, 0) AS committed,
    COALESCE(led.disbursed, 0) AS disbursed, round(COALESCE(cash.planned, funded.planned, 0), 2) AS planned,
    row_number() OVER (ORDER BY o.code, bl.sub_activity_code, bl.account_code, bl.id) AS ord
  FROM bl JOIN organizations o ON o.id = bl.organization_id JOIN nomenclature n5 ON n5.code = bl.sub_activity_code
  LEFT JOIN nomenclature n4 ON n4.code = n5.parent_code LEFT JOIN nomenclature n3 ON n3.code = n4.parent_code
  JOIN accounts a ON a.code = bl.account_code
  LEFT JOIN led ON led.budget_line_id = bl.id LEFT JOIN cash ON cash.budget_line_id = bl.id LEFT JOIN funded ON funded.budget_line_id = bl.id)`;
}

/**
 * Expenditure lines (accounts 5.*) of a year in `orgs` (all when null), their
 * ledger sums with a value date up to `asOf`, and the plan to asOf's month;
 * each with the sums of its OPD and sub kegiatan (the early warnings).
 */
export function lineFigures(m: EntityManager, fiscalYear: number, asOf: string, orgs: string[] | null): Promise<LineFigures[]> {
  return m.query(
    `WITH ${lineCtes({ fiscalYear: '$1', asOf: '$2', month: '$3', orgs: '$4' })}
     SELECT l.id, l.organization_id AS "organizationId", l.org_code AS "organizationCode", l.org_name AS "organizationName",
       l.prog AS "programCode", l.prog_name AS "programName", l.act AS "activityCode", l.act_name AS "activityName",
       l.sub AS "subActivityCode", l.sub_name AS "subActivityName", l.acc AS "accountCode", l.acc_name AS "accountName",
       l.appropriated::numeric(20,2)::text AS appropriated, l.allotted::numeric(20,2)::text AS allotted,
       l.committed::numeric(20,2)::text AS committed, l.disbursed::numeric(20,2)::text AS disbursed, l.planned::numeric(20,2)::text AS planned,
       (sum(l.appropriated) OVER sub)::numeric(20,2)::text AS "subAppropriated", (sum(l.disbursed) OVER sub)::numeric(20,2)::text AS "subDisbursed",
       (sum(l.planned) OVER sub)::numeric(20,2)::text AS "subPlanned"
     FROM lines l WINDOW sub AS (PARTITION BY l.organization_id, l.sub) ORDER BY l.ord`,
    [fiscalYear, asOf, Number(asOf.slice(5, 7)), orgs]);
}

/** Funding of the packages (not cancelled) of a year in scope, per line. */
export function packageFunding(m: EntityManager, fiscalYear: number, orgs: string[] | null): Promise<{ packageId: string; budgetLineId: string; amount: string }[]> {
  return m.query(
    `SELECT f.package_id AS "packageId", f.budget_line_id AS "budgetLineId", f.amount::text AS amount
     FROM planning_package_funding_v f JOIN planning_package_plans_v p ON p.id = f.package_id
     WHERE p.fiscal_year = $1 AND p.status <> 'CANCELLED' AND ($2::uuid[] IS NULL OR p.organization_id = ANY($2::uuid[]))`,
    [fiscalYear, orgs]);
}

/** What the line totals are grouped by: a level of the absorption report. */
export type TotalsKey = 'province' | 'organization' | 'program' | 'kegiatan' | 'subActivity' | 'account';

/** The columns a group is keyed by, and its code and name. */
const GROUPS: Record<TotalsKey, { by: string; code: string; name: string }> = {
  province: { by: '()', code: `''`, name: `'Provinsi'` },
  organization: { by: 'organization_id', code: 'min(org_code)', name: 'min(org_name)' },
  program: { by: 'prog', code: 'prog', name: 'min(prog_name)' },
  kegiatan: { by: 'act', code: 'act', name: 'min(act_name)' },
  subActivity: { by: 'sub', code: 'sub', name: 'min(sub_name)' },
  account: { by: 'acc', code: 'acc', name: 'min(acc_name)' },
};

/** The sums of one group of lines: money to the sen, the physical weights exact (decimal strings). */
export interface LineTotals {
  code: string;
  name: string;
  organizationCode: string;
  organizationName: string;
  appropriated: string;
  allotted: string;
  committed: string;
  disbursed: string;
  planned: string;
  weightBase: string;
  physicalPlannedWeighted: string;
  physicalActualWeighted: string;
}

/** The money columns of a group, to the sen. */
const MONEY_SUMS = ['appropriated', 'allotted', 'committed', 'disbursed', 'planned'].map((c) => `sum(${c})::numeric(20,2)::text AS ${c}`).join(', ');

/** a / b carried to 24 decimals (a line's weighted progress in Rp). */
const div = (a: string, b: string) => `((${a})::numeric(1000,24) / (${b}))`;

/**
 * The line totals of a year in scope as of a date, grouped by `key`, in one
 * statement (decision 0513): each line summed once (`lineCtes`), the packages'
 * weight on it (funding x planned and actual physical %, `packageWeightCtes`
 * as in the RFK, decision 0515; the routine rest of the line by its plan and
 * realisation, as `Totals.add`), the lines of `programCode` only when given,
 * grouped in the order their first line comes in the report (none without
 * lines). Parameters: $1 fiscal year, $2 asOf, $3 asOf's month, $4
 * organizations, $5 program.
 */
export function lineTotalsSql(key: TotalsKey): string {
  const g = GROUPS[key];
  return `
WITH ${packageWeightCtes({ fiscalYear: '$1', asOf: '$2', orgs: '$4' })},
${lineCtes({ fiscalYear: '$1', asOf: '$2', month: '$3', orgs: '$4' })},
shares AS (
  SELECT f.budget_line_id, sum(f.amount) AS packaged,
    sum(${div('f.amount * pk.planned', '100')}) AS planned_w, sum(${div('f.amount * pk.actual', '100')}) AS actual_w
  FROM planning_package_funding_v f JOIN pk ON pk.id = f.package_id
  WHERE $5::text IS NULL OR EXISTS (SELECT FROM nomenclature n5 JOIN nomenclature n4 ON n4.code = n5.parent_code WHERE n5.code = pk.sub_activity_code AND n4.parent_code = $5)
  GROUP BY f.budget_line_id),
weighed AS (
  SELECT l.*, COALESCE(s.packaged, 0) AS packaged, COALESCE(s.planned_w, 0) AS planned_w, COALESCE(s.actual_w, 0) AS actual_w,
    greatest(l.appropriated - COALESCE(s.packaged, 0), 0) AS routine
  FROM lines l LEFT JOIN shares s ON s.budget_line_id = l.id
  WHERE $5::text IS NULL OR l.prog = $5)
SELECT ${g.code} AS code, ${g.name} AS name, min(org_code) AS "organizationCode", min(org_name) AS "organizationName", ${MONEY_SUMS},
  sum(packaged + routine)::text AS "weightBase",
  sum(planned_w + CASE WHEN appropriated <> 0 AND routine <> 0 THEN ${div('routine * least(planned, appropriated)', 'appropriated')} ELSE 0 END)::text AS "physicalPlannedWeighted",
  sum(actual_w + CASE WHEN appropriated <> 0 AND routine <> 0 THEN ${div('routine * disbursed', 'appropriated')} ELSE 0 END)::text AS "physicalActualWeighted"
FROM weighed GROUP BY ${g.by} HAVING count(*) > 0 ORDER BY min(ord)`;
}
