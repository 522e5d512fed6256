import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, CursorPage, DomainError, Keyset, listPage, Money, Permission, SqlWhere, TransactionService } from '@grms/core';
import { FiscalYearsService, LedgerService, labelSuffix, lineLabels } from '@grms/budget';
import { EntityManager } from 'typeorm';
import { CreatePackageDto, PackageBodyDto, PackagePlanDto, PackageQueryDto, PackageResponse, RevisePackageDto } from './dto/package.dto';
import { directMaxOf, fetchPackage, PACKAGE_SELECT, packagedByLine } from './package.queries';
import { financialPlanErrors, methodRefusal, physicalPlanErrors, requireFundingSumsToValue } from './package-rules';

const EDITABLE = ['DRAFT'];
const REVISABLE = ['ANNOUNCED', 'IN_PROCUREMENT'];

// Work packages (paket) on DPA lines, by the OPD's planner or project officer.
// Per budget line the packages never exceed the appropriation: the line is
// locked (ledger order) before the other packages on it are summed, so two
// requests on one line serialize and the second sees the first.
@Injectable()
export class PackagesService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService,
  ) {}

  create(user: AuthUser, dto: CreatePackageDto): Promise<PackageResponse> {
    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, dto.fiscalYear, ['PLANNING', 'EXECUTION']);
      const [org] = await m.query(`SELECT 1 FROM organizations WHERE id = $1`, [dto.organizationId]);
      if (!org) throw DomainError.notFound('organization', dto.organizationId);
      await this.access.requireOrganization(user, Permission.PACKAGE_WRITE, dto.organizationId, 'organization');
      await this.checkBody(m, dto, { fiscalYear: dto.fiscalYear, organizationId: dto.organizationId, subActivityCode: dto.subActivityCode }, null);
      const [{ n }] = await m.query(`SELECT nextval('package_code_seq')::text AS n`);
      const [{ id }] = await m.query(
        `INSERT INTO packages (code, fiscal_year, organization_id, sub_activity_code, created_by, name, location, type, mode, method, value,
           procurement_start, procurement_end, execution_start, execution_end)
         VALUES ($1, $2, $3, $4, $5, '', '[]', $6, 'PROVIDER', $7, $8, $9, $10, $11, $12) RETURNING id`,
        [`PKT/${dto.fiscalYear}/${n.padStart(6, '0')}`, dto.fiscalYear, dto.organizationId, dto.subActivityCode, user.id, dto.type, dto.method, Money.of(dto.value).toString(),
          dto.procurementStart, dto.procurementEnd, dto.executionStart, dto.executionEnd]);
      await this.write(m, id, dto);
      const after = await fetchPackage(m, id);
      this.audit.record({ action: 'PACKAGE.CREATE', entityType: 'Package', entityId: id, after });
      return after;
    });
  }

  /** Edits a draft; after announcement the change is a new version with a reason (the old one is kept). */
  revise(user: AuthUser, id: string, dto: RevisePackageDto): Promise<PackageResponse> {
    return this.tx.run(async (m) => {
      const row = await this.lock(m, user, id, Permission.PACKAGE_WRITE);
      const revision = REVISABLE.includes(row.status);
      if (!EDITABLE.includes(row.status) && !revision) throw DomainError.invalidTransition('package', row.status, 'changed');
      if (revision && !dto.reason) throw DomainError.invalid('a revision after announcement needs a reason', [{ field: 'reason', message: 'required after announcement' }]);
      const before = await fetchPackage(m, id);
      await this.checkBody(m, dto, { fiscalYear: row.fiscal_year, organizationId: row.organization_id, subActivityCode: row.sub_activity_code }, id);
      if (revision) {
        await m.query(`INSERT INTO package_versions (package_id, version, snapshot, reason, created_by) VALUES ($1, $2, $3, $4, $5)`,
          [id, before.version, JSON.stringify(before), dto.reason, user.id]);
        await m.query(`UPDATE packages SET version = version + 1, revision_reason = $2 WHERE id = $1`, [id, dto.reason]);
      }
      await m.query(`DELETE FROM package_funding WHERE package_id = $1`, [id]);
      await this.write(m, id, dto);
      const after = await fetchPackage(m, id);
      this.audit.record({ action: revision ? 'PACKAGE.REVISE' : 'PACKAGE.UPDATE', entityType: 'Package', entityId: id, before, after: { ...after, reason: dto.reason ?? null } });
      return after;
    });
  }

  setPlan(user: AuthUser, id: string, dto: PackagePlanDto): Promise<PackageResponse> {
    return this.tx.run(async (m) => {
      const row = await this.lock(m, user, id, Permission.PACKAGE_WRITE);
      if (row.status === 'CANCELLED' || row.status === 'COMPLETED') throw DomainError.invalidTransition('package', row.status, 'planned');
      const errors = [...physicalPlanErrors(dto.physical), ...financialPlanErrors(dto.financial, Money.of(row.value))];
      if (errors.length) throw DomainError.rule('INVALID_PLAN', `the plan is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
      const before = await fetchPackage(m, id);
      await m.query(`UPDATE packages SET physical_plan = $2::numeric[], financial_plan = $3::numeric[], updated_at = now() WHERE id = $1`,
        [id, dto.physical, dto.financial.map((f) => Money.of(f).toString())]);
      const after = await fetchPackage(m, id);
      this.audit.record({ action: 'PACKAGE.PLAN', entityType: 'Package', entityId: id, before, after });
      return after;
    });
  }

  get(user: AuthUser, id: string): Promise<PackageResponse> {
    return this.tx.run(async (m) => {
      const row = await fetchPackage(m, id);
      await this.access.requireOrganization(user, Permission.PACKAGE_READ, row.organizationId, 'package', id);
      return row;
    });
  }

  /** One page by code, by number (with the real total) or after a cursor (decision 0063). */
  async list(user: AuthUser, q: PackageQueryDto): Promise<CursorPage<PackageResponse>> {
    const scope = await this.access.scope(user, Permission.PACKAGE_READ);
    return this.tx.run(async (m) => {
      const w = new SqlWhere().scope('p.organization_id', scope).add('p.fiscal_year = ?', q.fiscalYear).add('p.organization_id = ?', q.organizationId)
        .add('p.status = ?', q.status).add('p.sub_activity_code = ?', q.subActivityCode);
      const page = await listPage<PackageResponse>(m, PACKAGE_KEYSET, q, { select: PACKAGE_SELECT, countFrom: 'packages p', where: w });
      return { ...page, data: page.data.map((r) => ({ ...r, warnings: [] })) };
    });
  }

  /** The package row, locked; 404 when unknown or outside the user's OPD. */
  async lock(m: EntityManager, user: AuthUser, id: string, permission: Permission): Promise<{ id: string; status: string; fiscal_year: number; organization_id: string; sub_activity_code: string; value: string; created_by: string; code: string }> {
    const [row] = await m.query(`SELECT id, status, fiscal_year, organization_id, sub_activity_code, value::text, created_by, code FROM packages WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw DomainError.notFound('package', id);
    await this.access.requireOrganization(user, permission, row.organization_id, 'package', id);
    return row;
  }

  private async checkBody(m: EntityManager, dto: PackageBodyDto, at: { fiscalYear: number; organizationId: string; subActivityCode: string }, packageId: string | null): Promise<void> {
    await this.resolveLocation(m, dto, at.organizationId);
    const value = Money.of(dto.value);
    requireFundingSumsToValue(value, dto.fundingLines);
    if (dto.multiYear && !dto.multiYearRef) throw DomainError.invalid('a multi-year package names its approval reference', [{ field: 'multiYearRef', message: 'required when multiYear' }]);
    const dates = [dto.procurementStart, dto.procurementEnd, dto.executionStart, dto.executionEnd];
    if (!(dates[0] <= dates[1] && dates[2] <= dates[3] && dates[0] <= dates[2])) {
      throw DomainError.invalid('the schedule runs procurementStart <= procurementEnd, executionStart <= executionEnd, procurementStart <= executionStart', [{ field: 'executionStart', message: 'schedule out of order' }]);
    }
    const threshold = await directMaxOf(m, at.fiscalYear, dto.type);
    const refusal = methodRefusal(dto.type, dto.method, value, Money.of(threshold.directMax));
    if (refusal) throw refusal;
    const ids = dto.fundingLines.map((f) => f.budgetLineId);
    const locked = await this.ledger.lockLines(m, ids);
    const refs: { id: string; organization_id: string; fiscal_year: number; sub_activity_code: string }[] = await m.query(
      `SELECT id, organization_id, fiscal_year, sub_activity_code FROM budget_lines WHERE id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(refs.map((r) => [r.id, r]));
    dto.fundingLines.forEach((f, i) => {
      const r = byId.get(f.budgetLineId)!;
      if (r.organization_id !== at.organizationId) throw DomainError.notFound('budget line', f.budgetLineId);
      if (r.fiscal_year !== at.fiscalYear || r.sub_activity_code !== at.subActivityCode) {
        throw DomainError.rule('LINE_NOT_OF_PACKAGE', `budget line ${f.budgetLineId} is of ${r.fiscal_year} / ${r.sub_activity_code}; the package is of ${at.fiscalYear} / ${at.subActivityCode}`, [{ field: `fundingLines.${i}.budgetLineId`, message: 'another year or sub kegiatan' }]);
      }
    });
    const packaged = await packagedByLine(m, ids, packageId);
    const labels = await lineLabels(m, ids);
    const refusals = dto.fundingLines.map((f, i) => {
      const appropriated = Money.of(locked.get(f.budgetLineId)!.appropriated);
      const other = Money.of(packaged.get(f.budgetLineId) ?? '0');
      const rest = appropriated.minus(other);
      return Money.of(f.amount).gt(rest)
        ? { field: `fundingLines.${i}.amount`, message: `requested ${Money.of(f.amount)} > appropriated ${appropriated} - other packages ${other} = ${rest} on budget line ${f.budgetLineId}${labelSuffix(labels, f.budgetLineId)}` }
        : null;
    }).filter((x): x is { field: string; message: string } => x !== null);
    if (refusals.length) throw DomainError.rule('PACKAGE_EXCEEDS_APPROPRIATION', `the package exceeds its budget lines: ${refusals.map((r) => r.message).join('; ')}`, refusals);
  }

  // API.md's free-text `location` becomes the one location of the package, in
  // the region of the regional government: the code of the PEMDA organization
  // above the OPD (33 for the province of Jawa Tengah). Decision 0115.
  private async resolveLocation(m: EntityManager, dto: PackageBodyDto, organizationId: string): Promise<void> {
    if (dto.location === undefined) return;
    if (dto.locations !== undefined) throw DomainError.invalid('give either location or locations, not both', [{ field: 'location', message: 'not with locations' }]);
    const [pemda] = await m.query(
      `WITH RECURSIVE up AS (SELECT id, code, kind, parent_id, 0 AS depth FROM organizations WHERE id = $1
         UNION ALL SELECT o.id, o.code, o.kind, o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.parent_id WHERE up.depth < 10)
       SELECT code FROM up WHERE kind = 'PEMDA' AND code ~ '^[0-9]{2}([.][0-9]{2}){0,3}$' ORDER BY depth LIMIT 1`, [organizationId]);
    if (!pemda) {
      throw DomainError.invalid('the organization has no regional government (PEMDA) with a region code above it: give locations with their regionCode',
        [{ field: 'locations', message: 'required: no region code to place location in' }]);
    }
    dto.locations = [{ regionCode: pemda.code, detail: dto.location.trim() }];
  }

  private async write(m: EntityManager, id: string, dto: PackageBodyDto): Promise<void> {
    await m.query(
      `UPDATE packages SET name = $2, description = $3, volume = $4, unit = $5, location = $6, type = $7, mode = $8, method = $9, value = $10,
         domestic_product = $11, small_business = $12, multi_year = $13, multi_year_ref = $14, procurement_start = $15, procurement_end = $16,
         execution_start = $17, execution_end = $18, use_start = $19, updated_at = now() WHERE id = $1`,
      [id, dto.name.trim(), dto.description ?? null, dto.volume ?? null, dto.unit ?? null, JSON.stringify(dto.locations), dto.type, dto.mode ?? 'PROVIDER', dto.method,
        Money.of(dto.value).toString(), dto.domesticProduct ?? true, dto.smallBusiness ?? false, dto.multiYear ?? false, dto.multiYearRef ?? null,
        dto.procurementStart, dto.procurementEnd, dto.executionStart, dto.executionEnd, dto.useStart ?? null]);
    for (const f of dto.fundingLines) {
      await m.query(`INSERT INTO package_funding (package_id, budget_line_id, amount) VALUES ($1, $2, $3)`, [id, f.budgetLineId, Money.of(f.amount).toString()]);
    }
  }
}

/** The package list's order: the code (unique, its index), then the id. */
const PACKAGE_KEYSET: Keyset<PackageResponse> = {
  name: 'packages',
  parts: [{ sql: 'p.code', type: 'text', field: 'code' }, { sql: 'p.id', type: 'uuid', field: 'id' }],
};
