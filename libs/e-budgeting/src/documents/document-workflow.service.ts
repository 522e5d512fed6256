import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ALLOTMENT_RELEASER, AllotmentReleaser, BudgetLinesService, LedgerKind, LedgerService, Posting } from '@grms/budget';
import { AuditService, AuthUser, DomainError, JsonText, Money, Permission, segregationOfDuties, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ceilingsWithUsage } from '../ceilings/ceiling-usage';
import { ACCOUNT_CLASS } from './document-kind';
import { DocumentRow, DocumentStore, DocumentTotals } from './document-store';
import { DocumentDetailResponse, DocumentResponse } from './dto/document.dto';
import { classifyShift, SHIFT_APPROVER, ShiftClass } from './shift-class';

interface LineTotal { accountCode: string; fundingSourceCode: string }

// DRAFT -> SUBMITTED -> APPROVED, or back to DRAFT when rejected. Approval
// posts the APPROPRIATION per budget line in the same transaction: the full
// amount for MURNI, the difference from the previous approved version for a
// revision, which then becomes SUPERSEDED.
@Injectable()
export class DocumentWorkflowService {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly store: DocumentStore,
    private readonly lines: BudgetLinesService,
    private readonly ledger: LedgerService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async submit(user: AuthUser, id: string): Promise<JsonText<DocumentDetailResponse>> {
    return this.tx.run(async (m) => {
      const doc = await this.store.require(m, user, id, Permission.BUDGET_DOC_WRITE, true);
      if (doc.status !== 'DRAFT') throw DomainError.invalidTransition('budget document', doc.status, 'submitted');
      const totals = await this.store.totals(m, doc, { ceilingLock: doc.kind === 'EXPENDITURE' });
      await this.checkRules(m, doc, totals);
      const shift = this.shiftClass(doc, totals);
      const after = await this.store.transition(m, id, `status = 'SUBMITTED', submitted_by = $2, shift_class = $3`, [user.id, shift],
        { action: 'SUBMITTED', from: doc.status, to: 'SUBMITTED', actorId: user.id });
      return this.finish(doc, after, 'SUBMITTED', totals);
    });
  }

  /**
   * `valueDate` dates the APPROPRIATION (default: today, the approval's legal
   * date). Not offered by the API: only the demo seeding gives it, to date the
   * demo DPAs at the start of their year (decision 0510).
   */
  async approve(user: AuthUser, id: string, opts: { valueDate?: string } = {}): Promise<JsonText<DocumentDetailResponse>> {
    return this.tx.run(async (m) => {
      const doc = await this.store.require(m, user, id, Permission.BUDGET_DOC_APPROVE, true);
      if (doc.status !== 'SUBMITTED') throw DomainError.invalidTransition('budget document', doc.status, 'approved');
      if (doc.createdBy === user.id || doc.submittedBy === user.id) throw DomainError.sameMakerAndApprover('budget document');
      // the sums, the line totals, the ceiling lock and whether the approver edited it: one statement (decision 0235)
      const totals = await this.store.totals(m, doc, { ceilingLock: doc.kind === 'EXPENDITURE', editorId: user.id });
      this.requireApprover(user, doc, this.shiftClass(doc, totals), 'approve');
      if (totals.edited) throw segregationOfDuties('approve this budget document', 'edited it (its items)');
      await this.checkRules(m, doc, totals);
      await this.releaseAllotment(m, doc, user);
      await this.postAppropriation(m, doc, totals, opts.valueDate);
      if (doc.previousId) {
        await m.query(`UPDATE budget_documents SET status = 'SUPERSEDED', row_version = row_version + 1, updated_at = now() WHERE id = $1`, [doc.previousId]);
        await this.store.event(m, doc.previousId, 'SUPERSEDED', 'APPROVED', 'SUPERSEDED', user.id, `replaced by ${doc.stage} revision ${doc.revision} (${doc.id})`);
      }
      const after = await this.store.transition(m, id, `status = 'APPROVED', approved_by = $2, approved_at = now(), rejection_reason = NULL`, [user.id],
        { action: 'APPROVED', from: doc.status, to: 'APPROVED', actorId: user.id });
      return this.finish(doc, after, 'APPROVED', totals);
    }, { preparedStatements: true }); // a fixed set of statement texts, planned once per connection (decision 0236)
  }

