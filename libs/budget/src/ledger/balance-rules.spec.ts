import fc from 'fast-check';
import { Money } from '@grms/core';
import { apply, Balance, checkInvariants, kindFitsAccount } from './balance-rules';
import { LedgerKind } from './ledger.types';

const zero: Balance = { appropriated: Money.ZERO, allotted: Money.ZERO, committed: Money.ZERO, disbursed: Money.ZERO, estimated: Money.ZERO, realized: Money.ZERO };

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

  it('a financing expenditure (6.2) never realises more than its estimate; revenue may exceed its target', () => {
    let b = apply(zero, LedgerKind.ESTIMATE, Money.of('500'));
    b = apply(b, LedgerKind.REALIZATION, Money.of('500.01'));
    expect(() => checkInvariants('F', b, '6.2.02.01.01.0001')).toThrow('EXCEEDS_ESTIMATE: budget line F (financing expenditure 6.2.02.01.01.0001): realised would become 500.01 but only 500.00 is budgeted (short by 0.01)');
    expect(() => checkInvariants('R', b, '4.1.02.02.01.004')).not.toThrow();
  });

  it('expenditure kinds fit 5.* lines only, ESTIMATE and REALIZATION 4.* and 6.* lines only', () => {
    for (const k of Object.values(LedgerKind)) {
      const revenueKind = k === LedgerKind.ESTIMATE || k === LedgerKind.REALIZATION;
      expect(kindFitsAccount(k, '5.1.02.01.01.0024')).toBe(!revenueKind);
      expect(kindFitsAccount(k, '4.1.02.02.01.004')).toBe(revenueKind);
      expect(kindFitsAccount(k, '6.1.01.05.01.007')).toBe(revenueKind);
    }
  });

  it('any accepted sequence on a financing expenditure keeps 0 <= realized <= estimated (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom(LedgerKind.ESTIMATE, LedgerKind.REALIZATION), fc.integer({ min: -100000, max: 100000 }).filter((n) => n !== 0)), { maxLength: 60 }),
      (ops) => {
        let b = zero;
        for (const [kind, sen] of ops) {
          const next = apply(b, kind, Money.of((sen / 100).toFixed(2)));
          try { checkInvariants('P', next, '6.2.01.01.01.0001'); b = next; } catch { /* refused */ }
          expect(b.realized.gte(Money.ZERO) && b.realized.lte(b.estimated)).toBe(true);
        }
      },
    ));
  });
});
