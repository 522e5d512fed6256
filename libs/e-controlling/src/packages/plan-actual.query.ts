import { EntityManager } from 'typeorm';

/** The facts of one package (and its contract) as of a date, straight from the views. */
export interface PackageFacts {
  packageId: string;
  packageCode: string;
  packageName: string;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
  subActivityCode: string;
  programCode: string;
  type: string;
  method: string;
  packageStatus: string;
  value: string;
  location: string | null;
  procurementStart: string;
  physicalPlan: string[] | null;
  /** the S-curve on asOf (plannedPhysicalSql) */
  plannedPhysical: string;
  plannedFinancial: string;
  contractId: string | null;
  contractNumber: string | null;
  contractStatus: string | null;
  vendorName: string | null;
  officerName: string | null;
  contractEnd: string | null;
  actual: string;
  lastReportOn: string | null;
  windowStartActual: string;
  realisedFinancial: string;
}

/** Positional parameters of a statement that reads package facts: `$n` of each input. */
export interface FactParams { fiscalYear: string; asOf: string; windowStart: string; month: string; orgs: string }

/**
 * The planned physical % on `asOf` of the S-curve `curve` (12 cumulative
 * month-end values): linear by day between the previous month's end (0 for
 * January) and this month's end, rounded to two decimals half up; 0 without a
 * curve. The SQL form of `plannedOn` (s-curve.ts), which the e2e tests hold it to.
 */
export function plannedPhysicalSql(curve: string, asOf: string): string {
  const d = `${asOf}::date`;
  const from = `CASE WHEN extract(month FROM ${d}) = 1 THEN 0 ELSE ${curve}[extract(month FROM ${d})::int - 1] END`;
  const days = `extract(day FROM (date_trunc('month', ${d}) + interval '1 month - 1 day'))`;
  return `COALESCE(round(${from} + (${curve}[extract(month FROM ${d})::int] - ${from}) * extract(day FROM ${d}) / ${days}, 2), 0)::numeric(5,2)`;
}

/** The latest contract of package `p` signed on or before `asOf` (columns `cols` of `c`): the body of a LATERAL join. */
export function latestContractSql(cols: string, asOf: string): string {
  return `SELECT ${cols} FROM delivery_contracts_v c WHERE c.package_id = p.id AND c.signed_on <= ${asOf}::date ORDER BY c.signed_on DESC, c.number DESC LIMIT 1`;
}

/** The latest verified progress (`pct`, `reported_on`) of contract `c` on or before `onOrBefore`: the body of a LATERAL join. */
export function latestProgressSql(onOrBefore: string): string {
  return `SELECT v.cumulative_percent AS pct, v.reported_on FROM delivery_verified_progress_v v WHERE v.contract_id = c.id AND v.reported_on <= ${onOrBefore}::date
                        ORDER BY v.reported_on DESC, v.cumulative_percent DESC LIMIT 1`;
}

/**
 * Packages not cancelled of a year (in `orgs`, or all when null) with their
 * latest contract, the latest verified progress on or before `asOf` and on or
 * before the projection window's start, the planned physical % on asOf, the
 * financial plan to asOf's month and the contract's disbursements up to asOf:
 * the SELECT (without ORDER BY) for the given parameter positions.
 */
export function packageFactsSql($: FactParams): string {
  return `SELECT p.id AS "packageId", p.code AS "packageCode", p.name AS "packageName", p.organization_id AS "organizationId",
       o.code AS "organizationCode", o.name AS "organizationName", p.sub_activity_code AS "subActivityCode",
       COALESCE(n4.parent_code, '') AS "programCode", p.type, p.method,
       p.status AS "packageStatus", p.value::text AS value, p.location, to_char(p.procurement_start, 'YYYY-MM-DD') AS "procurementStart",
       p.physical_plan::text[] AS "physicalPlan", ${plannedPhysicalSql('p.physical_plan', $.asOf)}::text AS "plannedPhysical",
       COALESCE((SELECT sum(x) FROM unnest(p.financial_plan[1:${$.month}]) x), 0)::numeric(20,2)::text AS "plannedFinancial",
       c.id AS "contractId", c.number AS "contractNumber", c.status AS "contractStatus", c.vendor_name AS "vendorName",
       COALESCE(c.officer_name, p.planner_name) AS "officerName", to_char(c.end_date, 'YYYY-MM-DD') AS "contractEnd",
       COALESCE(r.pct, 0)::numeric(5,2)::text AS actual, to_char(r.reported_on, 'YYYY-MM-DD') AS "lastReportOn",
       COALESCE(w.pct, 0)::numeric(5,2)::text AS "windowStartActual",
       COALESCE(f.paid, 0)::numeric(20,2)::text AS "realisedFinancial"
     FROM planning_package_plans_v p JOIN organizations o ON o.id = p.organization_id
     LEFT JOIN nomenclature n5 ON n5.code = p.sub_activity_code LEFT JOIN nomenclature n4 ON n4.code = n5.parent_code
     LEFT JOIN LATERAL (${latestContractSql('*', $.asOf)}) c ON true
     LEFT JOIN LATERAL (${latestProgressSql($.asOf)}) r ON true
     LEFT JOIN LATERAL (SELECT v.cumulative_percent AS pct FROM delivery_verified_progress_v v WHERE v.contract_id = c.id AND v.reported_on <= ${$.windowStart}::date
                        ORDER BY v.reported_on DESC, v.cumulative_percent DESC LIMIT 1) w ON true
     LEFT JOIN LATERAL (SELECT sum(d.amount) AS paid FROM penatausahaan_contract_disbursements_v d WHERE d.contract_id = c.id AND d.value_date <= ${$.asOf}::date) f ON true
     WHERE p.fiscal_year = ${$.fiscalYear} AND p.status <> 'CANCELLED' AND (${$.orgs}::uuid[] IS NULL OR p.organization_id = ANY(${$.orgs}::uuid[]))`;
}

/** The package facts of a year as of a date, in organization, sub kegiatan and code order. */
export function packageFacts(m: EntityManager, fiscalYear: number, asOf: string, windowStart: string, orgs: string[] | null): Promise<PackageFacts[]> {
  return m.query(`${packageFactsSql({ fiscalYear: '$1', asOf: '$2', windowStart: '$3', month: '$4', orgs: '$5' })} ORDER BY o.code, p.sub_activity_code, p.code`,
    [fiscalYear, asOf, windowStart, Number(asOf.slice(5, 7)), orgs]);
}
