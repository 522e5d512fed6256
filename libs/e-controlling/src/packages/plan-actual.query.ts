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
  type: string;
  method: string;
  packageStatus: string;
  value: string;
  location: string | null;
  procurementStart: string;
  physicalPlan: string[] | null;
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

/**
 * Packages not cancelled of a year (in `orgs`, or all when null) with their
 * latest contract, the latest verified progress on or before `asOf` and on or
 * before the projection window's start, the financial plan to asOf's month
 * and the contract's disbursements up to asOf.
 */
export function packageFacts(m: EntityManager, fiscalYear: number, asOf: string, windowStart: string, orgs: string[] | null): Promise<PackageFacts[]> {
  return m.query(
    `SELECT p.id AS "packageId", p.code AS "packageCode", p.name AS "packageName", p.organization_id AS "organizationId",
       o.code AS "organizationCode", o.name AS "organizationName", p.sub_activity_code AS "subActivityCode", p.type, p.method,
       p.status AS "packageStatus", p.value::text AS value, p.location, to_char(p.procurement_start, 'YYYY-MM-DD') AS "procurementStart",
       p.physical_plan::text[] AS "physicalPlan",
       COALESCE((SELECT sum(x) FROM unnest(p.financial_plan[1:$4]) x), 0)::numeric(20,2)::text AS "plannedFinancial",
       c.id AS "contractId", c.number AS "contractNumber", c.status AS "contractStatus", c.vendor_name AS "vendorName",
       COALESCE(c.officer_name, p.planner_name) AS "officerName", to_char(c.end_date, 'YYYY-MM-DD') AS "contractEnd",
       COALESCE(r.pct, 0)::numeric(5,2)::text AS actual, to_char(r.reported_on, 'YYYY-MM-DD') AS "lastReportOn",
       COALESCE(w.pct, 0)::numeric(5,2)::text AS "windowStartActual",
       COALESCE(f.paid, 0)::numeric(20,2)::text AS "realisedFinancial"
     FROM planning_package_plans_v p JOIN organizations o ON o.id = p.organization_id
     LEFT JOIN LATERAL (SELECT * FROM delivery_contracts_v c WHERE c.package_id = p.id AND c.signed_on <= $2::date ORDER BY c.signed_on DESC, c.number DESC LIMIT 1) c ON true
     LEFT JOIN LATERAL (SELECT v.cumulative_percent AS pct, v.reported_on FROM delivery_verified_progress_v v WHERE v.contract_id = c.id AND v.reported_on <= $2::date
                        ORDER BY v.reported_on DESC, v.cumulative_percent DESC LIMIT 1) r ON true
     LEFT JOIN LATERAL (SELECT v.cumulative_percent AS pct FROM delivery_verified_progress_v v WHERE v.contract_id = c.id AND v.reported_on <= $3::date
                        ORDER BY v.reported_on DESC, v.cumulative_percent DESC LIMIT 1) w ON true
     LEFT JOIN LATERAL (SELECT sum(d.amount) AS paid FROM penatausahaan_contract_disbursements_v d WHERE d.contract_id = c.id AND d.value_date <= $2::date) f ON true
     WHERE p.fiscal_year = $1 AND p.status <> 'CANCELLED' AND ($5::uuid[] IS NULL OR p.organization_id = ANY($5::uuid[]))
     ORDER BY o.code, p.sub_activity_code, p.code`,
    [fiscalYear, asOf, windowStart, Number(asOf.slice(5, 7)), orgs]);
}
