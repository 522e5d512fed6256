import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Money, offsetOf, Permission, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { FiscalYearsService } from '@grms/budget';
import { quarterEnd } from '../rules/quarters';
import { MonevSettingsService } from '../settings/monev-settings.service';
import { EvaluationNotesResponse, EvaluationOrganizationFooter, EvaluationQueryDto, EvaluationReport, EvaluationRow, PutEvaluationNotesDto } from './evaluation.dto';
import { averageAndBand, evaluationRow } from './evaluation-rows';
import { EvaluationSqlRow, evaluationSql } from './evaluation.sql';

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
    private readonly years: FiscalYearsService, private readonly settings: MonevSettingsService,
  ) {}

  async report(user: AuthUser, q: EvaluationQueryDto): Promise<{ all: EvaluationRow[]; report: EvaluationReport }> {
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
      const budget = await this.organizationBudgets(m, q.fiscalYear, q.quarter, orgIds);
      const organizations: EvaluationOrganizationFooter[] = orgIds.map((id) => {
        const first = raw.find((r) => r.organization_id === id)!;
        const rows = all.filter((r) => r.organizationCode === first.organization_code);
        const n = byOrg.get(id);
        const b = budget.get(id) ?? { appropriated: Money.ZERO, disbursed: Money.ZERO };
        return { organizationId: id, organizationCode: first.organization_code, organizationName: first.organization_name, indicators: rows.length, ...averageAndBand(rows, rules.bands),
          appropriated: b.appropriated.toString(), disbursed: b.disbursed.toString(), budgetAbsorption: b.disbursed.percentOf(b.appropriated),
          drivingFactors: n?.drivingFactors ?? '', inhibitingFactors: n?.inhibitingFactors ?? '', followUp: n?.followUp ?? '', followUpNextYear: n?.followUpNextYear ?? '' };
      });
      const offset = offsetOf(q);
      return {
        all,
        report: {
          fiscalYear: q.fiscalYear, quarter: q.quarter, asOf: quarterEnd(q.fiscalYear, q.quarter),
          data: all.slice(offset, offset + q.limit), meta: { page: q.page, limit: q.limit, total: all.length },
          footer: { ...averageAndBand(all, rules.bands), organizations },
        },
      };
    });
  }

  /** Per OPD, every expenditure line: appropriation as posted, disbursement by value date to the end of the quarter. */
  private async organizationBudgets(m: EntityManager, fiscalYear: number, quarter: number, orgIds: string[]): Promise<Map<string, { appropriated: Money; disbursed: Money }>> {
    if (!orgIds.length) return new Map();
    const rows: { id: string; appropriated: string; disbursed: string }[] = await m.query(
      `SELECT organization_id AS id, COALESCE(sum(amount) FILTER (WHERE kind = 'APPROPRIATION'), 0)::numeric(20,2)::text AS appropriated,
         COALESCE(sum(amount) FILTER (WHERE kind = 'DISBURSEMENT' AND quarter <= $2), 0)::numeric(20,2)::text AS disbursed
       FROM budget_expenditure_quarters WHERE fiscal_year = $1 AND organization_id = ANY($3::uuid[]) GROUP BY 1`, [fiscalYear, quarter, orgIds]);
    return new Map(rows.map((r) => [r.id, { appropriated: Money.of(r.appropriated), disbursed: Money.of(r.disbursed) }]));
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
