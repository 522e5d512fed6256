import fc from 'fast-check';
import { Money } from '@grms/core';
import { computeTaxes, withholdingOf } from './tax-calc';

describe('tax withholding rounding (down to whole rupiah)', () => {
  it.each([
    ['1000000.00', '11', '110000.00'],
    ['999.99', '11', '109.00'], // 109.9989 -> 109
    ['9.09', '11', '0.00'], // 0.9999 -> 0: never more than the exact tax
    ['100.00', '1.5', '1.00'], // 1.5 -> 1 (down, not half-up)
    ['1.00', '2', '0.00'],
    ['0.01', '15', '0.00'],
    ['12345678.90', '2', '246913.00'], // 246913.578 -> 246913
    ['50000.00', '0', '0.00'],
    ['999999999999999999.99', '15', '149999999999999999.00'],
  ])('gross %s at %s%% withholds %s', (gross, rate, tax) => {
    expect(withholdingOf(Money.of(gross), rate).toString()).toBe(tax);
  });

  it('keeps the sen of the gross in the net', () => {
    const r = computeTaxes(Money.of('1000000.55'), [{ code: 'PPN', name: 'PPN', rate: '11' }, { code: 'PPH22', name: 'PPh 22', rate: '1.5' }]);
    expect(r.taxes.map((t) => t.amount.toString())).toEqual(['110000.00', '15000.00']);
    expect(r.net.toString()).toBe('875000.55');
  });

  it('refuses a zero gross', () => {
    expect(() => computeTaxes(Money.ZERO, [])).toThrow(RangeError);
  });

  const rateArb = fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 10_000).toFixed(4)); // 0..100 with 4 decimals
  const grossArb = fc.bigInt({ min: 1n, max: 10n ** 17n }).map((sen) => Money.of(`${sen / 100n}.${(sen % 100n).toString().padStart(2, '0')}`));

  it('net + taxes = gross exactly; each tax is whole rupiah and within one rupiah below the exact tax', () => {
    fc.assert(fc.property(grossArb, fc.array(rateArb, { maxLength: 3 }), (gross, rates) => {
      const total = rates.reduce((s, r) => s + Number(r), 0);
      fc.pre(total <= 100);
      const r = computeTaxes(gross, rates.map((rate, i) => ({ code: `T${i}`, name: `T${i}`, rate })));
      expect(r.net.plus(r.taxesTotal).eq(gross)).toBe(true);
      expect(r.net.isNegative()).toBe(false);
      for (const t of r.taxes) {
        const exact = gross.toDecimal().times(t.rate).dividedBy(100);
        expect(t.amount.toDecimal().isInteger()).toBe(true);
        expect(t.amount.toDecimal().lte(exact)).toBe(true);
        expect(exact.minus(t.amount.toDecimal()).lt(1)).toBe(true);
      }
    }), { numRuns: 500 });
  });
});
