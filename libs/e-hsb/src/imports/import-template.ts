import { StreamableFile } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import ExcelJS from 'exceljs';

// Every spreadsheet import offers a template to download: the header row its
// reader expects and one example row, as CSV or XLSX. What readTable reads.

export const TEMPLATE_FORMATS = ['csv', 'xlsx'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export class TemplateQueryDto {
  @ApiProperty({ enum: TEMPLATE_FORMATS, example: 'xlsx' }) @IsIn(TEMPLATE_FORMATS) format: TemplateFormat;
}

/** A CSV cell: quoted when needed, and a leading = + - @ quoted so no spreadsheet runs it as a formula. */
function csvCell(v: string): string {
  return /[",\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The template of an import: the header row and one example row, all cells as text. */
export async function importTemplate(format: TemplateFormat, baseName: string, headers: string[], example: string[]): Promise<StreamableFile> {
  if (format === 'csv') {
    const csv = `${[headers, example].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
    return new StreamableFile(Buffer.from(csv, 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${baseName}.csv"` });
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('import');
  ws.addRow(headers).font = { bold: true };
  ws.addRow(example);
  // codes such as 5.1.02.01.01.0024 stay text, never a number
  headers.forEach((h, i) => { ws.getColumn(i + 1).numFmt = '@'; ws.getColumn(i + 1).width = Math.max(12, h.length + 2, (example[i] ?? '').length + 2); });
  return new StreamableFile(Buffer.from(await wb.xlsx.writeBuffer()), {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: `attachment; filename="${baseName}.xlsx"`,
  });
}
