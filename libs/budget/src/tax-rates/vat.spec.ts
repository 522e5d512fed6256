import fc from 'fast-check';
import { Money } from '@grms/core';
import { addVat, splitVat, taxOn } from './vat';

const rupiah = (n: bigint) => Money.of(`${n}`);
const senArb = fc.bigInt({ min: 1n, max: 10n ** 17n }).map((sen) => Money.of(`${sen / 100n}.${(sen % 100n).toString().padStart(2, '0')}`));
const rateArb = fc.integer({ min: 0, max: 300_000 }).map((n) => (n / 10_000).toFixed(4)); // 0..30% with 4 decimals

describe('VAT: one function, on top (budget items) and inside (payments)', () => {
  it('splits the acceptance example exactly', () => {
    const s = splitVat(Money.of('10000000.00'), '11');
    expect([s.dpp.toString(), s.vat.toString()]).toEqual(['9009009.00', '990990.00']);
    expect(taxOn(s.dpp, '1.5').toString()).toBe('135135.00');
  });

  it('adds VAT on top by the same rule', () => {
    const a = addVat(Money.of('3187537.50'), '11');
    expect([a.vat.toString(), a.gross.toString()]).toEqual(['350629.00', '3538166.50']);
    expect(addVat(Money.of('1000000.00'), '12').gross.toString()).toBe('1120000.00');
  });

  it('inside: dpp + vat never exceeds the gross and misses it by less than 2 rupiah plus the rate of one rupiah; vat is whole rupiah', () => {
    fc.assert(fc.property(senArb, rateArb, (gross, rate) => {
      const s = splitVat(gross, rate);
      const rest = gross.minus(s.dpp.plus(s.vat));
      expect(rest.isNegative()).toBe(false);
      expect(rest.toDecimal().lt(Money.of('2').toDecimal().plus(Number(rate) / 100))).toBe(true);
      expect(s.dpp.toDecimal().isInteger() && s.vat.toDecimal().isInteger()).toBe(true);
    }), { numRuns: 500 });
  });

  it('both ways agree: splitting what was priced on top gives back the price and its VAT within one rupiah', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), rateArb, (n, rate) => {
      const priced = addVat(rupiah(n), rate);
      const back = splitVat(priced.gross, rate);
      expect(back.dpp.lte(priced.dpp)).toBe(true);
      expect(priced.dpp.minus(back.dpp).lte(Money.of('1'))).toBe(true);
      expect(priced.vat.minus(back.vat).abs().lte(Money.of('1'))).toBe(true);
      // and adding on top to what was split never exceeds the gross paid
      expect(addVat(back.dpp, rate).gross.lte(priced.gross)).toBe(true);
    }), { numRuns: 500 });
  });

  it('each tax is at most the exact tax and within one rupiah of it', () => {
    fc.assert(fc.property(senArb, rateArb, (base, rate) => {
      const t = taxOn(base, rate).toDecimal();
      const exact = base.toDecimal().times(rate).dividedBy(100);
      expect(t.lte(exact) && exact.minus(t).lt(1)).toBe(true);
    }), { numRuns: 500 });
  });
});