  async reject(user: AuthUser, id: string, reason: string): Promise<JsonText<DocumentDetailResponse>> {
    return this.tx.run(async (m) => {
      const doc = await this.store.require(m, user, id, Permission.BUDGET_DOC_APPROVE, true);
      if (doc.status !== 'SUBMITTED') throw DomainError.invalidTransition('budget document', doc.status, 'rejected');
      const totals = await this.store.totals(m, doc);
      this.requireApprover(user, doc, this.shiftClass(doc, totals), 'reject');
      const after = await this.store.transition(m, id, `status = 'DRAFT', submitted_by = NULL, rejection_reason = $2`, [reason],
        { action: 'REJECTED', from: doc.status, to: 'DRAFT', actorId: user.id, reason });
      return this.finish(doc, after, 'REJECTED', totals, reason);
    });
  }

  // The items did not change in the transition: the line totals read before it are the detail's, and the
  // transition's statement read the items' JSON (decision 0237).
  private finish(doc: DocumentRow, after: DocumentResponse & { itemsJson: string }, action: string, totals: DocumentTotals, reason: string | null = null): JsonText<DocumentDetailResponse> {
    this.audit.record({ action: `BUDGET_DOCUMENT.${action}`, entityType: 'BudgetDocument', entityId: doc.id, before: { status: doc.status, total: doc.total }, after: { status: after.status, total: after.total, reason } });
    return this.store.detailOf(after, totals);
  }

  /** The rules checked on submit and again on approve. */
  private async checkRules(m: EntityManager, doc: DocumentRow, totals: DocumentTotals): Promise<void> {
    if (totals.itemCount === 0) throw DomainError.rule('EMPTY_DOCUMENT', `budget document ${doc.id} has no items`);
    const docTotal = Money.of(totals.total);
    if (doc.stage === 'PERGESERAN') {
      const [prev] = await m.query(`SELECT total FROM budget_documents WHERE id = $1`, [doc.previousId]);
      if (!docTotal.eq(Money.of(prev.total))) {
        throw DomainError.rule('PERGESERAN_TOTAL_CHANGED', `a PERGESERAN shifts money between lines and keeps the total: ${docTotal} now, ${prev.total} approved (difference ${docTotal.minus(Money.of(prev.total))}); use PERUBAHAN to change the total`);
      }
    }
    // ceilings (pagu) limit spending; revenue and financing documents are not counted against them
    if (doc.kind === 'EXPENDITURE') await this.checkCeilings(m, doc, docTotal);
    await this.checkCommitted(m, doc);
  }

  // The OPD's ceiling lock is held (taken with the totals): the usage read here counts every document submitted or approved before.
  private async checkCeilings(m: EntityManager, doc: DocumentRow, docTotal: Money): Promise<void> {
    const ceilings = await ceilingsWithUsage(m, doc.fiscalYear, doc.organizationId, doc.subActivityCode);
    if (!ceilings.some((c) => c.programCode === null)) {
      throw DomainError.rule('NO_CEILING', `no ceiling (pagu) is set for this OPD in ${doc.fiscalYear}; the budget team sets it first`);
    }
    for (const c of ceilings) {
      const others = Money.of(c.used);
      const asked = others.plus(docTotal);
      if (asked.gt(Money.of(c.amount))) {
        const what = c.programCode ? `program ${c.programCode}` : 'the OPD';
        throw DomainError.rule('EXCEEDS_CEILING', `the documents of ${what} would total ${asked} (this one ${docTotal}, the others ${others}) but the ceiling is ${c.amount}; over by ${asked.minus(Money.of(c.amount))}`);
      }
    }
  }

