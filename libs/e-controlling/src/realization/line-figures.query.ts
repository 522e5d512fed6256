import { EntityManager } from 'typeorm';

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
}

/**
 * Expenditure lines (accounts 5.*) of a year in `orgs` (all when null), their
 * ledger sums with a value date up to `asOf`, and the plan to asOf's month.
 */
export function lineFigures(m: EntityManager, fiscalYear: number, asOf: string, orgs: string[] | null): Promise<LineFigures[]> {
  return m.query(
    `WITH l AS (
       SELECT b.id, b.organization_id, b.sub_activity_code, b.account_code,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION'), 0) AS appropriated,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'ALLOTMENT'), 0) AS allotted,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'COMMITMENT'), 0) AS committed,
         COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0) AS disbursed
       FROM budget_lines b LEFT JOIN ledger_entries e ON e.budget_line_id = b.id AND e.value_date <= $2::date
       WHERE b.fiscal_year = $1 AND b.account_code LIKE '5.%' AND ($4::uuid[] IS NULL OR b.organization_id = ANY($4::uuid[]))
       GROUP BY b.id)
     SELECT l.id, l.organization_id AS "organizationId", o.code AS "organizationCode", o.name AS "organizationName",
       COALESCE(n3.code, '') AS "programCode", COALESCE(n3.name, '') AS "programName", COALESCE(n4.code, '') AS "activityCode", COALESCE(n4.name, '') AS "activityName",
       l.sub_activity_code AS "subActivityCode", n5.name AS "subActivityName", l.account_code AS "accountCode", a.name AS "accountName",
       l.appropriated::numeric(20,2)::text AS appropriated, l.allotted::numeric(20,2)::text AS allotted,
       l.committed::numeric(20,2)::text AS committed, l.disbursed::numeric(20,2)::text AS disbursed,
       round(COALESCE((SELECT sum(x) FROM budgeting_cash_plans_v c, unnest(c.months[1:$3]) x WHERE c.budget_line_id = l.id),
         (SELECT sum((SELECT COALESCE(sum(x), 0) FROM unnest(p.financial_plan[1:$3]) x) * f.amount / p.value)
          FROM planning_package_funding_v f JOIN planning_package_plans_v p ON p.id = f.package_id AND p.status <> 'CANCELLED' WHERE f.budget_line_id = l.id), 0), 2)::numeric(20,2)::text AS planned
     FROM l JOIN organizations o ON o.id = l.organization_id JOIN nomenclature n5 ON n5.code = l.sub_activity_code
     LEFT JOIN nomenclature n4 ON n4.code = n5.parent_code LEFT JOIN nomenclature n3 ON n3.code = n4.parent_code
     JOIN accounts a ON a.code = l.account_code
     ORDER BY o.code, l.sub_activity_code, l.account_code, l.id`,
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
