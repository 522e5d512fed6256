import { Injectable } from '@nestjs/common';
import { AuthUser, offsetOf, Page, pageOf, TransactionService } from '@grms/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { byOrganization } from '../common/by-organization';
import { ControllingScopeService, ReportContext } from '../common/controlling-scope.service';
import { contractStatus, StatusVerdict } from '../status/contract-status';
import { addDays, percent, percentMinus, projectedCompletion } from '../status/s-curve';
import { EscalationSummary, PackageControlQueryDto, PackageControlRow } from './dto/package-control.dto';
import { PackageFacts, packageFacts } from './plan-actual.query';

/** What a package's status is decided from (decision 0500). */
export interface StatusFacts { type: string; plannedPhysical: string; actual: string; windowStartActual: string; contractId: string | null }

type Verdict = StatusVerdict & { projected: string | 'NEVER' | null };

/** The package's status and its reason on the context's date, and the completion projected from the window's rate. */
export function packageVerdict(f: StatusFacts, fiscalYear: number, ctx: ReportContext): Verdict {
  const t = ctx.thresholds;
  const projected = f.contractId ? projectedCompletion(f.actual, f.windowStartActual, ctx.asOf, t.projectionDays) : 'NEVER';
  const verdict = contractStatus({ packageType: f.type, planned: f.plannedPhysical, actual: f.actual, projected, fiscalYearEnd: `${fiscalYear}-12-31` }, t);
  return { status: verdict.status, reason: verdict.reason && !f.contractId ? `no contract signed; ${verdict.reason}` : verdict.reason, projected };
}

// Plan against actual per package and its contract as of a date: the S-curve
// by day against the latest verified progress, the package's financial plan
// against what was disbursed on the contract, and the kontrak kritis status.
@Injectable()
export class PlanActualService {
  constructor(private readonly tx: TransactionService, private readonly scope: ControllingScopeService, @InjectDataSource() private readonly ds: DataSource) {}

  list(user: AuthUser, q: PackageControlQueryDto): Promise<Page<PackageControlRow>> {
    return this.tx.run(async (m) => {
      const ctx = await this.scope.context(m, user, q);
      // every package's status decides the filter and the count; the page's rows alone are then written out
      const judged = (await this.judged(m, q.fiscalYear, ctx)).filter(({ verdict }) => !q.status || verdict.status === q.status);
      const page = judged.slice(offsetOf(q), offsetOf(q) + q.limit).map(({ facts, verdict }) => controlRow(facts, verdict, ctx));
      return pageOf(await this.withEscalations(m, page, ctx.asOf), judged.length, q);
    });
  }

  /** Every row of the list (the same filters), OPD by OPD in one snapshot, for a download. */
  async download(user: AuthUser, q: PackageControlQueryDto): Promise<AsyncIterable<PackageControlRow[]>> {
    const ctx = await this.tx.run((m) => this.scope.context(m, user, q));
    return byOrganization(this.ds, ctx.orgs, async (m, organizationIds) =>
      this.withEscalations(m, (await this.statusRows(m, q.fiscalYear, { ...ctx, orgs: organizationIds })).filter((r) => !q.status || r.status === q.status), ctx.asOf));
  }

  /** Every package of the year in the context's scope (and program), in organization, sub kegiatan and code order, with the escalation record. */
  async rows(m: EntityManager, fiscalYear: number, ctx: ReportContext): Promise<PackageControlRow[]> {
    return this.withEscalations(m, await this.statusRows(m, fiscalYear, ctx), ctx.asOf);
  }

  /** The rows with their contracts' escalation record on or before asOf (read for these rows only: a page's, not the province's). */
  async withEscalations(m: EntityManager, rows: PackageControlRow[], asOf: string): Promise<PackageControlRow[]> {
    const escalations = await this.escalations(m, rows.map((r) => r.contractId).filter((id): id is string => !!id), asOf);
    return rows.map((r) => ({ ...r, escalations: r.contractId ? escalations.get(r.contractId) ?? [] : [] }));
  }

  /** As `rows`, the escalation record left empty: the figures and status, all that filtering, paging and the roll-ups need. */
  async statusRows(m: EntityManager, fiscalYear: number, ctx: ReportContext): Promise<PackageControlRow[]> {
    return (await this.judged(m, fiscalYear, ctx)).map(({ facts, verdict }) => controlRow(facts, verdict, ctx));
  }

  /** The facts of every package in the context's scope (and program) with its status (decision 0500). */
  private async judged(m: EntityManager, fiscalYear: number, ctx: ReportContext): Promise<{ facts: PackageFacts; verdict: Verdict }[]> {
    const facts = await packageFacts(m, fiscalYear, ctx.asOf, addDays(ctx.asOf, -ctx.thresholds.projectionDays), ctx.orgs);
    return facts.filter((f) => !ctx.programCode || f.programCode === ctx.programCode).map((f) => ({ facts: f, verdict: packageVerdict(f, fiscalYear, ctx) }));
  }

  /** The escalation steps of the contracts held on or before asOf, per contract in order. */
  async escalations(m: EntityManager, contractIds: string[], asOf: string): Promise<Map<string, EscalationSummary[]>> {
    if (!contractIds.length) return new Map();
    const rows: (EscalationSummary & { contractId: string })[] = await m.query(
      `SELECT contract_id AS "contractId", kind, stage, to_char(held_on, 'YYYY-MM-DD') AS "heldOn", target_percent::text AS "targetPercent",
         to_char(target_date, 'YYYY-MM-DD') AS "targetDate", outcome, note
       FROM contract_escalations WHERE contract_id = ANY($1::uuid[]) AND held_on <= $2::date ORDER BY contract_id, held_on, created_at`, [contractIds, asOf]);
    const by = new Map<string, EscalationSummary[]>();
    for (const { contractId, ...e } of rows) by.set(contractId, [...(by.get(contractId) ?? []), e]);
    return by;
  }
}

/** A row of the list: the package's facts, its plan against actual in points and percent, and its status; the escalation record left empty. */
function controlRow(f: PackageFacts, verdict: Verdict, ctx: ReportContext): PackageControlRow {
  const { plannedPhysical } = f;
  const plannedFinancialPercent = percent(f.plannedFinancial, f.value);
  const realisedFinancialPercent = percent(f.realisedFinancial, f.value);
  return {
    packageId: f.packageId, packageCode: f.packageCode, packageName: f.packageName, organizationId: f.organizationId,
    organizationCode: f.organizationCode, organizationName: f.organizationName, subActivityCode: f.subActivityCode, programCode: f.programCode, type: f.type, value: f.value,
    contractId: f.contractId, contractNumber: f.contractNumber, vendorName: f.vendorName, officerName: f.officerName, contractEnd: f.contractEnd,
    asOf: ctx.asOf, plannedPhysical, actualPhysical: f.actual, physicalDeviation: percentMinus(f.actual, plannedPhysical), lastReportOn: f.lastReportOn,
    projectedCompletion: f.contractId ? verdict.projected : null,
    plannedFinancial: f.plannedFinancial, realisedFinancial: f.realisedFinancial, plannedFinancialPercent, realisedFinancialPercent,
    financialDeviation: percentMinus(realisedFinancialPercent, plannedFinancialPercent),
    status: verdict.status, reason: verdict.reason,
    escalations: [],
    location: f.location,
  };
}
