import { EntityManager } from 'typeorm';
import { Money } from '@grms/core';

// What a ceiling counts: per sub kegiatan, the latest document that is
// SUBMITTED or APPROVED; the document being checked replaces its own sub
// kegiatan's entry. `program` and `excludeSub` are SQL expressions (a
// parameter, or a column of the ceiling row beside it).
const usageSql = (program: string, excludeSub: string) => `
  SELECT COALESCE(sum(x.total), 0)::numeric(20,2)::text AS used FROM (
    SELECT DISTINCT ON (d.sub_activity_code) d.total FROM budget_documents d
    WHERE d.fiscal_year = $1 AND d.organization_id = $2 AND d.status IN ('SUBMITTED','APPROVED') AND d.kind = 'EXPENDITURE'
      AND (${program} IS NULL OR d.sub_activity_code LIKE ${program} || '.%') AND (${excludeSub} IS NULL OR d.sub_activity_code <> ${excludeSub})
    ORDER BY d.sub_activity_code, d.revision DESC) x`;

export const USAGE_SQL = usageSql('$3::text', '$4::text');

export async function ceilingUsage(m: EntityManager, fiscalYear: number, organizationId: string, programCode: string | null, excludeSub: string | null = null): Promise<Money> {
  const [r] = await m.query(USAGE_SQL, [fiscalYear, organizationId, programCode, excludeSub]);
  return Money.of(r.used);
}

/**
 * The ceilings that bind a sub kegiatan (the OPD's and its program's), each
 * with what the OPD's other sub kegiatan already use of it, in one statement.
 */
export function ceilingsWithUsage(m: EntityManager, fiscalYear: number, organizationId: string, subActivityCode: string): Promise<{ programCode: string | null; amount: string; used: string }[]> {
  return m.query(
    `SELECT c.program_code AS "programCode", c.amount, (${usageSql('c.program_code', '$3::text')}) AS used
     FROM budget_ceilings c WHERE c.fiscal_year = $1 AND c.organization_id = $2 AND (c.program_code IS NULL OR $3 LIKE c.program_code || '.%')`,
    [fiscalYear, organizationId, subActivityCode]);
}
