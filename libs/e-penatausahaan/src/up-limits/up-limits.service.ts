import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { FiscalYearsService } from '@grms/budget';
import { EntityManager } from 'typeorm';
import { requireOrganizationExists } from '../common/doc-lines';
import { PutUpLimitDto, UpLimitResponse } from './dto/up-limit.dto';

// The UP (revolving advance) ceiling per OPD and fiscal year. Without an
// ADMIN-set row the default is 1/12 of the OPD's appropriation on goods and
// services (5.1.02), rounded down to whole rupiah (docs/decisions/0202).
@Injectable()
export class UpLimitsService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService, private readonly years: FiscalYearsService) {}

  async limitOf(m: EntityManager, fiscalYear: number, organizationId: string): Promise<UpLimitResponse> {
    const [row] = await m.query(
      `SELECT (SELECT amount::text FROM up_limits WHERE fiscal_year = $1 AND organization_id = $2) AS configured,
         (SELECT COALESCE(sum(appropriated), 0)::text FROM budget_lines WHERE fiscal_year = $1 AND organization_id = $2 AND account_code LIKE '5.1.02.%') AS goods,
         (SELECT COALESCE(sum(gross), 0)::text FROM spp WHERE fiscal_year = $1 AND organization_id = $2 AND type = 'UP' AND status IN ('SUBMITTED', 'VERIFIED', 'PAID')) AS used`,
      [fiscalYear, organizationId],
    );
    const amount = row.configured !== null ? Money.of(row.configured) : Money.fromDecimal(Money.of(row.goods).toDecimal().dividedBy(12)).floorRupiah();
    return { fiscalYear, organizationId, amount: amount.toString(), configured: row.configured !== null, used: Money.of(row.used).toString() };
  }

  get(user: AuthUser, fiscalYear: number, organizationId: string): Promise<UpLimitResponse> {
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, organizationId);
      await this.access.requireOrganization(user, Permission.SPP_READ, organizationId, 'organization');
      await this.years.requireStatus(m, fiscalYear, ['PLANNING', 'EXECUTION', 'CLOSED']);
      return this.limitOf(m, fiscalYear, organizationId);
    });
  }

  put(user: AuthUser, fiscalYear: number, organizationId: string, dto: PutUpLimitDto): Promise<UpLimitResponse> {
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, organizationId);
      await this.years.requireStatus(m, fiscalYear, ['PLANNING', 'EXECUTION']);
      const before = await this.limitOf(m, fiscalYear, organizationId);
      const amount = Money.of(dto.amount);
      if (amount.lt(Money.of(before.used))) {
        throw DomainError.rule('UP_LIMIT_BELOW_USED', `the UP limit ${amount} would be below the UP already requested (${before.used})`);
      }
      await m.query(
        `INSERT INTO up_limits (fiscal_year, organization_id, amount, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (fiscal_year, organization_id) DO UPDATE SET amount = EXCLUDED.amount, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [fiscalYear, organizationId, amount.toString(), user.id],
      );
      const after = await this.limitOf(m, fiscalYear, organizationId);
      this.audit.record({ action: 'UP_LIMIT.SET', entityType: 'UpLimit', entityId: `${fiscalYear}/${organizationId}`, before, after });
      return after;
    });
  }
}
