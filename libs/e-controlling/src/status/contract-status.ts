import { fromHundredths, hundredths } from './s-curve';

export const CONTROL_STATUSES = ['ON_TRACK', 'LATE', 'CRITICAL'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** The figures of the kontrak kritis rule (decision 0500), per fiscal year. */
export interface CriticalRule {
  /** planned % up to which the first period's tolerance applies (default 70) */
  periodOneUpTo: string;
  /** points behind tolerated in the first period (default 10) */
  periodOneBehind: string;
  /** points behind tolerated in the second period (default 5) */
  periodTwoBehind: string;
}

export interface StatusInput {
  packageType: string;
  planned: string;
  actual: string;
  /** projected completion (YYYY-MM-DD), 'NEVER', or null when finished */
  projected: string | 'NEVER' | null;
  fiscalYearEnd: string;
}

export interface StatusVerdict {
  status: ControlStatus;
  /** why, in words an auditor reads; null when on track */
  reason: string | null;
}

/**
 * ON_TRACK, LATE or CRITICAL. Behind = actual below plan. Only construction
 * can be CRITICAL: planned below periodOneUpTo and more than periodOneBehind
 * points behind; planned from periodOneUpTo and more than periodTwoBehind
 * behind; or planned from periodOneUpTo, behind, and not finishing (at the
 * last window's rate) by the end of the fiscal year.
 */
export function contractStatus(i: StatusInput, rule: CriticalRule): StatusVerdict {
  // whole hundredths of a point: exact for these two-decimal percentages, and cheap for a province's packages
  const planned = hundredths(i.planned);
  const behind = planned - hundredths(i.actual);
  if (behind <= 0) return { status: 'ON_TRACK', reason: null };
  const late = `${fromHundredths(behind)} points behind plan (planned ${i.planned}%, actual ${i.actual}%)`;
  if (i.packageType !== 'CONSTRUCTION') return { status: 'LATE', reason: late };
  const secondPeriod = planned >= hundredths(rule.periodOneUpTo);
  if (!secondPeriod && behind > hundredths(rule.periodOneBehind)) {
    return { status: 'CRITICAL', reason: `${late}: more than ${rule.periodOneBehind} points behind with planned below ${rule.periodOneUpTo}%` };
  }
  if (secondPeriod && behind > hundredths(rule.periodTwoBehind)) {
    return { status: 'CRITICAL', reason: `${late}: more than ${rule.periodTwoBehind} points behind with planned ${rule.periodOneUpTo}% or more` };
  }
  if (secondPeriod && i.projected !== null && (i.projected === 'NEVER' || i.projected > i.fiscalYearEnd)) {
    const when = i.projected === 'NEVER' ? 'no progress in the projection window' : `projected completion ${i.projected}`;
    return { status: 'CRITICAL', reason: `${late}: ${when} is after the fiscal year ends (${i.fiscalYearEnd})` };
  }
  return { status: 'LATE', reason: late };
}
