import { Injectable } from '@nestjs/common';
import { AccessService, AuditService, AuthUser, DomainError, Money, offsetOf, Page, pageOf, Permission, SqlWhere, TransactionService, normalizeNpwp } from '@grms/core';
import { FiscalYearsService, PaymentKind, TaxRatesService } from '@grms/budget';
import { BkuPosting, BkuService } from '../bku/bku.service';
import { requireBookDate } from '../bku/book-date';
import { loadOrgLines, requireOrganizationExists } from '../common/doc-lines';
import { accountCodesOf, paymentTaxes } from '../spp/spp.service';
import { storeTaxes } from '../taxes/store-taxes';
import { asksPkpTax } from '../taxes/tax-calc';
import { CreateReceiptDto, ReceiptQueryDto, ReceiptResponse } from './dto/receipt.dto';
import { accountedOf, fetchReceipt, RECEIPT_SELECT } from './receipts.queries';

// Receipts (bukti) of advance spending: the treasurer records each payment
// made from a UP, GU or TU advance when it happens. It writes the BKU on the
// receipt's date (net paid, taxes withheld into the TAX sub-ledger per type);
// an SPJ later gathers receipts and its approval realises them in the ledger.
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly audit: AuditService,
    private readonly taxes: TaxRatesService, private readonly bku: BkuService, private readonly years: FiscalYearsService,
  ) {}

  create(user: AuthUser, dto: CreateReceiptDto): Promise<ReceiptResponse> {
    let npwp: string | null = null;
    if (dto.payee.npwp) {
      npwp = normalizeNpwp(dto.payee.npwp);
      if (!npwp) throw DomainError.invalid(`NPWP ${dto.payee.npwp} is not 15 or 16 digits`, [{ field: 'payee.npwp', message: 'must be 15 or 16 digits' }], 'INVALID_NPWP');
    }
    if ((dto.medium === 'PANJAR') !== !!dto.officer) throw DomainError.invalid('a payment from a panjar names the officer who holds it, and only such a payment does', [{ field: 'officer', message: 'with medium PANJAR, and only then' }]);
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, dto.organizationId);
      await this.access.requireOrganization(user, Permission.SPJ_WRITE, dto.organizationId, 'organization');
      const [adv] = await m.query(`SELECT id, number, type, status, organization_id, fiscal_year, gross::text, to_char(issued_on, 'YYYY-MM-DD') AS issued_on FROM sp2d WHERE id = $1 FOR UPDATE`, [dto.advanceSp2dId]);
      if (!adv || adv.organization_id !== dto.organizationId) throw DomainError.notFound('SP2D', dto.advanceSp2dId);
      if (adv.type === 'LS') throw DomainError.rule('NOT_AN_ADVANCE', `SP2D ${adv.number} is an LS payment; receipts record spending from a UP, GU or TU advance`, [{ field: 'advanceSp2dId', message: 'not an advance' }]);
      if (adv.status !== 'ISSUED') throw DomainError.rule('ADVANCE_NOT_LIVE', `SP2D ${adv.number} is ${adv.status}`, [{ field: 'advanceSp2dId', message: adv.status }]);
      const year = await requireBookDate(m, dto.organizationId, dto.receiptDate, 'receiptDate');
      if (year !== adv.fiscal_year || dto.receiptDate < adv.issued_on) {
        throw DomainError.rule('RECEIPT_BEFORE_ADVANCE', `a payment from advance ${adv.number} (issued ${adv.issued_on}) cannot be dated ${dto.receiptDate}`, [{ field: 'receiptDate', message: `before ${adv.issued_on}` }]);
      }
      await loadOrgLines(m, [dto.budgetLineId], dto.organizationId);
      const [{ line_year: lineYear }] = await m.query(`SELECT fiscal_year AS line_year FROM budget_lines WHERE id = $1`, [dto.budgetLineId]);
      if (lineYear !== adv.fiscal_year) throw DomainError.rule('LINE_OF_ANOTHER_YEAR', `budget line ${dto.budgetLineId} belongs to fiscal year ${lineYear}, the advance to ${adv.fiscal_year}`, [{ field: 'budgetLineId', message: 'another year' }]);
      const [dup] = await m.query(`SELECT 1 FROM receipts WHERE organization_id = $1 AND fiscal_year = $2 AND number = $3`, [dto.organizationId, year, dto.number.trim()]);
      if (dup) throw DomainError.conflict('RECEIPT_NUMBER_TAKEN', `receipt ${dto.number.trim()} is already recorded in ${year}`);
      const gross = Money.of(dto.gross);
      const rest = Money.of(adv.gross).minus(await accountedOf(m, adv.id));
      if (gross.gt(rest)) {
        throw DomainError.rule('RECEIPT_EXCEEDS_ADVANCE', `receipt ${gross} > advance ${Money.of(adv.gross)} - already accounted or recorded ${Money.of(adv.gross).minus(rest)} = ${rest} (SP2D ${adv.number})`, [{ field: 'gross', message: `at most ${rest}` }]);
      }
      const codes = (dto.taxes ?? []).map((x) => x.code);
      // an unstated VAT registration follows the taxes asked (a PPN withheld says the payee is a PKP)
      const vatRegistered = dto.payee.vatRegistered ?? (codes.length > 0 && asksPkpTax(codes, await this.taxes.rulesOf(m, year)));
      const t = await paymentTaxes(m, this.taxes, year, codes, {
        gross, paymentKind: adv.type as PaymentKind, accountCodes: await accountCodesOf(m, [dto.budgetLineId]),
        payee: { hasNpwp: npwp !== null, vatRegistered, qualification: null },
      });
      const [{ id }] = await m.query(
        `INSERT INTO receipts (number, organization_id, fiscal_year, advance_sp2d_id, receipt_date, payee_name, payee_npwp, payee_vat_registered, budget_line_id,
           gross, dpp, taxes_total, net, medium, description, created_by, officer)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
        [dto.number.trim(), dto.organizationId, year, adv.id, dto.receiptDate, dto.payee.name.trim(), npwp, vatRegistered, dto.budgetLineId,
          gross.toString(), t.dpp.toString(), t.taxesTotal.toString(), t.net.toString(), dto.medium, dto.description.trim(), user.id, dto.officer?.trim() ?? null]);
      await storeTaxes(m, 'receipt', id, t.taxes);
      const doc = `bukti ${dto.number.trim()}`;
      const p = (subLedger: BkuPosting['subLedger'], amount: Money, description: string, taxCode: string | null = null): BkuPosting =>
        ({ subLedger, amount, description, sourceType: 'Receipt', sourceId: id, documentNumber: doc, taxCode, officer: subLedger === 'PANJAR' ? dto.officer!.trim() : null });
      const postings = [p(dto.medium, t.net.negate(), `${doc}: ${dto.description.trim()}, paid to ${dto.payee.name.trim()}`)];
      for (const x of t.taxes.filter((x) => x.amount.isPositive())) {
        postings.push(p(dto.medium, x.amount.negate(), `${doc}: ${x.code} withheld`), p('TAX', x.amount, `${doc}: ${x.code} withheld, to be deposited`, x.code));
      }
      await this.bku.append(m, dto.organizationId, year, postings.filter((x) => !x.amount.isZero()), dto.receiptDate);
      const after = await fetchReceipt(m, id);
      this.audit.record({ action: 'RECEIPT.CREATE', entityType: 'Receipt', entityId: id, after });
      return after;
    });
  }

  // A receipt recorded by mistake, before an SPJ gathers it: its BKU entries
  // are reversed (dated as the book allows, naming the receipt), it no longer
  // counts against its advance, and it keeps its number. A receipt in an SPJ
  // is freed by rejecting that SPJ first.
  cancel(user: AuthUser, id: string, reason: string): Promise<ReceiptResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`SELECT r.id, r.number, r.status, r.organization_id, r.fiscal_year, j.number AS spj_number FROM receipts r LEFT JOIN spj j ON j.id = r.spj_id WHERE r.id = $1 FOR UPDATE OF r`, [id]);
      if (!row) throw DomainError.notFound('receipt', id);
      await this.access.requireOrganization(user, Permission.SPJ_WRITE, row.organization_id, 'receipt', id);
      if (row.status === 'IN_SPJ') throw DomainError.conflict('RECEIPT_IN_SPJ', `receipt ${row.number} is gathered by SPJ ${row.spj_number}: the PA/KPA rejects that SPJ first, then the receipt can be cancelled`);
      if (row.status !== 'RECORDED') throw DomainError.invalidTransition('receipt', row.status, 'cancelled');
      await this.years.requireStatus(m, row.fiscal_year, ['EXECUTION']);
      const before = await fetchReceipt(m, id);
      await this.bku.reverseSource(m, 'Receipt', id, { sourceType: 'ReceiptCancellation', sourceId: id, description: `bukti ${row.number} cancelled: ${reason}` });
      await m.query(`UPDATE receipts SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = now(), cancel_reason = $3 WHERE id = $1`, [id, user.id, reason]);
      const after = await fetchReceipt(m, id);
      this.audit.record({ action: 'RECEIPT.CANCEL', entityType: 'Receipt', entityId: id, before, after: { ...after, reason } });
      return after;
    });
  }

  get(user: AuthUser, id: string): Promise<ReceiptResponse> {
    return this.tx.run(async (m) => {
      const row = await fetchReceipt(m, id);
      await this.access.requireOrganization(user, Permission.SPP_READ, row.organizationId, 'receipt', id);
      return row;
    });
  }

  list(user: AuthUser, q: ReceiptQueryDto): Promise<Page<ReceiptResponse>> {
    return this.tx.run(async (m) => {
      await requireOrganizationExists(m, q.organizationId);
      await this.access.requireOrganization(user, Permission.SPP_READ, q.organizationId, 'organization');
      const w = new SqlWhere().add('r.organization_id = ?', q.organizationId).add('r.fiscal_year = ?', q.fiscalYear)
        .add('r.advance_sp2d_id = ?', q.advanceSp2dId).add('r.status = ?', q.status);
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM receipts r ${w.clause}`, w.params);
      const page = w.page(q.limit, offsetOf(q));
      return pageOf(await m.query(`${RECEIPT_SELECT} ${w.clause} ORDER BY r.receipt_date, r.created_at, r.id ${page.sql}`, page.params), total, q);
    });
  }
}
