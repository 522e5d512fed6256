import fc from 'fast-check';
import Decimal from 'decimal.js';
import { Money } from '@grms/core';
import { itemAmounts, volumeOf } from './item-amounts';

const D = Decimal.clone({ precision: 60 });

describe('item amounts', () => {
  it('multiplies the coefficients into one volume and unit', () => {
    const v = volumeOf([{ quantity: '10', unit: 'orang' }, { quantity: '2', unit: 'hari' }]);
    expect(v.volume.toFixed()).toBe('20');
    expect(v.unit).toBe('orang-hari');
    expect(volumeOf([{ quantity: '2.5', unit: 'kg' }, { quantity: '0.3', unit: 'kali' }]).volume.toFixed()).toBe('0.75');
  });

  it('prices 10 orang x 2 hari x Rp 150.000 with 11% VAT', () => {
    const a = itemAmounts([{ quantity: '10', unit: 'orang' }, { quantity: '2', unit: 'hari' }], Money.of('150000'), true, '0.11');
    expect([a.subtotal.toString(), a.vatAmount.toString(), a.total.toString()]).toEqual(['3000000.00', '330000.00', '3330000.00']);
  });

  it('rounds each product half-up to the sen, once', () => {
    // 3 x 0.335 = 1.005 -> 1.01 ; VAT 11% of 1.01 = 0.1111 -> 0 (VAT is whole rupiah, rounded down, as on payments)
    const a = itemAmounts([{ quantity: '0.335', unit: 'm' }, { quantity: '3', unit: 'kali' }], Money.of('1'), true, '0.11');
    expect([a.subtotal.toString(), a.vatAmount.toString(), a.total.toString()]).toEqual(['1.01', '0.00', '1.01']);
    // 0.5 sen rounds up
    expect(itemAmounts([{ quantity: '0.5', unit: 'x' }], Money.of('0.01'), false, '0.11').total.toString()).toBe('0.01');
  });

  it('total is subtotal plus VAT (whole rupiah, rounded down), for any quantities and prices (property)', () => {
    const qty = fc.tuple(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 0, max: 9999 })).map(([i, f]) => `${i}.${String(f).padStart(4, '0')}`);
    const price = fc.tuple(fc.integer({ min: 0, max: 999999999 }), fc.integer({ min: 0, max: 99 })).map(([r, s]) => `${r}.${String(s).padStart(2, '0')}`);
    fc.assert(fc.property(fc.array(qty, { minLength: 1, maxLength: 3 }), price, fc.boolean(), (qs, p, vat) => {
      const a = itemAmounts(qs.map((q) => ({ quantity: q, unit: 'u' })), Money.of(p), vat, '0.11');
      const exact = qs.reduce((acc, q) => acc.times(q), new D(p));
      // the subtotal is within half a sen of the exact product
      expect(exact.minus(a.subtotal.toDecimal()).abs().lte('0.005')).toBe(true);
      expect(a.total.eq(a.subtotal.plus(a.vatAmount))).toBe(true);
      if (vat) {
        const exactVat = a.subtotal.toDecimal().times('0.11');
        expect(a.vatAmount.toDecimal().isInteger() && a.vatAmount.toDecimal().lte(exactVat) && exactVat.minus(a.vatAmount.toDecimal()).lt(1)).toBe(true);
      }
      if (!vat) expect(a.vatAmount.isZero()).toBe(true);
      expect(a.total.toString()).toMatch(/^\d+\.\d{2}$/);
    }));
  });
});
