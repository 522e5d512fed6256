import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Money, offsetOf, Page, pageOf, Permission, SqlWhere, TransactionService } from '@grms/core';
import { EntityManager } from 'typeorm';
import { BkuService } from '../bku/bku.service';
import { requireOrganizationExists, ts } from '../common/doc-lines';
import { requireBookDate } from '../bku/book-date';
import { CreateTaxDepositDto, DepositProofDto, TaxDepositQueryDto, TaxDepositResponse } from './dto/tax-deposit.dto';

const SELECT = `
  SELECT t.id, t.organization_id AS "organizationId", t.fiscal_year AS "fiscalYear", t.tax_code AS "taxCode", t.amount::text AS amount,
    to_char(t.deposited_on, 'YYYY-MM-DD') AS "depositedOn", t.billing_code AS "billingCode", t.ntpn, t.source_type AS "sourceType",
    t.document_number AS "documentNumber", ${ts('t.cancelled_at')} AS "cancelledAt", u.username AS "createdBy"
  FROM tax_deposits t JOIN users u ON u.id = t.created_by`;

// Tax deposits (setoran pajak): what leaves the treasurer's TAX sub-ledger
// into the state treasury, each with its billing code and, once paid, its
// NTPN. LS taxes are deposited on the SP2D's day by the SP2D itself; taxes
// withheld on receipts are deposited here from the book's balance per type.
@Injectable()
export class TaxDepositsService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService, private readonly bku: BkuService) {}

  /** Records a deposit row in the caller's transaction (the BKU entry is the caller's). */
  async insert(m: EntityManager, d: { organizationId: string; fiscalYear: number; taxCode: string; amount: Money; depositedOn: string | null; billingCode?: string | null; ntpn?: string | null;
    sourceType: 'Sp2d' | 'Treasurer'; sourceId: string | null; documentNumber: string | null; userId: string }): Promise<string> {
    if (d.ntpn) await this.requireNewNtpn(m, d.ntpn);
    const [{ id }] = await m.query(
      `INSERT INTO tax_deposits (organization_id, fiscal_year, tax_code, amount, deposited_on, billing_code, ntpn, source_type, source_id, document_number, created_by)
       VALUES ($1, $2, $3, $4, COALESCE($5::date, current_date), $6, $7, $8, $9, $10, $11) RETURNING id`,
      [d.organizationId, d.fiscalYear, d.taxCode, d.amount.toString(), d.depositedOn, d.billingCode ?? null, d.ntpn ?? null, d.sourceType, d.sourceId, d.documentNumber, d.userId]);
    return id;
  }

  create(user: AuthUser, dto: CreateTaxDepositDto): Promise<TaxDepositResponse> {
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, dto.organizationId);
      await this.access.requireOrganization(user, Permission.BKU_WRITE, dto.organizationId, 'organization');
      const year = await requireBookDate(m, dto.organizationId, dto.depositDate, 'depositDate');
      const amount = Money.of(dto.amount);
      // the book row lock serialises deposits (and every writer of the book) before the balance of the type is read
      await m.query(`SELECT 1 FROM bku_books WHERE organization_id = $1 AND fiscal_year = $2 FOR UPDATE`, [dto.organizationId, year]);
      const [{ held }] = await m.query(`SELECT COALESCE(sum(amount), 0)::text AS held FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2 AND sub_ledger = 'TAX' AND tax_code = $3`,
        [dto.organizationId, year, dto.taxCode]);
      if (amount.gt(Money.of(held))) {
        throw DomainError.rule('DEPOSIT_EXCEEDS_TAX_HELD', `deposit of ${dto.taxCode} ${amount} > ${dto.taxCode} withheld and not yet deposited ${Money.of(held)} in the ${year} cash book`, [{ field: 'amount', message: `at most ${Money.of(held)}` }]);
      }
      const id = await this.insert(m, { organizationId: dto.organizationId, fiscalYear: year, taxCode: dto.taxCode, amount, depositedOn: dto.depositDate, billingCode: dto.billingCode, ntpn: dto.ntpn,
        sourceType: 'Treasurer', sourceId: null, documentNumber: dto.ntpn, userId: user.id });
      await this.bku.append(m, dto.organizationId, year, [{ subLedger: 'TAX', amount: amount.negate(), description: `${dto.taxCode} deposited, billing ${dto.billingCode}, NTPN ${dto.ntpn}`,
        sourceType: 'TaxDeposit', sourceId: id, documentNumber: `NTPN ${dto.ntpn}`, taxCode: dto.taxCode }], dto.depositDate);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'TAX_DEPOSIT.CREATE', entityType: 'TaxDeposit', entityId: id, after });
      return after;
    });
  }

  /** Adds the billing code and NTPN to a deposit made without them (LS taxes deposited by the SP2D). */
  prove(user: AuthUser, id: string, dto: DepositProofDto): Promise<TaxDepositResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT organization_id, ntpn, cancelled_at FROM tax_deposits WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw DomainError.notFound('tax deposit', id);
      await this.access.requireOrganization(user, Permission.TAX_DEPOSIT_WRITE, row.organization_id, 'tax deposit', id);
      if (row.cancelled_at) throw DomainError.conflict('DEPOSIT_CANCELLED', 'the SP2D of this deposit was cancelled');
      if (row.ntpn) throw DomainError.conflict('DEPOSIT_ALREADY_PROVEN', `this deposit already carries NTPN ${row.ntpn}`);
      await this.requireNewNtpn(m, dto.ntpn);
      const before = await this.fetch(m, id);
      await m.query(`UPDATE tax_deposits SET billing_code = $2, ntpn = $3 WHERE id = $1`, [id, dto.billingCode, dto.ntpn]);
      const after = await this.fetch(m, id);
      this.audit.record({ action: 'TAX_DEPOSIT.PROVE', entityType: 'TaxDeposit', entityId: id, before, after });
      return after;
    });
  }

  async list(user: AuthUser, q: TaxDepositQueryDto): Promise<Page<TaxDepositResponse>> {
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, q.organizationId);
      await this.access.requireOrganization(user, Permission.BKU_READ, q.organizationId, 'organization');
      const w = new SqlWhere().add('t.organization_id = ?', q.organizationId).add('t.fiscal_year = ?', q.fiscalYear).add('t.tax_code = ?', q.taxCode);
      if (q.missingNtpn === 'true') w.add('t.ntpn IS NULL AND t.cancelled_at IS NULL AND ? = 1', 1);
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM tax_deposits t ${w.clause}`, w.params);
      const page = w.page(q.limit, offsetOf(q));
      return pageOf(await m.query(`${SELECT} ${w.clause} ORDER BY t.deposited_on, t.created_at, t.tax_code, t.id ${page.sql}`, page.params), total, q);
    });
  }

  async fetch(m: EntityManager, id: string): Promise<TaxDepositResponse> {
    const [row] = await m.query(`${SELECT} WHERE t.id = $1`, [id]);
    if (!row) throw DomainError.notFound('tax deposit', id);
    return row;
  }

  private async requireNewNtpn(m: EntityManager, ntpn: string): Promise<void> {
    const [dup] = await m.query(`SELECT document_number FROM tax_deposits WHERE ntpn = $1`, [ntpn]);
    if (dup) throw DomainError.conflict('NTPN_ALREADY_USED', `NTPN ${ntpn} already proves another deposit${dup.document_number ? ` (${dup.document_number})` : ''}`);
  }
}
