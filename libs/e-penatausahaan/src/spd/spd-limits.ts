import { Money } from '@grms/core';

export interface SpdLimitInput {
  budgetLineId: string;
  requested: Money;
  /** the cash plan cumulated from January to the SPD's month; null: no (valid) cash plan */
  planCumulative: Money | null;
  /** what earlier SPDs (any status except none) already gave the line */
  earlierSpds: Money;
  /** how a user knows the line (sub kegiatan / account / funding source), said after the arithmetic */
  label?: string;
}

export interface SpdLimitRefusal {
  budgetLineId: string;
  detail: string;
}

// Per line: requested <= cash plan up to the month - earlier SPDs.
export function checkSpdLimit(x: SpdLimitInput): SpdLimitRefusal | null {
  if (x.planCumulative === null) {
    return { budgetLineId: x.budgetLineId, detail: `budget line ${x.budgetLineId} has no cash plan matching its appropriation` };
  }
  const available = x.planCumulative.minus(x.earlierSpds);
  if (x.requested.gt(available)) {
    return {
      budgetLineId: x.budgetLineId,
      detail: `budget line ${x.budgetLineId}: requested ${x.requested} > cash plan to date ${x.planCumulative} - earlier SPDs ${x.earlierSpds} = ${available}${x.label ? ` (${x.label})` : ''}`,
    };
  }
  return null;
}

export interface AvailabilityInput {
  budgetLineId: string;
  requested: Money;
  allotted: Money;
  disbursed: Money;
  inProcess: Money;
  /** how a user knows the line (sub kegiatan / account / funding source), said after the arithmetic */
  label?: string;
}

// Per line: requested <= allotted - disbursed - payments in process.
export function checkAvailability(x: AvailabilityInput): string | null {
  const available = x.allotted.minus(x.disbursed).minus(x.inProcess);
  if (x.requested.gt(available)) {
    return `budget line ${x.budgetLineId}: requested ${x.requested} > allotted ${x.allotted} - disbursed ${x.disbursed} - in process ${x.inProcess} = ${available}${x.label ? ` (${x.label})` : ''}`;
  }
  return null;
}
