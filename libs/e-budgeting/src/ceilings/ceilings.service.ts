import { Injectable } from '@nestjs/common';
import { CodeListVersionsService, FiscalYearsService } from '@grms/budget';
import { AccessService, AuditService, AuthUser, DomainError, Money, offsetOf, Page, pageOf, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ceilingUsage } from './ceiling-usage';
import { CeilingQueryDto, CeilingResponse, SetCeilingDto } from './dto/ceiling.dto';

const SELECT = `
  SELECT c.id, c.fiscal_year AS "fiscalYear", c.organization_id AS "organizationId", o.name AS "organizationName",
    c.program_code AS "programCode", c.amount, c.version, c.force_reason AS "forceReason",
    to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
  FROM budget_ceilings c JOIN organizations o ON o.id = c.organization_id`;

// Ceilings (pagu indikatif) per OPD, optionally per program, set by the
// budget team. Documents are checked against them on submit and approve.
@Injectable()
export class CeilingsService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService, private readonly years: FiscalYearsService, private readonly codes: CodeListVersionsService) {}

  async set(dto: SetCeilingDto): Promise<CeilingResponse> {
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, dto.fiscalYear, ['PLANNING', 'EXECUTION']);
      const [org] = await m.query(`SELECT kind FROM organizations WHERE id = $1`, [dto.organizationId]);
      if (!org) throw DomainError.rule('UNKNOWN_ORGANIZATION', `organization ${dto.organizationId} does not exist`, [{ field: 'organizationId', message: 'unknown' }]);
      if (dto.programCode) {
        const p = await this.codes.require(m, dto.fiscalYear, 'nomenclature', dto.programCode, 'programCode', 'INVALID_PROGRAM');
        if (p.level !== 3) throw DomainError.rule('INVALID_PROGRAM', `${dto.programCode} is not a program of the nomenclature`, [{ field: 'programCode', message: 'not a program' }]);
      }
      const [before] = await m.query(`${SELECT} WHERE c.fiscal_year = $1 AND c.organization_id = $2 AND COALESCE(c.program_code, '') = $3 FOR UPDATE OF c`,
        [dto.fiscalYear, dto.organizationId, dto.programCode ?? '']);
      const amount = Money.of(dto.amount).toString();
      if (before && Money.of(before.amount).eq(Money.of(amount))) return this.withUsage(m, before);
      const forced = await this.checkUsed(m, dto);
      let id: string;
      if (before) {
        id = before.id;
        await m.query(`UPDATE budget_ceilings SET amount = $2, force_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`, [id, amount, forced]);
      } else {
        [{ id }] = await m.query(`INSERT INTO budget_ceilings (fiscal_year, organization_id, program_code, amount, force_reason) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [dto.fiscalYear, dto.organizationId, dto.programCode ?? null, amount, forced]);
      }
      const after = await this.withUsage(m, (await m.query(`${SELECT} WHERE c.id = $1`, [id]))[0]);
      this.audit.record({ action: forced ? 'CEILING.FORCE' : 'CEILING.SET', entityType: 'BudgetCeiling', entityId: id, before: before ?? null, after: { ...after, reason: forced } });
      return after;
    });
  }

  // A ceiling below what its scope already uses (submitted or approved
  // documents) is refused with the amount used, unless the budget team
  // forces it with a reason; the reason is returned to be kept. Serialised
  // with the document checks by the same advisory lock.
  private async checkUsed(m: EntityManager, dto: SetCeilingDto): Promise<string | null> {
    if (dto.force && !dto.reason) throw DomainError.invalid('forcing a ceiling below what is used needs a reason', [{ field: 'reason', message: 'required with force' }]);
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('budget-ceiling:' || $1 || ':' || $2))`, [dto.fiscalYear, dto.organizationId]);
    const used = await ceilingUsage(m, dto.fiscalYear, dto.organizationId, dto.programCode ?? null);
    const amount = Money.of(dto.amount);
    if (!amount.lt(used)) return null;
    if (dto.force) return dto.reason!;
    const what = dto.programCode ? `program ${dto.programCode}` : 'the OPD';
    throw DomainError.rule('CEILING_BELOW_USED', `the ceiling of ${what} would be ${amount} but its submitted or approved documents already use ${used} (short by ${used.minus(amount)}); `
      + 'reduce the documents first, or force the ceiling with a reason', [{ field: 'amount', message: `below the ${used} already used` }]);
  }

  async list(user: AuthUser, q: CeilingQueryDto): Promise<Page<CeilingResponse>> {
    const scope = await this.access.scope(user, Permission.CEILING_READ);
    return this.tx.run(async (m) => {
      const params: unknown[] = [];
      const where: string[] = [];
      const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replace(/\?/g, `$${params.length}`)); };
      if (scope !== null) add('c.organization_id = ANY(?::uuid[])', scope);
      if (q.fiscalYear) add('c.fiscal_year = ?', q.fiscalYear);
      if (q.organizationId) add('c.organization_id = ?', q.organizationId);
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM budget_ceilings c ${w}`, params);
      const rows = await m.query(`${SELECT} ${w} ORDER BY c.fiscal_year, o.code, c.program_code NULLS FIRST LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, q.limit, offsetOf(q)]);
      // one query at a time: the rows share the transaction's client (pg refuses parallel queries on one client)
      const data: CeilingResponse[] = [];
      for (const r of rows as CeilingResponse[]) data.push(await this.withUsage(m, r));
      return pageOf(data, total, q);
    });
  }

  private async withUsage(m: EntityManager, r: CeilingResponse): Promise<CeilingResponse> {
    const used = await ceilingUsage(m, r.fiscalYear, r.organizationId, r.programCode);
    return { ...r, used: used.toString(), remaining: Money.of(r.amount).minus(used).toString() };
  }
}
