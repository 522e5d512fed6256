import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ContractsService } from '../contracts/contracts.service';
import { ProgressDto, ProgressResponse } from './dto/progress.dto';

const SELECT = `SELECT r.id, r.contract_id AS "contractId", to_char(r.reported_on, 'YYYY-MM-DD') AS "reportedOn", r.cumulative_percent::text AS "cumulativePercent",
  r.note, r.evidence, r.status, r.reject_reason AS "rejectReason", cu.username AS "createdBy", vu.username AS "verifiedBy"
  FROM progress_reports r JOIN users cu ON cu.id = r.created_by LEFT JOIN users vu ON vu.id = r.verified_by`;

// Progress reports: dated cumulative physical %, never going down and at most
// 100, reported by the project officer and verified by a SUPERVISOR of the
// OPD. Only verified reports count for termins and handover.
@Injectable()
export class ProgressService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService, private readonly contracts: ContractsService) {}

  report(user: AuthUser, contractId: string, dto: ProgressDto): Promise<ProgressResponse> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.lock(m, user, contractId, Permission.CONTRACT_WRITE);
      if (c.status !== 'SIGNED') throw DomainError.invalidTransition('contract', c.status, 'reported on');
      const [last] = await m.query(
        `SELECT to_char(reported_on, 'YYYY-MM-DD') AS reported_on, cumulative_percent::text AS pct FROM progress_reports
         WHERE contract_id = $1 AND status <> 'REJECTED' ORDER BY reported_on DESC, cumulative_percent DESC LIMIT 1`, [contractId]);
      if (last && Number(dto.cumulativePercent) < Number(last.pct)) {
        throw DomainError.rule('PROGRESS_DECREASING', `cumulative progress cannot go down: ${dto.cumulativePercent}% < ${last.pct}% reported on ${last.reported_on}`, [{ field: 'cumulativePercent', message: `below ${last.pct}` }]);
      }
      if (last && dto.reportedOn < last.reported_on) {
        throw DomainError.rule('PROGRESS_OUT_OF_ORDER', `a report dated ${dto.reportedOn} comes before the last one (${last.reported_on})`, [{ field: 'reportedOn', message: `before ${last.reported_on}` }]);
      }
      const [{ id }] = await m.query(
        `INSERT INTO progress_reports (contract_id, reported_on, cumulative_percent, note, evidence, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [contractId, dto.reportedOn, dto.cumulativePercent, dto.note ?? null, JSON.stringify(dto.evidence ?? []), user.id]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'PROGRESS.REPORT', entityType: 'ProgressReport', entityId: id, after });
      return after;
    });
  }

  decide(user: AuthUser, id: string, verdict: 'VERIFIED' | 'REJECTED', reason?: string): Promise<ProgressResponse> {
    return this.tx.run(async (m) => {
      const [r] = await m.query(`SELECT r.id, r.status, r.created_by, r.contract_id FROM progress_reports r WHERE r.id = $1 FOR UPDATE`, [id]);
      if (!r) throw DomainError.notFound('progress report', id);
      await this.contracts.lock(m, user, r.contract_id, Permission.PROGRESS_VERIFY);
      if (r.status !== 'SUBMITTED') throw DomainError.invalidTransition('progress report', r.status, verdict === 'VERIFIED' ? 'verified' : 'rejected');
      if (r.created_by === user.id) throw DomainError.sameMakerAndApprover('progress report');
      const before = await this.fetch(m, id);
      await m.query(`UPDATE progress_reports SET status = $2, verified_by = $3, verified_at = now(), reject_reason = $4 WHERE id = $1`, [id, verdict, user.id, reason ?? null]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: verdict === 'VERIFIED' ? 'PROGRESS.VERIFY' : 'PROGRESS.REJECT', entityType: 'ProgressReport', entityId: id, before, after });
      return after;
    });
  }

  list(user: AuthUser, contractId: string): Promise<ProgressResponse[]> {
    return this.tx.run(async (m) => {
      const [c] = await m.query(`SELECT organization_id FROM contracts WHERE id = $1`, [contractId]);
      if (!c) throw DomainError.notFound('contract', contractId);
      await this.access.requireOrganization(user, Permission.CONTRACT_READ, c.organization_id, 'contract', contractId);
      return m.query(`${SELECT} WHERE r.contract_id = $1 ORDER BY r.reported_on, r.created_at`, [contractId]);
    });
  }

  private async fetch(m: EntityManager, id: string): Promise<ProgressResponse> {
    const [row] = await m.query(`${SELECT} WHERE r.id = $1`, [id]);
    return row;
  }
}
