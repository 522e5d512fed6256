import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReportContext } from '../common/controlling-scope.service';
import { EscalationSummary } from '../packages/dto/package-control.dto';
import { packageVerdict, PlanActualService } from '../packages/plan-actual.service';
import { addDays } from '../status/s-curve';
import { RfkRow } from './dto/rfk.dto';
import { rfkRows, RfkSlice, RfkSqlRow } from './rfk.query';

/** The tindak lanjut of a package: the latest step of its contract's escalation record. */
export function followUpOf(steps: EscalationSummary[]): string | null {
  const last = steps[steps.length - 1];
  return last ? `${last.kind}${last.stage ? ` ${last.stage}` : ''} ${last.heldOn}${last.targetPercent ? `: target ${last.targetPercent}% by ${last.targetDate}` : ''}${last.outcome ? `: ${last.outcome}` : ''} (${last.note})` : null;
}

/** A row of the statement as the report shows it: a package's status, problems and follow-up decided here. */
function rfkRow(r: RfkSqlRow, fiscalYear: number, ctx: ReportContext, steps: EscalationSummary[]): RfkRow {
  const { packageType, contractId, windowStartActual, total: _total, ...row } = r;
  if (row.level !== 'PACKAGE') return { ...row, status: null, problems: null, followUp: null };
  const v = packageVerdict({ type: packageType!, plannedPhysical: row.physicalTarget, actual: row.physicalRealisation, windowStartActual: windowStartActual!, contractId }, fiscalYear, ctx);
  return { ...row, status: v.status, problems: v.reason ? `${v.status}: ${v.reason}` : null, followUp: followUpOf(steps) };
}

// The monthly physical and financial realisation report (RFK): per OPD its
// total, then each program, kegiatan and sub kegiatan with the packages under
// it; weights are shares of the OPD's budget. The figures, the roll-up and
// the page come from one statement (RFK_SQL); only the packages on the page
// are given their status and escalation record here.
@Injectable()
export class RfkBuilderService {
  constructor(private readonly plans: PlanActualService) {}

  /** The rows of `slice` (of the context's program, when it has one) and the report's row count. */
  async page(m: EntityManager, fiscalYear: number, ctx: ReportContext, slice: RfkSlice): Promise<{ rows: RfkRow[]; total: number }> {
    const got = await rfkRows(m, { fiscalYear, asOf: ctx.asOf, windowStart: addDays(ctx.asOf, -ctx.thresholds.projectionDays), orgs: ctx.orgs, programCode: ctx.programCode, today: ctx.today }, slice);
    const rows = got.filter((r) => r.rowNo !== null);
    const escalations = await this.plans.escalations(m, rows.map((r) => r.contractId).filter((id): id is string => !!id), ctx.asOf);
    return { total: got[0]?.total ?? 0, rows: rows.map((r) => rfkRow(r, fiscalYear, ctx, r.contractId ? escalations.get(r.contractId) ?? [] : [])) };
  }
}