  /**
   * No line may go below what is already committed plus disbursed on it; a
   * financing expenditure (6.2) not below what is realised on it. A revenue
   * target may be cut below what is deposited (revenue above target is allowed).
   */
  private async checkCommitted(m: EntityManager, doc: DocumentRow): Promise<void> {
    if (!doc.previousId || doc.kind === 'REVENUE') return;
    const rows: { accountCode: string; fundingSourceCode: string; amount: string; used: string; committed: string; disbursed: string }[] = await m.query(
      `SELECT b.account_code AS "accountCode", b.funding_source_code AS "fundingSourceCode",
         COALESCE((SELECT sum(i.total) FROM budget_document_items i WHERE i.document_id = $1 AND i.account_code = b.account_code AND i.funding_source_code = b.funding_source_code), 0)::numeric(20,2)::text AS amount,
         (CASE WHEN b.account_code LIKE '6.2.%' THEN b.realized ELSE b.committed + b.disbursed END)::numeric(20,2)::text AS used,
         b.committed::text AS committed, b.disbursed::text AS disbursed
       FROM budget_lines b WHERE b.fiscal_year = $2 AND b.organization_id = $3 AND b.sub_activity_code = $4 AND starts_with(b.account_code, $5)`,
      [doc.id, doc.fiscalYear, doc.organizationId, doc.subActivityCode, ACCOUNT_CLASS[doc.kind].prefix]);
    const below = rows.filter((r) => Money.of(r.amount).lt(Money.of(r.used)));
    if (below.length) {
      // the arithmetic of each line (decision 0117): what the revision leaves, what is used, by whom, short by how much
      const said = (r: (typeof below)[number]) => {
        const used = r.accountCode.startsWith('6.2.') ? `realised ${Money.of(r.used)}` : `committed ${Money.of(r.committed)} + disbursed ${Money.of(r.disbursed)} = ${Money.of(r.used)}`;
        return `line ${r.accountCode} / ${r.fundingSourceCode} of sub kegiatan ${doc.subActivityCode} would have ${Money.of(r.amount)} but ${used} is already used on it (short by ${Money.of(r.used).minus(Money.of(r.amount))})`;
      };
      throw DomainError.rule('BELOW_COMMITTED', below.map(said).join('; '),
        below.map((r) => ({ field: `lines.${r.accountCode}`, message: `${r.amount} < committed + disbursed ${r.used}` })));
    }
  }

  // A cut below the line's allotment gives the unspent allotment back: the
  // SPD module revises the line's SPDs, latest first, with this approval as
  // the reason (in the audit trail), and refuses with the arithmetic what is
  // disbursed or in process. Without that module the approval is refused,
  // naming the SPDs to revise first. The lines are not locked here: the SPD
  // revision locks SPD then lines, as every SPD write does, and the ledger
  // re-checks allotted <= appropriated under the line lock when the
  // appropriation posts.
  private async releaseAllotment(m: EntityManager, doc: DocumentRow, user: AuthUser): Promise<void> {
    if (!doc.previousId || doc.kind !== 'EXPENDITURE') return;
    const rows: { id: string; accountCode: string; fundingSourceCode: string; amount: string; allotted: string; spds: string | null }[] = await m.query(
      `SELECT b.id, b.account_code AS "accountCode", b.funding_source_code AS "fundingSourceCode", b.allotted::text AS allotted,
         COALESCE((SELECT sum(i.total) FROM budget_document_items i WHERE i.document_id = $1 AND i.account_code = b.account_code AND i.funding_source_code = b.funding_source_code), 0)::numeric(20,2)::text AS amount,
         (SELECT string_agg(s.number, ', ' ORDER BY s.number) FROM spd_lines l JOIN spd s ON s.id = l.spd_id
           WHERE l.budget_line_id = b.id AND s.status = 'APPROVED' AND l.amount > 0) AS spds
       FROM budget_lines b WHERE b.fiscal_year = $2 AND b.organization_id = $3 AND b.sub_activity_code = $4 AND b.account_code LIKE '5.%' ORDER BY b.id`,
      [doc.id, doc.fiscalYear, doc.organizationId, doc.subActivityCode]);
    const above = rows.filter((r) => Money.of(r.amount).lt(Money.of(r.allotted)));
    if (!above.length) return;
    const releaser = this.releaser();
    if (!releaser) {
      const msg = (r: typeof rows[number]) => `line ${r.accountCode} / ${r.fundingSourceCode} would be appropriated ${r.amount} but ${r.allotted} is allotted by SPD (${r.spds ?? 'none'}); revise the SPD down by at least ${Money.of(r.allotted).minus(Money.of(r.amount))} first`;
      throw DomainError.rule('BELOW_ALLOTTED', above.map(msg).join('; '), above.map((r) => ({ field: `lines.${r.accountCode}`, message: msg(r) })));
    }
    for (const r of above) {
      await releaser.releaseUnspent(m, user, r.id, Money.of(r.allotted).minus(Money.of(r.amount)),
        `${doc.stage} revision ${doc.revision} (${doc.id}) appropriates ${r.amount} on ${r.accountCode} / ${r.fundingSourceCode}`);
    }
  }

