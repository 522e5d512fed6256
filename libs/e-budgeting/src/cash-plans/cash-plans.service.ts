import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Money, offsetOf, Page, pageOf, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { CashPlanQueryDto, CashPlanResponse, PutCashPlanDto } from './dto/cash-plan.dto';

const SELECT = `
  SELECT c.budget_line_id AS "budgetLineId", b.fiscal_year AS "fiscalYear", b.organization_id AS "organizationId",
    b.sub_activity_code AS "subActivityCode", b.account_code AS "accountCode", b.funding_source_code AS "fundingSourceCode",
    b.appropriated, c.months::text[] AS months, c.total, (c.total = b.appropriated) AS "matchesAppropriation", c.version,
    to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
  FROM cash_plans c JOIN budget_lines b ON b.id = c.budget_line_id`;

// Cash plans: twelve monthly amounts per budget line that sum exactly to its
// appropriation. SPD (fund provision) follows the plan cumulated by month.
@Injectable()
export class CashPlansService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService) {}

  async put(user: AuthUser, budgetLineId: string, dto: PutCashPlanDto): Promise<CashPlanResponse> {
    const months = dto.months.map((m) => Money.of(m));
    const total = Money.sum(months);
    return this.tx.run(async (m) => {
      const [line] = await m.query(
        `SELECT b.id, b.organization_id AS "organizationId", b.appropriated, f.status
         FROM budget_lines b JOIN fiscal_years f ON f.year = b.fiscal_year WHERE b.id = $1 FOR SHARE OF b`,
        [budgetLineId],
      );
      if (!line) throw DomainError.notFound('budget line', budgetLineId);
      await this.access.requireOrganization(user, Permission.CASH_PLAN_WRITE, line.organizationId, 'budget line', budgetLineId);
      if (line.status === 'CLOSED') throw DomainError.rule('FISCAL_YEAR_NOT_OPEN', 'the fiscal year of this budget line is CLOSED');
      const appropriated = Money.of(line.appropriated);
      if (!total.eq(appropriated)) {
        throw DomainError.rule('CASH_PLAN_MISMATCH',
          `the 12 months sum to ${total} but budget line ${budgetLineId} has ${appropriated} appropriated (difference ${total.minus(appropriated)}); they must be equal to the sen`,
          [{ field: 'months', message: `sum ${total} <> appropriation ${appropriated}` }]);
      }
      const [before] = await m.query(`${SELECT} WHERE c.budget_line_id = $1 FOR UPDATE OF c`, [budgetLineId]);
      await m.query(
        `INSERT INTO cash_plans (budget_line_id, months, total, updated_by) VALUES ($1, $2::numeric[], $3, $4)
         ON CONFLICT (budget_line_id) DO UPDATE SET months = EXCLUDED.months, total = EXCLUDED.total, updated_by = EXCLUDED.updated_by,
           version = cash_plans.version + 1, updated_at = now()`,
        [budgetLineId, months.map((x) => x.toString()), total.toString(), user.id],
      );
      const [after] = await m.query(`${SELECT} WHERE c.budget_line_id = $1`, [budgetLineId]);
      this.audit.record({ action: 'CASH_PLAN.SET', entityType: 'CashPlan', entityId: budgetLineId, before: before ?? null, after });
      return after;
    });
  }

  async list(user: AuthUser, q: CashPlanQueryDto): Promise<Page<CashPlanResponse>> {
    const scope = await this.access.scope(user, Permission.CASH_PLAN_READ);
    return this.tx.run(async (m) => {
      const params: unknown[] = [];
      const where: string[] = [];
      if (scope !== null) { params.push(scope); where.push(`b.organization_id = ANY($${params.length}::uuid[])`); }
      if (q.fiscalYear) { params.push(q.fiscalYear); where.push(`b.fiscal_year = $${params.length}`); }
      if (q.organizationId) { params.push(q.organizationId); where.push(`b.organization_id = $${params.length}`); }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM cash_plans c JOIN budget_lines b ON b.id = c.budget_line_id ${w}`, params);
      const rows = await m.query(`${SELECT} ${w} ORDER BY b.fiscal_year, b.organization_id, b.sub_activity_code, b.account_code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, q.limit, offsetOf(q)]);
      return pageOf(rows, total, q);
    });
  }

  /**
   * For SPD: the plan cumulated from January to `month` (1-12) per line.
   * A line without a plan, or whose plan no longer matches its appropriation,
   * has no entry in the map.
   */
  async cumulative(m: EntityManager, budgetLineIds: string[], month: number): Promise<Map<string, Money>> {
    const rows: { id: string; cum: string }[] = await m.query(
      `SELECT c.budget_line_id AS id, (SELECT COALESCE(sum(x), 0) FROM unnest(c.months[1:$2]) x)::numeric(20,2)::text AS cum
       FROM cash_plans c JOIN budget_lines b ON b.id = c.budget_line_id
       WHERE c.budget_line_id = ANY($1::uuid[]) AND c.total = b.appropriated`,
      [budgetLineIds, month],
    );
    return new Map(rows.map((r) => [r.id, Money.of(r.cum)]));
  }
}
