import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, TransactionService } from '@grms/core';
import { FiscalYearsService } from '@grms/budget';
import { EntityManager } from 'typeorm';
import { DEFAULT_CONTROLLING_THRESHOLDS } from './default-controlling-thresholds';
import { ControllingThresholdsResponse, PutControllingThresholdsDto } from './dto/controlling-threshold.dto';

const SELECT = `SELECT period_one_up_to::text AS "periodOneUpTo", period_one_behind::text AS "periodOneBehind", period_two_behind::text AS "periodTwoBehind",
  projection_days AS "projectionDays", not_tendered_days AS "notTenderedDays", progress_silence_days AS "progressSilenceDays",
  behind_cash_plan_points::text AS "behindCashPlanPoints", unspent_allotment_percent::text AS "unspentAllotmentPercent",
  year_end_days AS "yearEndDays", regulation FROM controlling_thresholds WHERE fiscal_year = $1`;

// The controlling thresholds of a fiscal year: the year's own row (ADMIN), or
// the defaults of decision 0500.
@Injectable()
export class ControllingThresholdsService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly years: FiscalYearsService) {}

  async of(m: EntityManager, fiscalYear: number): Promise<ControllingThresholdsResponse> {
    const [row] = await m.query(SELECT, [fiscalYear]);
    return { fiscalYear, ...(row ?? DEFAULT_CONTROLLING_THRESHOLDS), isDefault: !row };
  }

  get(fiscalYear: number): Promise<ControllingThresholdsResponse> {
    return this.tx.run((m) => this.of(m, fiscalYear));
  }

  put(user: AuthUser, fiscalYear: number, dto: PutControllingThresholdsDto): Promise<ControllingThresholdsResponse> {
    if (Number(dto.periodOneUpTo) <= 0 || Number(dto.periodOneUpTo) >= 100) {
      throw DomainError.invalid('periodOneUpTo must lie strictly between 0 and 100', [{ field: 'periodOneUpTo', message: 'between 0 and 100 (exclusive)' }]);
    }
    for (const f of ['periodOneBehind', 'periodTwoBehind', 'behindCashPlanPoints', 'unspentAllotmentPercent'] as const) {
      if (Number(dto[f]) > 100) throw DomainError.invalid(`${f} ${dto[f]} is above 100`, [{ field: f, message: 'at most 100' }]);
    }
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, fiscalYear, ['PLANNING', 'EXECUTION']);
      const before = await this.of(m, fiscalYear);
      await m.query(
        `INSERT INTO controlling_thresholds (fiscal_year, period_one_up_to, period_one_behind, period_two_behind, projection_days, not_tendered_days,
           progress_silence_days, behind_cash_plan_points, unspent_allotment_percent, year_end_days, regulation, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (fiscal_year) DO UPDATE SET period_one_up_to = EXCLUDED.period_one_up_to, period_one_behind = EXCLUDED.period_one_behind,
           period_two_behind = EXCLUDED.period_two_behind, projection_days = EXCLUDED.projection_days, not_tendered_days = EXCLUDED.not_tendered_days,
           progress_silence_days = EXCLUDED.progress_silence_days, behind_cash_plan_points = EXCLUDED.behind_cash_plan_points,
           unspent_allotment_percent = EXCLUDED.unspent_allotment_percent, year_end_days = EXCLUDED.year_end_days, regulation = EXCLUDED.regulation,
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [fiscalYear, dto.periodOneUpTo, dto.periodOneBehind, dto.periodTwoBehind, dto.projectionDays, dto.notTenderedDays, dto.progressSilenceDays,
          dto.behindCashPlanPoints, dto.unspentAllotmentPercent, dto.yearEndDays, dto.regulation.trim(), user.id]);
      const after = await this.of(m, fiscalYear);
      this.audit.record({ action: 'CONTROLLING_THRESHOLDS.PUT', entityType: 'ControllingThresholds', entityId: String(fiscalYear), before, after });
      return after;
    });
  }
}
