import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, CursorPage, DomainError, Money, Permission, segregationOfDuties, TransactionService } from '@grms/core';
import { listDocuments } from '../common/list-documents';
import { FiscalYearsService, LedgerKind, LedgerService } from '@grms/budget';
import { EntityManager } from 'typeorm';
import { nextNumber, ts } from '../common/doc-lines';
import { fetchSpp } from '../spp/spp.queries';
import { CreateSpmDto, SpmQueryDto, SpmResponse } from './dto/spm.dto';

const SELECT = `
  SELECT s.id, s.number, s.spp_id AS "sppId", p.number AS "sppNumber", p.type, s.fiscal_year AS "fiscalYear", s.organization_id AS "organizationId",
    s.status, s.amount, s.cancel_reason AS "cancelReason", cu.username AS "createdBy", au.username AS "approvedBy", ${ts('s.approved_at')} AS "approvedAt", ${ts('s.created_at')} AS "createdAt"
  FROM spm s JOIN spp p ON p.id = s.spp_id JOIN users cu ON cu.id = s.created_by LEFT JOIN users au ON au.id = s.approved_by`;

// SPM (payment order) by the OPD's finance officer from a submitted SPP (the
// SPM verifies it). Approval, by another finance officer, posts COMMITMENT
// for LS lines (released when the SP2D disburses them).
@Injectable()
export class SpmService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService,
  ) {}

  create(user: AuthUser, dto: CreateSpmDto): Promise<SpmResponse> {
    return this.tx.run(async (m) => {
      const [spp] = await m.query(`SELECT id, status, type, created_by, organization_id, fiscal_year, gross::text FROM spp WHERE id = $1 FOR UPDATE`, [dto.sppId]);
      if (!spp) throw DomainError.notFound('SPP', dto.sppId);
      await this.access.requireOrganization(user, Permission.SPM_WRITE, spp.organization_id, 'SPP', dto.sppId);
      if (spp.status !== 'SUBMITTED' && spp.status !== 'VERIFIED') {
        throw DomainError.rule('SPP_NOT_SUBMITTED', `an SPM is issued from a submitted or verified SPP; this SPP is ${spp.status}`, [{ field: 'sppId', message: `SPP is ${spp.status}` }]);
      }
      if (spp.created_by === user.id) throw DomainError.sameMakerAndApprover('SPP');
      await this.years.requireStatus(m, spp.fiscal_year, ['EXECUTION']);
      const [existing] = await m.query(`SELECT number FROM spm WHERE spp_id = $1 AND status <> 'CANCELLED'`, [dto.sppId]);
      if (existing) throw DomainError.conflict('SPM_EXISTS', `SPM ${existing.number} already exists for this SPP`);
      const sppBefore = await fetchSpp(m, dto.sppId);
      if (spp.status === 'SUBMITTED') {
        await m.query(`UPDATE spp SET status = 'VERIFIED', verified_by = $2, verified_at = now() WHERE id = $1`, [dto.sppId, user.id]);
        this.audit.record({ action: 'SPP.VERIFY', entityType: 'Spp', entityId: dto.sppId, before: sppBefore, after: await fetchSpp(m, dto.sppId) });
      }
      const number = await nextNumber(m, `SPM-${spp.type}`, spp.organization_id, spp.fiscal_year);
      const [{ id }] = await m.query(
        `INSERT INTO spm (number, spp_id, fiscal_year, organization_id, amount, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [number, dto.sppId, spp.fiscal_year, spp.organization_id, spp.gross, user.id],
      );
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'SPM.CREATE', entityType: 'Spm', entityId: id, after });
      return after;
    });
  }

  approve(user: AuthUser, id: string): Promise<SpmResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(
        `SELECT m.id, m.status, m.created_by, m.organization_id, m.fiscal_year, m.spp_id, m.number, p.created_by AS spp_created_by
         FROM spm m JOIN spp p ON p.id = m.spp_id WHERE m.id = $1 FOR UPDATE OF m`, [id]);
      if (!row) throw DomainError.notFound('SPM', id);
      await this.access.requireOrganization(user, Permission.SPM_APPROVE, row.organization_id, 'SPM', id);
      if (row.status !== 'DRAFT') throw DomainError.invalidTransition('SPM', row.status, 'approved');
      if (row.created_by === user.id) throw DomainError.sameMakerAndApprover('SPM');
      if (row.spp_created_by === user.id) throw segregationOfDuties(`approve SPM ${row.number}`, 'made its SPP');
      await this.years.requireStatus(m, row.fiscal_year, ['EXECUTION']);
      const before = await this.fetch(m, id);
      await m.query(`UPDATE spm SET status = 'APPROVED', approved_by = $2, approved_at = now() WHERE id = $1`, [id, user.id]);
      const spp = await fetchSpp(m, row.spp_id);
      // A contract termin is already committed by the contract's signing (decision 0402): no second commitment.
      if (spp.type === 'LS' && !spp.contractId) {
        await this.ledger.post(m, spp.lines.map((l) => ({
          budgetLineId: l.budgetLineId, kind: LedgerKind.COMMITMENT, amount: Money.of(l.amount), sourceType: 'Spm', sourceId: id, description: `SPM ${row.number}`,
        })));
      }
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'SPM.APPROVE', entityType: 'Spm', entityId: id, before, after });
      return after;
    });
  }

  // After its SP2D is cancelled (or before one is issued) the PA/KPA cancels
  // the SPM: its COMMITMENT is reversed (exactly what it posted) and the SPP
  // goes back to the treasurer as REJECTED with the reason, to be corrected
  // and resubmitted, or cancelled.
  cancel(user: AuthUser, id: string, reason: string): Promise<SpmResponse> {
    return this.sendBack(user, id, reason, 'cancel');
  }

  // The PA/KPA refuses to issue a drafted SPM (API.md's `spm/:id/reject`):
  // only a DRAFT; it is then cancelled with the reason, exactly as `cancel`
  // does (nothing was committed yet), and the SPP goes back to the treasurer
  // as REJECTED. An approved SPM is cancelled instead.
  reject(user: AuthUser, id: string, reason: string): Promise<SpmResponse> {
    return this.sendBack(user, id, reason, 'reject');
  }

  private sendBack(user: AuthUser, id: string, reason: string, how: 'cancel' | 'reject'): Promise<SpmResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT id, status, organization_id, fiscal_year, spp_id, number FROM spm WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw DomainError.notFound('SPM', id);
      await this.access.requireOrganization(user, Permission.SPM_APPROVE, row.organization_id, 'SPM', id);
      if (row.status === 'CANCELLED') throw DomainError.invalidTransition('SPM', row.status, how === 'cancel' ? 'cancelled' : 'rejected');
      if (how === 'reject' && row.status !== 'DRAFT') throw DomainError.invalidTransition('SPM', row.status, 'rejected (an issued SPM is cancelled: POST /penatausahaan/spm/:id/cancel)');
      const [live] = await m.query(`SELECT number FROM sp2d WHERE spm_id = $1 AND status = 'ISSUED'`, [id]);
      if (live) throw DomainError.conflict('SP2D_ISSUED', `SP2D ${live.number} pays this SPM; the regional treasurer cancels it first`);
      await this.years.requireStatus(m, row.fiscal_year, ['EXECUTION']);
      await m.query(`SELECT 1 FROM spp WHERE id = $1 FOR UPDATE`, [row.spp_id]);
      const before = await this.fetch(m, id);
      const sppBefore = await fetchSpp(m, row.spp_id);
      const reversed = await this.ledger.reverseSource(m, 'Spm', id, { sourceType: 'SpmCancellation', sourceId: id, description: `cancellation of SPM ${row.number}: ${reason}` });
      await m.query(`UPDATE spm SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = now(), cancel_reason = $3 WHERE id = $1`, [id, user.id, reason]);
      await m.query(`UPDATE spp SET status = 'REJECTED', reject_reason = $2, verified_by = NULL, verified_at = NULL WHERE id = $1`, [row.spp_id, `SPM ${row.number} ${how === 'cancel' ? 'cancelled' : 'rejected'}: ${reason}`]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: how === 'cancel' ? 'SPM.CANCEL' : 'SPM.REJECT', entityType: 'Spm', entityId: id, before, after: { ...after, reason, reversedEntries: reversed.map((e) => e.id) } });
      this.audit.record({ action: 'SPP.REJECT', entityType: 'Spp', entityId: row.spp_id, before: sppBefore, after: { ...(await fetchSpp(m, row.spp_id)), reason } });
      return after;
    });
  }

  get(user: AuthUser, id: string): Promise<SpmResponse> {
    return this.tx.run(async (m) => {
      const row = await this.fetch(m, id);
      await this.access.requireOrganization(user, Permission.SPP_READ, row.organizationId, 'SPM', id);
      return row;
    });
  }

  async list(user: AuthUser, q: SpmQueryDto): Promise<CursorPage<SpmResponse>> {
    const scope = await this.access.scope(user, Permission.SPP_READ);
    return this.tx.run((m) => listDocuments<SpmResponse>(m, { table: 'spm', alias: 's', select: SELECT, scope, q }));
  }

  async fetch(m: EntityManager, id: string): Promise<SpmResponse> {
    const [row] = await m.query(`${SELECT} WHERE s.id = $1`, [id]);
    if (!row) throw DomainError.notFound('SPM', id);
    return row;
  }
}
