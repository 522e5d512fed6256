import Decimal from 'decimal.js';
import { percent } from '../status/s-curve';
import { LineFigures, LineTotals } from './line-figures.query';

/** Sums of a group of lines (summed in the database, lineTotalsSql); every amount exact, every % derived from the sums. */
export class Totals {
  appropriated = new Decimal(0);
  allotted = new Decimal(0);
  committed = new Decimal(0);
  disbursed = new Decimal(0);
  planned = new Decimal(0);
  /** Rp-weighted physical progress: packages by value x progress, routine spending by its financial figures */
  weightBase = new Decimal(0);
  physicalPlannedWeighted = new Decimal(0);
  physicalActualWeighted = new Decimal(0);

  /** The totals the database summed (lineTotalsSql). */
  static of(s: LineTotals): Totals {
    const t = new Totals();
    for (const k of ['appropriated', 'allotted', 'committed', 'disbursed', 'planned', 'weightBase', 'physicalPlannedWeighted', 'physicalActualWeighted'] as const) t[k] = new Decimal(s[k]);
    return t;
  }

  /** The money sums of a line's OPD and sub kegiatan (lineFigures), the weights left 0. */
  static ofSubActivity(l: LineFigures): Totals {
    const t = new Totals();
    t.appropriated = new Decimal(l.subAppropriated);
    t.disbursed = new Decimal(l.subDisbursed);
    t.planned = new Decimal(l.subPlanned);
    return t;
  }

  absorptionPercent(): string { return percent(this.disbursed, this.appropriated); }
  plannedPercent(): string { return percent(this.planned, this.appropriated); }
  physicalPlannedPercent(): string { return percent(this.physicalPlannedWeighted, this.weightBase); }
  physicalActualPercent(): string { return percent(this.physicalActualWeighted, this.weightBase); }
  remaining(): string { return this.appropriated.minus(this.disbursed).toFixed(2); }
}
