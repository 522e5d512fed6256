import fc from 'fast-check';
import Decimal from 'decimal.js';
import { Money } from '@grms/core';
import { splitProRata } from './funding-split';

const sen = (n: bigint) => Money.of(`${n < 0n ? '-' : ''}${(n < 0n ? -n : n) / 100n}.${((n < 0n ? -n : n) % 100n).toString().padStart(2, '0')}`);

describe('pro rata split of a value change over funding lines', () => {
  it('300 + 100 + 100 grows by 10.00: 6.00 + 2.00 + 2.00; by 0.01: the sen goes to the largest line', () => {
    const lines = ['300.00', '100.00', '100.00'].map(Money.of);
    expect(splitProRata(Money.of('10.00'), lines).map(String)).toEqual(['6.00', '2.00', '2.00']);
    expect(splitProRata(Money.of('0.01'), lines).map(String)).toEqual(['0.01', '0.00', '0.00']);
    expect(splitProRata(Money.of('-0.02'), ['1.00', '1.00', '1.00'].map(Money.of)).map(String)).toEqual(['-0.01', '-0.01', '0.00']);
  });

  it('sums to the change exactly, keeps its sign, and is within a sen of the exact share', () => {
    fc.assert(fc.property(
      fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
      fc.array(fc.bigInt({ min: 1n, max: 10n ** 15n }), { minLength: 1, maxLength: 8 }),
      (d, as) => {
        const delta = sen(d);
        const amounts = as.map(sen);
        const shares = splitProRata(delta, amounts);
        expect(Money.sum(shares).eq(delta)).toBe(true);
        const total = Decimal.sum(0, ...amounts.map((a) => a.toDecimal()));
        shares.forEach((s, i) => {
          if (!s.isZero()) expect(s.isNegative()).toBe(delta.isNegative());
          const exactShare = delta.toDecimal().times(amounts[i].toDecimal()).dividedBy(total);
          expect(s.toDecimal().minus(exactShare).abs().lt('0.01')).toBe(true);
        });
      }));
  });
});
