// The steps a payment document records about itself (decision 0715), for
// its history in the web app: pure, so that it is unit-tested.

export const DOC_KINDS = ['spd', 'spp', 'spm', 'sp2d', 'spj'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export type Doc = Record<string, unknown> & { id: string; number: string; status: string };
export type StepKey = 'histCreated' | 'histSubmitted' | 'histVerified' | 'histRejected' | 'histApproved' | 'histIssued' | 'histPaid' | 'histCancelled' | 'histWithdrawn' | 'histRevised';
export interface Step { what: StepKey; who: string | null; when: string | null; note?: string | null }

export const s = (d: Doc, k: string): string | null => (typeof d[k] === 'string' ? (d[k] as string) : null);

/** The steps a document records about itself, in order; the ones not taken yet are left out. */
export function documentSteps(kind: DocKind, d: Doc): Step[] {
  const steps: Step[] = [];
  const add = (what: StepKey, who: string | null, when: string | null, note?: string | null, taken = !!(who || when)) => { if (taken) steps.push({ what, who, when, note }); };
  if (kind === 'sp2d') {
    add('histIssued', [s(d, 'issuedByName'), s(d, 'issuedBy') && `(${s(d, 'issuedBy')})`].filter(Boolean).join(' ') || null, s(d, 'issuedOn'));
    add('histCancelled', s(d, 'cancelledBy'), s(d, 'cancelledAt'), s(d, 'cancelReason'));
    return steps;
  }
  add('histCreated', s(d, 'createdBy'), s(d, 'createdAt'));
  if (kind === 'spp') {
    add('histSubmitted', null, s(d, 'submittedAt'));
    add(d.status === 'REJECTED' ? 'histRejected' : 'histVerified', s(d, 'verifiedBy'), null, s(d, 'rejectReason'), !!s(d, 'verifiedBy') || d.status === 'REJECTED');
    if (['VERIFIED', 'PAID'].includes(d.status) && !s(d, 'verifiedBy')) add('histVerified', null, null, null, true);
    if (d.status === 'PAID') add('histPaid', null, null, null, true);
    if (d.status === 'CANCELLED') add('histCancelled', null, null, null, true);
  } else {
    const approved = d.status === 'REJECTED' ? 'histRejected' : 'histApproved';
    add(approved, s(d, 'approvedBy'), s(d, 'approvedAt'), s(d, 'rejectReason'), !!(s(d, 'approvedBy') || s(d, 'approvedAt')) || d.status === 'REJECTED');
    add('histWithdrawn', null, null, s(d, 'withdrawReason'), d.status === 'WITHDRAWN');
    add('histCancelled', null, null, s(d, 'cancelReason'), d.status === 'CANCELLED');
    if (typeof d.revisions === 'number' && d.revisions > 0) add('histRevised', null, null, `${d.revisions}×`, true);
  }
  return steps;
}
