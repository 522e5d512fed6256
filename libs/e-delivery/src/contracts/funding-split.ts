import Decimal from 'decimal.js';
import { Money } from '@grms/core';

/**
 * Splits a contract's value change over its funding lines pro rata to their
 * current amounts (docs/decisions/0411): each line's exact share in sen is
 * cut toward zero, and the sen left over (fewer than the number of lines)
 * go one each to the lines with the largest cut-off fractions, earlier lines
 * first on a tie. The shares sum to `delta` exactly, none has the other sign,
 * and each is within one sen of its exact share.
 */
export function splitProRata(delta: Money, amounts: Money[]): Money[] {
  const total = Decimal.sum(0, ...amounts.map((a) => a.toDecimal()));
  if (amounts.length === 0 || !total.isPositive()) throw new RangeError('no funding to split over');
  const deltaSen = delta.toDecimal().times(100);
  const exact = amounts.map((a) => deltaSen.times(a.toDecimal()).dividedBy(total));
  const cut = exact.map((e) => e.truncated());
  let rest = deltaSen.minus(Decimal.sum(0, ...cut)).abs().toNumber();
  const step = deltaSen.isNegative() ? -1 : 1;
  const order = exact.map((e, i) => ({ i, frac: e.minus(cut[i]).abs() })).sort((a, b) => b.frac.cmp(a.frac) || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    cut[i] = cut[i].plus(step);
    rest--;
  }
  return cut.map((c) => (c.isZero() ? Money.ZERO : Money.fromDecimal(c.dividedBy(100))));
}
