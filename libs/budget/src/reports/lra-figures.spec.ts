import fc from 'fast-check';
import Decimal from 'decimal.js';
import { Money } from '@grms/core';
import { amounts, percentOf, statutoryTotals } from './lra-figures';

const money = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((s) => Money.of(`${s < 0n ? '-' : ''}${(s < 0n ? -s : s) / 100n}.${String((s < 0n ? -s : s) % 100n).padStart(2, '0')}`));
const sums = fc.record({ budget: money, amended: fc.option(money, { nil: null }), realized: money });

describe('LRA figures', () => {
  it('percent is realized / budget x 100, half-up to two decimals; null on a zero budget', () => {
    expect(percentOf(Money.of('8333333.33'), Money.of('99999999.99'))).toBe('8.33');
    expect(percentOf(Money.of('1'), Money.of('3'))).toBe('33.33');
    expect(percentOf(Money.of('2'), Money.of('3'))).toBe('66.67');
    expect(percentOf(Money.of('1.00'), Money.of('800'))).toBe('0.13'); // 0.125 rounds half-up
    expect(percentOf(Money.of('5'), Money.ZERO)).toBeNull();
  });

  it('the difference is measured against the amended budget once there is one', () => {
    expect(amounts({ budget: Money.of('100'), amended: null, realized: Money.of('40') })).toEqual({ budget: '100.00', amendedBudget: null, realized: '40.00', difference: '-60.00', percent: '40.00' });
    expect(amounts({ budget: Money.of('100'), amended: Money.of('80'), realized: Money.of('100') })).toEqual({ budget: '100.00', amendedBudget: '80.00', realized: '100.00', difference: '20.00', percent: '125.00' });
  });

  it('percent and difference are exact (property): the quotient to 60 digits, rounded half-up once', () => {
    const Exact = Decimal.clone({ precision: 60 });
    fc.assert(fc.property(sums, (s) => {
      const base = s.amended ?? s.budget;
      const got = amounts(s);
      expect(got.difference).toBe(s.realized.minus(base).toString());
      const want = base.isZero() ? null : new Exact(s.realized.toString()).times(100).dividedBy(base.toString()).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
      expect(got.percent).toBe(want === '-0.00' ? '0.00' : want);
    }));
    expect(percentOf(Money.of('-1.00'), Money.of('800'))).toBe('-0.13'); // -0.125 rounds away from zero
    expect(percentOf(Money.of('-0.01'), Money.of('300000'))).toBe('0.00');
    expect(percentOf(Money.of('1'), Money.of('-3'))).toBe('-33.33');
  });

  it('surplus, net financing and SiLPA are exact to the sen (property)', () => {
    fc.assert(fc.property(sums, sums, sums, sums, (r, e, fr, fe) => {
      const { totals } = statutoryTotals(r, e, fr, fe);
      const sen = (s: string) => BigInt(s.replace('.', ''));
      expect(sen(totals.surplus.realized)).toBe(sen(r.realized.toString()) - sen(e.realized.toString()));
      expect(sen(totals.financingNet.budget)).toBe(sen(fr.budget.toString()) - sen(fe.budget.toString()));
      expect(sen(totals.silpa.realized)).toBe(sen(totals.surplus.realized) + sen(totals.financingNet.realized));
      expect(sen(totals.silpa.difference)).toBe(sen(totals.silpa.realized) - sen(totals.silpa.amendedBudget ?? totals.silpa.budget));
      // an amendment anywhere makes the combined rows amended, the others counting at their budget
      expect(totals.silpa.amendedBudget === null).toBe(!r.amended && !e.amended && !fr.amended && !fe.amended);
    }));
  });
});
