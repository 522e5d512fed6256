import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, ErrorKind, FieldError, hasPermission, Money, offsetOf, Page, pageOf, Permission, SqlWhere, TransactionService } from '@grms/core';
import { FiscalYearsService } from '@grms/budget';
import Decimal from 'decimal.js';
import { EntityManager } from 'typeorm';
import { defaultQuarterlyTargets, isPercentUnit, quantity } from '../rules/achievement';
import { CreateIndicatorDto, IndicatorQueryDto, IndicatorResponse, UpdateIndicatorDto } from './indicator.dto';
import { fetchIndicator, INDICATOR_SELECT } from './indicator.queries';

const LEVEL_NO = { PROGRAM: 3, KEGIATAN: 4, SUB_KEGIATAN: 5 } as const;
const sameUnit = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A percentage above 100 on any of the named quantities of a % indicator: the field errors. */
export function percentErrors(unit: string, values: Record<string, string | undefined | null>): FieldError[] {
  if (!isPercentUnit(unit)) return [];
  return Object.entries(values).filter(([, v]) => v !== undefined && v !== null && new Decimal(v).gt(100))
    .map(([field, v]) => ({ field, message: `${v} % is above 100` }));
}

// Performance indicators per OPD and row of the nomenclature (program:
// outcome; kegiatan and sub kegiatan: output), with their targets. A sub
// kegiatan's indicator takes its name and unit from the year's code list
// where the list has them.
@Injectable()
export class IndicatorsService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService, private readonly years: FiscalYearsService) {}

  create(user: AuthUser, dto: CreateIndicatorDto): Promise<IndicatorResponse> {
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, dto.fiscalYear, ['PLANNING', 'EXECUTION']);
      const organizationId = this.access.organizationOrOwn(user, dto.organizationId);
      const [org] = await m.query(`SELECT 1 FROM organizations WHERE id = $1`, [organizationId]);
      if (!org) throw DomainError.notFound('organization', organizationId);
      await this.access.requireOrganization(user, Permission.MONEV_WRITE, organizationId, 'organization');
      const row = await this.nomenclatureRow(m, dto.fiscalYear, dto.code, dto.level);
      const name = dto.name?.trim() || row.indicator;
      if (!name) throw DomainError.invalid(`the nomenclature names no indicator for ${dto.code}: give name`, [{ field: 'name', message: 'required for this row' }]);
      if (row.unit && dto.unit && !sameUnit(row.unit, dto.unit)) {
        throw DomainError.rule('UNIT_MISMATCH', `the indicator of ${dto.code} is measured in ${row.unit} (code list ${row.version}); the request gives ${dto.unit}`, [{ field: 'unit', message: `expected ${row.unit}` }]);
      }
      const unit = row.unit ?? dto.unit?.trim();
      if (!unit) throw DomainError.invalid(`the nomenclature names no unit for ${dto.code}: give unit`, [{ field: 'unit', message: 'required for this row' }]);
      const aggregation = dto.aggregation ?? (dto.cumulative === undefined ? 'SUM' : dto.cumulative ? 'LAST' : 'SUM');
      const quarterly = (dto.quarterlyTargets ?? defaultQuarterlyTargets(dto.target, aggregation)).map(quantity);
      const pct = percentErrors(unit, { target: dto.target, ...Object.fromEntries(quarterly.map((v, i) => [`quarterlyTargets.${i}`, v])),
        baseline: dto.baseline, renstraTarget: dto.renstraTarget, previousRealization: dto.previousRealization });
      if (pct.length) throw DomainError.rule('PERCENT_ABOVE_100', `a percentage indicator (${unit}) takes values of at most 100: ${pct.map((e) => `${e.field} ${e.message}`).join('; ')}`, pct);
      const bad = targetErrors(dto.target, quarterly, aggregation);
      if (bad.length) throw DomainError.rule('INVALID_TARGETS', `the quarterly targets do not fit the annual target: ${bad.map((e) => `${e.field}: ${e.message}`).join('; ')}`, bad);
      const dup = await m.query(`SELECT id FROM monev_indicators WHERE fiscal_year = $1 AND organization_id = $2 AND code = $3 AND name = $4`, [dto.fiscalYear, organizationId, dto.code, name]);
      if (dup.length) throw DomainError.conflict('DUPLICATE', `the OPD already has the indicator "${name}" on ${dto.code} in ${dto.fiscalYear} (${dup[0].id})`);
      const [{ id }] = await m.query(
        `INSERT INTO monev_indicators (fiscal_year, organization_id, level, code, name, unit, unit_kind, direction, aggregation, baseline, target, quarterly_targets,
           renstra_target, renstra_amount, previous_realization, previous_amount, responsible_unit, notes, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::numeric[], $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
        [dto.fiscalYear, organizationId, dto.level, dto.code, name, unit, isPercentUnit(unit) ? 'PERCENT' : 'QUANTITY', dto.direction ?? 'HIGHER_IS_BETTER', aggregation,
          dto.baseline ?? null, dto.target, quarterly, dto.renstraTarget ?? null, dto.renstraAmount ? Money.of(dto.renstraAmount).toString() : null,
          dto.previousRealization ?? null, dto.previousAmount ? Money.of(dto.previousAmount).toString() : null, dto.responsibleUnit?.trim() || null, dto.notes ?? null, user.id]);
      const after = await fetchIndicator(m, id);
      this.audit.record({ action: 'MONEV_INDICATOR.CREATE', entityType: 'MonevIndicator', entityId: id, after });
      return after;
    });
  }

  /**
   * Edits an indicator (decision 0610): under its row lock, at the version the
   * client read; the same rules as creation; what a VERIFIED quarter was
   * measured against (unit, direction, aggregation, its cumulative target)
   * changes only by Bappeda's monitoring team with a reason.
   */
  update(user: AuthUser, id: string, dto: UpdateIndicatorDto): Promise<IndicatorResponse> {
    return this.tx.run(async (m) => {
      const [cur] = await m.query(
        `SELECT id, fiscal_year, organization_id, level, code, name, unit, direction, aggregation, baseline::text, target::text, quarterly_targets::text[] AS quarterly_targets,
           renstra_target::text, previous_realization::text, version FROM monev_indicators WHERE id = $1 FOR UPDATE`, [id]);
      if (!cur) throw DomainError.notFound('indicator', id);
      await this.access.requireOrganization(user, Permission.MONEV_INDICATOR_EDIT, cur.organization_id, 'indicator', id);
      if (dto.expectedVersion !== cur.version) throw DomainError.conflict('STALE_VERSION', `indicator "${cur.name}" is at version ${cur.version}, not ${dto.expectedVersion}: read it again`);
      await this.years.requireStatus(m, cur.fiscal_year, ['PLANNING', 'EXECUTION']);
      const row = await this.nomenclatureRow(m, cur.fiscal_year, cur.code, cur.level);
      if (row.unit && dto.unit && !sameUnit(row.unit, dto.unit)) {
        throw DomainError.rule('UNIT_MISMATCH', `the indicator of ${cur.code} is measured in ${row.unit} (code list ${row.version}); the request gives ${dto.unit}`, [{ field: 'unit', message: `expected ${row.unit}` }]);
      }
      const unit: string = dto.unit === undefined || sameUnit(dto.unit, cur.unit) ? cur.unit : dto.unit.trim();
      const name: string = dto.name?.trim() ?? cur.name;
      const direction: string = dto.direction ?? cur.direction;
      const aggregation: string = dto.aggregation ?? cur.aggregation;
      const target: string = dto.target ?? cur.target;
      const kept: string[] = cur.quarterly_targets;
      const quarterly = (dto.quarterlyTargets ?? (dto.target !== undefined && aggregation !== 'AVERAGE' ? [...kept.slice(0, 3), dto.target] : kept)).map(quantity);
      const realized: { quarter: number; value: string; status: string }[] = await m.query(`SELECT quarter, value::text AS value, status FROM monev_realizations WHERE indicator_id = $1 ORDER BY quarter`, [id]);
      const pct = percentErrors(unit, { target, ...Object.fromEntries(quarterly.map((v, i) => [`quarterlyTargets.${i}`, v])),
        baseline: dto.baseline ?? cur.baseline, renstraTarget: dto.renstraTarget ?? cur.renstra_target, previousRealization: cur.previous_realization,
        ...Object.fromEntries(realized.map((r) => [`realizations.TW ${r.quarter}`, r.value])) });
      if (pct.length) throw DomainError.rule('PERCENT_ABOVE_100', `a percentage indicator (${unit}) takes values of at most 100: ${pct.map((e) => `${e.field} ${e.message}`).join('; ')}`, pct);
      const bad = targetErrors(target, quarterly, aggregation);
      if (bad.length) throw DomainError.rule('INVALID_TARGETS', `the quarterly targets do not fit the annual target: ${bad.map((e) => `${e.field}: ${e.message}`).join('; ')}`, bad);
      const verified = realized.filter((r) => r.status === 'VERIFIED').map((r) => r.quarter);
      const locked = verifiedFieldChanges(verified, { unit: cur.unit, direction: cur.direction, aggregation: cur.aggregation, quarterly: cur.quarterly_targets }, { unit, direction, aggregation, quarterly });
      if (locked.length) {
        const what = `${locked.map((e) => e.field).join(', ')} of "${cur.name}" (verified: ${verified.map((q) => `TW ${q}`).join(', ')})`;
        if (!hasPermission(user.roles, Permission.MONEV_VERIFY)) {
          throw new DomainError('VERIFIED_QUARTER_LOCKED', `verified realisations depend on ${what}: only Bappeda's monitoring team changes them, with a reason`, ErrorKind.CONFLICT, locked);
        }
        if (!dto.reason) throw new DomainError('VERIFIED_QUARTER_LOCKED', `verified realisations depend on ${what}: give the reason for the change`, ErrorKind.CONFLICT, [{ field: 'reason', message: 'required to change what a verified quarter depends on' }]);
        await m.query(`SELECT set_config('grms.monev_indicator_override', 'on', true)`);
      }
      if (name !== cur.name) {
        const dup = await m.query(`SELECT id FROM monev_indicators WHERE fiscal_year = $1 AND organization_id = $2 AND code = $3 AND name = $4 AND id <> $5`, [cur.fiscal_year, cur.organization_id, cur.code, name, id]);
        if (dup.length) throw DomainError.conflict('DUPLICATE', `the OPD already has the indicator "${name}" on ${cur.code} in ${cur.fiscal_year} (${dup[0].id})`);
      }
      const before = await fetchIndicator(m, id);
      await m.query(
        `UPDATE monev_indicators SET name = $2, unit = $3, unit_kind = $4, direction = $5, aggregation = $6, baseline = $7, target = $8, quarterly_targets = $9::numeric[],
           renstra_target = $10, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, name, unit, isPercentUnit(unit) ? 'PERCENT' : 'QUANTITY', direction, aggregation, dto.baseline ?? cur.baseline, target, quarterly, dto.renstraTarget ?? cur.renstra_target]);
      if (locked.length) await m.query(`SELECT set_config('grms.monev_indicator_override', '', true)`);
      const after = await fetchIndicator(m, id);
      this.audit.record({ action: 'MONEV_INDICATOR.UPDATE', entityType: 'MonevIndicator', entityId: id, before, after: { ...after, reason: dto.reason?.trim() ?? null } });
      return after;
    });
  }

  get(user: AuthUser, id: string): Promise<IndicatorResponse> {
    return this.tx.run(async (m) => {
      const row = await fetchIndicator(m, id);
      await this.access.requireOrganization(user, Permission.MONEV_READ, row.organizationId, 'indicator', id);
      return row;
    });
  }

  async list(user: AuthUser, q: IndicatorQueryDto): Promise<Page<IndicatorResponse>> {
    const scope = await this.access.scope(user, Permission.MONEV_READ);
    return this.tx.run(async (m) => {
      const w = new SqlWhere().scope('i.organization_id', scope).add('i.fiscal_year = ?', q.fiscalYear).add('i.organization_id = ?', q.organizationId)
        .add('i.level = ?', q.level).add(`(i.code = ? OR i.code LIKE ? || '.%')`, q.code);
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM monev_indicators i ${w.clause}`, w.params);
      const page = w.page(q.limit, offsetOf(q));
      const rows: IndicatorResponse[] = await m.query(`${INDICATOR_SELECT} ${w.clause} ORDER BY i.fiscal_year, o.code, i.code, i.name ${page.sql}`, page.params);
      return pageOf(rows, total, q);
    });
  }

  /** The row of the year's code-list version at the level: 422 when the year's list has no such row. */
  private async nomenclatureRow(m: EntityManager, year: number, code: string, level: keyof typeof LEVEL_NO): Promise<{ indicator: string | null; unit: string | null; version: string }> {
    const [row] = await m.query(
      `SELECT e.indicator, e.unit, e.level, f.code_list_version AS version FROM fiscal_years f
       LEFT JOIN code_list_entries e ON e.version = f.code_list_version AND e.list = 'nomenclature' AND e.code = $2 WHERE f.year = $1`, [year, code]);
    if (!row?.level) throw DomainError.rule('CODE_NOT_IN_VERSION', `${code} is not in the nomenclature of code list ${row?.version} (fiscal year ${year})`, [{ field: 'code', message: 'not in the year\'s nomenclature' }]);
    if (row.level !== LEVEL_NO[level]) throw DomainError.rule('LEVEL_MISMATCH', `${code} is a level-${row.level} row; ${level} is level ${LEVEL_NO[level]}`, [{ field: 'level', message: `${code} is not a ${level}` }]);
    return { indicator: row.indicator, unit: row.unit, version: row.version };
  }
}

