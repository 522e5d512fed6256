import { EntityManager } from 'typeorm';
import { Money } from '@grms/core';

// What a ceiling counts: per sub kegiatan, the latest document that is
// SUBMITTED or APPROVED; the document being checked replaces its own sub
// kegiatan's entry.
export const USAGE_SQL = `
  SELECT COALESCE(sum(x.total), 0)::numeric(20,2)::text AS used FROM (
    SELECT DISTINCT ON (d.sub_activity_code) d.total FROM budget_documents d
    WHERE d.fiscal_year = $1 AND d.organization_id = $2 AND d.status IN ('SUBMITTED','APPROVED') AND d.kind = 'EXPENDITURE'
      AND ($3::text IS NULL OR d.sub_activity_code LIKE $3 || '.%') AND ($4::text IS NULL OR d.sub_activity_code <> $4)
    ORDER BY d.sub_activity_code, d.revision DESC) x`;

export async function ceilingUsage(m: EntityManager, fiscalYear: number, organizationId: string, programCode: string | null, excludeSub: string | null = null): Promise<Money> {
  const [r] = await m.query(USAGE_SQL, [fiscalYear, organizationId, programCode, excludeSub]);
  return Money.of(r.used);
}
