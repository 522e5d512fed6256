import { StreamableFile } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { EventEmitter, once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { Keyset, keysetAfterRow, keysetOrderBy, whereAnd } from '../http/cursor';
import { csvCell } from '../http/formula-safe';
import { spreadsheetDecimal } from '../money/money';
import { Column } from './tabular-export';

// Downloads of every matching row, streamed: rows are read in keyset pages
// inside one read-only snapshot and written out as they come, so a download
// of 250,000 rows holds one page in memory, not the file (decision 0060).

export const EXPORT_PAGE_SIZE = 2000;

/**
 * The pages of a list read one after the other in one REPEATABLE READ, READ
 * ONLY transaction on its own connection: every page sees the same moment, so
 * the file adds up. `fetch` reads the page after `last` (null: the first).
 * The connection is given back when the last page is read, or when the
 * consumer stops (a client that left).
 */
export async function* snapshotPages<T>(ds: DataSource, fetch: (m: EntityManager, last: T | null, limit: number) => Promise<T[]>, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<T[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    let last: T | null = null;
    for (;;) {
      const rows = await fetch(runner.manager, last, pageSize);
      if (rows.length) yield rows;
      if (rows.length < pageSize) break;
      last = rows[rows.length - 1];
    }
  } finally {
    if (open) await runner.query('COMMIT').catch(() => undefined);
    await runner.release();
  }
}

/**
 * The rows of `select` (SELECT ... FROM ... JOINs, no WHERE) that match
 * `where`, in the keyset's order, as pages of one snapshot: each page starts
 * after the last row of the one before (the list's order, its last key
 * unique), so no page costs an OFFSET.
 */
export function keysetPages<T>(ds: DataSource, keyset: Keyset<T>, select: string, where: { clause: string; params: unknown[] }, pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<T[]> {
  return snapshotPages<T>(ds, (m, last, limit) => {
    const after = keysetAfterRow(keyset, last, where.params.length);
    return m.query(`${select} ${whereAnd(where.clause, after?.sql)} ${keysetOrderBy(keyset)} LIMIT ${limit}`, [...where.params, ...(after?.params ?? [])]);
  }, pageSize);
}

/**
 * The rows of one statement, read through a cursor `pageSize` rows at a time
 * inside one read-only snapshot: for a report whose rows need the whole set
 * (a running balance, sums per group) and so cannot start a page after a key.
 * PostgreSQL computes it once; the API holds one fetch.
 */
export function statementPages<T>(ds: DataSource, sql: string, params: unknown[], pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<T[]> {
  return snapshotPages<T>(ds, async (m, last, limit) => {
    if (!last) await m.query(`DECLARE grms_export NO SCROLL CURSOR FOR ${sql}`, params);
    return m.query(`FETCH ${limit} FROM grms_export`);
  }, pageSize);
}

/**
 * Pages of rows that come in `key` order, cut again so that no key's rows
 * straddle two pages: the rows of the last key of a page are held until the
 * next key's first row has come (or the rows end). For reports assembled per
 * group (an OPD's subtotals need all its rows): memory holds a page and one
 * group, never the whole.
 */
export async function* wholeGroups<T>(pages: AsyncIterable<T[]>, key: (row: T) => unknown): AsyncGenerator<T[]> {
  let pending: T[] = [];
  for await (const rows of pages) {
    if (!rows.length) continue;
    const held = pending.concat(rows);
    const open = key(held[held.length - 1]);
    const cut = held.findIndex((r) => key(r) === open);
    pending = held.slice(cut);
    if (cut > 0) yield held.slice(0, cut);
  }
  if (pending.length) yield pending;
}

function cellOf<T>(c: Column<T>, r: T): string | number | null {
  const v = c.value(r);
  return c.money && typeof v === 'string' ? spreadsheetDecimal(v) : v;
}

async function* csvChunks<T>(columns: Column<T>[], pages: AsyncIterable<T[]>): AsyncGenerator<Buffer> {
  yield Buffer.from(columns.map((c) => csvCell(c.header)).join(',') + '\r\n', 'utf8');
  for await (const rows of pages) {
    yield Buffer.from(rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(',') + '\r\n').join(''), 'utf8');
  }
}

/** A writable of node's or of the `readable-stream` package (which ExcelJS's zip uses): both say when they want a drain. */
interface Drainable extends EventEmitter {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
  destroyed?: boolean;
}

const wantsDrain = (w: Drainable) => !w.destroyed && (w.writableNeedDrain ?? w._writableState?.needDrain ?? false);

/**
 * The stream a worksheet's XML goes into before it is zipped. ExcelJS writes
 * the sheet into its own buffer, which hands every chunk on to the zip's input
 * without waiting, so the writer has to watch that input itself: when it asks
 * for a drain, the zip (and the client behind it) is behind. Null if ExcelJS's
 * insides change (`streamed-export.spec.ts` fails then).
 */
export function sheetSink(ws: ExcelJS.Worksheet): Drainable | null {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const sink = (Array.isArray(pipes) ? pipes[0] : undefined) as Drainable | undefined;
  return sink instanceof EventEmitter && typeof sink._writableState?.needDrain === 'boolean' ? sink : null;
}

/** Resolves once `w` has room again, or the client has left. */
async function roomIn(w: Drainable, left: Promise<unknown>): Promise<void> {
  while (wantsDrain(w)) {
    if (await Promise.race([once(w, 'drain').then(() => false), left.then(() => true)])) return;
  }
}

/**
 * XLSX written by ExcelJS's streaming writer in bounded memory: no shared
 * strings (they would keep every distinct text until the end), styles only for
 * the bold header and the money format, each row committed as it is written,
 * and the next page read only once the zip and the client have taken the last
 * one, so the database is never read ahead of the response (decision 0054).
 */
function xlsxStream<T>(sheet: string, columns: Column<T>[], pages: AsyncIterable<T[]>): PassThrough {
  const out = new PassThrough({ highWaterMark: 1 << 16 });
  let gone = false;
  const left = new Promise<void>((resolve) => out.once('close', () => { gone = true; resolve(); }));
  void (async () => {
    const iterator = pages[Symbol.asyncIterator]();
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const ws = wb.addWorksheet(sheet);
      columns.forEach((c, i) => { if (c.money) { ws.getColumn(i + 1).numFmt = '#,##0.00'; ws.getColumn(i + 1).alignment = { horizontal: 'right' }; } });
      const header = ws.addRow(columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      const sink = sheetSink(ws);
      for (;;) {
        const next = await iterator.next();
        if (next.done || gone) break;
        for (const r of next.value) ws.addRow(columns.map((c) => cellOf(c, r))).commit();
        if (sink) await roomIn(sink, left);
        await roomIn(out, left);
      }
      if (gone) { await iterator.return?.(undefined); return; }
      ws.commit();
      await wb.commit();
    } catch (err) {
      await iterator.return?.(undefined).catch(() => undefined);
      out.destroy(err as Error);
    }
  })();
  return out;
}

/**
 * A csv/xlsx download of every row `pages` yields, streamed as it is read.
 * Cells go through the same rules as `download` (formula-safe CSV, money as
 * numbers only where exact).
 */
export function streamDownload<T>(format: 'csv' | 'xlsx', baseName: string, sheet: string, columns: Column<T>[], pages: AsyncIterable<T[]>): StreamableFile {
  if (format === 'csv') {
    // Bytes, not objects: the stream holds one page ahead at most, and reads the next only as the client drains it.
    return new StreamableFile(Readable.from(csvChunks(columns, pages), { objectMode: false, highWaterMark: 1 << 16 }), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${baseName}.csv"` });
  }
  return new StreamableFile(xlsxStream(sheet, columns, pages), {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: `attachment; filename="${baseName}.xlsx"`,
  });
}

async function* jsonChunks<T>(head: Record<string, unknown>, key: string, pages: AsyncIterable<T[]>, item: (row: T) => unknown): AsyncGenerator<Buffer> {
  const open = JSON.stringify(head);
  yield Buffer.from(`${open === '{}' ? '{' : `${open.slice(0, -1)},`}${JSON.stringify(key)}:[`, 'utf8');
  let first = true;
  for await (const rows of pages) {
    if (!rows.length) continue;
    yield Buffer.from(`${first ? '' : ','}${rows.map((r) => JSON.stringify(item(r)) ?? 'null').join(',')}`, 'utf8');
    first = false;
  }
  yield Buffer.from(']}', 'utf8');
}

/**
 * A JSON document whose last member is a long array (`{ ...head, [key]: rows.map(item) }`),
 * written as the pages come: the bytes `JSON.stringify` of the whole object
 * gives (what `res.json` sends), without ever holding the whole array or its
 * text. A byte stream like the CSV download's: one page ahead at most.
 */
export function streamJson<T>(head: Record<string, unknown>, key: string, pages: AsyncIterable<T[]>, item: (row: T) => unknown): StreamableFile {
  return new StreamableFile(Readable.from(jsonChunks(head, key, pages, item), { objectMode: false, highWaterMark: 1 << 16 }), { type: 'application/json; charset=utf-8' });
}
