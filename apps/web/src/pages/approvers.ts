// Who decides (approves or rejects) a submitted budget document, as the API's
// workflow does (libs/e-budgeting documents/shift-class.ts): a PERGESERAN
// within one objek the regional finance head (PPKD), between objek of one
// jenis the regional secretary (Sekda); anything else the budget team.

export type ShiftClass = 'WITHIN_OBJEK' | 'BETWEEN_OBJEK';

export const SHIFT_APPROVER: Record<ShiftClass, string> = {
  WITHIN_OBJEK: 'REGIONAL_FINANCE_HEAD',
  BETWEEN_OBJEK: 'REGIONAL_SECRETARY',
};

/** The role that approves or rejects a document of this shift class (none: the budget verifier). */
export const approverOf = (shiftClass: string | null | undefined): string => SHIFT_APPROVER[shiftClass as ShiftClass] ?? 'BUDGET_VERIFIER';

/** Whether a user of these roles may approve or reject the document now. */
export const mayDecide = (roles: readonly string[], doc: { status: string; shiftClass?: string | null }): boolean =>
  doc.status === 'SUBMITTED' && roles.includes(approverOf(doc.shiftClass));

/** The shift class a role approves, or null for a role that approves no shift. */
export const shiftClassOf = (roles: readonly string[]): ShiftClass | null =>
  (Object.keys(SHIFT_APPROVER) as ShiftClass[]).find((c) => roles.includes(SHIFT_APPROVER[c])) ?? null;
