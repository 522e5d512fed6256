import { StreamableFile } from '@nestjs/common';
import { csvCell } from '../http/formula-safe';
import { EXPORT_PAGE_SIZE, streamDownload } from './streamed-export';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** money columns are written to XLSX as numbers with two decimals */
  money?: boolean;
}

export function toCsv<T>(columns: Column<T>[], rows: T[]): string {
  return [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(','))].join('\r\n') + '\r\n';
}

/** The XLSX of `rows` as one buffer, written by the same streaming writer as the downloads. */
export async function toXlsx<T>(sheet: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of streamDownload('xlsx', 'file', sheet, columns, pagesOf(rows)).getStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Rows already read, handed to the streaming writer a page at a time. */
async function* pagesOf<T>(rows: T[]): AsyncGenerator<T[]> {
  for (let i = 0; i < rows.length; i += EXPORT_PAGE_SIZE) yield rows.slice(i, i + EXPORT_PAGE_SIZE);
}

/**
 * A csv/xlsx download of rows already read (a report): written by the same
 * streaming writer as the long lists (decision 0054), so the file is never
 * built in memory beside the rows.
 */
export async function download<T>(format: 'csv' | 'xlsx', baseName: string, sheet: string, columns: Column<T>[], rows: T[]): Promise<StreamableFile> {
  return streamDownload(format, baseName, sheet, columns, pagesOf(rows));
}
