import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { PackageResponse } from './dto/package.dto';
import { PackageStatus } from './package.constants';
import { fetchPackage } from './package.queries';
import { PackagesService } from './packages.service';

type Action = 'submit' | 'approve' | 'reject' | 'announce' | 'start-procurement' | 'cancel';

// The states of a package: DRAFT -> SUBMITTED -> APPROVED (by the PA/KPA,
// not the maker; or back to DRAFT with a reason) -> ANNOUNCED (RUP code) ->
// IN_PROCUREMENT -> CONTRACTED (a contract is signed) -> COMPLETED, or
// CANCELLED with a reason before a contract is signed.
const RULES: Record<Action, { from: PackageStatus[]; to: PackageStatus; permission: Permission; audit: string; verb: string }> = {
  submit: { from: ['DRAFT'], to: 'SUBMITTED', permission: Permission.PACKAGE_WRITE, audit: 'PACKAGE.SUBMIT', verb: 'submitted' },
  approve: { from: ['SUBMITTED'], to: 'APPROVED', permission: Permission.PACKAGE_APPROVE, audit: 'PACKAGE.APPROVE', verb: 'approved' },
  reject: { from: ['SUBMITTED'], to: 'DRAFT', permission: Permission.PACKAGE_APPROVE, audit: 'PACKAGE.REJECT', verb: 'rejected' },
  announce: { from: ['APPROVED'], to: 'ANNOUNCED', permission: Permission.PACKAGE_WRITE, audit: 'PACKAGE.ANNOUNCE', verb: 'announced' },
  'start-procurement': { from: ['ANNOUNCED'], to: 'IN_PROCUREMENT', permission: Permission.PACKAGE_WRITE, audit: 'PACKAGE.START_PROCUREMENT', verb: 'put in procurement' },
  cancel: { from: ['DRAFT', 'SUBMITTED', 'APPROVED', 'ANNOUNCED', 'IN_PROCUREMENT'], to: 'CANCELLED', permission: Permission.PACKAGE_WRITE, audit: 'PACKAGE.CANCEL', verb: 'cancelled' },
};

@Injectable()
export class PackageWorkflowService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly packages: PackagesService) {}

  act(user: AuthUser, id: string, action: Action, reason?: string): Promise<PackageResponse> {
    const rule = RULES[action];
    return this.tx.run(async (m) => {
      const row = await this.packages.lock(m, user, id, rule.permission);
      if (!rule.from.includes(row.status as PackageStatus)) throw DomainError.invalidTransition('package', row.status, rule.verb);
      if ((action === 'approve' || action === 'reject') && row.created_by === user.id) throw DomainError.sameMakerAndApprover('package');
      const before = await fetchPackage(m, id);
      if (action === 'submit' && (!before.physicalPlan || !before.financialPlan)) {
        throw DomainError.rule('PLAN_MISSING', 'a package is submitted with its S-curve and financial plan (PUT /project-planning/packages/:id/plan)', [{ field: 'plan', message: 'missing' }]);
      }
      await m.query(`UPDATE packages SET status = $2, updated_at = now() WHERE id = $1`, [id, rule.to]);
      if (action === 'approve') await m.query(`UPDATE packages SET approved_by = $2 WHERE id = $1`, [id, user.id]);
      if (action === 'announce') {
        await m.query(`UPDATE packages SET rup_code = nextval('rup_code_seq')::text WHERE id = $1 AND rup_code IS NULL`, [id]);
      }
      if (action === 'cancel') await m.query(`UPDATE packages SET cancel_reason = $2 WHERE id = $1`, [id, reason]);
      const after = await fetchPackage(m, id);
      this.audit.record({ action: rule.audit, entityType: 'Package', entityId: id, before, after: reason ? { ...after, reason } : after });
      return after;
    });
  }

  /** For e-delivery, inside its transaction: a package moves to CONTRACTED or COMPLETED. */
  async markStatus(m: EntityManager, id: string, status: 'CONTRACTED' | 'COMPLETED'): Promise<void> {
    const [row] = await m.query(`SELECT status FROM packages WHERE id = $1 FOR UPDATE`, [id]);
    if (!row || row.status === status) return;
    const before = { status: row.status };
    await m.query(`UPDATE packages SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
    this.audit.record({ action: `PACKAGE.${status}`, entityType: 'Package', entityId: id, before, after: { status } });
  }
}
