import { Money } from '@grms/core';

export enum LedgerKind {
  APPROPRIATION = 'APPROPRIATION',
  ALLOTMENT = 'ALLOTMENT',
  COMMITMENT = 'COMMITMENT',
  DISBURSEMENT = 'DISBURSEMENT',
  // revenue (4.*) and financing (6.*) lines only: the budgeted amount and what is realised
  ESTIMATE = 'ESTIMATE',
  REALIZATION = 'REALIZATION',
}

/** The kinds of expenditure (5.*) lines; ESTIMATE and REALIZATION belong to revenue and financing lines. */
export const EXPENDITURE_KINDS: readonly LedgerKind[] = [LedgerKind.APPROPRIATION, LedgerKind.ALLOTMENT, LedgerKind.COMMITMENT, LedgerKind.DISBURSEMENT];

export interface Posting {
  budgetLineId: string;
  kind: LedgerKind;
  /** signed: positive raises the balance, negative lowers it */
  amount: Money;
  /** the document that causes the movement, e.g. 'BudgetDocument', 'Sp2d' */
  sourceType: string;
  sourceId: string;
  description?: string;
  /** set on a reversal: the entry it cancels (amount must be its exact negation) */
  reversesEntryId?: string;
  /**
   * The document's legal date (YYYY-MM-DD): SP2D date, SPJ date, SPD date, DPA
   * approval date. Defaults to today. Its month must be open.
   */
  valueDate?: string;
}

export interface LineBalance {
  id: string;
  appropriated: string;
  allotted: string;
  committed: string;
  disbursed: string;
  estimated: string;
  realized: string;
  accountCode: string;
}

export interface PostedEntry {
  id: string;
  budgetLineId: string;
  kind: LedgerKind;
  amount: string;
  sourceType: string;
  sourceId: string;
  reversesEntryId: string | null;
  valueDate: string;
}
