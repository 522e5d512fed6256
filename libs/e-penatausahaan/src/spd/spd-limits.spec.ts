import fc from 'fast-check';
import { Money } from '@grms/core';
import { checkAvailability, checkSpdLimit } from './spd-limits';

const m = (s: string) => Money.of(s);

describe('SPD limit: cash plan to date minus earlier SPDs', () => {
  it('accepts exactly the rest of the plan to date', () => {
    expect(checkSpdLimit({ budgetLineId: 'L', requested: m('300000.00'), planCumulative: m('500000.00'), earlierSpds: m('200000.00') })).toBeNull();
  });
  it('refuses one sen more, with the arithmetic', () => {
    const r = checkSpdLimit({ budgetLineId: 'L', requested: m('300000.01'), planCumulative: m('500000.00'), earlierSpds: m('200000.00') });
    expect(r?.detail).toBe('budget line L: requested 300000.01 > cash plan to date 500000.00 - earlier SPDs 200000.00 = 300000.00');
  });
  it('refuses a line without a cash plan', () => {
    expect(checkSpdLimit({ budgetLineId: 'L', requested: m('1'), planCumulative: null, earlierSpds: Money.ZERO })?.detail).toMatch(/no cash plan/);
  });
  it('never lets the SPDs of a line sum above its plan (property)', () => {
    const amt = fc.integer({ min: 1, max: 10_000_000 }).map((n) => Money.of((n / 100).toFixed(2)));
    fc.assert(fc.property(amt, fc.array(amt, { maxLength: 20 }), (plan, requests) => {
      let given = Money.ZERO;
      for (const r of requests) {
        if (!checkSpdLimit({ budgetLineId: 'L', requested: r, planCumulative: plan, earlierSpds: given })) given = given.plus(r);
      }
      expect(given.lte(plan)).toBe(true);
    }));
  });
});

describe('availability: allotted - disbursed - in process', () => {
  it('counts payments in process against the allotment', () => {
    expect(checkAvailability({ budgetLineId: 'L', requested: m('50000'), allotted: m('1000000'), disbursed: m('100000'), inProcess: m('850000') })).toBeNull();
    expect(checkAvailability({ budgetLineId: 'L', requested: m('50000'), allotted: m('1000000'), disbursed: m('100000'), inProcess: m('850000.01') }))
      .toBe('budget line L: requested 50000.00 > allotted 1000000.00 - disbursed 100000.00 - in process 850000.01 = 49999.99');
  });
});
