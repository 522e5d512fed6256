import { Money } from '@grms/core';
import Decimal from 'decimal.js';
import { LraAmounts, LraTotals } from './lra.dto';

/** Sums of one LRA row: the original budget, the amended budget (null before an amendment) and the realisation. */
export interface LraSums { budget: Money; amended: Money | null; realized: Money }

// The LRA's derived columns, written once (docs/decisions/0122):
// difference = realized - (amended ?? budget); percent = realized /
// (amended ?? budget) x 100 rounded half-up to two decimals, null when that
// budget is zero.
export function amounts(s: LraSums): LraAmounts {
  const base = s.amended ?? s.budget;
  return {
    budget: s.budget.toString(), amendedBudget: s.amended ? s.amended.toString() : null, realized: s.realized.toString(),
    difference: s.realized.minus(base).toString(), percent: percentOf(s.realized, base),
  };
}

export function percentOf(part: Money, whole: Money): string | null {
  if (whole.isZero()) return null;
  return new Decimal(part.toString()).times(100).dividedBy(new Decimal(whole.toString())).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export const plus = (a: LraSums, b: LraSums): LraSums => ({
  budget: a.budget.plus(b.budget), realized: a.realized.plus(b.realized),
  amended: a.amended || b.amended ? (a.amended ?? a.budget).plus(b.amended ?? b.budget) : null,
});
export const minus = (a: LraSums, b: LraSums): LraSums => plus(a, { budget: b.budget.negate(), realized: b.realized.negate(), amended: b.amended ? b.amended.negate() : null });
export const ZERO_SUMS: LraSums = { budget: Money.ZERO, amended: null, realized: Money.ZERO };

/** The statutory totals from the four sections: surplus = revenue - expenditure, net financing = receipts - expenditures, SiLPA = surplus + net. */
export function statutoryTotals(revenue: LraSums, expenditure: LraSums, receipts: LraSums, financingOut: LraSums): { sums: Record<keyof LraTotals, LraSums>; totals: LraTotals } {
  const surplus = minus(revenue, expenditure);
  const financingNet = minus(receipts, financingOut);
  const silpa = plus(surplus, financingNet);
  const sums = { revenue, expenditure, surplus, financingReceipts: receipts, financingExpenditures: financingOut, financingNet, silpa };
  const totals = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, amounts(v)])) as unknown as LraTotals;
  return { sums, totals };
}
