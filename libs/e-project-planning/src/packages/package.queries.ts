import { DomainError } from '@grms/core';
import { EntityManager } from 'typeorm';
import { DEFAULT_THRESHOLDS } from '../thresholds/default-thresholds';
import { PackageResponse } from './dto/package.dto';
import { PackageType } from './package.constants';

const d = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

export const PACKAGE_SELECT = `
  SELECT p.id, p.code, p.fiscal_year AS "fiscalYear", p.organization_id AS "organizationId", o.name AS "organizationName",
    p.sub_activity_code AS "subActivityCode", p.name, p.description, p.volume::text AS volume, p.unit, p.location AS locations,
    p.type, p.mode, p.method, p.value, p.domestic_product AS "domesticProduct", p.small_business AS "smallBusiness",
    p.multi_year AS "multiYear", p.multi_year_ref AS "multiYearRef",
    COALESCE((SELECT json_agg(json_build_object('budgetLineId', f.budget_line_id, 'amount', f.amount::text) ORDER BY f.budget_line_id)
      FROM package_funding f WHERE f.package_id = p.id), '[]') AS "fundingLines",
    ${d('p.procurement_start')} AS "procurementStart", ${d('p.procurement_end')} AS "procurementEnd",
    ${d('p.execution_start')} AS "executionStart", ${d('p.execution_end')} AS "executionEnd", ${d('p.use_start')} AS "useStart",
    p.physical_plan::text[] AS "physicalPlan", p.financial_plan::text[] AS "financialPlan",
    p.status, p.rup_code AS "rupCode", p.version, p.revision_reason AS "revisionReason", p.cancel_reason AS "cancelReason",
    cu.username AS "createdBy", au.username AS "approvedBy"
  FROM packages p JOIN organizations o ON o.id = p.organization_id JOIN users cu ON cu.id = p.created_by LEFT JOIN users au ON au.id = p.approved_by`;

/** The package with its warnings; 404 when unknown. */
export async function fetchPackage(m: EntityManager, id: string): Promise<PackageResponse> {
  const [row] = await m.query(`${PACKAGE_SELECT} WHERE p.id = $1`, [id]);
  if (!row) throw DomainError.notFound('package', id);
  row.warnings = await packageWarnings(m, id, (await directMaxOf(m, row.fiscalYear, row.type)).directMax);
  return row;
}

/** The direct-procurement ceiling of a year and type: the year's row, else the default. */
export async function directMaxOf(m: EntityManager, fiscalYear: number, type: PackageType): Promise<{ directMax: string; regulation: string }> {
  const [row] = await m.query(`SELECT direct_max::text AS "directMax", regulation FROM procurement_thresholds WHERE fiscal_year = $1 AND package_type = $2`, [fiscalYear, type]);
  return row ?? DEFAULT_THRESHOLDS[type];
}

/** Packages (not cancelled) per budget line: the sum of their funding, except `excludePackageId`. */
export async function packagedByLine(m: EntityManager, lineIds: string[], excludePackageId: string | null): Promise<Map<string, string>> {
  const rows: { id: string; total: string }[] = await m.query(
    `SELECT f.budget_line_id AS id, sum(f.amount)::text AS total FROM package_funding f JOIN packages p ON p.id = f.package_id
     WHERE f.budget_line_id = ANY($1::uuid[]) AND p.status <> 'CANCELLED' AND ($2::uuid IS NULL OR p.id <> $2) GROUP BY f.budget_line_id`,
    [lineIds, excludePackageId]);
  return new Map(rows.map((r) => [r.id, r.total]));
}

// Warnings do not block: a budget cut below the packages of a line, direct
// procurement split across packages of one sub kegiatan, account object and
// type above the threshold, and packages' financial plans outrunning the
// line's cash plan (named at the first month they outrun it).
export async function packageWarnings(m: EntityManager, id: string, directMax: string): Promise<string[]> {
  const cut: { id: string; packaged: string; appropriated: string }[] = await m.query(
    `SELECT b.id, sum(f2.amount)::text AS packaged, b.appropriated::text AS appropriated
     FROM package_funding f JOIN budget_lines b ON b.id = f.budget_line_id
     JOIN package_funding f2 ON f2.budget_line_id = b.id JOIN packages p2 ON p2.id = f2.package_id AND p2.status <> 'CANCELLED'
     WHERE f.package_id = $1 GROUP BY b.id HAVING sum(f2.amount) > b.appropriated`, [id]);
  const split: { objek: string; total: string; n: number }[] = await m.query(
    `WITH me AS (SELECT p.fiscal_year, p.organization_id, p.sub_activity_code, p.type, p.method,
                   (SELECT array_agg(DISTINCT substring(b.account_code from '^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+')) FROM package_funding f JOIN budget_lines b ON b.id = f.budget_line_id WHERE f.package_id = p.id) AS objeks
                 FROM packages p WHERE p.id = $1)
     SELECT o.objek, sum(p.value)::text AS total, count(*)::int AS n
     FROM me CROSS JOIN LATERAL unnest(me.objeks) AS o(objek)
     JOIN packages p ON p.fiscal_year = me.fiscal_year AND p.organization_id = me.organization_id AND p.sub_activity_code = me.sub_activity_code
       AND p.type = me.type AND p.method = 'DIRECT_PROCUREMENT' AND p.status <> 'CANCELLED'
       AND EXISTS (SELECT 1 FROM package_funding f JOIN budget_lines b ON b.id = f.budget_line_id WHERE f.package_id = p.id AND b.account_code LIKE o.objek || '.%')
     WHERE me.method = 'DIRECT_PROCUREMENT'
     GROUP BY o.objek
     HAVING count(*) > 1 AND sum(p.value) > $2::numeric`, [id, directMax]);
  const cash: { id: string; month: number; planned: string; cash: string }[] = await m.query(
    `WITH lines AS (SELECT budget_line_id AS id FROM package_funding WHERE package_id = $1),
     months AS (SELECT generate_series(1, 12) AS month),
     pk AS (SELECT f.budget_line_id AS id, mo.month,
              sum((SELECT sum(x) FROM unnest(p.financial_plan[1:mo.month]) x) * f.amount / p.value) AS planned
            FROM lines l JOIN package_funding f ON f.budget_line_id = l.id JOIN packages p ON p.id = f.package_id AND p.status <> 'CANCELLED' AND p.financial_plan IS NOT NULL
            CROSS JOIN months mo GROUP BY f.budget_line_id, mo.month)
     SELECT pk.id, pk.month, round(pk.planned, 2)::text AS planned, (SELECT sum(x) FROM unnest(c.months[1:pk.month]) x)::text AS cash
     FROM pk JOIN cash_plans c ON c.budget_line_id = pk.id
     WHERE round(pk.planned, 2) > (SELECT sum(x) FROM unnest(c.months[1:pk.month]) x) ORDER BY pk.id, pk.month`, [id]);
  return [
    ...cut.map((c) => `BUDGET_BELOW_PACKAGES: budget line ${c.id}: packages ${c.packaged} > appropriated ${c.appropriated}`),
    ...split.map((s) => `SPLIT_PACKAGE: ${s.n} direct-procurement packages of this sub kegiatan, account object ${s.objek} and type together ${s.total}, above the direct-procurement threshold`),
    ...cash.filter((c, i) => i === cash.findIndex((x) => x.id === c.id)).map((c) => `PLAN_ABOVE_CASH_PLAN: budget line ${c.id}: packages plan ${c.planned} to month ${c.month} > cash plan ${c.cash}`),
  ];
}
