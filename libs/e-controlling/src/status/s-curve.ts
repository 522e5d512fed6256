import Decimal from 'decimal.js';

// Plan arithmetic written once: the S-curve interpolated by day, percentages
// to two decimals rounded half up, and the projected completion date.

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Days of `month` (1-12) in `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a month as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** YYYY-MM-DD plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Planned cumulative % on `date` from a monthly S-curve (12 cumulative month-end
 * values of `year`): linear by day between the previous month's end (0 before
 * January) and this month's end; 0 before the year, the December value after it.
 */
export function plannedOn(curve: readonly string[] | null, year: number, date: string): string {
  if (!curve || curve.length !== 12) return '0.00';
  const y = Number(date.slice(0, 4));
  if (y < year) return '0.00';
  if (y > year) return new D(curve[11]).toFixed(2);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const from = month === 1 ? new D(0) : new D(curve[month - 2]);
  const to = new D(curve[month - 1]);
  return from.plus(to.minus(from).times(day).dividedBy(daysInMonth(year, month))).toFixed(2);
}

/** a - b, both percentages with two decimals. */
export function percentMinus(a: string, b: string): string {
  return new D(a).minus(b).toFixed(2);
}

/** part / whole x 100 to two decimals (half up); "0.00" when whole is zero. */
export function percent(part: Decimal.Value, whole: Decimal.Value): string {
  const w = new D(whole);
  return w.isZero() ? '0.00' : new D(part).times(100).dividedBy(w).toFixed(2);
}

/**
 * A percentage with at most two decimals ("12.5", "-3.25", "70") as whole
 * hundredths of a point (1250, -325, 7000): exact, and cheap to compare. The
 * figures of the status rule are all such percentages (progress and plans are
 * numeric(5,2), thresholds are validated to two decimals); anything else is
 * refused rather than rounded.
 */
export function hundredths(v: string): number {
  const m = /^(-?)(\d{1,9})(?:\.(\d{1,2}))?$/.exec(v);
  if (!m) throw new Error(`not a percentage with at most two decimals: ${v}`);
  const n = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -n : n;
}

/** Whole hundredths as a percentage with two decimals (1250 -> "12.50"). */
export function fromHundredths(n: number): string {
  const a = Math.abs(n);
  return `${n < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/**
 * When the work reaches 100% at the rate of the last `windowDays` days:
 * null when it is done already, 'NEVER' when it did not move in the window.
 * Days = ceil((100 - actual) / ((actual - start) / windowDays)), computed as
 * the exact quotient of whole hundredths (no rounded rate in between).
 */
export function projectedCompletion(actual: string, actualWindowStart: string, asOf: string, windowDays: number): string | 'NEVER' | null {
  const now = hundredths(actual);
  if (now >= 10_000) return null;
  const moved = now - hundredths(actualWindowStart);
  if (moved <= 0) return 'NEVER';
  // both sides are integers below 2^53, and a quotient that is not whole is at least 1/moved from the next integer
  return addDays(asOf, Math.ceil(((10_000 - now) * windowDays) / moved));
}
