import { Injectable } from '@nestjs/common';
import { FiscalYearsService } from '@grms/budget';
import { AccessService, AuditService, AuthUser, DomainError, Money, offsetOf, Page, pageOf, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ceilingUsage } from './ceiling-usage';
import { CeilingQueryDto, CeilingResponse, SetCeilingDto } from './dto/ceiling.dto';

const SELECT = `
  SELECT c.id, c.fiscal_year AS "fiscalYear", c.organization_id AS "organizationId", o.name AS "organizationName",
    c.program_code AS "programCode", c.amount, c.version,
    to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "updatedAt"
  FROM budget_ceilings c JOIN organizations o ON o.id = c.organization_id`;

// Ceilings (pagu indikatif) per OPD, optionally per program, set by the
// budget team. Documents are checked against them on submit and approve.
@Injectable()
export class CeilingsService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService, private readonly years: FiscalYearsService) {}

  async set(dto: SetCeilingDto): Promise<CeilingResponse> {
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, dto.fiscalYear, ['PLANNING', 'EXECUTION']);
      const [org] = await m.query(`SELECT kind FROM organizations WHERE id = $1`, [dto.organizationId]);
      if (!org) throw DomainError.rule('UNKNOWN_ORGANIZATION', `organization ${dto.organizationId} does not exist`, [{ field: 'organizationId', message: 'unknown' }]);
      if (dto.programCode) {
        const [p] = await m.query(`SELECT level FROM nomenclature WHERE code = $1`, [dto.programCode]);
        if (!p || p.level !== 3) throw DomainError.rule('INVALID_PROGRAM', `${dto.programCode} is not a program of the nomenclature`, [{ field: 'programCode', message: 'not a program' }]);
      }
      const [before] = await m.query(`${SELECT} WHERE c.fiscal_year = $1 AND c.organization_id = $2 AND COALESCE(c.program_code, '') = $3 FOR UPDATE OF c`,
        [dto.fiscalYear, dto.organizationId, dto.programCode ?? '']);
      const amount = Money.of(dto.amount).toString();
      if (before && Money.of(before.amount).eq(Money.of(amount))) return this.withUsage(m, before);
      let id: string;
      if (before) {
        id = before.id;
        await m.query(`UPDATE budget_ceilings SET amount = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, amount]);
      } else {
        [{ id }] = await m.query(`INSERT INTO budget_ceilings (fiscal_year, organization_id, program_code, amount) VALUES ($1, $2, $3, $4) RETURNING id`,
          [dto.fiscalYear, dto.organizationId, dto.programCode ?? null, amount]);
      }
      const after = await this.withUsage(m, (await m.query(`${SELECT} WHERE c.id = $1`, [id]))[0]);
      this.audit.record({ action: 'CEILING.SET', entityType: 'BudgetCeiling', entityId: id, before: before ?? null, after });
      return after;
    });
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
