import fc from 'fast-check';
import { Money } from '@grms/core';
import { financialPlanErrors, methodRefusal, physicalPlanErrors, requireFundingSumsToValue } from './package-rules';

describe('package rules', () => {
  it('refuses direct procurement above the threshold with the arithmetic, allows it at the threshold', () => {
    expect(methodRefusal('GOODS', 'DIRECT_PROCUREMENT', Money.of('200000000'), Money.of('200000000'))).toBeNull();
    const e = methodRefusal('GOODS', 'DIRECT_PROCUREMENT', Money.of('200000000.01'), Money.of('200000000'));
    expect(e?.code).toBe('METHOD_ABOVE_THRESHOLD');
    expect(e?.detail).toContain('200000000.01 is 0.01 above it');
    expect(methodRefusal('CONSULTANCY', 'TENDER', Money.of('1'), Money.of('100000000'))?.code).toBe('METHOD_NOT_FOR_TYPE');
    expect(methodRefusal('CONSTRUCTION', 'SELECTION', Money.of('1'), Money.of('400000000'))?.code).toBe('METHOD_NOT_FOR_TYPE');
  });

  it('accepts a non-decreasing S-curve ending at 100 and names the month that goes down', () => {
    expect(physicalPlanErrors(['0', '5', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100'])).toEqual([]);
    expect(physicalPlanErrors(['0', '5', '4', '20', '30', '40', '50', '60', '70', '80', '90', '100'])[0].field).toBe('physical.2');
    expect(physicalPlanErrors(['0', '5', '10', '20', '30', '40', '50', '60', '70', '80', '90', '99']).map((e) => e.field)).toEqual(['physical.11']);
  });

  it('funding lines and the financial plan must sum to the value to the sen', () => {
    fc.assert(fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 14n }), { minLength: 1, maxLength: 12 }), (sens) => {
      const amounts = sens.map((s) => Money.of((s / 100n).toString() + '.' + (s % 100n).toString().padStart(2, '0')));
      const value = Money.sum(amounts);
      expect(() => requireFundingSumsToValue(value, amounts.map((a, i) => ({ budgetLineId: `l${i}`, amount: a.toString() })))).not.toThrow();
      expect(() => requireFundingSumsToValue(value.plus(Money.of('0.01')), amounts.map((a, i) => ({ budgetLineId: `l${i}`, amount: a.toString() })))).toThrow('FUNDING_NOT_VALUE');
      const months = [...amounts.map((a) => a.toString()), ...Array(12 - amounts.length).fill('0')];
      expect(financialPlanErrors(months, value)).toEqual([]);
    }));
  });
});
