import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, fiscalYearNotFound, Money, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { CashDayResponse, CashPositionResponse, TreasurySettingsResponse } from './dto/treasury.dto';

/** A movement of the treasury's cash on one day, booked by the service that makes it. */
export interface CashMovement { revenue?: Money; financingReceipts?: Money; sp2d?: Money; financingExpenditures?: Money }

// The regional treasury's cash (kas daerah) by day: revenue deposited +
// financing receipts - SP2Ds - financing expenditures, from 1 January. An
// SP2D or a financing expenditure that would make it negative on its day or
// any later day is refused with the arithmetic, unless the year's setting
// turns the check off (decision 0121). Each mover books its day in
// treasury_cash_days in its own transaction. An SP2D spends from one of 16
// stripes of escrowed cash taken without waiting, and books on that stripe's
// row of its day; only when no stripe covers it does it take every stripe,
// check against the days and hand the headroom out again. Every other outflow
// empties the stripes first (decision 0024).
@Injectable()
export class TreasuryCashService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService) {}

  async position(date?: string): Promise<CashPositionResponse> {
    return this.tx.run(async (m) => {
      const day = date ?? (await m.query(`SELECT current_date::text AS d`))[0].d as string;
      const fiscalYear = Number(day.slice(0, 4));
      const cashCheck = await this.cashCheck(m, fiscalYear);
      const days = (await this.days(m, fiscalYear)).filter((d) => d.date <= day);
      const sum = (f: keyof Omit<CashDayResponse, 'date' | 'position'>) => Money.sum(days.map((d) => Money.of(d[f]))).toString();
      return {
        date: day, fiscalYear, cashCheck,
        revenueDeposited: sum('revenueDeposited'), financingReceipts: sum('financingReceipts'), sp2dIssued: sum('sp2dIssued'), financingExpenditures: sum('financingExpenditures'),
        position: days.length ? days[days.length - 1].position : '0.00', days,
      };
    });
  }

  /** Refuses (422 INSUFFICIENT_TREASURY_CASH) an outflow of `amount` on `date` that would make the cash negative then or later. */
  async requireCash(m: EntityManager, fiscalYear: number, date: string, amount: Money, what: string): Promise<void> {
    await m.query(`SELECT treasury_cash_sweep($1)`, [fiscalYear]);
    if (!(await this.cashCheck(m, fiscalYear))) return;
    const days = await this.days(m, fiscalYear);
    const before = days.filter((d) => d.date <= date);
    const cum = (f: keyof Omit<CashDayResponse, 'date' | 'position' | 'net'>) => Money.sum(before.map((d) => Money.of(d[f]))).toString();
    const later = days.filter((d) => d.date > date).find((d) => amount.gt(Money.of(d.position)));
    refuseShortCash(what, amount, date, { revenueDeposited: cum('revenueDeposited'), financingReceipts: cum('financingReceipts'), sp2dIssued: cum('sp2dIssued'),
      financingExpenditures: cum('financingExpenditures'), position: before.length ? before[before.length - 1].position : '0.00' }, later);
  }

  /**
   * An outflow checked and booked in one statement (decision 0024): from a stripe of escrowed
   * cash that covers it, taken without waiting, or, when none does, under every stripe of the
   * year against the days as they were before it. A refusal books nothing. `withRow`: a read
   * sent in the same statement, after the booking (its placeholders start at $8; decision 0026),
   * whose row is returned.
   */
  async spend<T = Record<string, unknown>>(m: EntityManager, fiscalYear: number, date: string, amount: Money, what: string, mv: CashMovement,
    withRow?: { sql: string; params: unknown[] }): Promise<T | undefined> {
    const v = (x?: Money) => (x ?? Money.ZERO).toString();
    const [row] = await m.query(
      `WITH spend AS MATERIALIZED (SELECT * FROM treasury_cash_spend($1, $2::date, $3::numeric, $4::numeric, $5::numeric, $6::numeric, $7::numeric))
       SELECT s.cash_check AS "__cashCheck", s.fast AS "__fast", s.revenue AS "__revenueDeposited", s.receipts AS "__financingReceipts", s.sp2d AS "__sp2dIssued",
         s.expenditures AS "__financingExpenditures", s."position" AS "__position", s.later AS "__later"${withRow ? ', r.*' : ''}
       FROM spend s${withRow ? ` LEFT JOIN (${withRow.sql}) r ON true` : ''}`,
      [fiscalYear, date, amount.toString(), v(mv.revenue), v(mv.financingReceipts), v(mv.sp2d), v(mv.financingExpenditures), ...(withRow?.params ?? [])]);
    if (!row) throw fiscalYearNotFound(fiscalYear, 'date');
    const { __cashCheck: cashCheck, __fast: fast, __revenueDeposited: revenueDeposited, __financingReceipts: financingReceipts, __sp2dIssued: sp2dIssued,
      __financingExpenditures: financingExpenditures, __position: position, __later: later, ...rest } = row;
    if (cashCheck && !fast) refuseShortCash(what, amount, date, { revenueDeposited, financingReceipts, sp2dIssued, financingExpenditures, position }, later ?? undefined);
    return withRow ? rest as T : undefined;
  }

  async settings(fiscalYear: number): Promise<TreasurySettingsResponse> {
    return this.tx.run(async (m) => ({ fiscalYear, cashCheck: await this.cashCheck(m, fiscalYear) }));
  }

  async updateSettings(user: AuthUser, fiscalYear: number, cashCheck: boolean): Promise<TreasurySettingsResponse> {
    return this.tx.run(async (m) => {
      const before = await this.cashCheck(m, fiscalYear);
      // the stripes emptied under their locks: SP2Ds booked while the check was off are
      // committed before the headroom is handed out again
      await m.query(`SELECT treasury_cash_sweep($1)`, [fiscalYear]);
      await m.query(
        `INSERT INTO treasury_settings (fiscal_year, cash_check, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (fiscal_year) DO UPDATE SET cash_check = EXCLUDED.cash_check, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [fiscalYear, cashCheck, user.id]);
      this.audit.record({ action: 'TREASURY_SETTINGS.UPDATE', entityType: 'TreasurySettings', entityId: String(fiscalYear), before: { cashCheck: before }, after: { cashCheck } });
      return { fiscalYear, cashCheck };
    });
  }

  private async cashCheck(m: EntityManager, fiscalYear: number): Promise<boolean> {
    const [row] = await m.query(`SELECT y.year, s.cash_check FROM fiscal_years y LEFT JOIN treasury_settings s ON s.fiscal_year = y.year WHERE y.year = $1`, [fiscalYear]);
    if (!row) throw fiscalYearNotFound(fiscalYear, 'date');
    return row.cash_check ?? true;
  }

  /** Adds a movement to its day (inside the mover's transaction). */
  async book(m: EntityManager, fiscalYear: number, date: string, mv: CashMovement): Promise<void> {
    const v = (x?: Money) => (x ?? Money.ZERO).toString();
    await m.query(BOOK_DAY_SQL, [fiscalYear, date, v(mv.revenue), v(mv.financingReceipts), v(mv.sp2d), v(mv.financingExpenditures)]);
  }

  /** Every day of the year with a movement, with the running position. */
  private async days(m: EntityManager, fiscalYear: number): Promise<CashDayResponse[]> {
    const rows: { day: string; revenue: string; receipts: string; sp2d: string; expenditures: string }[] = await m.query(
      `SELECT day::text AS day, sum(revenue) AS revenue, sum(financing_receipts) AS receipts, sum(sp2d) AS sp2d, sum(financing_expenditures) AS expenditures
       FROM treasury_cash_days WHERE fiscal_year = $1 GROUP BY treasury_cash_days.day ORDER BY treasury_cash_days.day`, [fiscalYear]);
    let position = Money.ZERO;
    return rows.filter((r) => !(Money.of(r.revenue).isZero() && Money.of(r.receipts).isZero() && Money.of(r.sp2d).isZero() && Money.of(r.expenditures).isZero()))
      .map((r) => {
        const net = Money.of(r.revenue).plus(Money.of(r.receipts)).minus(Money.of(r.sp2d)).minus(Money.of(r.expenditures));
        position = position.plus(net);
        return {
          date: r.day, revenueDeposited: Money.of(r.revenue).toString(), financingReceipts: Money.of(r.receipts).toString(), sp2dIssued: Money.of(r.sp2d).toString(),
          financingExpenditures: Money.of(r.expenditures).toString(), net: net.toString(), position: position.toString(),
        };
      });
  }
}

// A movement added to its day (stripe 0 of the day): $1 year, $2 day, $3-$6 revenue, financing receipts, SP2Ds, financing expenditures.
const BOOK_DAY_SQL = `INSERT INTO treasury_cash_days (fiscal_year, day, revenue, financing_receipts, sp2d, financing_expenditures)
  VALUES ($1, $2::date, $3::numeric, $4::numeric, $5::numeric, $6::numeric)
  ON CONFLICT (fiscal_year, day, stripe) DO UPDATE SET revenue = treasury_cash_days.revenue + EXCLUDED.revenue,
    financing_receipts = treasury_cash_days.financing_receipts + EXCLUDED.financing_receipts, sp2d = treasury_cash_days.sp2d + EXCLUDED.sp2d,
    financing_expenditures = treasury_cash_days.financing_expenditures + EXCLUDED.financing_expenditures`;

type CashFigures = Pick<CashDayResponse, 'revenueDeposited' | 'financingReceipts' | 'sp2dIssued' | 'financingExpenditures' | 'position'>;

/** Throws 422 INSUFFICIENT_TREASURY_CASH, with the arithmetic, when `amount` exceeds the position on `date` or on a later day. */
function refuseShortCash(what: string, amount: Money, date: string, upto: CashFigures, later?: { date: string; position: string }): void {
  const available = Money.of(upto.position);
  const arithmetic = `revenue deposited ${Money.of(upto.revenueDeposited)} + financing receipts ${Money.of(upto.financingReceipts)} - SP2Ds ${Money.of(upto.sp2dIssued)} - financing expenditures ${Money.of(upto.financingExpenditures)}`;
  if (amount.gt(available)) {
    throw DomainError.rule('INSUFFICIENT_TREASURY_CASH',
      `${what} asks ${amount} but the regional treasury holds ${available} at the end of ${date} (${arithmetic}); short by ${amount.minus(available)}`);
  }
  if (later) {
    throw DomainError.rule('INSUFFICIENT_TREASURY_CASH',
      `${what} asks ${amount} on ${date}; the treasury holds ${available} then (${arithmetic}) but only ${Money.of(later.position)} on ${later.date} after the payments already dated then; short by ${amount.minus(Money.of(later.position))} on ${later.date}`);
  }
}

/**
 * Recomputes a year's treasury_cash_days from the SP2Ds and the REALIZATION
 * entries (for bulk writers such as the data set generator, which write
 * SP2Ds and deposits in SQL rather than through the services).
 */
export async function rebuildTreasuryCashDays(m: EntityManager, fiscalYear: number): Promise<void> {
  await m.query(`DELETE FROM treasury_cash_days WHERE fiscal_year = $1`, [fiscalYear]);
  // the escrowed cash given back: the next SP2D hands out the headroom of the rebuilt days
  await m.query(`UPDATE treasury_cash_stripes SET balance = 0 WHERE fiscal_year = $1 AND balance <> 0`, [fiscalYear]);
  await m.query(`
    INSERT INTO treasury_cash_days (fiscal_year, day, revenue, financing_receipts, sp2d, financing_expenditures)
    SELECT $1::int, day, sum(revenue), sum(receipts), sum(sp2d), sum(expenditures) FROM (
      SELECT e.value_date AS day, CASE WHEN b.account_code LIKE '4.%' THEN e.amount ELSE 0 END AS revenue,
        CASE WHEN b.account_code LIKE '6.1.%' THEN e.amount ELSE 0 END AS receipts, 0 AS sp2d,
        CASE WHEN b.account_code LIKE '6.2.%' THEN e.amount ELSE 0 END AS expenditures
      FROM ledger_entries e JOIN budget_lines b ON b.id = e.budget_line_id WHERE e.kind = 'REALIZATION' AND b.fiscal_year = $1::int
      UNION ALL SELECT issued_on, 0, 0, gross, 0 FROM sp2d WHERE fiscal_year = $1::int
      UNION ALL SELECT cancelled_at::date, 0, 0, -gross, 0 FROM sp2d WHERE fiscal_year = $1::int AND status = 'CANCELLED') x
    GROUP BY day`, [fiscalYear]);
}
