import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, offsetOf, Permission, snapshotPages, TransactionService } from '@grms/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FiscalYearsService } from '@grms/budget';
import { quarterEnd } from '../rules/quarters';
import { MonevSettingsService } from '../settings/monev-settings.service';
import { EvaluationNotesResponse, EvaluationOrganizationFooter, EvaluationQueryDto, EvaluationReport, PutEvaluationNotesDto } from './evaluation.dto';
import { averageAndBand, evaluationRow, organizationFooter } from './evaluation-rows';
import { EvaluationLine, evaluationLines } from './evaluation.columns';
import { evaluationPageOrganizationsSql, EvaluationSqlRow, evaluationSql } from './evaluation.sql';

const NOTES = `fiscal_year AS "fiscalYear", quarter, organization_id AS "organizationId", driving_factors AS "drivingFactors",
  inhibiting_factors AS "inhibitingFactors", follow_up AS "followUp", follow_up_next_year AS "followUpNextYear"`;

// The evaluation of the Renja per quarter (Permendagri 86/2017 layout): per
// OPD and row of the nomenclature, each indicator's targets, verified
// realisations, achievement and band beside the ledger's appropriation and
// disbursement; the footer per OPD with its average, band and the texts its
// planner wrote (decision 0602).
@Injectable()
export class EvaluationService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly years: FiscalYearsService, private readonly settings: MonevSettingsService, @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async report(user: AuthUser, q: EvaluationQueryDto): Promise<EvaluationReport> {
    const scope = await this.access.scope(user, Permission.MONEV_READ);
    return this.tx.run(async (m) => {
      if (q.organizationId && !this.access.inScope(scope, q.organizationId)) throw DomainError.notFound('organization', q.organizationId);
      const rules = await this.settings.of(m, q.fiscalYear);
      const { sql, params } = evaluationSql({ fiscalYear: q.fiscalYear, quarter: q.quarter, organizationId: q.organizationId, programCode: q.programCode, scope });
      const raw: EvaluationSqlRow[] = await m.query(sql, params);
      const all = raw.map((r) => evaluationRow(r, q.quarter, rules));
      const orgIds = [...new Set(raw.map((r) => r.organization_id))];
      const notes: EvaluationNotesResponse[] = orgIds.length
        ? await m.query(`SELECT ${NOTES} FROM monev_evaluation_notes WHERE fiscal_year = $1 AND quarter = $2 AND organization_id = ANY($3::uuid[])`, [q.fiscalYear, q.quarter, orgIds])
        : [];
      const byOrg = new Map(notes.map((n) => [n.organizationId, n]));
      const organizations: EvaluationOrganizationFooter[] = orgIds.map((id) => {
        const first = raw.find((r) => r.organization_id === id)!;
        const rows = all.filter((r) => r.organizationCode === first.organization_code);
        return organizationFooter(first, rows.length, averageAndBand(rows, rules.bands), byOrg.get(id));
      });
      const offset = offsetOf(q);
      return {
        fiscalYear: q.fiscalYear, quarter: q.quarter, asOf: quarterEnd(q.fiscalYear, q.quarter),
        data: all.slice(offset, offset + q.limit), meta: { page: q.page, limit: q.limit, total: all.length },
        footer: { ...averageAndBand(all, rules.bands), organizations },
      };
    });
  }

  /**
   * The CSV/XLSX lines: every row of the filters with each OPD's footer,
   * read in keyset pages of one read-only snapshot (the shared export
   * helpers), so the download holds a page, never the report. The filters,
   * the scope and the year are checked before the first byte.
   */
  async lines(user: AuthUser, q: EvaluationQueryDto): Promise<AsyncIterable<EvaluationLine[]>> {
    const scope = await this.access.scope(user, Permission.MONEV_READ);
    const rules = await this.tx.run(async (m) => {
      if (q.organizationId && !this.access.inScope(scope, q.organizationId)) throw DomainError.notFound('organization', q.organizationId);
      return this.settings.of(m, q.fiscalYear);
    });
    const filters = { fiscalYear: q.fiscalYear, quarter: q.quarter, organizationId: q.organizationId, programCode: q.programCode, scope };
    const notes = new Map<string, EvaluationNotesResponse>();
    const pages = snapshotPages<EvaluationSqlRow>(this.ds, async (m, last, limit) => {
      if (!last) {
        const rows: EvaluationNotesResponse[] = await m.query(`SELECT ${NOTES} FROM monev_evaluation_notes WHERE fiscal_year = $1 AND quarter = $2`, [q.fiscalYear, q.quarter]);
        rows.forEach((n) => notes.set(n.organizationId, n));
      }
      const page = { ...filters, after: last, limit };
      const orgs = evaluationPageOrganizationsSql(page);
      const ids = (await m.query(orgs.sql, orgs.params) as { id: string }[]).map((r) => r.id);
      if (!ids.length) return [];
      const { sql, params } = evaluationSql(page, ids);
      return m.query(sql, params);
    });
    return evaluationLines(pages, q.quarter, rules, () => notes);
  }

  putNotes(user: AuthUser, dto: PutEvaluationNotesDto): Promise<EvaluationNotesResponse> {
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, dto.fiscalYear, ['EXECUTION', 'CLOSED']);
      const organizationId = this.access.organizationOrOwn(user, dto.organizationId);
      const [org] = await m.query(`SELECT 1 FROM organizations WHERE id = $1`, [organizationId]);
      if (!org) throw DomainError.notFound('organization', organizationId);
      await this.access.requireOrganization(user, Permission.MONEV_WRITE, organizationId, 'organization');
      const [before] = await m.query(`SELECT ${NOTES} FROM monev_evaluation_notes WHERE fiscal_year = $1 AND quarter = $2 AND organization_id = $3 FOR UPDATE`, [dto.fiscalYear, dto.quarter, organizationId]);
      const [after] = await m.query(
        `INSERT INTO monev_evaluation_notes (fiscal_year, quarter, organization_id, driving_factors, inhibiting_factors, follow_up, follow_up_next_year, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (fiscal_year, quarter, organization_id) DO UPDATE SET driving_factors = EXCLUDED.driving_factors, inhibiting_factors = EXCLUDED.inhibiting_factors,
           follow_up = EXCLUDED.follow_up, follow_up_next_year = EXCLUDED.follow_up_next_year, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING ${NOTES}`,
        [dto.fiscalYear, dto.quarter, organizationId, dto.drivingFactors.trim(), dto.inhibitingFactors.trim(), dto.followUp.trim(), dto.followUpNextYear?.trim() ?? '', user.id]);
      this.audit.record({ action: 'MONEV_NOTES.PUT', entityType: 'MonevEvaluationNotes', entityId: `${dto.fiscalYear}/${dto.quarter}/${organizationId}`, before: before ?? null, after });
      return after;
    });
  }
}
