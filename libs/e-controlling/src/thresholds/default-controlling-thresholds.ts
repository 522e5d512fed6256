// Controlling thresholds when a fiscal year has no row of its own in
// controlling_thresholds. Sources in decision 0500: the kontrak kritis periods
// of Permen PU 07/PRT/M/2011 (Buku PK 06A, Bab VII B6 angka 39.2); the warning
// figures are this system's defaults, set per year by ADMIN.
export interface ControllingThresholds {
  /** planned % up to which the first period's tolerance applies */
  periodOneUpTo: string;
  /** points behind tolerated in the first period (0 up to periodOneUpTo) */
  periodOneBehind: string;
  /** points behind tolerated in the second period (periodOneUpTo to 100) */
  periodTwoBehind: string;
  /** days of progress the completion projection is taken from */
  projectionDays: number;
  /** a package not contracted this many days after its planned procurement start is flagged */
  notTenderedDays: number;
  /** a signed contract without a progress report for this many days is flagged */
  progressSilenceDays: number;
  /** realisation more than this many points behind the cash plan is flagged */
  behindCashPlanPoints: string;
  /** allotment (SPD) unspent above this % of it is flagged */
  unspentAllotmentPercent: string;
  /** from this many days before year end, the remaining budget is weighed against the days left */
  yearEndDays: number;
  regulation: string;
}

export const DEFAULT_CONTROLLING_THRESHOLDS: ControllingThresholds = {
  periodOneUpTo: '70.00',
  periodOneBehind: '10.00',
  periodTwoBehind: '5.00',
  projectionDays: 28,
  notTenderedDays: 30,
  progressSilenceDays: 14,
  behindCashPlanPoints: '10.00',
  unspentAllotmentPercent: '50.00',
  yearEndDays: 60,
  regulation: 'Permen PU 07/PRT/M/2011, Buku PK 06A, Bab VII B6 angka 39.2 (kontrak kritis)',
};
