import { Injectable } from '@nestjs/common';
import { TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { ReportContext } from '../common/controlling-scope.service';
import { PlanActualService } from '../packages/plan-actual.service';
import { percentMinus } from '../status/s-curve';
import { ControllingThresholdsService } from '../thresholds/controlling-thresholds.service';
import { GroupBy, RealizationRow } from './dto/realization.dto';
import { LineTotals, lineTotalsSql, TotalsKey } from './line-figures.query';
import { Totals } from './rollup';

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
    if (groupBy === 'package') {
      const packages = await this.plans.statusRows(m, fiscalYear, ctx);
      return packages.map((p) => ({
        level: groupBy, code: p.packageCode, name: p.packageName, organizationName: p.organizationName, appropriated: p.value, allotted: null, committed: null,
        disbursed: p.realisedFinancial, planned: p.plannedFinancial, remaining: percentMinus(p.value, p.realisedFinancial),
        absorptionPercent: p.realisedFinancialPercent, plannedPercent: p.plannedFinancialPercent, deviation: p.financialDeviation,
        physicalPlannedPercent: p.plannedPhysical, physicalPercent: p.actualPhysical,
      }));
    }
    return (await this.totals(m, fiscalYear, ctx, groupBy)).map((t) => this.row(groupBy, t.code, t.name, null, Totals.of(t)));
  }

  /** The lines in scope (of the context's program, when it has one) summed by `key` in the database, in report order (decision 0513). */
  totals(m: EntityManager, fiscalYear: number, ctx: ReportContext, key: TotalsKey): Promise<LineTotals[]> {
    return m.query(lineTotalsSql(key), [fiscalYear, ctx.asOf, Number(ctx.asOf.slice(5, 7)), ctx.orgs, ctx.programCode]);
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
