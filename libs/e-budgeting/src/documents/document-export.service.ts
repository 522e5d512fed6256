import { Injectable } from '@nestjs/common';
import { AuthUser, Money, Permission, TransactionService, spreadsheetDecimal } from '@grms/core';
import ExcelJS from 'exceljs';
import { DocumentStore } from './document-store';
import { DocumentDetailResponse } from './dto/document.dto';

export interface ExportRow { kind: 'ACCOUNT' | 'ITEM' | 'TOTAL'; code: string; description: string; coefficients: string; volume: string; unit: string; unitPrice: string; vat: string; total: string }
export interface DocumentExport { title: string; fileName: string; document: DocumentDetailResponse; rows: ExportRow[] }

const MONEY_FMT = '#,##0.00';

// RKA (or DPA, once approved) in the usual layout: per account a heading row
// with its subtotal, then its items (description, coefficients, volume, unit,
// unit price, VAT, total), and the document total.
@Injectable()
export class DocumentExportService {
  constructor(private readonly tx: TransactionService, private readonly store: DocumentStore) {}

  async build(user: AuthUser, id: string): Promise<DocumentExport> {
    const doc = await this.tx.run(async (m) => {
      await this.store.require(m, user, id, Permission.BUDGET_DOC_READ);
      return this.store.detail(m, id);
    });
    const kind = doc.status === 'APPROVED' || doc.status === 'SUPERSEDED' ? 'DPA' : 'RKA';
    const rows: ExportRow[] = [];
    const accounts = [...new Set(doc.items.map((i) => i.accountCode))];
    for (const code of accounts) {
      const items = doc.items.filter((i) => i.accountCode === code);
      const name = doc.lines.find((l) => l.accountCode === code)?.accountName ?? '';
      rows.push({ kind: 'ACCOUNT', code, description: name, coefficients: '', volume: '', unit: '', unitPrice: '', vat: '', total: Money.sum(items.map((i) => Money.of(i.total))).toString() });
      for (const i of items) {
        rows.push({ kind: 'ITEM', code: i.hsbCode ?? '', description: i.description, coefficients: i.coefficients.map((c) => `${c.quantity} ${c.unit}`).join(' x '),
          volume: i.volume, unit: i.volumeUnit, unitPrice: i.unitPrice, vat: i.vatAmount, total: i.total });
      }
    }
    rows.push({ kind: 'TOTAL', code: '', description: 'JUMLAH', coefficients: '', volume: '', unit: '', unitPrice: '', vat: doc.vatTotal, total: doc.total });
    const fileName = `${kind}-${doc.fiscalYear}-${doc.subActivityCode}-${doc.stage}-r${doc.revision}.xlsx`;
    return { title: kind === 'DPA' ? 'DOKUMEN PELAKSANAAN ANGGARAN (DPA)' : 'RENCANA KERJA DAN ANGGARAN (RKA)', fileName, document: doc, rows };
  }

  async xlsx(e: DocumentExport): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(e.fileName.startsWith('DPA') ? 'DPA' : 'RKA');
    const d = e.document;
    ws.addRow([e.title]).font = { bold: true, size: 13 };
    ws.addRow(['Tahun Anggaran', d.fiscalYear]);
    ws.addRow(['Organisasi', d.organizationName]);
    ws.addRow(['Sub Kegiatan', `${d.subActivityCode} ${d.subActivityName}`]);
    ws.addRow(['Tahap', `${d.stage} (revisi ${d.revision}), ${d.status}`]);
    ws.addRow([]);
    const header = ws.addRow(['Kode Rekening / Kode HSB', 'Uraian', 'Koefisien', 'Volume', 'Satuan', 'Harga Satuan', 'PPN', 'Jumlah']);
    header.font = { bold: true };
    for (const r of e.rows) {
      const num = spreadsheetDecimal;
      const row = ws.addRow([r.code, r.description, r.coefficients, num(r.volume), r.unit, num(r.unitPrice), num(r.vat), num(r.total)]);
      if (r.kind !== 'ITEM') row.font = { bold: true };
      for (const c of [6, 7, 8]) row.getCell(c).numFmt = MONEY_FMT;
    }
    ws.columns.forEach((c, i) => { c.width = [24, 48, 26, 10, 14, 18, 16, 20][i]; });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
