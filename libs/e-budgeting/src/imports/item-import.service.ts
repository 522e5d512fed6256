import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, ErrorKind, FieldError, NumberLocale, TransactionService } from '@grms/core';
import { readTable, TableReadError } from '@grms/e-hsb';
import { DocumentItemsService } from '../documents/document-items.service';
import { CreateDocumentItemDto } from '../documents/dto/document-item.dto';
import { boolCell, columnsOf, moneyCell, parseCoefficients, sheetIssue } from './sheet-cells';

type Field = 'accountCode' | 'fundingSourceCode' | 'hsbCode' | 'description' | 'coefficients' | 'unitPrice' | 'vat' | 'justification';
export const ITEM_COLUMNS: Record<Field, string[]> = {
  accountCode: ['accountCode', 'Kode Rekening'], fundingSourceCode: ['fundingSourceCode', 'Sumber Dana', 'Kode Sumber Dana'],
  hsbCode: ['hsbCode', 'Kode HSB', 'Kode Barang'], description: ['description', 'Uraian'], coefficients: ['coefficients', 'Koefisien'],
  unitPrice: ['unitPrice', 'Harga Satuan', 'Harga'], vat: ['vat', 'PPN'], justification: ['justification', 'Justifikasi'],
};

/** The template's header row (the first name of each column) and an example row priced from the demo catalogue. */
export const ITEM_TEMPLATE = {
  headers: Object.values(ITEM_COLUMNS).map((names) => names[0]),
  example: ['5.1.02.01.01.0024', '1.1.1.01', 'SSH.ATK.0001', 'Kertas HVS A4', '10 sekolah x 20 rim', '55000.00', 'tidak', ''],
};

export interface ItemImportResult { documentId: string; imported: number; total: string }

// Bulk entry of a DRAFT document's items from XLSX (or CSV): every row goes
// through the same rules as POST .../items; any bad row, nothing written.
@Injectable()
export class ItemImportService {
  constructor(private readonly tx: TransactionService, private readonly audit: AuditService, private readonly items: DocumentItemsService) {}

  async import(user: AuthUser, documentId: string, buffer: Buffer, fileName: string, locale: NumberLocale = 'en'): Promise<ItemImportResult> {
    // the document first: an unknown or another OPD's document is 404 and a submitted one 409 whatever the file
    // holds (checked again, under its lock, in the transaction that writes)
    await this.tx.run((m) => this.items.draft(m, user, documentId));
    const table = await readTable(buffer, fileName, { numberLocale: locale }).catch((e: unknown) => {
      if (e instanceof TableReadError) throw DomainError.invalid(e.message, [{ field: 'file', message: e.message }], 'UNREADABLE_FILE');
      throw e;
    });
    const { index, missing } = columnsOf<Field>(table.headers, ITEM_COLUMNS, ['accountCode', 'fundingSourceCode', 'description', 'coefficients', 'unitPrice']);
    if (missing.length) throw DomainError.rule('IMPORT_MISSING_COLUMNS', `the header row lacks ${missing.join(', ')}`, missing.map((c) => ({ row: table.headerRow, field: c, apiField: c, message: 'column not found' })));
    const issue = (f: string, row: number, message: string) => sheetIssue(table.headers, index, f, row, message);
    return this.tx.run(async (m) => {
      const doc = await this.items.draft(m, user, documentId);
      const hsb: { id: string; code: string }[] = await m.query(`SELECT id, code FROM hsb_items WHERE fiscal_year = $1`, [doc.fiscalYear]);
      const hsbId = new Map(hsb.map((h) => [h.code, h.id]));
      const errors: FieldError[] = [];
      let imported = 0;
      for (const r of table.rows) {
        const cell = (f: Field) => (index[f] === undefined ? '' : (r.cells[index[f]!] ?? '').trim());
        const rowErrors: FieldError[] = [];
        const coefficients = parseCoefficients(cell('coefficients'));
        if (!coefficients) rowErrors.push(issue('coefficients', r.row, `"${cell('coefficients')}" is not like "10 orang x 2 hari"`));
        const unitPrice = moneyCell(cell('unitPrice'), locale);
        if ('error' in unitPrice) rowErrors.push(issue('unitPrice', r.row, unitPrice.error));
        const vat = boolCell(cell('vat'));
        if (vat === null) rowErrors.push(issue('vat', r.row, `"${cell('vat')}" is not ya/tidak`));
        const code = cell('hsbCode');
        if (code && !hsbId.has(code)) rowErrors.push(issue('hsbCode', r.row, `no e-HSB item ${code} in ${doc.fiscalYear}`));
        if (!cell('description')) rowErrors.push(issue('description', r.row, 'description is empty'));
        if (rowErrors.length || 'error' in unitPrice) { errors.push(...rowErrors); continue; }
        const dto: CreateDocumentItemDto = { accountCode: cell('accountCode'), fundingSourceCode: cell('fundingSourceCode'), hsbItemId: code ? hsbId.get(code) : undefined,
          description: cell('description').replace(/\s+/g, ' '), coefficients: coefficients!, unitPrice: unitPrice.amount, vat: vat!, justification: cell('justification') || undefined };
        try {
          await this.items.insert(m, doc, dto);
          imported++;
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          // the rule names an API field (hsbItemId is the catalogue code's column)
          const f = e.errors[0]?.field ?? '';
          errors.push(issue(f === 'hsbItemId' ? 'hsbCode' : f.split('.')[0], r.row, `${e.code}: ${e.detail}`));
        }
      }
      if (errors.length) {
        throw new DomainError('IMPORT_INVALID_ROWS', `${new Set(errors.map((e) => e.row)).size} of ${table.rows.length} rows are invalid (first: line ${errors[0].row}, ${errors[0].field}${errors[0].column ? ` (column ${errors[0].column})` : ''}: ${errors[0].message}); nothing was written`, ErrorKind.RULE, errors);
      }
      const [{ total }] = await m.query(`SELECT total FROM budget_documents WHERE id = $1`, [documentId]);
      this.audit.record({ action: 'BUDGET_ITEM.IMPORT', entityType: 'BudgetDocument', entityId: documentId, after: { fileName, imported, total } });
      return { documentId, imported, total };
    });
  }
}
