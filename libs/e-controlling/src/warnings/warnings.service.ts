import { Injectable } from '@nestjs/common';
import { AuthUser, compareCodesC, offsetOf, Page, pageOf, TransactionService } from '@grms/core';
import Decimal from 'decimal.js';
import { ControllingQueryDto } from '../common/controlling-query.dto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { byOrganization, WARNING_ORGS_PER_PAGE } from '../common/by-organization';
import { ControllingScopeService, ReportContext } from '../common/controlling-scope.service';
import { PlanActualService } from '../packages/plan-actual.service';
import { lineFigures } from '../realization/line-figures.query';
import { Totals } from '../realization/rollup';
import { percent } from '../status/s-curve';
import { WarningRow } from './dto/warning.dto';

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

// Early warnings as of a date, with the year's thresholds: packages not
// contracted long after their planned procurement start, contracts without a
// verified progress report, critical contracts, allotment largely unspent, TU
// advances past their accounting date, realisation behind the cash plan, and
// the remaining budget against the days left near year end.
@Injectable()
export class WarningsService {
  constructor(
    private readonly tx: TransactionService, private readonly scope: ControllingScopeService, private readonly plans: PlanActualService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /**
   * One page of the warnings with their real total. The warnings are judged OPD by OPD in one snapshot, as
   * the download reads them, keeping only the page's rows: judged for the whole province at once they needed
   * more than the API's heap (an auditor's first page ended the process on the province data set).
   */
  async list(user: AuthUser, q: ControllingQueryDto): Promise<Page<WarningRow>> {
    const from = offsetOf(q);
    const page: WarningRow[] = [];
    let total = 0;
    for await (const rows of await this.download(user, q)) {
      for (const row of rows) {
        if (total >= from && page.length < q.limit) page.push(row);
        total++;
      }
    }
    return pageOf(page, total, q);
  }

  /** Every warning (the same filters), OPD by OPD in one snapshot, for a download. */
  async download(user: AuthUser, q: ControllingQueryDto): Promise<AsyncIterable<WarningRow[]>> {
    const ctx = await this.tx.run((m) => this.scope.context(m, user, q));
    return byOrganization(this.ds, ctx.orgs, (m, organizationIds) => this.rows(m, q.fiscalYear, { ...ctx, orgs: organizationIds }), WARNING_ORGS_PER_PAGE);
  }

  /** The warnings of the context's scope (and program: TU advances, which belong to no program, are left out then), in OPD, kind and subject order. */
  private async rows(m: EntityManager, fiscalYear: number, ctx: ReportContext): Promise<WarningRow[]> {
    const t = ctx.thresholds;
    const out: WarningRow[] = [];
    const packages = await this.plans.statusRows(m, fiscalYear, ctx);
    const facts: { packageId: string; procurementStart: string; status: string }[] = await m.query(
      `SELECT id AS "packageId", to_char(procurement_start, 'YYYY-MM-DD') AS "procurementStart", status FROM planning_package_plans_v WHERE id = ANY($1::uuid[])`,
      [packages.map((p) => p.packageId)]);
    const factOf = new Map(facts.map((f) => [f.packageId, f]));
    for (const p of packages) {
      const org = { organizationCode: p.organizationCode, organizationName: p.organizationName, subject: p.packageCode, subjectName: p.packageName };
      const f = factOf.get(p.packageId)!;
      if (!p.contractId && f.status !== 'COMPLETED') {
        const late = daysBetween(f.procurementStart, ctx.asOf);
        if (late > t.notTenderedDays) out.push({ kind: 'NOT_TENDERED', ...org, detail: `no contract ${late} days after the planned procurement start ${f.procurementStart} (threshold ${t.notTenderedDays} days)` });
        continue;
      }
      if (p.status === 'CRITICAL') out.push({ kind: 'CRITICAL_CONTRACT', ...org, subject: p.contractNumber ?? p.packageCode, detail: p.reason ?? 'critical' });
      if (p.contractId && p.actualPhysical !== '100.00') {
        const since = p.lastReportOn ?? null;
        const silent = since ? daysBetween(since, ctx.asOf) : null;
        if (silent === null ? p.plannedPhysical !== '0.00' : silent > t.progressSilenceDays) {
          out.push({ kind: 'NO_PROGRESS_REPORT', ...org, subject: p.contractNumber!, detail: since ? `no verified progress report for ${silent} days (last ${since}; threshold ${t.progressSilenceDays} days)` : `no verified progress report yet with ${p.plannedPhysical}% planned` });
        }
      }
    }
    const lines = (await lineFigures(m, fiscalYear, ctx.asOf, ctx.orgs)).filter((l) => !ctx.programCode || l.programCode === ctx.programCode);
    for (const l of lines) {
      const unspent = new Decimal(l.allotted).minus(l.disbursed);
      if (new Decimal(l.allotted).gt(0) && unspent.times(100).dividedBy(l.allotted).gt(t.unspentAllotmentPercent)) {
        out.push({ kind: 'ALLOTMENT_UNSPENT', organizationCode: l.organizationCode, organizationName: l.organizationName, subject: `${l.subActivityCode} / ${l.accountCode}`, subjectName: l.accountName,
          detail: `allotment ${new Decimal(l.allotted).toFixed(2)} - disbursed ${l.disbursed} = ${unspent.toFixed(2)} unspent (${percent(unspent, l.allotted)}% > ${t.unspentAllotmentPercent}%)` });
      }
    }
    const yearEnd = `${fiscalYear}-12-31`;
    const daysLeft = daysBetween(ctx.asOf, yearEnd);
    const yearDays = daysBetween(`${fiscalYear - 1}-12-31`, yearEnd);
    // the first line of each OPD and sub kegiatan (its lines come together) carries the sums of them all
    const firsts = lines.filter((l, i) => i === 0 || l.organizationId !== lines[i - 1].organizationId || l.subActivityCode !== lines[i - 1].subActivityCode);
    for (const l of firsts) {
      const totals = Totals.ofSubActivity(l);
      const org = { organizationCode: l.organizationCode, organizationName: l.organizationName, subject: l.subActivityCode, subjectName: l.subActivityName };
      const behind = new Decimal(totals.plannedPercent()).minus(totals.absorptionPercent());
      if (behind.gt(t.behindCashPlanPoints)) {
        out.push({ kind: 'BEHIND_CASH_PLAN', ...org, detail: `realised ${totals.absorptionPercent()}% against ${totals.plannedPercent()}% planned: ${behind.toFixed(2)} points behind (threshold ${t.behindCashPlanPoints})` });
      }
      const remainingPct = percent(totals.appropriated.minus(totals.disbursed), totals.appropriated);
      const timeLeftPct = percent(daysLeft, yearDays);
      if (daysLeft <= t.yearEndDays && totals.appropriated.gt(0) && new Decimal(remainingPct).gt(timeLeftPct)) {
        out.push({ kind: 'YEAR_END_REMAINING', ...org, detail: `remaining ${totals.remaining()} (${remainingPct}% of ${totals.appropriated.toFixed(2)}) with ${daysLeft} days (${timeLeftPct}% of the year) left` });
      }
    }
    const tu: { number: string; dueOn: string; gross: string; organizationCode: string; organizationName: string }[] = ctx.programCode ? [] : await m.query(
      `SELECT d.number, to_char(d.account_due_on, 'YYYY-MM-DD') AS "dueOn", d.gross::text AS gross, o.code AS "organizationCode", o.name AS "organizationName"
       FROM penatausahaan_tu_advances_v d JOIN organizations o ON o.id = d.organization_id
       WHERE d.fiscal_year = $1 AND NOT d.accounted AND d.account_due_on < $2::date AND ($3::uuid[] IS NULL OR d.organization_id = ANY($3::uuid[])) ORDER BY o.code, d.number`,
      [fiscalYear, ctx.asOf, ctx.orgs]);
    for (const d of tu) out.push({ kind: 'TU_OVERDUE', organizationCode: d.organizationCode, organizationName: d.organizationName, subject: d.number, subjectName: `TU ${d.gross}`, detail: `TU advance ${d.gross} not accounted by an approved SPJ; due ${d.dueOn}, ${daysBetween(d.dueOn, ctx.asOf)} days overdue` });
    out.sort((a, b) => compareCodesC(a.organizationCode, b.organizationCode) || a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject));
    return out;
  }
}
