import { DomainError, Money } from '@grms/core';
import { LedgerKind } from './ledger.types';

export interface Balance {
  appropriated: Money;
  allotted: Money;
  committed: Money;
  disbursed: Money;
}

const FIELD: Record<LedgerKind, keyof Balance> = {
  [LedgerKind.APPROPRIATION]: 'appropriated',
  [LedgerKind.ALLOTMENT]: 'allotted',
  [LedgerKind.COMMITMENT]: 'committed',
  [LedgerKind.DISBURSEMENT]: 'disbursed',
};

export function fieldOf(kind: LedgerKind): keyof Balance {
  return FIELD[kind];
}

export function apply(b: Balance, kind: LedgerKind, amount: Money): Balance {
  const f = FIELD[kind];
  return { ...b, [f]: b[f].plus(amount) };
}

// The ledger invariants, with the arithmetic in the refusal:
//   0 <= disbursed <= allotted <= appropriated,  0 <= committed <= appropriated,
//   committed + disbursed <= appropriated
export function checkInvariants(lineId: string, b: Balance): void {
  const line = `budget line ${lineId}`;
  if (b.disbursed.isNegative() || b.committed.isNegative() || b.allotted.isNegative() || b.appropriated.isNegative()) {
    const f = (['appropriated', 'allotted', 'committed', 'disbursed'] as const).find((k) => b[k].isNegative())!;
    throw DomainError.rule('NEGATIVE_BALANCE', `${line}: ${f} would become ${b[f]}, below zero`);
  }
  if (b.disbursed.gt(b.allotted)) {
    throw DomainError.rule('INSUFFICIENT_ALLOTMENT', `${line}: disbursed would become ${b.disbursed} but only ${b.allotted} is allotted (short by ${b.disbursed.minus(b.allotted)})`);
  }
  if (b.allotted.gt(b.appropriated)) {
    throw DomainError.rule('INSUFFICIENT_APPROPRIATION', `${line}: allotted would become ${b.allotted} but only ${b.appropriated} is appropriated (short by ${b.allotted.minus(b.appropriated)})`);
  }
  if (b.committed.gt(b.appropriated)) {
    throw DomainError.rule('INSUFFICIENT_APPROPRIATION', `${line}: committed would become ${b.committed} but only ${b.appropriated} is appropriated (short by ${b.committed.minus(b.appropriated)})`);
  }
  const used = b.committed.plus(b.disbursed);
  if (used.gt(b.appropriated)) {
    throw DomainError.rule('INSUFFICIENT_APPROPRIATION', `${line}: committed ${b.committed} + disbursed ${b.disbursed} would become ${used} but only ${b.appropriated} is appropriated (short by ${used.minus(b.appropriated)})`);
  }
}
