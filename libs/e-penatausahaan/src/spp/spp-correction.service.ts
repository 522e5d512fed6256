import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, Permission, TransactionService, normalizeNpwp } from '@grms/core';
import { ContractPaymentsService } from '@grms/e-delivery';
import { EntityManager } from 'typeorm';
import { CorrectSppDto, SppResponse } from './dto/spp.dto';
import { SppWorkflowService } from './spp-workflow.service';
import { fetchSpp } from './spp.queries';
import { contractPayee } from './spp.service';

// No dead ends for the treasurer: an SPP in DRAFT or REJECTED (e.g. returned
// when its SPM was cancelled after a cancelled SP2D) gets its payee corrected
// and is resubmitted; an SPP not yet ordered (no live SPM) is cancelled and
// keeps its number. Amounts, lines and taxes are not corrected: that is a
// new SPP. A contract termin's payee stays the contract's vendor and account,
// taxed as the vendor is today (decision 0412). Each with its reason in the
// audit trail.
@Injectable()
export class SppCorrectionService {
  constructor(
    private readonly tx: TransactionService, private readonly audit: AuditService, private readonly workflow: SppWorkflowService,
    private readonly contracts: ContractPaymentsService,
  ) {}

  correct(user: AuthUser, id: string, dto: CorrectSppDto): Promise<SppResponse> {
    return this.tx.run(async (m) => {
      const row = await this.workflow.lockSpp(m, user, id, Permission.SPP_WRITE);
      if (row.status !== 'DRAFT' && row.status !== 'REJECTED') throw DomainError.invalidTransition('SPP', row.status, 'corrected (only DRAFT or REJECTED)');
      let npwp: string | null = null;
      if (dto.payee.npwp) {
        npwp = normalizeNpwp(dto.payee.npwp);
        if (!npwp) throw DomainError.invalid(`NPWP ${dto.payee.npwp} is not 15 or 16 digits`, [{ field: 'payee.npwp', message: 'must be 15 or 16 digits' }], 'INVALID_NPWP');
      } else if (row.type === 'LS') {
        throw DomainError.invalid('an LS payment needs the payee\'s NPWP', [{ field: 'payee.npwp', message: 'required for LS' }], 'INVALID_NPWP');
      }
      const before = await fetchSpp(m, id);
      await this.checkTaxAttributes(m, before, dto, npwp);
      await m.query(`UPDATE spp SET payee_name = $2, payee_npwp = $3, payee_bank_name = $4, payee_bank_account = $5 WHERE id = $1`,
        [id, dto.payee.name.trim(), npwp, dto.payee.bankName.trim(), dto.payee.bankAccount]);
      const after = await fetchSpp(m, id);
      this.audit.record({ action: 'SPP.CORRECT', entityType: 'Spp', entityId: id, before, after: { ...after, reason: dto.reason } });
      return after;
    });
  }

  /**
   * The taxes were computed for the payee's VAT registration, qualification
   * and NPWP; a correction that changes them would need new taxes, so it is
   * refused (a new SPP). A contract termin's payee is the contract's vendor
   * and account, with the vendor's attributes of today.
   */
  private async checkTaxAttributes(m: EntityManager, spp: SppResponse, dto: CorrectSppDto, npwp: string | null): Promise<void> {
    const taxed = { vatRegistered: spp.payee.vatRegistered, qualification: spp.payee.qualification };
    let wanted = { vatRegistered: dto.payee.vatRegistered ?? taxed.vatRegistered, qualification: dto.payee.qualification ?? taxed.qualification };
    if (spp.contractId) {
      await this.contracts.checkPayeeCorrection(m, spp.contractId, spp.organizationId, { npwp, bankAccount: dto.payee.bankAccount });
      wanted = contractPayee(dto, await this.contracts.payeeTaxAttributes(m, spp.contractId));
    }
    const changed = [
      ...(wanted.vatRegistered !== taxed.vatRegistered ? [{ field: 'payee.vatRegistered', message: `taxed as ${taxed.vatRegistered}, now ${wanted.vatRegistered}` }] : []),
      ...(wanted.qualification !== taxed.qualification ? [{ field: 'payee.qualification', message: `taxed as ${taxed.qualification}, now ${wanted.qualification}` }] : []),
      ...((npwp !== null) !== (spp.payee.npwp !== null) ? [{ field: 'payee.npwp', message: `taxed ${spp.payee.npwp ? 'with' : 'without'} an NPWP` }] : []),
    ];
    if (changed.length) {
      throw DomainError.rule('PAYEE_TAXES_CHANGED', `SPP ${spp.number} was taxed for a payee ${changed.map((c) => `${c.field.slice(6)} ${c.message}`).join('; ')}: `
        + 'taxes are not corrected; cancel the SPP and make a new one', changed);
    }
  }

  cancel(user: AuthUser, id: string, reason: string): Promise<SppResponse> {
    return this.tx.run(async (m) => {
      const row = await this.workflow.lockSpp(m, user, id, Permission.SPP_WRITE);
      if (row.status === 'PAID' || row.status === 'CANCELLED') throw DomainError.invalidTransition('SPP', row.status, 'cancelled');
      const [spm] = await m.query(`SELECT number FROM spm WHERE spp_id = $1 AND status <> 'CANCELLED'`, [id]);
      if (spm) throw DomainError.conflict('SPM_EXISTS', `SPM ${spm.number} orders this SPP; the PA/KPA cancels the SPM first`);
      const before = await fetchSpp(m, id);
      await m.query(`UPDATE spp SET status = 'CANCELLED', cancel_reason = $2, cancelled_by = $3 WHERE id = $1`, [id, reason, user.id]);
      const after = await fetchSpp(m, id);
      this.audit.record({ action: 'SPP.CANCEL', entityType: 'Spp', entityId: id, before, after: { ...after, reason } });
      return after;
    });
  }
}
