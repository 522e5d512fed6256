import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Permission, TransactionService } from '@grms/core';
import { FiscalYearsService } from '@grms/budget';
import { EntityManager } from 'typeorm';
import { RealizationResponse } from '../indicators/indicator.dto';
import { fetchRealization } from '../indicators/indicator.queries';
import { percentErrors } from '../indicators/indicators.service';
import { quantity } from '../rules/achievement';
import { quarterEnd, quarterStart, todayWib, windowState } from '../rules/quarters';
import { MonevSettingsService } from '../settings/monev-settings.service';
import { CreateRealizationDto, UpdateRealizationDto } from './realization.dto';

type Indicator = { id: string; fiscal_year: number; organization_id: string; unit: string; name: string };
type Row = { id: string; status: string; quarter: number; value: string; evidence: string; obstacles: string | null; submitted_by: string | null; indicator_id: string; version: number };

// Quarterly realisations of an indicator: entered and submitted by the OPD's
// planner inside the quarter's entry window, verified or rejected (with a
// reason) by Bappeda's monitoring team. A rejected realisation is corrected
// and resubmitted, even after the window closed (decision 0600): the
// rejection, not the calendar, decides that it is still open.
@Injectable()
export class RealizationsService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly years: FiscalYearsService, private readonly settings: MonevSettingsService,
  ) {}

  /** `today` is the service's clock (WIB); the demo seeder enters past quarters on the days they were entered. */
  create(user: AuthUser, indicatorId: string, dto: CreateRealizationDto, today = todayWib()): Promise<RealizationResponse> {
    return this.tx.run(async (m) => {
      const ind = await this.indicator(m, user, indicatorId);
      await this.years.requireStatus(m, ind.fiscal_year, ['EXECUTION']);
      await this.requireWindow(m, ind.fiscal_year, dto.quarter, today);
      this.checkValue(ind, dto.value, dto.unit);
      const [dup] = await m.query(`SELECT id, status FROM monev_realizations WHERE indicator_id = $1 AND quarter = $2`, [indicatorId, dto.quarter]);
      if (dup) throw DomainError.conflict('DUPLICATE', `TW ${dto.quarter} of this indicator already has a realisation (${dup.id}, ${dup.status}): correct it with PATCH /monev/realizations/${dup.id}`);
      const [{ id }] = await m.query(
        `INSERT INTO monev_realizations (indicator_id, quarter, value, evidence, obstacles, entered_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [indicatorId, dto.quarter, dto.value, dto.evidence.trim(), dto.obstacles?.trim() || null, user.id]);
      return this.finish(m, user, id, 'CREATE', null, null);
    });
  }

  update(user: AuthUser, id: string, dto: UpdateRealizationDto, today = todayWib()): Promise<RealizationResponse> {
    return this.tx.run(async (m) => {
      const { row, ind } = await this.lock(m, user, id, Permission.MONEV_WRITE);
      if (row.status !== 'DRAFT' && row.status !== 'REJECTED') throw DomainError.invalidTransition('realization', row.status, 'changed (only DRAFT or REJECTED)');
      if (row.status === 'DRAFT') await this.requireWindow(m, ind.fiscal_year, row.quarter, today);
      if (dto.value !== undefined || dto.unit !== undefined) this.checkValue(ind, dto.value ?? row.value, dto.unit);
      const before = await fetchRealization(m, id);
      await m.query(`UPDATE monev_realizations SET value = $2, evidence = $3, obstacles = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, dto.value ?? row.value, dto.evidence?.trim() ?? row.evidence, dto.obstacles === undefined ? row.obstacles : dto.obstacles.trim() || null]);
      return this.finish(m, user, id, 'UPDATE', before, null);
    });
  }

  submit(user: AuthUser, id: string, today = todayWib()): Promise<RealizationResponse> {
    return this.tx.run(async (m) => {
      const { row, ind } = await this.lock(m, user, id, Permission.MONEV_WRITE);
      if (row.status !== 'DRAFT' && row.status !== 'REJECTED') throw DomainError.invalidTransition('realization', row.status, 'submitted');
      if (row.status === 'DRAFT') await this.requireWindow(m, ind.fiscal_year, row.quarter, today);
      const before = await fetchRealization(m, id);
      await m.query(`UPDATE monev_realizations SET status = 'SUBMITTED', submitted_by = $2, submitted_at = now(), verified_by = NULL, verified_at = NULL, updated_at = now() WHERE id = $1`, [id, user.id]);
      return this.finish(m, user, id, 'SUBMIT', before, null);
    });
  }

  verify(user: AuthUser, id: string): Promise<RealizationResponse> {
    return this.decide(user, id, 'VERIFY', null);
  }

  reject(user: AuthUser, id: string, reason: string): Promise<RealizationResponse> {
    return this.decide(user, id, 'REJECT', reason.trim());
  }

  private decide(user: AuthUser, id: string, action: 'VERIFY' | 'REJECT', reason: string | null): Promise<RealizationResponse> {
    return this.tx.run(async (m) => {
      const { row } = await this.lock(m, user, id, Permission.MONEV_VERIFY);
      const verb = action === 'VERIFY' ? 'verified' : 'rejected';
      // the way forward, for a client that follows API.md (create, then verify) and meets the submission step
      if (row.status === 'DRAFT') throw DomainError.invalidTransition('realization', row.status, `${verb} until the OPD's planner submits it (POST /monev/realizations/${id}/submit)`);
      if (row.status !== 'SUBMITTED') throw DomainError.invalidTransition('realization', row.status, verb);
      if (row.submitted_by === user.id) throw DomainError.sameMakerAndApprover('realization');
      const before = await fetchRealization(m, id);
      await m.query(`UPDATE monev_realizations SET status = $2, reject_reason = $3, verified_by = $4, verified_at = now(), updated_at = now() WHERE id = $1`,
        [id, action === 'VERIFY' ? 'VERIFIED' : 'REJECTED', reason, user.id]);
      return this.finish(m, user, id, action, before, reason);
    });
  }

  private async finish(m: EntityManager, user: AuthUser, id: string, action: string, before: RealizationResponse | null, reason: string | null): Promise<RealizationResponse> {
    await m.query(`INSERT INTO monev_realization_events (realization_id, action, status, value, evidence, reason, actor_id)
      SELECT id, $2, status, value, evidence, $3, $4 FROM monev_realizations WHERE id = $1`, [id, action, reason, user.id]);
    const after = await fetchRealization(m, id);
    this.audit.record({ action: `MONEV_REALIZATION.${action}`, entityType: 'MonevRealization', entityId: id, before, after });
    return after;
  }

  private async indicator(m: EntityManager, user: AuthUser, id: string): Promise<Indicator> {
    const [ind] = await m.query(`SELECT id, fiscal_year, organization_id, unit, name FROM monev_indicators WHERE id = $1 FOR SHARE`, [id]);
    if (!ind) throw DomainError.notFound('indicator', id);
    await this.access.requireOrganization(user, Permission.MONEV_WRITE, ind.organization_id, 'indicator', id);
    return ind;
  }

  private async lock(m: EntityManager, user: AuthUser, id: string, permission: Permission): Promise<{ row: Row; ind: Indicator }> {
    const [row] = await m.query(`SELECT id, status, quarter, value::text, evidence, obstacles, submitted_by, indicator_id, version FROM monev_realizations WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw DomainError.notFound('realization', id);
    // FOR SHARE: a verification waits for an edit of the indicator in progress (and the other way round)
    const [ind] = await m.query(`SELECT id, fiscal_year, organization_id, unit, name FROM monev_indicators WHERE id = $1 FOR SHARE`, [row.indicator_id]);
    await this.access.requireOrganization(user, permission, ind.organization_id, 'realization', id);
    return { row, ind };
  }

  private checkValue(ind: Indicator, value: string, unit: string | undefined): void {
    if (unit !== undefined && unit.trim().toLowerCase() !== ind.unit.trim().toLowerCase()) {
      throw DomainError.rule('UNIT_MISMATCH', `"${ind.name}" is measured in ${ind.unit}; the realisation gives ${unit}`, [{ field: 'unit', message: `expected ${ind.unit}` }]);
    }
    const pct = percentErrors(ind.unit, { value: quantity(value) });
    if (pct.length) throw DomainError.rule('PERCENT_ABOVE_100', `"${ind.name}" is a percentage (${ind.unit}): the realisation ${quantity(value)} is above 100`, pct);
  }

  private async requireWindow(m: EntityManager, year: number, quarter: number, today: string): Promise<void> {
    const s = await this.settings.of(m, year);
    const deadline = s.deadlines[quarter - 1];
    const state = windowState(year, quarter, deadline, today);
    if (state === 'NOT_STARTED') throw DomainError.rule('QUARTER_NOT_STARTED', `TW ${quarter} ${year} begins on ${quarterStart(year, quarter)}; today is ${today}`, [{ field: 'quarter', message: 'not started' }]);
    if (state === 'CLOSED') {
      throw DomainError.rule('QUARTER_CLOSED', `the entry window of TW ${quarter} ${year} (${quarterStart(year, quarter)} to ${quarterEnd(year, quarter)}) closed on ${deadline}; today is ${today}`, [{ field: 'quarter', message: `closed on ${deadline}` }]);
    }
  }
}
