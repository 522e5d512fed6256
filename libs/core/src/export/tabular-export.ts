import { StreamableFile } from '@nestjs/common';
import { csvCell } from '../http/formula-safe';
import { spreadsheetDecimal } from '../money/money';
import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** money columns are written to XLSX as numbers with two decimals */
  money?: boolean;
}

export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  return [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(','))].join('\r\n') + '\r\n';
}

export async function toXlsx<T>(sheet: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const r of rows) {
    // Money stays a decimal string in the data; a cell gets a number only where it reads back exactly.
    // Every other value is written as a plain string or number: ExcelJS writes a formula only for a
    // { formula } object, which no column produces, so a payee named "=..." stays text.
    ws.addRow(columns.map((c) => { const v = c.value(r); return c.money && typeof v === 'string' ? spreadsheetDecimal(v) : v; }));
  }
  columns.forEach((c, i) => { if (c.money) { ws.getColumn(i + 1).numFmt = '#,##0.00'; ws.getColumn(i + 1).alignment = { horizontal: 'right' }; } });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function download<T>(format: 'csv' | 'xlsx', baseName: string, sheet: string, columns: Column<T>[], rows: T[]): Promise<StreamableFile> {
  if (format === 'csv') {
    return new StreamableFile(Buffer.from(toCsv(columns, rows), 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${baseName}.csv"` });
  }
  return new StreamableFile(await toXlsx(sheet, columns, rows), {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: `attachment; filename="${baseName}.xlsx"`,
  });
}
