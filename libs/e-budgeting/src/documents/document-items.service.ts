import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, Money, Permission, TransactionService } from '@grms/core';
import { CodeListVersionsService, TaxRatesService, vatFraction } from '@grms/budget';
import { HsbItemsService, HsbPricing } from '@grms/e-hsb';
import { EntityManager } from 'typeorm';
import { Coefficient, itemAmounts } from '../pricing/item-amounts';
import { requireAccountOfKind } from './document-kind';
import { DocumentRow, DocumentStore, ITEM_SELECT } from './document-store';
import { CreateDocumentItemDto, DocumentItemResponse, UpdateDocumentItemDto } from './dto/document-item.dto';

const MAX_TOTAL = Money.of('999999999999999999.99');

interface StoredItem extends CreateDocumentItemDto { hsbVersionId: string | null }

// Budget items of a DRAFT document: priced from the catalogue (a HARD price
// cannot be exceeded, an ESTIMATE only with a justification), on an account
// the catalogue item allows, VAT at the fiscal year's rate.
@Injectable()
export class DocumentItemsService {
  constructor(
    private readonly tx: TransactionService, private readonly audit: AuditService, private readonly store: DocumentStore,
    private readonly hsb: HsbItemsService, private readonly taxRates: TaxRatesService, private readonly codes: CodeListVersionsService,
  ) {}

  async add(user: AuthUser, documentId: string, dto: CreateDocumentItemDto): Promise<DocumentItemResponse> {
    return this.tx.run(async (m) => {
      const doc = await this.draft(m, user, documentId);
      const id = await this.insert(m, doc, dto);
      const [after] = await m.query(`${ITEM_SELECT} WHERE i.id = $1`, [id]);
      this.audit.record({ action: 'BUDGET_ITEM.CREATE', entityType: 'BudgetDocumentItem', entityId: id, after: { documentId, ...after } });
      return after;
    });
  }

