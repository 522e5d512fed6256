import { DomainError, Money } from '@grms/core';
import { EXPENDITURE_KINDS, LedgerKind } from './ledger.types';

export interface Balance {
  appropriated: Money;
  allotted: Money;
  committed: Money;
  disbursed: Money;
  estimated: Money;
  realized: Money;
}

const FIELD: Record<LedgerKind, keyof Balance> = {
  [LedgerKind.APPROPRIATION]: 'appropriated',
  [LedgerKind.ALLOTMENT]: 'allotted',
  [LedgerKind.COMMITMENT]: 'committed',
  [LedgerKind.DISBURSEMENT]: 'disbursed',
  [LedgerKind.ESTIMATE]: 'estimated',
  [LedgerKind.REALIZATION]: 'realized',
};

export function fieldOf(kind: LedgerKind): keyof Balance {
  return FIELD[kind];
}

/** Whether a kind may post on a line of this account: the expenditure kinds on 5.*, ESTIMATE and REALIZATION on 4.* and 6.*. */
export function kindFitsAccount(kind: LedgerKind, accountCode: string): boolean {
  return accountCode.startsWith('5.') === EXPENDITURE_KINDS.includes(kind);
}

export function apply(b: Balance, kind: LedgerKind, amount: Money): Balance {
  const f = FIELD[kind];
  return { ...b, [f]: b[f].plus(amount) };
}

// The ledger invariants, with the arithmetic in the refusal:
//   0 <= disbursed <= allotted <= appropriated,  0 <= committed <= appropriated,
//   committed + disbursed <= appropriated
export function checkInvariants(lineId: string, b: Balance, accountCode = ''): void {
  const line = `budget line ${lineId}`;
  const fields = ['appropriated', 'allotted', 'committed', 'disbursed', 'estimated', 'realized'] as const;
  if (fields.some((k) => b[k].isNegative())) {
    const f = fields.find((k) => b[k].isNegative())!;
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
  // a financing expenditure (6.2) spends: never more than its estimate
  if (accountCode.startsWith('6.2.') && b.realized.gt(b.estimated)) {
    throw DomainError.rule('EXCEEDS_ESTIMATE', `${line} (financing expenditure ${accountCode}): realised would become ${b.realized} but only ${b.estimated} is budgeted (short by ${b.realized.minus(b.estimated)})`);
  }
  const used = b.committed.plus(b.disbursed);
  if (used.gt(b.appropriated)) {
    throw DomainError.rule('INSUFFICIENT_APPROPRIATION', `${line}: committed ${b.committed} + disbursed ${b.disbursed} would become ${used} but only ${b.appropriated} is appropriated (short by ${used.minus(b.appropriated)})`);
  }
}
