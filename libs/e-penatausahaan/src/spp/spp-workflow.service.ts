import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { FiscalYearsService, LedgerService, lineLabels } from '@grms/budget';
import { ContractPaymentsService } from '@grms/e-delivery';
import { EntityManager } from 'typeorm';
import { checkAvailability } from '../spd/spd-limits';
import { UpLimitsService } from '../up-limits/up-limits.service';
import { SppResponse } from './dto/spp.dto';
import { fetchSpp, inProcessByLine } from './spp.queries';

// The SPP workflow: DRAFT -> SUBMITTED (availability check) -> VERIFIED by
// the finance officer, or REJECTED with a reason (and resubmitted later).
@Injectable()
export class SppWorkflowService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService, private readonly upLimits: UpLimitsService,
    private readonly contracts: ContractPaymentsService,
  ) {}

  submit(user: AuthUser, id: string): Promise<SppResponse> {
    return this.tx.run(async (m) => {
      const row = await this.lockSpp(m, user, id, Permission.SPP_WRITE);
      if (row.status !== 'DRAFT' && row.status !== 'REJECTED') throw DomainError.invalidTransition('SPP', row.status, 'submitted');
      await this.years.requireStatus(m, row.fiscal_year, ['EXECUTION']);
      const before = await fetchSpp(m, id);
      if (before.contractId) {
        // A contract termin: due, its gross, the contract's vendor and account (decision 0402).
        await this.contracts.checkTerminPayment(m, {
          contractId: before.contractId, terminNo: before.terminNo!, organizationId: row.organization_id, gross: Money.of(before.gross), lines: before.lines,
          payee: { npwp: before.payee.npwp, bankAccount: before.payee.bankAccount },
        });
      }
      await this.checkAvailability(m, id, before.lines);
      if (row.type === 'UP') await this.checkUpLimit(m, row.fiscal_year, row.organization_id, Money.of(before.gross), id);
      await m.query(`UPDATE spp SET status = 'SUBMITTED', submitted_at = now(), reject_reason = NULL, verified_by = NULL, verified_at = NULL WHERE id = $1`, [id]);
      const after = await fetchSpp(m, id);
      this.audit.record({ action: 'SPP.SUBMIT', entityType: 'Spp', entityId: id, before, after });
      return after;
    });
  }

  approve(user: AuthUser, id: string): Promise<SppResponse> {
    return this.tx.run(async (m) => {
      const row = await this.lockSpp(m, user, id, Permission.SPM_WRITE);
      if (row.status !== 'SUBMITTED') throw DomainError.invalidTransition('SPP', row.status, 'verified');
      if (row.created_by === user.id) throw DomainError.sameMakerAndApprover('SPP');
      const before = await fetchSpp(m, id);
      await m.query(`UPDATE spp SET status = 'VERIFIED', verified_by = $2, verified_at = now() WHERE id = $1`, [id, user.id]);
      const after = await fetchSpp(m, id);
      this.audit.record({ action: 'SPP.VERIFY', entityType: 'Spp', entityId: id, before, after });
      return after;
    });
  }

  reject(user: AuthUser, id: string, reason: string): Promise<SppResponse> {
    return this.tx.run(async (m) => {
      const row = await this.lockSpp(m, user, id, Permission.SPM_WRITE);
      if (row.status !== 'SUBMITTED' && row.status !== 'VERIFIED') throw DomainError.invalidTransition('SPP', row.status, 'rejected');
      if (row.created_by === user.id) throw DomainError.sameMakerAndApprover('SPP');
      const [spm] = await m.query(`SELECT number FROM spm WHERE spp_id = $1 AND status <> 'CANCELLED'`, [id]);
      if (spm) throw DomainError.conflict('SPM_EXISTS', `SPM ${spm.number} was already issued from this SPP; it can no longer be rejected`);
      const before = await fetchSpp(m, id);
      await m.query(`UPDATE spp SET status = 'REJECTED', reject_reason = $2, verified_by = NULL, verified_at = NULL WHERE id = $1`, [id, reason]);
      const after = await fetchSpp(m, id);
      this.audit.record({ action: 'SPP.REJECT', entityType: 'Spp', entityId: id, before, after: { ...after, reason } });
      return after;
    });
  }

  /** The SPP row, locked; 404 when unknown or outside the user's OPD. */
  async lockSpp(m: EntityManager, user: AuthUser, id: string, permission: Permission): Promise<{ id: string; status: string; type: string; created_by: string; organization_id: string; fiscal_year: number; number: string }> {
    const [row] = await m.query(`SELECT id, status, type, created_by, organization_id, fiscal_year, number FROM spp WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw DomainError.notFound('SPP', id);
    await this.access.requireOrganization(user, permission, row.organization_id, 'SPP', id);
    return row;
  }

  // Race-safe: the budget line rows are locked (in id order) before the
  // payments in process are summed, so two submissions on one line serialize
  // and the second sees the first.
  private async checkAvailability(m: EntityManager, sppId: string, lines: { budgetLineId: string; amount: string }[]): Promise<void> {
    const ids = lines.map((l) => l.budgetLineId);
    const locked = await this.ledger.lockLines(m, ids);
    const inProcess = await inProcessByLine(m, ids, sppId);
    const labels = await lineLabels(m, ids);
    const refusals = lines.map((l, i) => {
      const b = locked.get(l.budgetLineId)!;
      const detail = checkAvailability({
        budgetLineId: l.budgetLineId, requested: Money.of(l.amount), allotted: Money.of(b.allotted), disbursed: Money.of(b.disbursed),
        inProcess: Money.of(inProcess.get(l.budgetLineId) ?? '0'), label: labels.get(l.budgetLineId),
      });
      return detail ? { field: `lines.${i}.amount`, message: detail } : null;
    }).filter((x): x is { field: string; message: string } => x !== null);
    if (refusals.length) {
      throw DomainError.rule('INSUFFICIENT_ALLOTMENT', `not enough allotment (SPD) left for this SPP: ${refusals.map((r) => r.message).join('; ')}`, refusals);
    }
  }

  private async checkUpLimit(m: EntityManager, year: number, organizationId: string, gross: Money, sppId: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('grms:up-limit'), hashtext($1))`, [`${organizationId}/${year}`]);
    const limit = await this.upLimits.limitOf(m, year, organizationId);
    const [{ used }] = await m.query(
      `SELECT COALESCE(sum(gross), 0)::text AS used FROM spp WHERE fiscal_year = $1 AND organization_id = $2 AND type = 'UP' AND status IN ('SUBMITTED', 'VERIFIED', 'PAID') AND id <> $3`,
      [year, organizationId, sppId]);
    const rest = Money.of(limit.amount).minus(Money.of(used));
    if (gross.gt(rest)) {
      throw DomainError.rule('UP_LIMIT_EXCEEDED', `UP requested ${gross} > UP limit ${limit.amount} - UP already requested ${Money.of(used)} = ${rest} for this OPD in ${year}`);
    }
  }
}
