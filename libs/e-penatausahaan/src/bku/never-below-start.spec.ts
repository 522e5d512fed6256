import fc from 'fast-check';
import { Money } from '@grms/core';
import { SubLedger } from './dto/bku.dto';
import { neverBelowStart } from './bku.service';

const LEDGERS: SubLedger[] = ['CASH', 'BANK', 'TAX'];
const sen = fc.bigInt({ min: -10_000_000n, max: 10_000_000n });
const money = (x: bigint) => Money.of(`${x < 0n ? '-' : ''}${(x < 0n ? -x : x) / 100n}.${String((x < 0n ? -x : x) % 100n).padStart(2, '0')}`);
const postings = fc.array(fc.record({ subLedger: fc.constantFrom(...LEDGERS), amount: sen }), { maxLength: 8 })
  .map((ps) => ps.map((p) => ({ subLedger: p.subLedger, amount: money(p.amount) })));

/** The lowest each sub-ledger reaches from `start`, posting in order. */
function lowest(ps: { subLedger: SubLedger; amount: Money }[], start: Money): Money {
  const bal = new Map<SubLedger, Money>();
  let low = start;
  for (const p of ps) {
    const next = (bal.get(p.subLedger) ?? start).plus(p.amount);
    bal.set(p.subLedger, next);
    if (next.lt(low)) low = next;
  }
  return low;
}

// decision 0026: the cash book is not read before postings that cannot take it below zero
describe('postings that never take a sub-ledger below where it stands', () => {
  it('an LS SP2D with taxes withheld (received, paid out net, each tax in and out) never does', () => {
    const gross = Money.of('10000000.00');
    const w = Money.of('135135.00');
    expect(neverBelowStart([
      { subLedger: 'BANK', amount: gross }, { subLedger: 'BANK', amount: gross.minus(w).negate() }, { subLedger: 'BANK', amount: w.negate() },
      { subLedger: 'TAX', amount: w }, { subLedger: 'TAX', amount: w.negate() },
    ])).toBe(true);
    expect(neverBelowStart([{ subLedger: 'BANK', amount: gross.negate() }])).toBe(false);
    expect(neverBelowStart([{ subLedger: 'PANJAR', amount: gross, officer: 'Budi' }])).toBe(false);
  });

  it('when it says so, no balance >= 0 goes negative; when it does not, a balance of 0 would', () => {
    fc.assert(fc.property(postings, fc.bigInt({ min: 0n, max: 100_000_000n }), (ps, start) => {
      if (neverBelowStart(ps)) expect(lowest(ps, money(start)).isNegative()).toBe(false);
      else expect(lowest(ps, Money.ZERO).isNegative()).toBe(true);
    }), { numRuns: 500 });
  });
});
