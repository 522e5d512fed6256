import { Injectable } from '@nestjs/common';
import { AccessService, AuthUser, DomainError, Permission, TransactionService } from '@grms/core';
import { RealizationBySourceQueryDto, RealizationBySourceReport } from './dto/realization-by-source.dto';
import { isEarmarked, SourceAmounts, SourceEntry, sourceTree, totalsOf } from './source-tree';

/**
 * Budget and realisation of expenditure (5.* lines) per funding source, by
 * value date up to `asOf`, straight from the ledger entries: one aggregate
 * per funding source, then the code list's parents as subtotals (decision 0130).
 */
export const REALIZATION_BY_SOURCE_SQL = `
  SELECT b.funding_source_code AS code,
    COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'APPROPRIATION'), 0)::numeric(20,2)::text AS budget,
    COALESCE(sum(e.amount) FILTER (WHERE e.kind = 'DISBURSEMENT'), 0)::numeric(20,2)::text AS realized
  FROM budget_lines b
  LEFT JOIN ledger_entries e ON e.budget_line_id = b.id AND e.kind IN ('APPROPRIATION', 'DISBURSEMENT') AND ($2::date IS NULL OR e.value_date <= $2::date)
  WHERE b.fiscal_year = $1 AND b.account_code LIKE '5.%'
    AND ($3::uuid IS NULL OR b.organization_id = $3::uuid) AND ($4::uuid[] IS NULL OR b.organization_id = ANY($4::uuid[]))
  GROUP BY b.funding_source_code`;

@Injectable()
export class RealizationBySourceService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService) {}

  async report(user: AuthUser, q: RealizationBySourceQueryDto): Promise<RealizationBySourceReport> {
    const scope = await this.access.scope(user, Permission.BUDGET_LINE_READ);
    if (q.organizationId && !this.access.inScope(scope, q.organizationId)) throw DomainError.notFound('organization', q.organizationId);
    return this.tx.run(async (m) => {
      let organization: { code: string; name: string } | null = null;
      if (q.organizationId) {
        [organization] = await m.query(`SELECT code, name FROM organizations WHERE id = $1`, [q.organizationId]);
        if (!organization) throw DomainError.notFound('organization', q.organizationId);
      }
      const amounts: SourceAmounts[] = await m.query(REALIZATION_BY_SOURCE_SQL, [q.fiscalYear, q.asOf ?? null, q.organizationId ?? null, scope]);
      const list: SourceEntry[] = await m.query(
        `SELECT code, name, level, parent_code AS "parentCode" FROM code_list_entries
         WHERE version = (SELECT code_list_version FROM fiscal_years WHERE year = $1) AND list = 'funding_sources'`, [q.fiscalYear]);
      return {
        fiscalYear: q.fiscalYear, asOf: q.asOf ?? null, organizationId: q.organizationId ?? null,
        organizationCode: organization?.code ?? null, organizationName: organization?.name ?? null,
        rows: sourceTree(amounts, list),
        general: totalsOf(amounts, (c) => !isEarmarked(c)),
        earmarked: totalsOf(amounts, isEarmarked),
        totals: totalsOf(amounts),
      };
    });
  }
}