/** Cumulative targets: never below zero; SUM never decreasing; SUM and LAST end at the annual target. */
export function targetErrors(target: string, quarterly: string[], aggregation: string): FieldError[] {
  const errors: FieldError[] = [];
  const q = quarterly.map((v) => new Decimal(v));
  if (aggregation === 'SUM') q.slice(1).forEach((v, i) => { if (v.lt(q[i])) errors.push({ field: `quarterlyTargets.${i + 1}`, message: `${quarterly[i + 1]} is below TW ${i + 1}'s ${quarterly[i]} (targets are cumulative)` }); });
  if (aggregation !== 'AVERAGE' && !q[3].eq(target)) errors.push({ field: 'quarterlyTargets.3', message: `TW IV ${quarterly[3]} is not the annual target ${quantity(target)}` });
  return errors;
}

type Measure = { unit: string; direction: string; aggregation: string; quarterly: string[] };

/** What a change would alter that a VERIFIED quarter was measured against: unit, direction, aggregation, the cumulative target of each verified quarter. */
export function verifiedFieldChanges(verified: number[], before: Measure, after: Measure): FieldError[] {
  if (!verified.length) return [];
  const errors: FieldError[] = [];
  for (const f of ['unit', 'direction', 'aggregation'] as const) if (before[f] !== after[f]) errors.push({ field: f, message: `${before[f]} -> ${after[f]}: verified quarters were measured in it` });
  for (const q of verified) {
    if (!new Decimal(before.quarterly[q - 1]).eq(after.quarterly[q - 1])) {
      errors.push({ field: `quarterlyTargets.${q - 1}`, message: `TW ${q} is verified against ${quantity(before.quarterly[q - 1])}; the request gives ${quantity(after.quarterly[q - 1])}` });
    }
  }
  return errors;
}
