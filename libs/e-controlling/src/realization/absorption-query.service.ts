import { Injectable } from '@nestjs/common';
import { TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ReportContext } from '../common/controlling-scope.service';
import { PlanActualService } from '../packages/plan-actual.service';
import { percentMinus } from '../status/s-curve';
import { ControllingThresholdsService } from '../thresholds/controlling-thresholds.service';
import { GroupBy, RealizationRow } from './dto/realization.dto';
import { LineFigures, lineFigures, packageFunding } from './line-figures.query';
import { PackageShare, rollUp, Totals } from './rollup';

const KEYS: Record<Exclude<GroupBy, 'package'>, { key: (l: LineFigures) => string; code: (l: LineFigures) => string; name: (l: LineFigures) => string }> = {
  province: { key: () => 'province', code: () => '', name: () => 'Provinsi' },
  organization: { key: (l) => l.organizationId, code: (l) => l.organizationCode, name: (l) => l.organizationName },
  program: { key: (l) => l.programCode, code: (l) => l.programCode, name: (l) => l.programName },
  kegiatan: { key: (l) => l.activityCode, code: (l) => l.activityCode, name: (l) => l.activityName },
  subActivity: { key: (l) => l.subActivityCode, code: (l) => l.subActivityCode, name: (l) => l.subActivityName },
  account: { key: (l) => l.accountCode, code: (l) => l.accountCode, name: (l) => l.accountName },
};

/**
 * Financial absorption (serapan) and weighted physical progress as of a date,
 * per package, sub kegiatan, kegiatan, program, OPD or the province: the
 * public query of e-controlling (e-monev reads absorption through it).
 */
@Injectable()
export class AbsorptionQueryService {
  constructor(private readonly tx: TransactionService, private readonly plans: PlanActualService, private readonly thresholds: ControllingThresholdsService) {}

  /** Absorption of `organizationIds` (all when null) as of `asOf`, grouped. No access check: the caller decides the scope. */
  absorption(q: { fiscalYear: number; asOf: string; groupBy: GroupBy; organizationIds: string[] | null }): Promise<RealizationRow[]> {
    return this.tx.run(async (m) => {
      const ctx: ReportContext = { asOf: q.asOf, today: q.asOf, orgs: q.organizationIds, programCode: null, thresholds: await this.thresholds.of(m, q.fiscalYear) };
      return this.rows(m, q.fiscalYear, ctx, q.groupBy);
    });
  }

  async rows(m: EntityManager, fiscalYear: number, ctx: ReportContext, groupBy: GroupBy): Promise<RealizationRow[]> {
    const packages = await this.plans.statusRows(m, fiscalYear, ctx);
    if (groupBy === 'package') {
      return packages.map((p) => ({
        level: groupBy, code: p.packageCode, name: p.packageName, organizationName: p.organizationName, appropriated: p.value, allotted: null, committed: null,
        disbursed: p.realisedFinancial, planned: p.plannedFinancial, remaining: percentMinus(p.value, p.realisedFinancial),
        absorptionPercent: p.realisedFinancialPercent, plannedPercent: p.plannedFinancialPercent, deviation: p.financialDeviation,
        physicalPlannedPercent: p.plannedPhysical, physicalPercent: p.actualPhysical,
      }));
    }
    const { lines, shares } = await this.figures(m, fiscalYear, ctx, packages);
    const k = KEYS[groupBy];
    return [...rollUp(lines, shares, k.key).values()].map(({ first, totals }) => this.row(groupBy, k.code(first), k.name(first), null, totals));
  }

  /** The lines in scope (of the context's program, when it has one) and the packages' shares on each (for weighted physical progress). */
  async figures(m: EntityManager, fiscalYear: number, ctx: ReportContext, packages: { packageId: string; plannedPhysical: string; actualPhysical: string }[]) {
    const lines = (await lineFigures(m, fiscalYear, ctx.asOf, ctx.orgs)).filter((l) => !ctx.programCode || l.programCode === ctx.programCode);
    const funding = await packageFunding(m, fiscalYear, ctx.orgs);
    const byPackage = new Map(packages.map((p) => [p.packageId, p]));
    const shares = new Map<string, PackageShare[]>();
    for (const f of funding) {
      const p = byPackage.get(f.packageId);
      if (!p) continue;
      shares.set(f.budgetLineId, [...(shares.get(f.budgetLineId) ?? []), { budgetLineId: f.budgetLineId, amount: f.amount, plannedPhysical: p.plannedPhysical, actualPhysical: p.actualPhysical }]);
    }
    return { lines, shares };
  }

  row(level: GroupBy, code: string, name: string, organizationName: string | null, t: Totals): RealizationRow {
    const absorptionPercent = t.absorptionPercent();
    const plannedPercent = t.plannedPercent();
    return {
      level, code, name, organizationName, appropriated: t.appropriated.toFixed(2), allotted: t.allotted.toFixed(2), committed: t.committed.toFixed(2),
      disbursed: t.disbursed.toFixed(2), planned: t.planned.toFixed(2), remaining: t.remaining(), absorptionPercent, plannedPercent,
      deviation: percentMinus(absorptionPercent, plannedPercent), physicalPlannedPercent: t.physicalPlannedPercent(), physicalPercent: t.physicalActualPercent(),
    };
  }
}
