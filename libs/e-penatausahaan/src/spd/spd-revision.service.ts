import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { AllotmentReleaser, FiscalYearsService, labelSuffix, LedgerKind, LedgerService, lineLabels } from '@grms/budget';
import { EntityManager } from 'typeorm';
import { requireDistinctLines } from '../common/doc-lines';
import { inProcessByLine } from '../spp/spp.queries';
import { ReviseSpdDto, SpdResponse } from './dto/spd.dto';
import { SpdService } from './spd.service';

interface Cut { budgetLineId: string; field: string; was: Money; to: Money; cut: Money }

// Allotment can come back. An approved SPD is revised downwards, line by
// line, posting a negative ALLOTMENT for each cut, never below what is
// disbursed or in process on the line (submitted or verified SPPs not yet
// paid); a draft SPD is withdrawn. Both keep the reason in the audit trail.
// It is also the ALLOTMENT_RELEASER that a budget revision's approval calls
// when it cuts a line below its allotment.
@Injectable()
export class SpdRevisionService implements AllotmentReleaser {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService, private readonly spd: SpdService,
  ) {}

  revise(user: AuthUser, id: string, dto: ReviseSpdDto): Promise<SpdResponse> {
    requireDistinctLines(dto.lines);
    return this.tx.run(async (m) => {
      const row = await this.lock(m, user, id);
      if (row.status !== 'APPROVED') throw DomainError.invalidTransition('SPD', row.status, 'revised (only an APPROVED SPD is revised; a DRAFT is withdrawn)');
      await this.years.requireStatus(m, row.fiscal_year, ['EXECUTION']);
      const current = new Map<string, Money>(
        (await m.query(`SELECT budget_line_id AS id, amount::text FROM spd_lines WHERE spd_id = $1`, [id]) as { id: string; amount: string }[])
          .map((l) => [l.id, Money.of(l.amount)]));
      const cuts = dto.lines.map((l, i) => {
        const was = current.get(l.budgetLineId);
        const field = `lines.${i}`;
        if (!was) throw DomainError.rule('NOT_ON_SPD', `budget line ${l.budgetLineId} is not on SPD ${row.number}`, [{ field: `${field}.budgetLineId`, message: 'not on this SPD' }]);
        const to = Money.of(l.amount);
        if (!to.lt(was)) {
          throw DomainError.rule('SPD_REVISION_NOT_A_CUT', `SPD ${row.number} gives ${was} on budget line ${l.budgetLineId}; a revision only lowers it (asked ${to}); more allotment needs a new SPD`,
            [{ field: `${field}.amount`, message: `must be below ${was}` }]);
        }
        return { budgetLineId: l.budgetLineId, field, was, to, cut: was.minus(to) };
      });
      return this.applyCuts(m, user, { id, number: row.number }, cuts, dto.reason);
    });
  }

  /**
   * For a budget revision whose approval cuts a line below its allotment:
   * gives `amount` back from the line's approved SPDs, the latest first, as
   * SPD revisions with the reason (same checks as an explicit revision).
   */
  async releaseUnspent(m: EntityManager, user: AuthUser, budgetLineId: string, amount: Money, reason: string): Promise<void> {
    const spds: { id: string; number: string; amount: string }[] = await m.query(
      `SELECT s.id, s.number, l.amount::text AS amount FROM spd s JOIN spd_lines l ON l.spd_id = s.id
       WHERE l.budget_line_id = $1 AND s.status = 'APPROVED' AND l.amount > 0 ORDER BY s.approved_at DESC, s.number DESC FOR UPDATE OF s`, [budgetLineId]);
    let rest = amount;
    for (const s of spds) {
      if (!rest.isPositive()) break;
      const was = Money.of(s.amount);
      const cut = rest.lt(was) ? rest : was;
      await this.applyCuts(m, user, s, [{ budgetLineId, field: 'lines', was, to: was.minus(cut), cut }], reason);
      rest = rest.minus(cut);
    }
    if (rest.isPositive()) {
      throw DomainError.rule('SPD_REVISION_BELOW_USED', `budget line ${budgetLineId}: ${amount} of allotment should be given back but its approved SPDs give only ${amount.minus(rest)}`);
    }
  }

  // Lines are cut under their lock, never below disbursed + in process.
  private async applyCuts(m: EntityManager, user: AuthUser, spd: { id: string; number: string }, cuts: Cut[], reason: string): Promise<SpdResponse> {
    const id = spd.id;
    const before = await this.spd.fetch(m, id);
    const ids = cuts.map((c) => c.budgetLineId);
    const locked = await this.ledger.lockLines(m, ids);
    const inProcess = await inProcessByLine(m, ids, null);
    const labels = await lineLabels(m, ids);
    const refusals = cuts.map((c) => {
      const b = locked.get(c.budgetLineId)!;
      const left = Money.of(b.allotted).minus(c.cut);
      const used = Money.of(b.disbursed).plus(Money.of(inProcess.get(c.budgetLineId) ?? '0'));
      return left.lt(used) ? {
        field: `${c.field}.amount`,
        message: `budget line ${c.budgetLineId}: allotted ${Money.of(b.allotted)} - cut ${c.cut} = ${left} < disbursed ${Money.of(b.disbursed)} + in process ${Money.of(inProcess.get(c.budgetLineId) ?? '0')} = ${used} (at most ${Money.of(b.allotted).minus(used)} can be given back)${labelSuffix(labels, c.budgetLineId)}`,
      } : null;
    }).filter((x): x is { field: string; message: string } => x !== null);
    if (refusals.length) throw DomainError.rule('SPD_REVISION_BELOW_USED', `the revision of SPD ${spd.number} would take back allotment already spent or in process: ${refusals.map((r) => r.message).join('; ')}`, refusals);

    const [{ id: revisionId }] = await m.query(`INSERT INTO spd_revisions (spd_id, reason, created_by) VALUES ($1, $2, $3) RETURNING id`, [id, reason, user.id]);
    for (const c of cuts) {
      await m.query(`INSERT INTO spd_revision_lines (revision_id, budget_line_id, amount_before, amount_after) VALUES ($1, $2, $3, $4)`, [revisionId, c.budgetLineId, c.was.toString(), c.to.toString()]);
      await m.query(`UPDATE spd_lines SET amount = $3 WHERE spd_id = $1 AND budget_line_id = $2`, [id, c.budgetLineId, c.to.toString()]);
    }
    await m.query(`UPDATE spd SET total = (SELECT sum(amount) FROM spd_lines WHERE spd_id = $1) WHERE id = $1`, [id]);
    const posted = await this.ledger.post(m, cuts.map((c) => ({
      budgetLineId: c.budgetLineId, kind: LedgerKind.ALLOTMENT, amount: c.cut.negate(), sourceType: 'SpdRevision', sourceId: revisionId,
      description: `revision of SPD ${spd.number}: ${reason}`,
    })));
    const after = await this.spd.fetch(m, id);
    this.audit.record({ action: 'SPD.REVISE', entityType: 'Spd', entityId: id, before, after: { ...after, reason, revisionId, entries: posted.map((e) => e.id) } });
    return after;
  }

  withdraw(user: AuthUser, id: string, reason: string): Promise<SpdResponse> {
    return this.tx.run(async (m) => {
      const row = await this.lock(m, user, id);
      if (row.status !== 'DRAFT') throw DomainError.invalidTransition('SPD', row.status, 'withdrawn (only a DRAFT is withdrawn; an APPROVED SPD is revised)');
      const before = await this.spd.fetch(m, id);
      await m.query(`UPDATE spd SET status = 'WITHDRAWN', withdrawn_by = $2, withdraw_reason = $3 WHERE id = $1`, [id, user.id, reason]);
      const after = await this.spd.fetch(m, id);
      this.audit.record({ action: 'SPD.WITHDRAW', entityType: 'Spd', entityId: id, before, after: { ...after, reason } });
      return after;
    });
  }

  private async lock(m: EntityManager, user: AuthUser, id: string): Promise<{ status: string; fiscal_year: number; number: string }> {
    const [row] = await m.query(`SELECT id, status, organization_id, fiscal_year, number FROM spd WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw DomainError.notFound('SPD', id);
    await this.access.requireOrganization(user, Permission.SPD_WRITE, row.organization_id, 'SPD', id);
    return row;
  }
}
