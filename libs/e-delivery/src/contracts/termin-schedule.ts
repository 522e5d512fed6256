import Decimal from 'decimal.js';
import { DomainError, Money } from '@grms/core';

export type TerminKind = 'ADVANCE' | 'PROGRESS' | 'MONTHLY' | 'RETENTION';

export interface TerminInput {
  kind?: 'PROGRESS' | 'MONTHLY';
  percent?: string;
  amount?: string;
  progressThreshold: string;
}

export interface Termin {
  terminNo: number;
  kind: TerminKind;
  percent: string | null;
  amount: Money;
  progressThreshold: string;
  advanceRecovery: Money;
  retentionHeld: Money;
}

export const payableOf = (t: { amount: Money; advanceRecovery: Money; retentionHeld: Money }, penalty = Money.ZERO): Money =>
  t.amount.minus(t.advanceRecovery).minus(t.retentionHeld).minus(penalty);

/**
 * The termins of a contract. The work termins (progress or monthly) share the
 * value: by percent (summing to 100; the last takes the rounding rest) or by
 * amount (summing to the value). The advance is paid first and recovered from
 * the work termins in proportion to their amounts; retention is held from each
 * work termin and paid back as the last termin after FHO. So the payable
 * amounts (amount - recovery - retention) of all termins sum to the value.
 */
export function terminSchedule(value: Money, advance: Money, retentionPercent: string, inputs: TerminInput[]): Termin[] {
  if (inputs.length === 0) throw DomainError.invalid('a contract has at least one progress or monthly termin', [{ field: 'termins', message: 'empty' }]);
  const byPercent = inputs.every((t) => t.percent !== undefined && t.amount === undefined);
  const byAmount = inputs.every((t) => t.amount !== undefined && t.percent === undefined);
  if (!byPercent && !byAmount) throw DomainError.invalid('termins are given all by percent or all by amount', [{ field: 'termins', message: 'mixed percent and amount' }]);
  let amounts: Money[];
  if (byPercent) {
    const total = inputs.reduce((s, t) => s.plus(new Decimal(t.percent!)), new Decimal(0));
    if (!total.eq(100)) throw DomainError.rule('TERMINS_NOT_VALUE', `the termins' percentages sum to ${total.toFixed()}, not 100`, [{ field: 'termins', message: `sum ${total.toFixed()}%` }]);
    amounts = inputs.map((t) => value.times(new Decimal(t.percent!).dividedBy(100)));
    amounts[amounts.length - 1] = value.minus(Money.sum(amounts.slice(0, -1)));
  } else {
    amounts = inputs.map((t) => Money.of(t.amount!));
    const sum = Money.sum(amounts);
    if (!sum.eq(value)) throw DomainError.rule('TERMINS_NOT_VALUE', `the termins sum to ${sum}, the contract value is ${value}`, [{ field: 'termins', message: `sum ${sum} <> ${value}` }]);
  }
  const recoveries = amounts.map((a) => Money.fromDecimal(advance.toDecimal().times(a.toDecimal()).dividedBy(value.toDecimal())));
  recoveries[recoveries.length - 1] = advance.minus(Money.sum(recoveries.slice(0, -1)));
  const held = amounts.map((a) => a.times(new Decimal(retentionPercent).dividedBy(100)));
  const out: Termin[] = [];
  if (advance.isPositive()) {
    out.push({ terminNo: 1, kind: 'ADVANCE', percent: null, amount: advance, progressThreshold: '0', advanceRecovery: Money.ZERO, retentionHeld: Money.ZERO });
  }
  inputs.forEach((t, i) => out.push({
    terminNo: out.length + 1, kind: t.kind ?? 'PROGRESS', percent: t.percent ?? null, amount: amounts[i], progressThreshold: t.progressThreshold,
    advanceRecovery: recoveries[i], retentionHeld: held[i],
  }));
  const retention = Money.sum(held);
  if (retention.isPositive()) {
    out.push({ terminNo: out.length + 1, kind: 'RETENTION', percent: null, amount: retention, progressThreshold: '100', advanceRecovery: Money.ZERO, retentionHeld: Money.ZERO });
  }
  out.forEach((t) => {
    if (payableOf(t).isNegative()) throw DomainError.rule('TERMIN_BELOW_DEDUCTIONS', `termin ${t.terminNo}: amount ${t.amount} < advance recovered ${t.advanceRecovery} + retention held ${t.retentionHeld}`);
  });
  return out;
}

/** Late penalty: days late x per mille a day x the late part's value, to the sen (half-up), at most `cap`. */
export function latePenalty(latePart: Money, daysLate: number, perMillePerDay: string, cap: Money): Money {
  if (daysLate <= 0) return Money.ZERO;
  const p = latePart.times(new Decimal(perMillePerDay).dividedBy(1000).times(daysLate));
  return p.gt(cap) ? cap : p;
}
