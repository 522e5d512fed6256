import fc from 'fast-check';
import { Money } from '@grms/core';
import { latePenalty, payableOf, terminSchedule } from './termin-schedule';

const sen = (n: bigint) => Money.of(`${n / 100n}.${(n % 100n).toString().padStart(2, '0')}`);

describe('termin schedule', () => {
  it('advance 20%, termins 30/30/40 with 5% retention: the payables sum to the value to the sen', () => {
    const s = terminSchedule(Money.of('1000000.01'), Money.of('200000.00'), '5', [
      { percent: '30', progressThreshold: '30' }, { percent: '30', progressThreshold: '60' }, { percent: '40', progressThreshold: '100' }]);
    expect(s.map((t) => t.kind)).toEqual(['ADVANCE', 'PROGRESS', 'PROGRESS', 'PROGRESS', 'RETENTION']);
    expect(s[1]).toMatchObject({ amount: Money.of('300000.00'), advanceRecovery: Money.of('60000.00'), retentionHeld: Money.of('15000.00') });
    expect(s[3].amount.toString()).toBe('400000.01');
    expect(Money.sum(s.map((t) => payableOf(t))).toString()).toBe('1000000.01');
    expect(Money.sum(s.slice(1, 4).map((t) => t.advanceRecovery)).toString()).toBe('200000.00');
  });

  it('refuses percentages that do not sum to 100', () => {
    expect(() => terminSchedule(Money.of('100'), Money.ZERO, '5', [{ percent: '50', progressThreshold: '50' }, { percent: '49', progressThreshold: '100' }])).toThrow('TERMINS_NOT_VALUE');
  });

  it('property: for any value, advance, retention and split, payables sum to the value and recoveries to the advance', () => {
    // From Rp10,000: below that a split into eight termins can leave a termin of a few sen, smaller than
    // the advance it must recover, which the schedule rightly refuses (TERMIN_BELOW_DEDUCTIONS).
    fc.assert(fc.property(
      fc.bigInt({ min: 1_000_000n, max: 10n ** 15n }), fc.integer({ min: 0, max: 30 }), fc.constantFrom('0', '5'),
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }),
      (valueSen, advancePct, retention, weights) => {
        const value = sen(valueSen);
        const advance = value.times(advancePct / 100);
        const total = weights.reduce((a, b) => a + b, 0);
        const amounts = weights.map((w) => value.times(w / total));
        amounts[amounts.length - 1] = value.minus(Money.sum(amounts.slice(0, -1)));
        const s = terminSchedule(value, advance, retention, amounts.map((a, i) => ({ amount: a.toString(), progressThreshold: String(Math.round(((i + 1) * 100) / amounts.length)) })));
        expect(Money.sum(s.map((t) => payableOf(t))).eq(value)).toBe(true);
        expect(Money.sum(s.map((t) => t.advanceRecovery)).eq(advance)).toBe(true);
      }));
  });

  it('late penalty is days x 1 per mille x the late part, capped', () => {
    expect(latePenalty(Money.of('400000000'), 10, '1', Money.of('1000000000')).toString()).toBe('4000000.00');
    expect(latePenalty(Money.of('400000000'), 0, '1', Money.of('1')).toString()).toBe('0.00');
    expect(latePenalty(Money.of('1000'), 5000, '1', Money.of('900')).toString()).toBe('900.00');
  });
});
