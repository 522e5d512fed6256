import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, CursorPage, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { listDocuments } from '../common/list-documents';
import { FiscalYearsService, LedgerKind, LedgerService, lineLabels } from '@grms/budget';
import { CashPlansService } from '@grms/e-budgeting';
import { EntityManager } from 'typeorm';
import { loadOrgLines, nextNumber, requireDistinctLines, requireOrganizationExists, sumOf, ts } from '../common/doc-lines';
import { CreateSpdDto, SpdQueryDto, SpdResponse } from './dto/spd.dto';
import { checkSpdLimit } from './spd-limits';

const SELECT = `
  SELECT s.id, s.number, s.fiscal_year AS "fiscalYear", s.organization_id AS "organizationId", s.month, s.status, s.total,
    COALESCE((SELECT json_agg(json_build_object('budgetLineId', l.budget_line_id, 'amount', l.amount::text) ORDER BY l.budget_line_id)
      FROM spd_lines l WHERE l.spd_id = s.id), '[]') AS lines,
    cu.username AS "createdBy", au.username AS "approvedBy", ${ts('s.approved_at')} AS "approvedAt", ${ts('s.created_at')} AS "createdAt",
    s.withdraw_reason AS "withdrawReason", (SELECT count(*)::int FROM spd_revisions r WHERE r.spd_id = s.id) AS revisions
  FROM spd s JOIN users cu ON cu.id = s.created_by LEFT JOIN users au ON au.id = s.approved_by`;

// SPD (fund provision) by the regional treasurer: per OPD and month, per line
// at most the cash plan cumulated to that month minus what earlier SPDs gave.
// Approval, by another cash authority, posts ALLOTMENT.
@Injectable()
export class SpdService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService, private readonly cashPlans: CashPlansService,
  ) {}

  create(user: AuthUser, dto: CreateSpdDto): Promise<SpdResponse> {
    requireDistinctLines(dto.lines);
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, dto.fiscalYear, ['EXECUTION']);
      await requireOrganizationExists(m, dto.organizationId);
      await this.access.requireOrganization(user, Permission.SPD_WRITE, dto.organizationId, 'organization');
      const ids = dto.lines.map((l) => l.budgetLineId);
      const lines = await loadOrgLines(m, ids, dto.organizationId);
      for (const l of lines.values()) {
        if (l.fiscalYear !== dto.fiscalYear) throw DomainError.rule('LINE_OF_ANOTHER_YEAR', `budget line ${l.id} belongs to fiscal year ${l.fiscalYear}, not ${dto.fiscalYear}`);
      }
      await this.ledger.lockLines(m, ids);
      await this.checkLimits(m, dto.lines, dto.month, null);
      const number = await nextNumber(m, 'SPD', dto.organizationId, dto.fiscalYear);
      const [{ id }] = await m.query(
        `INSERT INTO spd (number, fiscal_year, organization_id, month, total, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [number, dto.fiscalYear, dto.organizationId, dto.month, sumOf(dto.lines).toString(), user.id],
      );
      for (const l of dto.lines) {
        await m.query(`INSERT INTO spd_lines (spd_id, budget_line_id, amount) VALUES ($1, $2, $3)`, [id, l.budgetLineId, Money.of(l.amount).toString()]);
      }
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'SPD.CREATE', entityType: 'Spd', entityId: id, after });
      return after;
    });
  }

  approve(user: AuthUser, id: string): Promise<SpdResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT id, status, created_by, organization_id, fiscal_year, month, number FROM spd WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw DomainError.notFound('SPD', id);
      await this.access.requireOrganization(user, Permission.SPD_APPROVE, row.organization_id, 'SPD', id);
      if (row.status !== 'DRAFT') throw DomainError.invalidTransition('SPD', row.status, 'approved');
      if (row.created_by === user.id) throw DomainError.sameMakerAndApprover('SPD');
      await this.years.requireStatus(m, row.fiscal_year, ['EXECUTION']);
      const before = await this.fetch(m, id);
      await this.ledger.lockLines(m, before.lines.map((l) => l.budgetLineId));
      await this.checkLimits(m, before.lines, row.month, id);
      await m.query(`UPDATE spd SET status = 'APPROVED', approved_by = $2, approved_at = now() WHERE id = $1`, [id, user.id]);
      await this.ledger.post(m, before.lines.map((l) => ({
        budgetLineId: l.budgetLineId, kind: LedgerKind.ALLOTMENT, amount: Money.of(l.amount),
        sourceType: 'Spd', sourceId: id, description: `SPD ${row.number} (month ${row.month})`,
      })));
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'SPD.APPROVE', entityType: 'Spd', entityId: id, before, after });
      return after;
    });
  }

  async get(user: AuthUser, id: string): Promise<SpdResponse> {
    return this.tx.run(async (m) => {
      const row = await this.fetch(m, id);
      await this.access.requireOrganization(user, Permission.SPD_READ, row.organizationId, 'SPD', id);
      return row;
    });
  }

  async list(user: AuthUser, q: SpdQueryDto): Promise<CursorPage<SpdResponse>> {
    const scope = await this.access.scope(user, Permission.SPD_READ);
    return this.tx.run((m) => listDocuments<SpdResponse>(m, { table: 'spd', alias: 's', select: SELECT, scope, q }));
  }

  // Lines must be locked by the caller. Earlier SPDs are all the other SPDs on
  // the line, drafts included, so two drafts cannot together exceed the plan.
  private async checkLimits(m: EntityManager, lines: { budgetLineId: string; amount: string }[], month: number, excludeSpdId: string | null): Promise<void> {
    const ids = lines.map((l) => l.budgetLineId);
    const plan = await this.cashPlans.cumulative(m, ids, month);
    const given: { id: string; total: string }[] = await m.query(
      `SELECT l.budget_line_id AS id, sum(l.amount)::text AS total FROM spd_lines l JOIN spd s ON s.id = l.spd_id
       WHERE l.budget_line_id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR l.spd_id <> $2) AND s.status <> 'WITHDRAWN' GROUP BY l.budget_line_id`,
      [ids, excludeSpdId],
    );
    const givenById = new Map(given.map((g) => [g.id, Money.of(g.total)]));
    const labels = await lineLabels(m, ids);
    const refusals = lines.map((l, i) => ({ i, r: checkSpdLimit({
      budgetLineId: l.budgetLineId, requested: Money.of(l.amount), planCumulative: plan.get(l.budgetLineId) ?? null, earlierSpds: givenById.get(l.budgetLineId) ?? Money.ZERO,
      label: labels.get(l.budgetLineId),
    }) })).filter((x) => x.r !== null);
    if (refusals.length) {
      throw DomainError.rule('EXCEEDS_CASH_PLAN', `the SPD exceeds the cash plan to month ${month}: ${refusals.map((x) => x.r!.detail).join('; ')}`,
        refusals.map((x) => ({ field: `lines.${x.i}.amount`, message: x.r!.detail })));
    }
  }

  async fetch(m: EntityManager, id: string): Promise<SpdResponse> {
    const [row] = await m.query(`${SELECT} WHERE s.id = $1`, [id]);
    if (!row) throw DomainError.notFound('SPD', id);
    row.lines = row.lines.filter((l: { amount: string }) => !Money.of(l.amount).isZero());
    return row;
  }
}
