import { Injectable } from '@nestjs/common';
import { CodeListVersionsService, FiscalYearsService, LedgerKind, LedgerService } from '@grms/budget';
import { AccessService, AuditService, AuthUser, DomainError, Money, offsetOf, Page, pageOf, Permission, SqlWhere, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { nextNumber, requireOrganizationExists } from '../common/doc-lines';
import { TreasuryCashService } from '../treasury/treasury-cash.service';
import { CreateStsDto, RevenueBookQueryDto, RevenueBookResponse, StsQueryDto, StsResponse } from './dto/sts.dto';

export const STS_SELECT = `
  SELECT s.id, s.number, s.fiscal_year AS "fiscalYear", s.organization_id AS "organizationId", o.code AS "organizationCode", o.name AS "organizationName",
    s.budget_line_id AS "budgetLineId", s.account_code AS "accountCode", a.name AS "accountName", s.received_on::text AS "receivedOn",
    s.deposit_date::text AS "depositDate", s.amount, s.payer, s.description, u.username AS "createdBy",
    CASE c.kind WHEN 'CANCELLATION' THEN 'CANCELLED' WHEN 'CORRECTION' THEN 'CORRECTED' ELSE 'RECORDED' END AS status,
    c.value_date::text AS "reversedOn", c.reason AS "cancelReason", cu.username AS "cancelledBy"
  FROM sts s JOIN organizations o ON o.id = s.organization_id JOIN accounts a ON a.code = s.account_code JOIN users u ON u.id = s.created_by
    LEFT JOIN sts_cancellations c ON c.sts_id = s.id LEFT JOIN users cu ON cu.id = c.created_by`;

// Deposit slips (STS, surat tanda setoran) by an OPD's revenue treasurer: the
// revenue reaches the regional treasury. Each posts a REALIZATION on the OPD's
// revenue budget line, value-dated on the deposit (nothing posts into a closed
// month), and writes the revenue treasurer's cash book: received on its day,
// deposited on the deposit date. One transaction, audited.
@Injectable()
export class StsService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly ledger: LedgerService, private readonly years: FiscalYearsService, private readonly codes: CodeListVersionsService,
    private readonly cash: TreasuryCashService,
  ) {}

  create(user: AuthUser, dto: CreateStsDto): Promise<StsResponse> {
    return this.tx.run(async (m) => {
      await this.access.requireOrganization(user, Permission.STS_WRITE, dto.organizationId, 'organization');
      await requireOrganizationExists(m, dto.organizationId);
      const fiscalYear = Number(dto.depositDate.slice(0, 4));
      await this.years.requireStatus(m, fiscalYear, ['EXECUTION'], 'depositDate');
      const receivedOn = dto.receivedOn ?? dto.depositDate;
      await this.checkDates(m, fiscalYear, receivedOn, dto.depositDate);
      const acc = await this.codes.require(m, fiscalYear, 'accounts', dto.accountCode, 'accountCode', 'UNKNOWN_ACCOUNT');
      const line = await this.revenueLine(m, fiscalYear, dto, acc.version);
      await this.ledger.requireOpenPeriods(m, [dto.depositDate]);
      const number = await nextNumber(m, 'STS', dto.organizationId, fiscalYear);
      const [{ id }] = await m.query(
        `INSERT INTO sts (number, fiscal_year, organization_id, budget_line_id, account_code, received_on, deposit_date, amount, payer, description, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [number, fiscalYear, dto.organizationId, line, dto.accountCode, receivedOn, dto.depositDate, Money.of(dto.amount).toString(), dto.payer.trim(), dto.description.trim(), user.id]);
      await this.ledger.post(m, [{ budgetLineId: line, kind: LedgerKind.REALIZATION, amount: Money.of(dto.amount), sourceType: 'Sts', sourceId: id,
        valueDate: dto.depositDate, description: `STS ${number}: ${dto.payer.trim()}` }]);
      await this.cash.book(m, fiscalYear, dto.depositDate, { revenue: Money.of(dto.amount) });
      await this.appendBook(m, dto.organizationId, fiscalYear, id, number, [
        { date: receivedOn, amount: Money.of(dto.amount), description: `${dto.description.trim()} (${dto.payer.trim()}) received` },
        { date: dto.depositDate, amount: Money.of(dto.amount).negate(), description: `deposited to the regional treasury by STS ${number}` },
      ]);
      const [after] = await m.query(`${STS_SELECT} WHERE s.id = $1`, [id]);
      this.audit.record({ action: 'STS.CREATE', entityType: 'Sts', entityId: id, after });
      return after;
    });
  }

  async list(user: AuthUser, q: StsQueryDto): Promise<Page<StsResponse>> {
    const scope = await this.access.scope(user, Permission.STS_READ);
    return this.tx.run(async (m) => {
      const w = new SqlWhere().scope('s.organization_id', scope).add('s.organization_id = ?', q.organizationId).add('s.fiscal_year = ?', q.fiscalYear)
        .add('s.deposit_date >= ?::date', q.from).add('s.deposit_date <= ?::date', q.to);
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM sts s ${w.clause}`, w.params);
      const p = w.page(q.limit, offsetOf(q));
      return pageOf(await m.query(`${STS_SELECT} ${w.clause} ORDER BY s.deposit_date, s.number ${p.sql}`, p.params), total, q);
    });
  }

  get(user: AuthUser, id: string): Promise<StsResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`${STS_SELECT} WHERE s.id = $1`, [id]);
      if (!row) throw DomainError.notFound('STS', id);
      await this.access.requireOrganization(user, Permission.STS_READ, row.organizationId, 'STS', id);
      return row;
    });
  }

  /** The revenue treasurer's cash book of a year: entries in order with the running balance of cash held. */
  async book(user: AuthUser, q: RevenueBookQueryDto): Promise<RevenueBookResponse> {
    const organizationId = this.access.organizationOrOwn(user, q.organizationId);
    await this.access.requireOrganization(user, Permission.STS_READ, organizationId, 'organization');
    return this.tx.run(async (m) => {
      const [sums] = await m.query(
        // a reversal (STS cancelled or corrected, decision 0140) counts against what it reverses: it has the opposite sign
        `SELECT count(*)::int AS total,
           COALESCE(sum(amount) FILTER (WHERE (reverses_entry_id IS NULL) = (amount > 0)), 0)::numeric(20,2)::text AS received,
           COALESCE(-sum(amount) FILTER (WHERE (reverses_entry_id IS NULL) = (amount < 0)), 0)::numeric(20,2)::text AS deposited, COALESCE(sum(amount), 0)::numeric(20,2)::text AS balance
         FROM revenue_book_entries WHERE organization_id = $1 AND fiscal_year = $2`, [organizationId, q.fiscalYear]);
      const data = await m.query(
        `SELECT seq, entry_date::text AS date, document_number AS "documentNumber", description, amount, balance
         FROM revenue_book_entries WHERE organization_id = $1 AND fiscal_year = $2 ORDER BY seq LIMIT $3 OFFSET $4`,
        [organizationId, q.fiscalYear, q.limit, offsetOf(q)]);
      return { data, meta: { page: q.page, limit: q.limit, total: sums.total }, balance: sums.balance, received: sums.received, deposited: sums.deposited };
    });
  }

  private async checkDates(m: EntityManager, fiscalYear: number, receivedOn: string, depositDate: string): Promise<void> {
    const [{ today }] = await m.query(`SELECT current_date::text AS today`);
    const refuse = (field: string, msg: string) => { throw DomainError.rule('INVALID_VALUE_DATE', msg, [{ field, message: msg }]); };
    if (depositDate > today) refuse('depositDate', `depositDate ${depositDate} is in the future (today is ${today})`);
    if (receivedOn > depositDate) refuse('receivedOn', `receivedOn ${receivedOn} is after the deposit date ${depositDate}`);
    if (Number(receivedOn.slice(0, 4)) !== fiscalYear) refuse('receivedOn', `receivedOn ${receivedOn} is outside fiscal year ${fiscalYear} of the deposit`);
  }

  /** The OPD's revenue line for the account (or the one named), with a refusal naming the code and version. */
  private async revenueLine(m: EntityManager, fiscalYear: number, dto: CreateStsDto, version: string): Promise<string> {
    const lines: { id: string; subActivityCode: string; fundingSourceCode: string }[] = await m.query(
      `SELECT id, sub_activity_code AS "subActivityCode", funding_source_code AS "fundingSourceCode" FROM budget_lines
       WHERE fiscal_year = $1 AND organization_id = $2 AND account_code = $3 AND ($4::uuid IS NULL OR id = $4::uuid) ORDER BY sub_activity_code, funding_source_code`,
      [fiscalYear, dto.organizationId, dto.accountCode, dto.budgetLineId ?? null]);
    const fail = (code: string, field: string, msg: string): never => { throw DomainError.rule(code, msg, [{ field, message: msg }]); };
    if (lines.length === 0 && dto.budgetLineId) return fail('UNKNOWN_REVENUE_LINE', 'budgetLineId', `budget line ${dto.budgetLineId} is not a revenue line of this OPD for account ${dto.accountCode} in ${fiscalYear}`);
    if (lines.length === 0) {
      return fail('NO_REVENUE_ESTIMATE', 'accountCode', `the OPD has no revenue budget line for account ${dto.accountCode} (code list version ${version}, fiscal year ${fiscalYear}); a revenue document (RKA pendapatan) with its estimate is approved first`);
    }
    if (lines.length > 1) {
      return fail('AMBIGUOUS_REVENUE_LINE', 'budgetLineId', `the OPD has ${lines.length} revenue lines for account ${dto.accountCode}: ${lines.map((l) => `${l.id} (${l.subActivityCode} / ${l.fundingSourceCode})`).join(', ')}; name one as budgetLineId`);
    }
    return lines[0].id;
  }

  /** Appends to the book in date order (an entry dated before the last one is refused), keeping the balance of cash held. */
  private async appendBook(m: EntityManager, organizationId: string, fiscalYear: number, stsId: string, number: string, entries: { date: string; amount: Money; description: string }[]): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('revenue-book:' || $1 || ':' || $2))`, [organizationId, fiscalYear]);
    const [last] = await m.query(
      `SELECT seq, entry_date::text AS date, balance FROM revenue_book_entries WHERE organization_id = $1 AND fiscal_year = $2 ORDER BY seq DESC LIMIT 1`, [organizationId, fiscalYear]);
    if (last && entries[0].date < last.date) {
      const msg = `the revenue cash book's last entry is dated ${last.date}; an STS received on ${entries[0].date} cannot be written before it (record deposits in date order)`;
      throw DomainError.rule('BOOK_DATE_BEFORE_LAST', msg, [{ field: 'receivedOn', message: msg }]);
    }
    let seq = last ? last.seq : 0;
    let balance = last ? Money.of(last.balance) : Money.ZERO;
    for (const e of entries) {
      seq += 1;
      balance = balance.plus(e.amount);
      await m.query(
        `INSERT INTO revenue_book_entries (organization_id, fiscal_year, seq, entry_date, amount, balance, description, sts_id, document_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [organizationId, fiscalYear, seq, e.date, e.amount.toString(), balance.toString(), e.description, stsId, number]);
    }
  }
}
