import { Injectable } from '@nestjs/common';
import { realizationsByDay } from '@grms/budget';
import { AuditService, AuthUser, DomainError, fiscalYearNotFound, Money, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { CashDayResponse, CashPositionResponse, TreasurySettingsResponse } from './dto/treasury.dto';

interface Day { revenue: Money; receipts: Money; sp2d: Money; expenditures: Money }

// The regional treasury's cash (kas daerah) by day: revenue deposited +
// financing receipts - SP2Ds - financing expenditures, from 1 January. An
// SP2D or a financing expenditure that would make it negative on its day or
// any later day is refused with the arithmetic, unless the year's setting
// turns the check off (decision 0121). Outflows are serialised per fiscal
// year by one advisory lock, so two payments cannot both spend the last cash.
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
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('treasury-cash:' || $1))`, [fiscalYear]);
    if (!(await this.cashCheck(m, fiscalYear))) return;
    const days = await this.days(m, fiscalYear);
    const before = days.filter((d) => d.date <= date);
    const at: CashDayResponse = before.length ? before[before.length - 1]
      : { date, revenueDeposited: '0.00', financingReceipts: '0.00', sp2dIssued: '0.00', financingExpenditures: '0.00', net: '0.00', position: '0.00' };
    const cum = (f: keyof Omit<CashDayResponse, 'date' | 'position'>) => Money.sum(before.map((d) => Money.of(d[f])));
    const available = Money.of(at.position);
    const arithmetic = `revenue deposited ${cum('revenueDeposited')} + financing receipts ${cum('financingReceipts')} - SP2Ds ${cum('sp2dIssued')} - financing expenditures ${cum('financingExpenditures')}`;
    if (amount.gt(available)) {
      throw DomainError.rule('INSUFFICIENT_TREASURY_CASH',
        `${what} asks ${amount} but the regional treasury holds ${available} at the end of ${date} (${arithmetic}); short by ${amount.minus(available)}`);
    }
    const later = days.filter((d) => d.date > date).find((d) => amount.gt(Money.of(d.position)));
    if (later) {
      throw DomainError.rule('INSUFFICIENT_TREASURY_CASH',
        `${what} asks ${amount} on ${date}; the treasury holds ${available} then (${arithmetic}) but only ${later.position} on ${later.date} after the payments already dated then; short by ${amount.minus(Money.of(later.position))} on ${later.date}`);
    }
  }

  async settings(fiscalYear: number): Promise<TreasurySettingsResponse> {
    return this.tx.run(async (m) => ({ fiscalYear, cashCheck: await this.cashCheck(m, fiscalYear) }));
  }

  async updateSettings(user: AuthUser, fiscalYear: number, cashCheck: boolean): Promise<TreasurySettingsResponse> {
    return this.tx.run(async (m) => {
      const before = await this.cashCheck(m, fiscalYear);
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

  /** Every day of the year with a movement, with the running position. */
  private async days(m: EntityManager, fiscalYear: number): Promise<CashDayResponse[]> {
    const map = new Map<string, Day>();
    const get = (d: string) => map.get(d) ?? (map.set(d, { revenue: Money.ZERO, receipts: Money.ZERO, sp2d: Money.ZERO, expenditures: Money.ZERO }).get(d)!);
    for (const r of await realizationsByDay(m, fiscalYear)) {
      const d = get(r.date);
      d.revenue = d.revenue.plus(Money.of(r.revenue));
      d.receipts = d.receipts.plus(Money.of(r.financingReceipts));
      d.expenditures = d.expenditures.plus(Money.of(r.financingExpenditures));
    }
    const paid: { date: string; amount: string }[] = await m.query(
      `SELECT date::text AS date, sum(amount)::numeric(20,2)::text AS amount FROM (
         SELECT issued_on AS date, gross AS amount FROM sp2d WHERE fiscal_year = $1
         UNION ALL SELECT cancelled_at::date, -gross FROM sp2d WHERE fiscal_year = $1 AND status = 'CANCELLED') x
       GROUP BY date`, [fiscalYear]);
    for (const p of paid) { const d = get(p.date); d.sp2d = d.sp2d.plus(Money.of(p.amount)); }
    let position = Money.ZERO;
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, d]) => {
      const net = d.revenue.plus(d.receipts).minus(d.sp2d).minus(d.expenditures);
      position = position.plus(net);
      return {
        date, revenueDeposited: d.revenue.toString(), financingReceipts: d.receipts.toString(), sp2dIssued: d.sp2d.toString(),
        financingExpenditures: d.expenditures.toString(), net: net.toString(), position: position.toString(),
      };
    });
  }
}
