import fc from 'fast-check';
import { Money } from '@grms/core';
import { DEFAULT_TAX_RATES, taxOn } from '@grms/budget';
import { asksPkpTax, computeTaxes, resolveTaxes, TaxedPayment } from './tax-calc';

const payment = (gross: string, payee: Partial<TaxedPayment['payee']> = {}, more: Partial<TaxedPayment> = {}): TaxedPayment => ({
  gross: Money.of(gross), paymentKind: 'GOODS_SERVICES', accountCodes: ['5.1.02.01.01.0024'],
  payee: { hasNpwp: true, vatRegistered: true, qualification: null, ...payee }, ...more,
});
const taxes = (p: TaxedPayment, codes: string[]) => computeTaxes(p, resolveTaxes(codes, DEFAULT_TAX_RATES, p, 2026), '11');
const amounts = (p: TaxedPayment, codes: string[]) => Object.fromEntries(taxes(p, codes).taxes.map((t) => [t.code, t.amount.toString()]));

describe('a payee\'s unstated VAT registration', () => {
  it('is a PKP when a tax only a PKP carries (PPN) is asked, and not otherwise', () => {
    expect(asksPkpTax(['PPN', 'PPH22'], DEFAULT_TAX_RATES)).toBe(true);
    expect(asksPkpTax(['PPH22', 'PPH23'], DEFAULT_TAX_RATES)).toBe(false);
    expect(asksPkpTax([], DEFAULT_TAX_RATES)).toBe(false);
    expect(asksPkpTax(['NOPE'], DEFAULT_TAX_RATES)).toBe(false);
  });
});

describe('taxes on the right base', () => {
  it('Rp10,000,000.00 incl. VAT: DPP 9,009,009, PPN 990,990, PPh 22 135,135, net 8,873,875', () => {
    const r = taxes(payment('10000000.00'), ['PPN', 'PPH22']);
    expect(r.dpp.toString()).toBe('9009009.00');
    expect(r.taxes.map((t) => [t.code, t.base, t.baseAmount.toString(), t.rate, t.amount.toString()])).toEqual([
      ['PPN', 'DPP', '9009009.00', '11.0000', '990990.00'], ['PPH22', 'DPP', '9009009.00', '1.5000', '135135.00']]);
    expect(r.net.toString()).toBe('8873875.00');
  });

  it('withholds neither PPN nor PPh 22 on Rp1,500,000.00 (at most Rp2,000,000), and says why', () => {
    const r = taxes(payment('1500000.00'), ['PPN', 'PPH22']);
    expect(r.taxesTotal.toString()).toBe('0.00');
    expect(r.taxes.every((t) => t.note?.includes('at most 2000000.00'))).toBe(true);
    expect(amounts(payment('2000000.01'), ['PPH22'])).toEqual({ PPH22: '27027.00' }); // one sen above: collected
  });

  it('picks the PPh 4(2) row by the contractor qualification (PP 9/2022), on the DPP', () => {
    const dpp = Money.of('9009009.00');
    expect(amounts(payment('10000000.00', { qualification: 'UNCERTIFIED' }), ['PPH4_2'])).toEqual({ PPH4_2_UNCERTIFIED: taxOn(dpp, '4').toString() });
    expect(amounts(payment('10000000.00', { qualification: 'SMALL' }), ['PPH4_2'])).toEqual({ PPH4_2_SMALL: '157657.00' });
    expect(amounts(payment('10000000.00', { qualification: 'CERTIFIED' }), ['PPH4_2'])).toEqual({ PPH4_2: '238738.00' });
    expect(amounts(payment('10000000.00', { qualification: 'SMALL' }), ['PPH4_2_CONSULTANCY'])).toEqual({ PPH4_2_CONSULTANCY: '315315.00' });
    expect(amounts(payment('10000000.00', { qualification: 'UNCERTIFIED' }), ['PPH4_2_CONSULTANCY'])).toEqual({ PPH4_2_CONSULTANCY_UNCERTIFIED: '540540.00' });
    expect(() => resolveTaxes(['PPH4_2'], DEFAULT_TAX_RATES, payment('1.00'), 2026)).toThrow(/qualification/);
    expect(() => resolveTaxes(['PPH4_2_UNCERTIFIED'], DEFAULT_TAX_RATES, payment('1.00', { qualification: 'CERTIFIED' }), 2026)).toThrow(/takes PPH4_2 /);
  });

  it('doubles PPh 22 and PPh 23 for a payee without NPWP, not PPN', () => {
    const r = taxes(payment('10000000.00', { hasNpwp: false }), ['PPN', 'PPH22', 'PPH23']);
    expect(r.taxes.map((t) => [t.code, t.rate, t.surcharge, t.amount.toString()])).toEqual([
      ['PPN', '11.0000', '0.0000', '990990.00'], ['PPH22', '3.0000', '100.0000', '270270.00'], ['PPH23', '4.0000', '100.0000', '360360.00']]);
  });

  it('takes the gross as the base from a payee that is not VAT-registered, and refuses PPN there', () => {
    expect(amounts(payment('10000000.00', { vatRegistered: false }), ['PPH23'])).toEqual({ PPH23: '200000.00' });
    expect(() => resolveTaxes(['PPN'], DEFAULT_TAX_RATES, payment('10000000.00', { vatRegistered: false }), 2026)).toThrow(/PKP/);
  });

  it('refuses a tax excluded for the payment kind or the account, and an unknown or repeated code', () => {
    expect(() => resolveTaxes(['PPH22'], DEFAULT_TAX_RATES, payment('1.00', {}, { paymentKind: 'PAYROLL' }), 2026)).toThrow(/not collected on PAYROLL/);
    const table = DEFAULT_TAX_RATES.map((t) => (t.code === 'PPH23' ? { ...t, excludedAccounts: ['5.1.02.01'] } : t));
    expect(() => resolveTaxes(['PPH23'], table, payment('1.00'), 2026)).toThrow(/account 5.1.02.01.01.0024/);
    expect(() => resolveTaxes(['PPH99'], DEFAULT_TAX_RATES, payment('1.00'), 2026)).toThrow(/not in the 2026 tax table/);
    expect(() => resolveTaxes(['PPH23', 'PPH23'], DEFAULT_TAX_RATES, payment('1.00'), 2026)).toThrow(/twice/);
  });

  const grossArb = fc.bigInt({ min: 1n, max: 10n ** 17n }).map((sen) => `${sen / 100n}.${(sen % 100n).toString().padStart(2, '0')}`);
  it('net + taxes = gross exactly; each tax is whole rupiah, at most the exact tax on its base, within one rupiah', () => {
    fc.assert(fc.property(grossArb, fc.boolean(), fc.boolean(), (gross, pkp, npwp) => {
      const p = payment(gross, { vatRegistered: pkp, hasNpwp: npwp });
      const r = taxes(p, pkp ? ['PPN', 'PPH22', 'PPH23'] : ['PPH22', 'PPH23']);
      expect(r.net.plus(r.taxesTotal).eq(p.gross)).toBe(true);
      expect(r.dpp.lte(p.gross)).toBe(true);
      for (const t of r.taxes) {
        const exact = t.note ? t.amount.toDecimal() : t.baseAmount.toDecimal().times(t.rate).dividedBy(100);
        expect(t.amount.toDecimal().isInteger() && t.amount.toDecimal().lte(exact) && exact.minus(t.amount.toDecimal()).lt(1)).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
