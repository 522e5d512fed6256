import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, requireFiscalYear, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { LedgerPeriodResponse, LedgerPeriodsResponse } from './dto/ledger-period.dto';

// Month close. A closed month of a fiscal year takes no ledger entry with a
// value date in it (LedgerService refuses with PERIOD_CLOSED, the trigger
// ledger_entries_period is the backstop). Closing takes a SHARE lock on
// ledger_entries: it waits for every transaction that is posting, and holds
// new postings until the close commits, so no entry slips into a month while
// it closes. A closed month is never reopened: corrections post in an open
// month and name the entry they correct.
@Injectable()
export class LedgerPeriodsService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService) {}

  list(fiscalYear: number): Promise<LedgerPeriodsResponse> {
    return this.tx.run(async (m) => {
      await this.requireYear(m, fiscalYear);
      return { fiscalYear, months: await this.months(m, fiscalYear) };
    });
  }

  close(user: AuthUser, fiscalYear: number, month: number, reason?: string): Promise<LedgerPeriodResponse> {
    return this.tx.run(async (m) => {
      await this.requireYear(m, fiscalYear);
      const [{ ended, monthEnd }] = await m.query(
        `SELECT (make_date($1, $2, 1) + interval '1 month')::date <= current_date AS ended,
           ((make_date($1, $2, 1) + interval '1 month')::date - 1)::text AS "monthEnd"`, [fiscalYear, month]);
      if (!ended) {
        throw DomainError.rule('PERIOD_NOT_ENDED', `month ${month} of ${fiscalYear} ends on ${monthEnd}; a month is closed only after it has ended`, [{ field: 'month', message: 'not ended yet' }]);
      }
      // waits for postings in flight dated in this month; new ones wait for this close (their trigger takes the lock shared)
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('grms_ledger_period'), $1 * 100 + $2)`, [fiscalYear, month]);
      const [closed] = await m.query(`SELECT 1 FROM ledger_periods WHERE fiscal_year = $1 AND month = $2`, [fiscalYear, month]);
      if (closed) throw DomainError.conflict('PERIOD_ALREADY_CLOSED', `month ${month} of ${fiscalYear} is already closed`);
      await m.query(`INSERT INTO ledger_periods (fiscal_year, month, closed_by, reason) VALUES ($1, $2, $3, $4)`, [fiscalYear, month, user.id, reason ?? null]);
      const after = (await this.months(m, fiscalYear))[month - 1];
      this.audit.record({ action: 'LEDGER_PERIOD.CLOSE', entityType: 'LedgerPeriod', entityId: `${fiscalYear}-${String(month).padStart(2, '0')}`, before: { status: 'OPEN' }, after });
      return after;
    });
  }

  private async requireYear(m: EntityManager, fiscalYear: number): Promise<void> {
    await requireFiscalYear(m, fiscalYear);
  }

  private months(m: EntityManager, fiscalYear: number): Promise<LedgerPeriodResponse[]> {
    return m.query(
      `SELECT $1::int AS "fiscalYear", g.month, CASE WHEN p.month IS NULL THEN 'OPEN' ELSE 'CLOSED' END AS status,
         u.username AS "closedBy", to_char(p.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "closedAt", p.reason
       FROM generate_series(1, 12) AS g(month)
       LEFT JOIN ledger_periods p ON p.fiscal_year = $1 AND p.month = g.month
       LEFT JOIN users u ON u.id = p.closed_by
       ORDER BY g.month`, [fiscalYear]);
  }
}
