import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Permission, TransactionService } from '@grms/core';
import { ContractsService } from '@grms/e-delivery';
import { EntityManager } from 'typeorm';
import { ControllingScopeService } from '../common/controlling-scope.service';
import { PlanActualService } from '../packages/plan-actual.service';
import { CreateEscalationDto, EscalationResponse } from './dto/escalation.dto';

const SELECT = `SELECT e.id, e.contract_id AS "contractId", c.number AS "contractNumber", e.kind, e.stage, to_char(e.held_on, 'YYYY-MM-DD') AS "heldOn",
  e.document_number AS "documentNumber", e.target_percent::text AS "targetPercent", to_char(e.target_date, 'YYYY-MM-DD') AS "targetDate", e.outcome, e.note, u.username AS "createdBy"
  FROM contract_escalations e JOIN contracts c ON c.id = e.contract_id JOIN users u ON u.id = e.created_by`;

// The escalation record of a critical contract, kept by the OPD's project
// officer (PPK): show-cause meetings I-III with the target agreed, warning
// letters I-III, and one outcome. Append-only; stages in order.
@Injectable()
export class EscalationsService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly contracts: ContractsService, private readonly plans: PlanActualService, private readonly scope: ControllingScopeService) {}

  create(user: AuthUser, contractId: string, dto: CreateEscalationDto): Promise<EscalationResponse> {
    return this.tx.run(async (m) => {
      const c = await this.contracts.lock(m, user, contractId, Permission.ESCALATION_WRITE);
      if (c.status !== 'SIGNED') throw DomainError.invalidTransition('contract', c.status, 'escalated');
      this.checkShape(dto);
      const [{ today }] = await m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
      if (dto.heldOn > today) throw DomainError.rule('DATE_IN_FUTURE', `heldOn ${dto.heldOn} is after today (${today})`, [{ field: 'heldOn', message: `on or before ${today}` }]);
      const done: { kind: string; stage: number | null }[] = await m.query(`SELECT kind, stage FROM contract_escalations WHERE contract_id = $1`, [contractId]);
      if (done.some((d) => d.kind === 'OUTCOME')) throw DomainError.conflict('ESCALATION_CLOSED', `contract ${contractId} has its outcome recorded; nothing follows it`);
      if (dto.kind !== 'OUTCOME') {
        const stages = done.filter((d) => d.kind === dto.kind).map((d) => d.stage!);
        if (stages.includes(dto.stage!)) throw DomainError.conflict('ESCALATION_STAGE_EXISTS', `${dto.kind} ${dto.stage} is already recorded`);
        const next = Math.max(0, ...stages) + 1;
        if (dto.stage !== next) throw DomainError.rule('ESCALATION_OUT_OF_ORDER', `the next ${dto.kind} is stage ${next}, not ${dto.stage}`, [{ field: 'stage', message: `expected ${next}` }]);
      }
      if (dto.kind === 'SHOW_CAUSE_MEETING' && dto.stage === 1) await this.requireCritical(m, c, dto.heldOn);
      const [{ id }] = await m.query(
        `INSERT INTO contract_escalations (contract_id, kind, stage, held_on, document_number, target_percent, target_date, outcome, note, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [contractId, dto.kind, dto.kind === 'OUTCOME' ? null : dto.stage, dto.heldOn, dto.documentNumber ?? null, dto.targetPercent ?? null, dto.targetDate ?? null,
          dto.outcome ?? null, dto.note.trim(), user.id]);
      const [after] = await m.query(`${SELECT} WHERE e.id = $1`, [id]);
      this.audit.record({ action: 'CONTRACT_ESCALATION.CREATE', entityType: 'ContractEscalation', entityId: id, after });
      return after;
    });
  }

  list(user: AuthUser, contractId: string): Promise<EscalationResponse[]> {
    return this.tx.run(async (m) => {
      const [c] = await m.query(`SELECT organization_id FROM contracts WHERE id = $1`, [contractId]);
      if (!c) throw DomainError.notFound('contract', contractId);
      await this.access.requireOrganization(user, Permission.CONTROLLING_READ, c.organization_id, 'contract', contractId);
      return m.query(`${SELECT} WHERE e.contract_id = $1 ORDER BY e.held_on, e.created_at`, [contractId]);
    });
  }

  private checkShape(dto: CreateEscalationDto): void {
    const need = (ok: boolean, field: string, message: string) => { if (!ok) throw DomainError.invalid(`${field} ${message}`, [{ field, message }]); };
    need(dto.kind === 'OUTCOME' ? dto.stage === undefined : dto.stage !== undefined, 'stage', dto.kind === 'OUTCOME' ? 'is not given for an OUTCOME' : 'is required (1-3)');
    need(dto.kind === 'OUTCOME' ? !!dto.outcome : !dto.outcome, 'outcome', dto.kind === 'OUTCOME' ? 'is required for an OUTCOME' : 'is given only with kind OUTCOME');
    if (dto.kind === 'SHOW_CAUSE_MEETING') {
      need(!!dto.targetPercent && Number(dto.targetPercent) > 0 && Number(dto.targetPercent) <= 100, 'targetPercent', 'is required for a show-cause meeting, above 0 and at most 100');
      need(!!dto.targetDate && dto.targetDate >= dto.heldOn, 'targetDate', 'is required for a show-cause meeting, on or after heldOn');
    } else {
      need(dto.targetPercent === undefined && dto.targetDate === undefined, 'targetPercent', 'and targetDate belong to show-cause meetings only');
    }
    if (dto.kind === 'WARNING_LETTER') need(!!dto.documentNumber, 'documentNumber', 'is required for a warning letter');
  }

  /** The first show-cause meeting is for a contract that is CRITICAL on the meeting's date. */
  private async requireCritical(m: EntityManager, c: { id: string; fiscal_year: number; organization_id: string }, heldOn: string): Promise<void> {
    const ctx = await this.scope.context(m, null, { fiscalYear: c.fiscal_year, asOf: heldOn.slice(0, 4) === String(c.fiscal_year) ? heldOn : `${c.fiscal_year}-12-31` });
    const row = (await this.plans.rows(m, c.fiscal_year, { ...ctx, orgs: [c.organization_id] })).find((r) => r.contractId === c.id);
    if (row && row.status !== 'CRITICAL') {
      throw DomainError.rule('CONTRACT_NOT_CRITICAL', `on ${ctx.asOf} the contract is ${row.status}: planned ${row.plannedPhysical}%, actual ${row.actualPhysical}%, deviation ${row.physicalDeviation} points; a show-cause meeting is for a critical contract`, [{ field: 'heldOn', message: `not critical on ${ctx.asOf}` }]);
    }
  }
}
