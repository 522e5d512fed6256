import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuthUser, offsetOf, Page, pageOf, Permission, SqlWhere, statementPages, TransactionService } from '@grms/core';
import { DataSource } from 'typeorm';
import { PlanReportPageQueryDto, PlanReportQueryDto, RkoRow, RupRow } from './dto/report.dto';

const d = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

const RUP_SELECT = `SELECT p.rup_code AS "rupCode", p.code AS "packageCode", p.name, o.name AS "organizationName", p.sub_activity_code AS "subActivityCode",
         (SELECT string_agg(l->>'regionCode' || ': ' || (l->>'detail'), '; ') FROM jsonb_array_elements(p.location) l) AS location,
         CASE WHEN p.volume IS NULL THEN NULL ELSE p.volume::text || ' ' || COALESCE(p.unit, '') END AS volume, p.description,
         p.type, p.mode, p.method, p.domestic_product AS "domesticProduct", p.small_business AS "smallBusiness",
         (SELECT string_agg(DISTINCT b.funding_source_code, ', ') FROM package_funding f JOIN budget_lines b ON b.id = f.budget_line_id WHERE f.package_id = p.id) AS "fundingSources",
         (SELECT string_agg(b.sub_activity_code || '/' || b.account_code || ' ' || f.amount::text, '; ' ORDER BY b.account_code) FROM package_funding f JOIN budget_lines b ON b.id = f.budget_line_id WHERE f.package_id = p.id) AS "budgetCodes",
         p.value::text AS value, ${d('p.procurement_start')} AS "procurementStart", ${d('p.procurement_end')} AS "procurementEnd",
         ${d('p.execution_start')} AS "executionStart", ${d('p.execution_end')} AS "executionEnd", ${d('p.use_start')} AS "useStart", p.status, p.version
       FROM packages p JOIN organizations o ON o.id = p.organization_id`;

const RKO_SELECT = `SELECT p.sub_activity_code AS "subActivityCode", n.name AS "subActivityName", p.code AS "packageCode", p.name, o.name AS "organizationName",
         p.value::text AS value, COALESCE(p.physical_plan::text[], '{}') AS physical, COALESCE(p.financial_plan::text[], '{}') AS financial
       FROM packages p JOIN organizations o ON o.id = p.organization_id JOIN nomenclature n ON n.code = p.sub_activity_code`;

const RUP_STATES = `p.status IN ('ANNOUNCED','IN_PROCUREMENT','CONTRACTED','COMPLETED')`;
const RKO_STATES = `p.status <> 'CANCELLED'`;
const RUP_ORDER = 'ORDER BY o.code, p.rup_code';
const RKO_ORDER = 'ORDER BY o.code, p.sub_activity_code, p.code';

// The procurement plan (RUP) in SiRUP's columns, and the operational work plan
// (RKO) per sub kegiatan: SQL aggregations over the packages in scope.
@Injectable()
export class PlanReportsService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, @InjectDataSource() private readonly ds: DataSource) {}

  /** One page of the RUP in report order, with the real total (API.md's list shape). */
  async rup(user: AuthUser, q: PlanReportPageQueryDto): Promise<Page<RupRow>> {
    return this.page<RupRow>(user, q, RUP_STATES, RUP_SELECT, RUP_ORDER);
  }

  /** Every row of the RUP for a download: the same statement read through a cursor in one read-only snapshot, so memory holds one fetch. */
  async rupPages(user: AuthUser, q: PlanReportQueryDto): Promise<AsyncIterable<RupRow[]>> {
    const w = await this.where(user, q, RUP_STATES);
    return statementPages(this.ds, `${RUP_SELECT} ${w.clause} ${RUP_ORDER}`, w.params);
  }

  async rko(user: AuthUser, q: PlanReportPageQueryDto): Promise<Page<RkoRow>> {
    return this.page<RkoRow>(user, q, RKO_STATES, RKO_SELECT, RKO_ORDER);
  }

  /** Every row of the RKO for a download: the same statement read through a cursor in one read-only snapshot, so memory holds one fetch. */
  async rkoPages(user: AuthUser, q: PlanReportQueryDto): Promise<AsyncIterable<RkoRow[]>> {
    const w = await this.where(user, q, RKO_STATES);
    return statementPages(this.ds, `${RKO_SELECT} ${w.clause} ${RKO_ORDER}`, w.params);
  }

  /** One page of a plan report with its real total, in the report's order (the package id breaks ties, so pages never overlap). */
  private async page<T>(user: AuthUser, q: PlanReportPageQueryDto, states: string, select: string, order: string): Promise<Page<T>> {
    const w = await this.where(user, q, states);
    const n = w.params.length;
    return this.tx.run(async (m) => {
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM packages p ${w.clause}`, w.params);
      const rows: T[] = await m.query(`${select} ${w.clause} ${order}, p.id LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, q.limit, offsetOf(q)]);
      return pageOf(rows, total, q);
    });
  }

  /** The scope and filters, and the states the report covers (a fixed condition, no input in it). */
  private async where(user: AuthUser, q: PlanReportQueryDto, states: string): Promise<{ clause: string; params: unknown[] }> {
    const scope = await this.access.scope(user, Permission.PACKAGE_READ);
    const w = new SqlWhere().scope('p.organization_id', scope).add('p.fiscal_year = ?', q.fiscalYear).add('p.organization_id = ?', q.organizationId);
    return { clause: `${w.clause} AND ${states}`, params: w.params };
  }
}
