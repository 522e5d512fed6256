import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, AuditService, AuthUser, CursorPage, DomainError, Keyset, keysetAfterRow, keysetOrderBy, listPage, Money, Permission, snapshotPages, SqlWhere, TransactionService, whereAnd } from '@grms/core';
import { FiscalYearsService, LedgerKind, LedgerService, labelSuffix, lineLabels } from '@grms/budget';
import { CONTRACTABLE, PackageStatus, PackageWorkflowService } from '@grms/e-project-planning';
import { DataSource, EntityManager } from 'typeorm';
import { CONTRACT_SELECT, fetchContract, lockContract } from './contract.queries';
import { deliverySettings } from './delivery-settings';
import { ContractQueryDto, ContractResponse, CreateContractDto } from './dto/contract.dto';
import { terminSchedule } from './termin-schedule';

/** Contracts that hold or held a commitment (not drafts). */
const LIVE = `('SIGNED','HANDED_OVER','COMPLETED','TERMINATED','CLOSED')`;

// Contracts on a package, drafted by the project officer (PPK) and signed by
// another holder of contract:sign (four-eyes). Signing posts COMMITMENT on
// each funding line through the ledger, under the line's lock, only if the
// amount fits in appropriated - committed - disbursed.
@Injectable()
export class ContractsService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService, private readonly packages: PackageWorkflowService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  create(user: AuthUser, dto: CreateContractDto): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const pkg = await this.lockPackage(m, user, dto.packageId);
      await this.years.requireStatus(m, pkg.fiscal_year, ['EXECUTION']);
      const [vendor] = await m.query(`SELECT id, name, qualification, vat_registered, bank_accounts, blacklisted, blacklist_ref FROM vendors WHERE id = $1`, [dto.vendorId]);
      if (!vendor) throw DomainError.notFound('vendor', dto.vendorId);
      if (vendor.blacklisted) throw DomainError.rule('VENDOR_BLACKLISTED', `vendor ${vendor.name} is blacklisted (${vendor.blacklist_ref})`, [{ field: 'vendorId', message: 'blacklisted' }]);
      const value = Money.of(dto.value);
      await this.checkWithinPackage(m, pkg, value, null);
      if (dto.startDate > dto.endDate) throw DomainError.invalid('startDate is after endDate', [{ field: 'endDate', message: 'before startDate' }]);
      const settings = deliverySettings(pkg.fiscal_year);
      const advance = Money.of(dto.advance ?? '0');
      const maxPct = vendor.qualification === 'SMALL' ? settings.advanceMaxSmallPercent : settings.advanceMaxOtherPercent;
      const maxAdvance = value.times(new Decimal(maxPct).dividedBy(100));
      if (advance.gt(maxAdvance)) {
        throw DomainError.rule('ADVANCE_ABOVE_LIMIT', `advance ${advance} > ${maxPct}% of the value ${value} = ${maxAdvance} (vendor qualification ${vendor.qualification ?? 'not declared'})`, [{ field: 'advance', message: `at most ${maxAdvance}` }]);
      }
      const retention = dto.maintenanceBond ? '0' : settings.retentionPercent;
      const termins = terminSchedule(value, advance, retention, dto.termins);
      const funding = dto.fundingLines ?? (pkg.funding.length === 1 ? [{ budgetLineId: pkg.funding[0].budgetLineId, amount: value.toString() }] : null);
      if (!funding) throw DomainError.invalid('the package has several funding lines: name the contract\'s fundingLines', [{ field: 'fundingLines', message: 'required' }]);
      this.checkFunding(value, funding, pkg.funding);
      const accounts: { bankName: string; bankAccount: string }[] = vendor.bank_accounts;
      const account = dto.bankAccount ? accounts.find((a) => a.bankAccount === dto.bankAccount) : accounts[0];
      if (!account) throw DomainError.rule('NOT_VENDOR_ACCOUNT', `bank account ${dto.bankAccount} is not one of vendor ${vendor.name}'s accounts`, [{ field: 'bankAccount', message: 'not the vendor\'s' }]);
      const dpp = dto.dpp ? Money.of(dto.dpp) : vendor.vat_registered ? Money.fromDecimal(value.toDecimal().times(100).dividedBy(111)) : value;
      const [dup] = await m.query(`SELECT id FROM contracts WHERE number = $1`, [dto.number.trim()]);
      if (dup) throw DomainError.conflict('CONTRACT_NUMBER_EXISTS', `contract number ${dto.number} is already used`);
      const [{ id }] = await m.query(
        `INSERT INTO contracts (number, package_id, vendor_id, fiscal_year, organization_id, signed_on, document_type, contract_type, original_value, value, dpp,
           start_order_date, start_date, end_date, maintenance_days, advance_amount, performance_bond, retention_percent, maintenance_bond, bank_name, bank_account, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) RETURNING id`,
        [dto.number.trim(), pkg.id, vendor.id, pkg.fiscal_year, pkg.organization_id, dto.signedOn, dto.documentType ?? 'AGREEMENT', dto.contractType ?? 'LUMP_SUM',
          value.toString(), dpp.toString(), dto.startOrderDate ?? null, dto.startDate, dto.endDate, dto.maintenanceDays ?? 0, advance.toString(),
          Money.of(dto.performanceBond ?? '0').toString(), retention, dto.maintenanceBond ?? false, account.bankName, account.bankAccount, user.id]);
      for (const f of funding) await m.query(`INSERT INTO contract_funding (contract_id, budget_line_id, amount) VALUES ($1, $2, $3)`, [id, f.budgetLineId, Money.of(f.amount).toString()]);
      for (const t of termins) {
        await m.query(
          `INSERT INTO contract_termins (contract_id, termin_no, kind, percent, amount, progress_threshold, advance_recovery, retention_held) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, t.terminNo, t.kind, t.percent, t.amount.toString(), t.progressThreshold, t.advanceRecovery.toString(), t.retentionHeld.toString()]);
      }
      const after = await fetchContract(m, id);
      this.audit.record({ action: 'CONTRACT.CREATE', entityType: 'Contract', entityId: id, after });
      return after;
    });
  }

  sign(user: AuthUser, id: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const c = await this.lock(m, user, id, Permission.CONTRACT_SIGN);
      if (c.status !== 'DRAFT') throw DomainError.invalidTransition('contract', c.status, 'signed');
      if (c.created_by === user.id) throw DomainError.sameMakerAndApprover('contract');
      await this.years.requireStatus(m, c.fiscal_year, ['EXECUTION']);
      const pkg = await this.lockPackage(m, user, c.package_id);
      await this.checkWithinPackage(m, pkg, Money.of(c.value), id);
      const before = await fetchContract(m, id);
      await this.commit(m, id, before.fundingLines.map((f) => ({ budgetLineId: f.budgetLineId, amount: Money.of(f.amount) })), `contract ${c.number} signed`, 'Contract');
      await m.query(`UPDATE contracts SET status = 'SIGNED', signed_by = $2, signed_at = now() WHERE id = $1`, [id, user.id]);
      await this.packages.markStatus(m, c.package_id, 'CONTRACTED');
      const after = await fetchContract(m, id);
      this.audit.record({ action: 'CONTRACT.SIGN', entityType: 'Contract', entityId: id, before, after });
      return after;
    });
  }

  /**
   * Posts COMMITMENT (positive: only within appropriated - committed -
   * disbursed, checked here under the lines' lock with the arithmetic;
   * negative: a release) and keeps the contract's share per line.
   */
  async commit(m: EntityManager, contractId: string, lines: { budgetLineId: string; amount: Money }[], description: string, sourceType: string): Promise<void> {
    const nonZero = await this.requireAvailable(m, lines);
    await this.ledger.post(m, nonZero.map((l) => ({ budgetLineId: l.budgetLineId, kind: LedgerKind.COMMITMENT, amount: l.amount, sourceType, sourceId: contractId, description })));
    for (const l of nonZero) {
      await m.query(`UPDATE contract_funding SET committed = committed + $3 WHERE contract_id = $1 AND budget_line_id = $2`, [contractId, l.budgetLineId, l.amount.toString()]);
    }
  }

  /** Locks the lines and refuses an increase above `appropriated - committed - disbursed`, with the arithmetic; returns the non-zero changes. */
  async requireAvailable(m: EntityManager, lines: { budgetLineId: string; amount: Money }[]): Promise<{ budgetLineId: string; amount: Money }[]> {
    const nonZero = lines.filter((l) => !l.amount.isZero());
    const locked = await this.ledger.lockLines(m, nonZero.map((l) => l.budgetLineId));
    const labels = await lineLabels(m, nonZero.map((l) => l.budgetLineId));
    const refusals = nonZero.filter((l) => l.amount.isPositive()).map((l) => {
      const b = locked.get(l.budgetLineId)!;
      const avail = Money.of(b.appropriated).minus(Money.of(b.committed)).minus(Money.of(b.disbursed));
      return l.amount.gt(avail)
        ? `requested ${l.amount} > appropriated ${Money.of(b.appropriated)} - committed ${Money.of(b.committed)} - disbursed ${Money.of(b.disbursed)} = ${avail} on budget line ${l.budgetLineId}${labelSuffix(labels, l.budgetLineId)}`
        : null;
    }).filter((x): x is string => x !== null);
    if (refusals.length) throw DomainError.rule('INSUFFICIENT_BUDGET', `not enough uncommitted budget: ${refusals.join('; ')}`, refusals.map((r) => ({ field: 'fundingLines', message: r })));
    return nonZero;
  }

  get(user: AuthUser, id: string): Promise<ContractResponse> {
    return this.tx.run(async (m) => {
      const row = await fetchContract(m, id);
      await this.access.requireOrganization(user, Permission.CONTRACT_READ, row.organizationId, 'contract', id);
      return row;
    });
  }

  /** One page of the register, by number (with the real total) or after a cursor (decision 0063). */
  async list(user: AuthUser, q: ContractQueryDto): Promise<CursorPage<ContractResponse>> {
    const w = this.filters(q, await this.access.scope(user, Permission.CONTRACT_READ));
    return this.tx.run((m) => listPage<ContractResponse>(m, CONTRACT_KEYSET, q, { select: CONTRACT_SELECT, countFrom: 'contracts c', where: w }));
  }

  /** Every contract matching the filters, in register order, as pages of one snapshot (the downloads). */
  async allPages(user: AuthUser, q: ContractQueryDto): Promise<AsyncIterable<ContractResponse[]>> {
    const w = this.filters(q, await this.access.scope(user, Permission.CONTRACT_READ));
    return snapshotPages<ContractResponse>(this.ds, (m, last, limit) => {
      const after = keysetAfterRow(CONTRACT_KEYSET, last, w.params.length);
      return m.query(`${CONTRACT_SELECT} ${whereAnd(w.clause, after?.sql)} ${keysetOrderBy(CONTRACT_KEYSET)} LIMIT ${limit}`, [...w.params, ...(after?.params ?? [])]);
    });
  }

  private filters(q: ContractQueryDto, scope: string[] | null): SqlWhere {
    return new SqlWhere().scope('c.organization_id', scope).add('c.fiscal_year = ?', q.fiscalYear).add('c.organization_id = ?', q.organizationId).add('c.status = ?', q.status);
  }

  async lock(m: EntityManager, user: AuthUser, id: string, permission: Permission) {
    const c = await lockContract(m, id);
    await this.access.requireOrganization(user, permission, c.organization_id, 'contract', id);
    return c;
  }

  private async lockPackage(m: EntityManager, user: AuthUser, id: string) {
    const [pkg] = await m.query(`SELECT id, status, fiscal_year, organization_id, value::text, code FROM packages WHERE id = $1 FOR UPDATE`, [id]);
    if (!pkg) throw DomainError.notFound('package', id);
    await this.access.requireOrganization(user, Permission.CONTRACT_WRITE, pkg.organization_id, 'package', id);
    if (!CONTRACTABLE.includes(pkg.status as PackageStatus)) {
      throw DomainError.rule('PACKAGE_NOT_CONTRACTABLE', `package ${pkg.code} is ${pkg.status}; a contract needs an approved package`, [{ field: 'packageId', message: `package is ${pkg.status}` }]);
    }
    const funding: { budgetLineId: string; amount: string }[] = await m.query(`SELECT budget_line_id AS "budgetLineId", amount::text FROM package_funding WHERE package_id = $1 ORDER BY budget_line_id`, [id]);
    return { ...pkg, funding } as { id: string; status: string; fiscal_year: number; organization_id: string; value: string; code: string; funding: { budgetLineId: string; amount: string }[] };
  }

  /** The signed contracts of a package (and this one) stay within the package value. */
  private async checkWithinPackage(m: EntityManager, pkg: { id: string; value: string; code: string }, value: Money, contractId: string | null): Promise<void> {
    const [{ signed }] = await m.query(`SELECT COALESCE(sum(value), 0)::text AS signed FROM contracts WHERE package_id = $1 AND status IN ${LIVE} AND ($2::uuid IS NULL OR id <> $2)`, [pkg.id, contractId]);
    const rest = Money.of(pkg.value).minus(Money.of(signed));
    if (value.gt(rest)) {
      throw DomainError.rule('CONTRACT_EXCEEDS_PACKAGE', `contract value ${value} > package ${pkg.code} value ${Money.of(pkg.value)} - signed contracts ${Money.of(signed)} = ${rest}`, [{ field: 'value', message: `at most ${rest}` }]);
    }
  }

  private checkFunding(value: Money, funding: { budgetLineId: string; amount: string }[], pkgFunding: { budgetLineId: string; amount: string }[]): void {
    const byLine = new Map(pkgFunding.map((f) => [f.budgetLineId, Money.of(f.amount)]));
    funding.forEach((f, i) => {
      const p = byLine.get(f.budgetLineId);
      if (!p) throw DomainError.rule('LINE_NOT_OF_PACKAGE', `budget line ${f.budgetLineId} does not fund the package`, [{ field: `fundingLines.${i}.budgetLineId`, message: 'not a funding line of the package' }]);
      if (Money.of(f.amount).gt(p)) throw DomainError.rule('CONTRACT_EXCEEDS_PACKAGE', `line ${f.budgetLineId}: ${Money.of(f.amount)} > the package's ${p} on it`, [{ field: `fundingLines.${i}.amount`, message: `at most ${p}` }]);
    });
    const sum = Money.sum(funding.map((f) => Money.of(f.amount)));
    if (!sum.eq(value)) throw DomainError.rule('FUNDING_NOT_VALUE', `the funding lines sum to ${sum}, the contract value is ${value}`, [{ field: 'fundingLines', message: `sum ${sum} <> ${value}` }]);
  }
}

/** The register's order: signing date, number (unique), id; on the index contracts_list_order_idx. */
const CONTRACT_KEYSET: Keyset<ContractResponse> = {
  name: 'contracts',
  parts: [{ sql: 'c.signed_on', type: 'date', field: 'signedOn' }, { sql: 'c.number', type: 'text', field: 'number' }, { sql: 'c.id', type: 'uuid', field: 'id' }],
};
