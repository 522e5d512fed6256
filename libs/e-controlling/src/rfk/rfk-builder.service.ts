import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { ReportContext } from '../common/controlling-scope.service';
import { PackageControlRow } from '../packages/dto/package-control.dto';
import { PlanActualService } from '../packages/plan-actual.service';
import { AbsorptionQueryService } from '../realization/absorption-query.service';
import { LineFigures } from '../realization/line-figures.query';
import { Totals } from '../realization/rollup';
import { percent, percentMinus } from '../status/s-curve';
import { RfkLevel, RfkRow } from './dto/rfk.dto';

type Org = Pick<LineFigures, 'organizationId' | 'organizationCode' | 'organizationName'>;
/** A row's weight and weighted progress in Rp, turned into % of the OPD once its total is known. */
type Weighing = { weighing: [Decimal, Decimal] };
interface Node<C> { code: string; name: string; first: LineFigures; totals: Totals; children: Map<string, C> }

function child<C>(map: Map<string, Node<C>>, key: string, first: LineFigures, code: string, name: string): Node<C> {
  let n = map.get(key);
  if (!n) map.set(key, (n = { code, name, first, totals: new Totals(), children: new Map() }));
  return n;
}

function sorted<C>(map: Map<string, Node<C>>): Node<C>[] {
  return [...map.values()].sort((a, b) => a.code.localeCompare(b.code));
}

function withWeight(r: RfkRow, base: Decimal): RfkRow {
  const { weighing, ...row } = r as RfkRow & Weighing;
  return { ...row, weight: percent(weighing[0], base), weightedPhysical: percent(weighing[1], base) };
}

// The monthly physical and financial realisation report (RFK): per OPD its
// total, then each program, kegiatan and sub kegiatan with the packages under
// it; weights are shares of the OPD's budget.
@Injectable()
export class RfkBuilderService {
  constructor(private readonly plans: PlanActualService, private readonly absorption: AbsorptionQueryService) {}

  async build(m: EntityManager, fiscalYear: number, ctx: ReportContext): Promise<RfkRow[]> {
    const packages = await this.plans.rows(m, fiscalYear, ctx);
    const { lines, shares } = await this.absorption.figures(m, fiscalYear, ctx, packages);
    const packagesOf = new Map<string, PackageControlRow[]>();
    for (const p of packages) packagesOf.set(`${p.organizationId}|${p.subActivityCode}`, [...(packagesOf.get(`${p.organizationId}|${p.subActivityCode}`) ?? []), p]);
    // one pass over the lines into their sub kegiatan; every parent sums its children
    const tree = new Map<string, Node<Node<Node<Node<null>>>>>();
    for (const l of lines) {
      const org = child(tree, l.organizationId, l, l.organizationCode, l.organizationName);
      const prog = child(org.children, l.programCode, l, l.programCode, l.programName);
      const act = child(prog.children, l.activityCode, l, l.activityCode, l.activityName);
      child(act.children, l.subActivityCode, l, l.subActivityCode, l.subActivityName).totals.add(l, shares.get(l.id) ?? []);
    }
    const rows: RfkRow[] = [];
    for (const org of tree.values()) {
      const orgAt = rows.length;
      rows.push(null as unknown as RfkRow);
      for (const prog of sorted(org.children)) {
        const progAt = rows.length;
        rows.push(null as unknown as RfkRow);
        for (const act of sorted(prog.children)) {
          const actAt = rows.length;
          rows.push(null as unknown as RfkRow);
          for (const sub of sorted(act.children)) {
            act.totals.merge(sub.totals);
            rows.push(this.aggregate(rows.length + 1, 'SUB_KEGIATAN', org.first, sub.code, sub.name, sub.totals, null));
            for (const pk of packagesOf.get(`${org.first.organizationId}|${sub.code}`) ?? []) rows.push(this.packageRow(rows.length + 1, org.first, pk, null));
          }
          prog.totals.merge(act.totals);
          rows[actAt] = this.aggregate(actAt + 1, 'KEGIATAN', org.first, act.code, act.name, act.totals, null);
        }
        org.totals.merge(prog.totals);
        rows[progAt] = this.aggregate(progAt + 1, 'PROGRAM', org.first, prog.code, prog.name, prog.totals, null);
      }
      rows[orgAt] = this.aggregate(orgAt + 1, 'OPD', org.first, org.first.organizationCode, org.first.organizationName, org.totals, null);
      // weights are shares of the OPD's budget, known once its rows are summed
      const base = org.totals.weightBase;
      for (let i = orgAt; i < rows.length; i++) rows[i] = withWeight(rows[i], base);
    }
    return rows;
  }

  private aggregate(rowNo: number, level: RfkLevel, org: Org, code: string, name: string, t: Totals, _base: null): RfkRow & Weighing {
    const physicalTarget = t.physicalPlannedPercent();
    const physicalRealisation = t.physicalActualPercent();
    const financialTargetPercent = t.plannedPercent();
    const financialRealisationPercent = t.absorptionPercent();
    return {
      rowNo, level, organizationId: org.organizationId, organizationCode: org.organizationCode, organizationName: org.organizationName, code, name,
      budget: t.appropriated.toFixed(2), weight: '', physicalTarget, physicalRealisation, weightedPhysical: '', weighing: [t.weightBase, t.physicalActualWeighted],
      financialTarget: t.planned.toFixed(2), financialTargetPercent, financialRealisation: t.disbursed.toFixed(2), financialRealisationPercent,
      physicalDeviation: percentMinus(physicalRealisation, physicalTarget), financialDeviation: percentMinus(financialRealisationPercent, financialTargetPercent),
      remainingBudget: t.remaining(), location: null, officer: null, status: null, problems: null, followUp: null,
    };
  }

  private packageRow(rowNo: number, org: Org, p: PackageControlRow, _base: null): RfkRow & Weighing {
    const last = p.escalations[p.escalations.length - 1];
    const followUp = last ? `${last.kind}${last.stage ? ` ${last.stage}` : ''} ${last.heldOn}${last.targetPercent ? `: target ${last.targetPercent}% by ${last.targetDate}` : ''}${last.outcome ? `: ${last.outcome}` : ''} (${last.note})` : null;
    return {
      rowNo, level: 'PACKAGE', organizationId: org.organizationId, organizationCode: org.organizationCode, organizationName: org.organizationName,
      code: p.packageCode, name: p.contractNumber ? `${p.packageName} (${p.contractNumber})` : p.packageName, budget: p.value, weight: '',
      physicalTarget: p.plannedPhysical, physicalRealisation: p.actualPhysical,
      weightedPhysical: '', weighing: [new Decimal(p.value), new Decimal(p.value).times(p.actualPhysical).dividedBy(100)],
      financialTarget: p.plannedFinancial, financialTargetPercent: p.plannedFinancialPercent, financialRealisation: p.realisedFinancial,
      financialRealisationPercent: p.realisedFinancialPercent, physicalDeviation: p.physicalDeviation, financialDeviation: p.financialDeviation,
      remainingBudget: new Decimal(p.value).minus(p.realisedFinancial).toFixed(2), location: p.location, officer: p.officerName, status: p.status,
      problems: p.reason ? `${p.status}: ${p.reason}` : null, followUp,
    };
  }
}
