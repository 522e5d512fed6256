import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { ReportContext } from '../common/controlling-scope.service';
import { PackageControlRow } from '../packages/dto/package-control.dto';
import { PlanActualService } from '../packages/plan-actual.service';
import { AbsorptionQueryService } from '../realization/absorption-query.service';
import { LineFigures } from '../realization/line-figures.query';
import { rollUp, Totals } from '../realization/rollup';
import { percent, percentMinus } from '../status/s-curve';
import { RfkLevel, RfkRow } from './dto/rfk.dto';

type Org = Pick<LineFigures, 'organizationId' | 'organizationCode' | 'organizationName'>;

// The monthly physical and financial realisation report (RFK): per OPD its
// total, then each program, kegiatan and sub kegiatan with the packages under
// it; weights are shares of the OPD's budget.
@Injectable()
export class RfkBuilderService {
  constructor(private readonly plans: PlanActualService, private readonly absorption: AbsorptionQueryService) {}

  async build(m: EntityManager, fiscalYear: number, ctx: ReportContext): Promise<RfkRow[]> {
    const packages = await this.plans.rows(m, fiscalYear, ctx);
    const { lines, shares } = await this.absorption.figures(m, fiscalYear, ctx, packages);
    const rows: RfkRow[] = [];
    const packagesOf = new Map<string, PackageControlRow[]>();
    for (const p of packages) packagesOf.set(`${p.organizationId}|${p.subActivityCode}`, [...(packagesOf.get(`${p.organizationId}|${p.subActivityCode}`) ?? []), p]);
    const byOrg = rollUp(lines, shares, (l) => l.organizationId);
    for (const { first: org, totals: orgTotals } of byOrg.values()) {
      const orgLines = lines.filter((l) => l.organizationId === org.organizationId);
      const base = orgTotals.weightBase;
      rows.push(this.aggregate(rows.length + 1, 'OPD', org, org.organizationCode, org.organizationName, orgTotals, base));
      const programs = rollUp(orgLines, shares, (l) => l.programCode);
      for (const [programCode, p] of [...programs].sort(([a], [b]) => a.localeCompare(b))) {
        rows.push(this.aggregate(rows.length + 1, 'PROGRAM', org, programCode, p.first.programName, p.totals, base));
        const progLines = orgLines.filter((l) => l.programCode === programCode);
        for (const [activityCode, k] of [...rollUp(progLines, shares, (l) => l.activityCode)].sort(([a], [b]) => a.localeCompare(b))) {
          rows.push(this.aggregate(rows.length + 1, 'KEGIATAN', org, activityCode, k.first.activityName, k.totals, base));
          const actLines = progLines.filter((l) => l.activityCode === activityCode);
          for (const [subCode, s] of [...rollUp(actLines, shares, (l) => l.subActivityCode)].sort(([a], [b]) => a.localeCompare(b))) {
            rows.push(this.aggregate(rows.length + 1, 'SUB_KEGIATAN', org, subCode, s.first.subActivityName, s.totals, base));
            for (const pk of packagesOf.get(`${org.organizationId}|${subCode}`) ?? []) rows.push(this.packageRow(rows.length + 1, org, pk, base));
          }
        }
      }
    }
    return rows;
  }

  private aggregate(rowNo: number, level: RfkLevel, org: Org, code: string, name: string, t: Totals, base: Decimal): RfkRow {
    const weight = percent(t.weightBase, base);
    const physicalTarget = t.physicalPlannedPercent();
    const physicalRealisation = t.physicalActualPercent();
    const financialTargetPercent = t.plannedPercent();
    const financialRealisationPercent = t.absorptionPercent();
    return {
      rowNo, level, organizationId: org.organizationId, organizationCode: org.organizationCode, organizationName: org.organizationName, code, name,
      budget: t.appropriated.toFixed(2), weight, physicalTarget, physicalRealisation, weightedPhysical: percent(t.physicalActualWeighted, base),
      financialTarget: t.planned.toFixed(2), financialTargetPercent, financialRealisation: t.disbursed.toFixed(2), financialRealisationPercent,
      physicalDeviation: percentMinus(physicalRealisation, physicalTarget), financialDeviation: percentMinus(financialRealisationPercent, financialTargetPercent),
      remainingBudget: t.remaining(), location: null, officer: null, status: null, problems: null, followUp: null,
    };
  }

  private packageRow(rowNo: number, org: Org, p: PackageControlRow, base: Decimal): RfkRow {
    const last = p.escalations[p.escalations.length - 1];
    const followUp = last ? `${last.kind}${last.stage ? ` ${last.stage}` : ''} ${last.heldOn}${last.targetPercent ? `: target ${last.targetPercent}% by ${last.targetDate}` : ''}${last.outcome ? `: ${last.outcome}` : ''} (${last.note})` : null;
    return {
      rowNo, level: 'PACKAGE', organizationId: org.organizationId, organizationCode: org.organizationCode, organizationName: org.organizationName,
      code: p.packageCode, name: p.contractNumber ? `${p.packageName} (${p.contractNumber})` : p.packageName, budget: p.value, weight: percent(p.value, base),
      physicalTarget: p.plannedPhysical, physicalRealisation: p.actualPhysical,
      weightedPhysical: percent(new Decimal(p.value).times(p.actualPhysical).dividedBy(100), base),
      financialTarget: p.plannedFinancial, financialTargetPercent: p.plannedFinancialPercent, financialRealisation: p.realisedFinancial,
      financialRealisationPercent: p.realisedFinancialPercent, physicalDeviation: p.physicalDeviation, financialDeviation: p.financialDeviation,
      remainingBudget: new Decimal(p.value).minus(p.realisedFinancial).toFixed(2), location: p.location, officer: p.officerName, status: p.status,
      problems: p.reason ? `${p.status}: ${p.reason}` : null, followUp,
    };
  }
}