  private releaser(): AllotmentReleaser | null {
    try {
      return this.moduleRef.get<AllotmentReleaser>(ALLOTMENT_RELEASER, { strict: false });
    } catch {
      return null;
    }
  }

  /** The change per budget line (account x funding source) from the previous approved version: this version's lines first, then those it drops. */
  private lineDeltas(totals: DocumentTotals): { line: LineTotal; delta: Money }[] {
    const deltas = totals.lines.map((l) => ({ line: l, kept: !Money.of(l.total).isZero() || l.previousTotal === null, delta: Money.of(l.total).minus(Money.of(l.previousTotal ?? '0')) }));
    return [...deltas.filter((d) => d.kept), ...deltas.filter((d) => !d.kept)].filter((d) => !d.delta.isZero()).map(({ line, delta }) => ({ line, delta }));
  }

  /** A PERGESERAN's class from the accounts it changes (refused when it is an amendment); null for other stages. */
  private shiftClass(doc: DocumentRow, totals: DocumentTotals): ShiftClass | null {
    if (doc.stage !== 'PERGESERAN') return null;
    return classifyShift(this.lineDeltas(totals).map((d) => d.line.accountCode));
  }

  // MURNI and PERUBAHAN: the budget team; a PERGESERAN: the approver of its class.
  private requireApprover(user: AuthUser, doc: DocumentRow, shift: ShiftClass | null, action: string): void {
    const role = shift ? SHIFT_APPROVER[shift] : 'BUDGET_VERIFIER';
    if (user.roles.includes(role)) return;
    const what = shift ? `a PERGESERAN ${shift === 'WITHIN_OBJEK' ? 'within one objek' : 'between objek of one jenis'}` : `a ${doc.stage} budget document`;
    throw DomainError.forbidden(`${what} is approved or rejected by ${role}; ${user.username} may not ${action} it`, 'WRONG_APPROVER');
  }

  // Expenditure documents post APPROPRIATION, revenue and financing documents ESTIMATE (decision 0120).
  private async postAppropriation(m: EntityManager, doc: DocumentRow, totals: DocumentTotals, valueDate?: string): Promise<void> {
    const kind = doc.kind === 'EXPENDITURE' ? LedgerKind.APPROPRIATION : LedgerKind.ESTIMATE;
    // every line of the document found or created at once (a fixed number of statements), then one posting
    const deltas = this.lineDeltas(totals);
    const ids = await this.lines.ensureLines(m, deltas.map(({ line }) => (
      { fiscalYear: doc.fiscalYear, organizationId: doc.organizationId, subActivityCode: doc.subActivityCode, accountCode: line.accountCode, fundingSourceCode: line.fundingSourceCode })));
    const postings: Posting[] = deltas.map(({ line, delta }, i) => ({ budgetLineId: ids[i], kind, amount: delta, sourceType: 'BudgetDocument', sourceId: doc.id,
      description: `${doc.stage} revision ${doc.revision}: ${line.accountCode} / ${line.fundingSourceCode}`, valueDate }));
    await this.ledger.post(m, postings);
  }
}
