import { Injectable } from '@nestjs/common';
import { FiscalYearsService, LedgerService } from '@grms/budget';
import { AccessService, AuditService, AuthUser, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { TreasuryCashService } from '../treasury/treasury-cash.service';
import { StsResponse } from './dto/sts.dto';
import { STS_SELECT } from './sts.service';

type UndoKind = 'CANCELLATION' | 'CORRECTION';

/** The reason goes to the audit trail and the STS: blank is refused naming the field (400). */
function requireReason(reason: string): void {
  if (!reason.trim()) throw DomainError.invalid('reason must not be blank', [{ field: 'reason', message: 'must not be blank' }]);
}

// The way back from a deposit slip recorded by mistake (decision 0140). The
// revenue treasurer cancels it while its month is open: the reversal is dated
// on the deposit date, so the slip leaves the LRA, the revenue line and the
// treasury's cash of every day as if it had never been recorded. Once its
// month is closed, it is corrected instead: the same reversal dated today, in
// the open month, so the closed month stays as it was closed. Either way the
// ledger REALIZATION is reversed exactly (each reversal naming its entry),
// the revenue treasurer's book takes the opposite entries, and the treasury gives the cash back on the reversal's date, never
// leaving a day negative while the cash check is on. One transaction, audited.
@Injectable()
export class StsCancellationService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService, private readonly cash: TreasuryCashService,
  ) {}

  cancel(user: AuthUser, id: string, reason: string): Promise<StsResponse> {
    requireReason(reason);
    return this.tx.run(async (m) => {
      const sts = await this.undoable(m, user, id);
      try {
        await this.ledger.requireOpenPeriods(m, [sts.depositDate]);
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== 'PERIOD_CLOSED') throw e;
        throw DomainError.conflict('PERIOD_CLOSED', `STS ${sts.number} of ${sts.depositDate} can no longer be cancelled: ${e.detail.split('. ')[0]}. `
          + `Correct it instead (POST /penatausahaan/sts/${id}/correct with the reason): the reversal is then dated today, in the open month`);
      }
      return this.undo(m, user, sts, 'CANCELLATION', sts.depositDate, reason);
    });
  }

  correct(user: AuthUser, id: string, reason: string): Promise<StsResponse> {
    requireReason(reason);
    return this.tx.run(async (m) => {
      const sts = await this.undoable(m, user, id);
      const [{ today }] = await m.query(`SELECT current_date::text AS today`);
      if (Number(today.slice(0, 4)) !== sts.fiscalYear) {
        throw DomainError.rule('INVALID_VALUE_DATE', `a correction of STS ${sts.number} is dated today, ${today}, outside its fiscal year ${sts.fiscalYear}; `
          + `it can only be cancelled on its own date (${sts.depositDate}) while that month is open`);
      }
      await this.ledger.requireOpenPeriods(m, [today]);
      return this.undo(m, user, sts, 'CORRECTION', today, reason);
    });
  }

  /** The STS, locked against a concurrent cancellation, still recorded, of the user's OPD, in a year in EXECUTION. */
  private async undoable(m: EntityManager, user: AuthUser, id: string): Promise<StsResponse> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('sts:' || $1))`, [id]);
    const [sts]: StsResponse[] = await m.query(`${STS_SELECT} WHERE s.id = $1`, [id]);
    if (!sts) throw DomainError.notFound('STS', id);
    await this.access.requireOrganization(user, Permission.STS_WRITE, sts.organizationId, 'STS', id);
    if (sts.status !== 'RECORDED') {
      throw DomainError.conflict('STS_ALREADY_CANCELLED', `STS ${sts.number} was already ${sts.status.toLowerCase()} by ${sts.cancelledBy} (reversal dated ${sts.reversedOn}): ${sts.cancelReason}`);
    }
    await this.years.requireStatus(m, sts.fiscalYear, ['EXECUTION']);
    return sts;
  }

  private async undo(m: EntityManager, user: AuthUser, sts: StsResponse, kind: UndoKind, valueDate: string, reason: string): Promise<StsResponse> {
    const what = kind === 'CANCELLATION' ? 'cancellation' : 'correction';
    const amount = Money.of(sts.amount);
    await m.query(`INSERT INTO sts_cancellations (sts_id, kind, value_date, reason, created_by) VALUES ($1, $2, $3, $4, $5)`, [sts.id, kind, valueDate, reason.trim(), user.id]);
    const reversed = await this.ledger.reverseSource(m, 'Sts', sts.id, { sourceType: 'StsCancellation', sourceId: sts.id, description: `${what} of STS ${sts.number}: ${reason.trim()}`, valueDate });
    // the revenue leaves the regional treasury's cash on the reversal's date: never leaving that day or a later one negative
    await this.cash.requireCash(m, sts.fiscalYear, valueDate, amount, `the ${what} of STS ${sts.number} (dated ${valueDate}) takes back its deposit: it`);
    await this.cash.book(m, sts.fiscalYear, valueDate, { revenue: amount.negate() });
    // the book last, as an STS writes it: the line, the treasury's day, then the book (one lock order, no deadlock)
    await this.reverseBook(m, sts, valueDate, `${what} of STS ${sts.number} of ${sts.depositDate}: ${reason.trim()}`);
    const [after] = await m.query(`${STS_SELECT} WHERE s.id = $1`, [sts.id]);
    this.audit.record({ action: kind === 'CANCELLATION' ? 'STS.CANCEL' : 'STS.CORRECT', entityType: 'Sts', entityId: sts.id, before: sts, after: { ...after, reversedEntries: reversed.map((e) => e.id) } });
    return after;
  }

  /**
   * The revenue treasurer's book takes the opposite of the STS's entries, latest first (the deposit comes back into
   * the treasurer's hands, then the receipt goes), dated on the reversal's date or, when the book already runs past
   * it, on the book's last date: the book stays in date order, its balance never goes negative, and a cancellation
   * does not stop the treasurer from recording a later slip of an earlier day.
   */
  private async reverseBook(m: EntityManager, sts: StsResponse, valueDate: string, description: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('revenue-book:' || $1 || ':' || $2))`, [sts.organizationId, sts.fiscalYear]);
    const entries: { id: string; amount: string }[] = await m.query(
      `SELECT id, amount FROM revenue_book_entries WHERE sts_id = $1 AND reverses_entry_id IS NULL ORDER BY seq DESC`, [sts.id]);
    const [last] = await m.query(
      `SELECT seq, balance, GREATEST(entry_date, $3::date)::text AS date FROM revenue_book_entries WHERE organization_id = $1 AND fiscal_year = $2 ORDER BY seq DESC LIMIT 1`,
      [sts.organizationId, sts.fiscalYear, valueDate]);
    let seq: number = last.seq;
    let balance = Money.of(last.balance);
    for (const e of entries) {
      seq += 1;
      balance = balance.minus(Money.of(e.amount));
      await m.query(
        `INSERT INTO revenue_book_entries (organization_id, fiscal_year, seq, entry_date, amount, balance, description, sts_id, document_number, reverses_entry_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [sts.organizationId, sts.fiscalYear, seq, last.date, Money.of(e.amount).negate().toString(), balance.toString(), description, sts.id, sts.number, e.id]);
    }
  }
}
