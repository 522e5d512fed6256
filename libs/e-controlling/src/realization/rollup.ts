import Decimal from 'decimal.js';
import { percent } from '../status/s-curve';
import { LineFigures } from './line-figures.query';

/** A package's weight on a line: the funding amount and its planned and actual physical %. */
export interface PackageShare {
  budgetLineId: string;
  amount: string;
  plannedPhysical: string;
  actualPhysical: string;
}

/** Sums of a group of lines; every amount exact, every % derived from the sums. */
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

  add(l: LineFigures, shares: PackageShare[]): void {
    const appropriated = new Decimal(l.appropriated);
    this.appropriated = this.appropriated.plus(appropriated);
    this.allotted = this.allotted.plus(l.allotted);
    this.committed = this.committed.plus(l.committed);
    this.disbursed = this.disbursed.plus(l.disbursed);
    this.planned = this.planned.plus(l.planned);
    const packaged = shares.reduce((s, p) => s.plus(p.amount), new Decimal(0));
    const routine = Decimal.max(appropriated.minus(packaged), 0);
    this.weightBase = this.weightBase.plus(packaged).plus(routine);
    for (const p of shares) {
      this.physicalPlannedWeighted = this.physicalPlannedWeighted.plus(new Decimal(p.amount).times(p.plannedPhysical).dividedBy(100));
      this.physicalActualWeighted = this.physicalActualWeighted.plus(new Decimal(p.amount).times(p.actualPhysical).dividedBy(100));
    }
    if (!appropriated.isZero() && !routine.isZero()) {
      this.physicalPlannedWeighted = this.physicalPlannedWeighted.plus(routine.times(Decimal.min(new Decimal(l.planned), appropriated)).dividedBy(appropriated));
      this.physicalActualWeighted = this.physicalActualWeighted.plus(routine.times(l.disbursed).dividedBy(appropriated));
    }
  }

  /** Adds another group's sums (a parent's totals are its children's). */
  merge(o: Totals): this {
    for (const k of ['appropriated', 'allotted', 'committed', 'disbursed', 'planned', 'weightBase', 'physicalPlannedWeighted', 'physicalActualWeighted'] as const) this[k] = this[k].plus(o[k]);
    return this;
  }

  absorptionPercent(): string { return percent(this.disbursed, this.appropriated); }
  plannedPercent(): string { return percent(this.planned, this.appropriated); }
  physicalPlannedPercent(): string { return percent(this.physicalPlannedWeighted, this.weightBase); }
  physicalActualPercent(): string { return percent(this.physicalActualWeighted, this.weightBase); }
  remaining(): string { return this.appropriated.minus(this.disbursed).toFixed(2); }
}

/** Groups lines by `key` (in first-seen order) and sums each group. */
export function rollUp<K extends string>(lines: LineFigures[], shares: Map<string, PackageShare[]>, key: (l: LineFigures) => K): Map<K, { first: LineFigures; totals: Totals }> {
  const groups = new Map<K, { first: LineFigures; totals: Totals }>();
  for (const l of lines) {
    const k = key(l);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { first: l, totals: new Totals() }));
    g.totals.add(l, shares.get(l.id) ?? []);
  }
  return groups;
}
