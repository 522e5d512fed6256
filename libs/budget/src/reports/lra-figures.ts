import { Money } from '@grms/core';
import { LraAmounts, LraTotals } from './lra.dto';

/** Sums of one LRA row: the original budget, the amended budget (null before an amendment) and the realisation. */
export interface LraSums { budget: Money; amended: Money | null; realized: Money }

// The LRA's derived columns, written once (docs/decisions/0122):
// difference = realized - (amended ?? budget); percent = realized /
// (amended ?? budget) x 100 rounded half-up (away from zero) to two
// decimals, null when that budget is zero. Both in whole sen as BigInt,
// exact, and cheap on the thousands of rows of a province report
// (decision 0143).
export function amounts(s: LraSums): LraAmounts {
  const base = sen(s.amended ?? s.budget);
  const realized = sen(s.realized);
  return {
    budget: s.budget.toString(), amendedBudget: s.amended ? s.amended.toString() : null, realized: s.realized.toString(),
    difference: ofSen(realized - base), percent: percentOfSen(realized, base),
  };
}

export function percentOf(part: Money, whole: Money): string | null {
  return percentOfSen(sen(part), sen(whole));
}

const sen = (m: Money): bigint => BigInt(m.toString().replace('.', ''));
const ofSen = (n: bigint): string => {
  const a = n < 0n ? -n : n;
  return `${n < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};
/** part / whole x 100 in hundredths: part x 10,000 / whole, the remainder rounded half away from zero. */
function percentOfSen(part: bigint, whole: bigint): string | null {
  if (whole === 0n) return null;
  const n = part * 10000n;
  const a = n < 0n ? -n : n;
  const b = whole < 0n ? -whole : whole;
  const q = a / b + (2n * (a % b) >= b ? 1n : 0n);
  return ofSen((n < 0n) !== (whole < 0n) ? -q : q);
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
