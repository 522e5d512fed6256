import Decimal from 'decimal.js';

// The performance arithmetic of e-monev, in one place (docs/decisions/0601):
// realisation to a quarter by the indicator's aggregation, achievement
// against the cumulative target to that quarter, and the band.
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
export type Aggregation = 'SUM' | 'LAST' | 'AVERAGE';
/** MIRROR: (2T - R) / T x 100; RATIO: T / R x 100. */
export type LowerIsBetterFormula = 'MIRROR' | 'RATIO';
export type Band = 'SANGAT_TINGGI' | 'TINGGI' | 'SEDANG' | 'RENDAH' | 'SANGAT_RENDAH';
export const BANDS: Band[] = ['SANGAT_TINGGI', 'TINGGI', 'SEDANG', 'RENDAH', 'SANGAT_RENDAH'];

/** Lower bounds (inclusive) of the four upper bands; below the last: SANGAT_RENDAH. */
export interface BandBounds { veryHigh: string; high: string; medium: string; low: string }

/** Quantities keep four decimals; percentages two. */
export const quantity = (d: Decimal.Value): string => new D(d).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
const percent = (d: Decimal): string => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

/**
 * The realisation to quarter q from the per-quarter values (index 0 = TW I;
 * null where a quarter has no counted value): SUM adds them, LAST takes the
 * latest, AVERAGE the mean of those given. null when none is given.
 */
export function realizationTo(values: (string | null)[], q: number, aggregation: Aggregation): string | null {
  const given = values.slice(0, q).map((v, i) => ({ v, i })).filter((x): x is { v: string; i: number } => x.v !== null);
  if (!given.length) return null;
  switch (aggregation) {
    case 'SUM': return quantity(given.reduce((a, x) => a.plus(x.v), new D(0)));
    case 'LAST': return quantity(given[given.length - 1].v);
    case 'AVERAGE': return quantity(given.reduce((a, x) => a.plus(x.v), new D(0)).dividedBy(given.length));
  }
}

/**
 * Achievement in percent, two decimals: R / T x 100, or for lower-is-better
 * (2T - R) / T x 100 (MIRROR, not below 0) or T / R x 100 (RATIO). null when
 * there is no realisation or the formula would divide by zero.
 */
export function achievement(realization: string | null, target: string, direction: Direction, lower: LowerIsBetterFormula = 'MIRROR'): string | null {
  if (realization === null) return null;
  const r = new D(realization);
  const t = new D(target);
  if (direction === 'HIGHER_IS_BETTER') return t.isZero() ? null : percent(r.times(100).dividedBy(t));
  if (lower === 'RATIO') return r.isZero() ? null : percent(t.times(100).dividedBy(r));
  if (t.isZero()) return null;
  return percent(D.max(0, t.times(2).minus(r).times(100).dividedBy(t)));
}

export function bandOf(value: string | null, bounds: BandBounds): Band | null {
  if (value === null) return null;
  const v = new D(value);
  if (v.gte(bounds.veryHigh)) return 'SANGAT_TINGGI';
  if (v.gte(bounds.high)) return 'TINGGI';
  if (v.gte(bounds.medium)) return 'SEDANG';
  if (v.gte(bounds.low)) return 'RENDAH';
  return 'SANGAT_RENDAH';
}

/** Mean of the given percentages, two decimals; null when none. */
export function averageOf(values: (string | null)[]): string | null {
  const mean = new RunningAverage();
  values.forEach((v) => mean.add(v));
  return mean.value;
}

/** The mean of averageOf taken one value at a time (a streamed report): the same figure in constant memory. */
export class RunningAverage {
  private sum = new D(0);
  private n = 0;
  add(v: string | null): void {
    if (v === null) return;
    this.sum = this.sum.plus(v);
    this.n++;
  }
  get value(): string | null {
    return this.n ? percent(this.sum.dividedBy(this.n)) : null;
  }
}

/** The default cumulative targets: SUM spreads the annual target evenly (the rest in TW IV); LAST and AVERAGE hold it every quarter. */
export function defaultQuarterlyTargets(target: string, aggregation: Aggregation): string[] {
  if (aggregation !== 'SUM') return [0, 1, 2, 3].map(() => quantity(target));
  const t = new D(target);
  return [1, 2, 3].map((q) => quantity(t.times(q).dividedBy(4))).concat(quantity(t));
}

export function isPercentUnit(unit: string): boolean {
  return ['%', 'persen', 'persentase', 'percent'].includes(unit.trim().toLowerCase());
}