  /** For bulk imports: prices and inserts one item; throws a DomainError naming the rule. */
  async insert(m: EntityManager, doc: DocumentRow, dto: CreateDocumentItemDto): Promise<string> {
    const priced = await this.price(m, doc, dto, null);
    const [{ id }] = await m.query(
      `INSERT INTO budget_document_items (document_id, account_code, funding_source_code, hsb_item_id, hsb_version_id, description, coefficients,
         volume, volume_unit, unit_price, vat, vat_rate, subtotal, vat_amount, total, justification)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [doc.id, ...priced]);
    await this.store.refreshTotal(m, doc.id);
    return id;
  }

  async update(user: AuthUser, documentId: string, itemId: string, dto: UpdateDocumentItemDto): Promise<DocumentItemResponse> {
    return this.tx.run(async (m) => {
      const doc = await this.draft(m, user, documentId);
      const before = await this.item(m, documentId, itemId);
      const merged: CreateDocumentItemDto = {
        accountCode: dto.accountCode ?? before.accountCode, fundingSourceCode: dto.fundingSourceCode ?? before.fundingSourceCode,
        hsbItemId: dto.hsbItemId ?? before.hsbItemId ?? undefined, description: dto.description ?? before.description,
        coefficients: dto.coefficients ?? before.coefficients, unitPrice: dto.unitPrice ?? before.unitPrice,
        vat: dto.vat ?? before.vat, justification: dto.justification ?? before.justification ?? undefined,
      };
      // The same catalogue item keeps the version it was priced with.
      const keep = merged.hsbItemId && merged.hsbItemId === before.hsbItemId ? before.hsbVersionId : null;
      const p = await this.price(m, doc, merged, keep);
      await m.query(
        `UPDATE budget_document_items SET account_code = $2, funding_source_code = $3, hsb_item_id = $4, hsb_version_id = $5, description = $6,
           coefficients = $7::jsonb, volume = $8, volume_unit = $9, unit_price = $10, vat = $11, vat_rate = $12, subtotal = $13, vat_amount = $14,
           total = $15, justification = $16, updated_at = now() WHERE id = $1`, [itemId, ...p]);
      await this.store.refreshTotal(m, documentId);
      const [after] = await m.query(`${ITEM_SELECT} WHERE i.id = $1`, [itemId]);
      this.audit.record({ action: 'BUDGET_ITEM.UPDATE', entityType: 'BudgetDocumentItem', entityId: itemId, before, after: { documentId, ...after } });
      return after;
    });
  }

  async remove(user: AuthUser, documentId: string, itemId: string): Promise<void> {
    await this.tx.run(async (m) => {
      await this.draft(m, user, documentId);
      const before = await this.item(m, documentId, itemId);
      await m.query(`DELETE FROM budget_document_items WHERE id = $1`, [itemId]);
      await this.store.refreshTotal(m, documentId);
      this.audit.record({ action: 'BUDGET_ITEM.DELETE', entityType: 'BudgetDocumentItem', entityId: itemId, before: { documentId, ...before } });
    });
  }

  async draft(m: EntityManager, user: AuthUser, documentId: string): Promise<DocumentRow> {
    const doc = await this.store.require(m, user, documentId, Permission.BUDGET_DOC_WRITE, true);
    if (doc.status !== 'DRAFT') throw DomainError.conflict('DOCUMENT_NOT_DRAFT', `budget document ${documentId} is ${doc.status}; items change only while it is DRAFT`);
    // every change of items goes through here: its author becomes an editor, who may not approve the document
    await this.store.recordEditor(m, doc.id, user.id);
    return doc;
  }

  private async item(m: EntityManager, documentId: string, itemId: string): Promise<StoredItem> {
    const [row] = await m.query(
      `SELECT account_code AS "accountCode", funding_source_code AS "fundingSourceCode", hsb_item_id AS "hsbItemId", hsb_version_id AS "hsbVersionId",
         description, coefficients, unit_price AS "unitPrice", vat, justification
       FROM budget_document_items WHERE id = $1 AND document_id = $2`, [itemId, documentId]);
    if (!row) throw DomainError.notFound('budget item', itemId);
    return row;
  }

  /** Checks every rule and returns the column values $2..$16 of an item row. */
  private async price(m: EntityManager, doc: DocumentRow, dto: CreateDocumentItemDto, keepVersionId: string | null): Promise<unknown[]> {
    const fail = (code: string, field: string, msg: string): never => { throw DomainError.rule(code, msg, [{ field, message: msg }]); };
    // Codes of the document's fiscal year's code-list version only.
    const acc = await this.codes.require(m, doc.fiscalYear, 'accounts', dto.accountCode, 'accountCode', 'UNKNOWN_ACCOUNT');
    requireAccountOfKind(doc.kind, dto.accountCode, acc.version, doc.fiscalYear);
    if (acc.level !== 6) fail('INVALID_ACCOUNT', 'accountCode', `${dto.accountCode} is not an account leaf (level 6 of code list version ${acc.version})`);
    if (doc.kind !== 'EXPENDITURE') {
      // revenue and financing estimates are amounts, not priced purchases
      if (dto.hsbItemId) fail('HSB_NOT_FOR_DOCUMENT', 'hsbItemId', `a ${doc.kind} document is not priced from the e-HSB catalogue`);
      if (dto.vat) fail('VAT_NOT_FOR_DOCUMENT', 'vat', `a ${doc.kind} document carries no VAT`);
    }
    const fs = await this.codes.require(m, doc.fiscalYear, 'funding_sources', dto.fundingSourceCode, 'fundingSourceCode', 'UNKNOWN_FUNDING_SOURCE');
    if (!fs.leaf) fail('INVALID_FUNDING_SOURCE', 'fundingSourceCode', `funding source ${dto.fundingSourceCode} has sub-sources; use one of them`);
    let unitPrice = dto.unitPrice === undefined ? null : Money.of(dto.unitPrice);
    let pricing: HsbPricing | null = null;
    if (dto.hsbItemId) {
      pricing = keepVersionId ? await this.hsb.versionPricing(m, keepVersionId) : await this.hsb.pricing(m, dto.hsbItemId);
      if (!pricing) return fail('UNKNOWN_HSB_ITEM', 'hsbItemId', `e-HSB item ${dto.hsbItemId} does not exist`);
      if (!keepVersionId) {
        if (pricing.fiscalYear !== doc.fiscalYear) fail('HSB_ITEM_OTHER_YEAR', 'hsbItemId', `e-HSB item ${pricing.code} belongs to fiscal year ${pricing.fiscalYear}, the document to ${doc.fiscalYear}`);
        if (pricing.locked) fail('HSB_ITEM_LOCKED', 'hsbItemId', `e-HSB item ${pricing.code} is locked by the price team and cannot be used for new pricing`);
      }
      if (!pricing.accountCodes.includes(dto.accountCode)) {
        fail('ACCOUNT_NOT_ALLOWED_FOR_HSB_ITEM', 'accountCode', `e-HSB item ${pricing.code} may be budgeted under ${pricing.accountCodes.join(', ') || 'no account'}, not ${dto.accountCode}`);
      }
      // no unit price given: the catalogue price is the default
      unitPrice ??= Money.of(pricing.price);
      if (unitPrice.gt(pricing.price)) {
        if (pricing.ceiling === 'HARD') {
          fail('EXCEEDS_HSB_CEILING', 'unitPrice', `unit price ${unitPrice} exceeds the HARD ceiling ${pricing.price} of e-HSB item ${pricing.code} (version ${pricing.version}) by ${unitPrice.minus(pricing.price)}`);
        }
        if (!dto.justification?.trim()) {
          fail('JUSTIFICATION_REQUIRED', 'justification', `unit price ${unitPrice} is above the ESTIMATE ${pricing.price} of e-HSB item ${pricing.code} (version ${pricing.version}); a justification is required`);
        }
      }
    }
    if (!unitPrice) return fail('VALIDATION_FAILED', 'unitPrice', 'unitPrice is required when no e-HSB item is given');
    const coefficients: Coefficient[] = dto.coefficients.map((c) => ({ quantity: c.quantity.trim(), unit: c.unit.trim() }));
    // VAT at the year's PPN rate from the one tax table (reference data).
    const rate = dto.vat ? await vatFraction(this.taxRates, m, doc.fiscalYear) : '0';
    const a = itemAmounts(coefficients, unitPrice, dto.vat, rate);
    if (a.total.gt(MAX_TOTAL)) fail('AMOUNT_TOO_LARGE', 'coefficients', `the item total ${a.total} is larger than an amount can be`);
    return [dto.accountCode, dto.fundingSourceCode, pricing?.itemId ?? null, pricing?.versionId ?? null, dto.description.trim(), JSON.stringify(coefficients),
      a.volume, a.volumeUnit, unitPrice.toString(), dto.vat, rate, a.subtotal.toString(), a.vatAmount.toString(), a.total.toString(), dto.justification?.trim() || null];
  }
}
