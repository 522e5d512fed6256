import fc from 'fast-check';
import { Money } from '@grms/core';
import { apply, Balance, checkInvariants } from './balance-rules';
import { LedgerKind } from './ledger.types';

const zero: Balance = { appropriated: Money.ZERO, allotted: Money.ZERO, committed: Money.ZERO, disbursed: Money.ZERO };

describe('ledger balance rules', () => {
  it('refuses disbursing more than is allotted, naming the arithmetic', () => {
    let b = apply(zero, LedgerKind.APPROPRIATION, Money.of('1000'));
    b = apply(b, LedgerKind.ALLOTMENT, Money.of('400'));
    b = apply(b, LedgerKind.DISBURSEMENT, Money.of('400.01'));
    expect(() => checkInvariants('L1', b)).toThrow(/INSUFFICIENT_ALLOTMENT: budget line L1: disbursed would become 400.01 but only 400.00 is allotted \(short by 0.01\)/);
  });

  it('refuses cutting an appropriation below what is allotted', () => {
    let b = apply(zero, LedgerKind.APPROPRIATION, Money.of('1000'));
    b = apply(b, LedgerKind.ALLOTMENT, Money.of('600'));
    b = apply(b, LedgerKind.APPROPRIATION, Money.of('-500'));
    expect(() => checkInvariants('L', b)).toThrow(/INSUFFICIENT_APPROPRIATION/);
  });

  it('refuses one more sen of commitment when committed + disbursed = appropriated, with the arithmetic', () => {
    let b = apply(zero, LedgerKind.APPROPRIATION, Money.of('1000'));
    b = apply(b, LedgerKind.ALLOTMENT, Money.of('400'));
    b = apply(b, LedgerKind.DISBURSEMENT, Money.of('400'));
    b = apply(b, LedgerKind.COMMITMENT, Money.of('600'));
    expect(() => checkInvariants('L', b)).not.toThrow();
    b = apply(b, LedgerKind.COMMITMENT, Money.of('0.01'));
    expect(() => checkInvariants('L', b)).toThrow('INSUFFICIENT_APPROPRIATION: budget line L: committed 600.01 + disbursed 400.00 would become 1000.01 but only 1000.00 is appropriated (short by 0.01)');
  });

  it('any accepted sequence keeps every invariant (property)', () => {
    const kinds = Object.values(LedgerKind);
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: -100000, max: 100000 }).filter((n) => n !== 0)), { maxLength: 60 }),
      (ops) => {
        let b = zero;
        for (const [kind, sen] of ops) {
          const next = apply(b, kind, Money.of((sen / 100).toFixed(2)));
          try { checkInvariants('P', next); b = next; } catch { /* refused: balance unchanged */ }
          expect(b.disbursed.gte(Money.ZERO) && b.disbursed.lte(b.allotted) && b.allotted.lte(b.appropriated)).toBe(true);
          expect(b.committed.gte(Money.ZERO) && b.committed.lte(b.appropriated)).toBe(true);
          expect(b.committed.plus(b.disbursed).lte(b.appropriated)).toBe(true);
        }
      },
    ));
  });
});
