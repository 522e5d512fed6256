import { DomainError, ErrorKind } from '@grms/core';
import { createInflateRaw } from 'node:zlib';

/** What any spreadsheet read by the API may hold (docs/security.md, "Decompression bombs"). */
export const SPREADSHEET_LIMITS = {
  /** all parts of an XLSX together, inflated */
  maxUncompressedBytes: 32 * 1024 * 1024,
  /** parts of an XLSX (zip entries) */
  maxEntries: 1000,
  /** rows of a sheet or records of a CSV */
  maxRows: 50_000,
  /** columns of an XLSX header row (the cells of later rows past the header are not read) */
  maxColumns: 100,
  /** entries of an XLSX shared-strings table */
  maxSharedStrings: 1_000_000,
} as const;

export type SpreadsheetLimits = { [K in keyof typeof SPREADSHEET_LIMITS]: number };

export function spreadsheetTooLarge(detail: string): DomainError {
  return new DomainError('SPREADSHEET_TOO_LARGE', `the file is refused: ${detail}`, ErrorKind.TOO_LARGE, [{ field: 'file', message: detail }]);
}

export function spreadsheetUnreadable(detail: string): DomainError {
  return DomainError.invalid(`the XLSX file cannot be read: ${detail}`, [{ field: 'file', message: detail }], 'UNREADABLE_FILE');
}

/** Counts `<row ` or `<row>` (a worksheet's rows) over chunks of its XML, a tag split between two chunks included. */
class RowCounter {
  rows = 0;
  private tail = Buffer.alloc(0);
  add(chunk: Buffer): void {
    const xml = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    for (let i = xml.indexOf('<row'); i >= 0 && i + 4 < xml.length; i = xml.indexOf('<row', i + 4)) {
      const next = xml[i + 4];
      if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) this.rows++;
    }
    this.tail = Buffer.from(xml.subarray(Math.max(0, xml.length - 4)));
  }
}

/** The inflated bytes of a part, 64 KB at a time; 413 once they pass `maxBytes`, 400 when the data cannot be inflated. */
export async function* partChunks(buffer: Buffer, part: ZipPart, maxBytes: number, chunkSize = 64 * 1024): AsyncGenerator<Buffer> {
  const data = partBytes(buffer, part);
  if (part.method === 0) {
    if (data.length > maxBytes) throw inflatesTooMuch();
    for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
    return;
  }
  const inflate = createInflateRaw({ chunkSize });
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw inflatesTooMuch();
      yield chunk as Buffer;
    }
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('Z_')) throw spreadsheetUnreadable(`zip entry ${part.name} cannot be inflated`);
    throw e;
  } finally {
    inflate.destroy();
  }
}

const inflatesTooMuch = () => spreadsheetTooLarge(`it inflates to more than ${SPREADSHEET_LIMITS.maxUncompressedBytes} bytes`);

/**
 * Checks an XLSX (zip) before its XML is parsed: the number of parts, their
 * declared and their actual inflated size (each part is inflated in chunks
 * and stopped at the budget left, so a part that lies about its size is
 * caught without holding it) and the rows of every worksheet. Throws 413
 * SPREADSHEET_TOO_LARGE, or 400 UNREADABLE_FILE for a zip it cannot follow.
 * Costs one inflation of the file, 64 KB held at a time.
 */
export async function assertXlsxWithinLimits(buffer: Buffer, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): Promise<void> {
  let total = 0;
  for (const part of zipParts(buffer, limits)) {
    const budget = limits.maxUncompressedBytes - total;
    if (part.declared > budget) throw spreadsheetTooLarge(`it inflates to more than ${limits.maxUncompressedBytes} bytes`);
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(part.name) ? new RowCounter() : null;
    try {
      for await (const chunk of partChunks(buffer, part, budget)) {
        total += chunk.length;
        sheet?.add(chunk);
      }
    } catch (e) {
      if (e instanceof DomainError && e.code === 'SPREADSHEET_TOO_LARGE') throw spreadsheetTooLarge(`it inflates to more than ${limits.maxUncompressedBytes} bytes`);
      throw e;
    }
    if (sheet && sheet.rows > limits.maxRows) throw spreadsheetTooLarge(`sheet ${part.name.slice(14, -4)} has ${sheet.rows} rows; at most ${limits.maxRows} are read`);
  }
}

/** A part of a zip as its central directory lists it. */
export interface ZipPart { name: string; method: number; compressed: number; declared: number; local: number }

/** The parts of a zip from its central directory: 413 for a ZIP64 or too many parts, 400 for a directory it cannot follow or a method other than stored or deflated. */
export function zipParts(buffer: Buffer, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): ZipPart[] {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buffer.length) throw spreadsheetUnreadable('no zip directory');
  const entries = buffer.readUInt16LE(eocd + 10);
  const dirOffset = buffer.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw spreadsheetTooLarge('ZIP64 archives are not accepted');
  if (entries > limits.maxEntries) throw spreadsheetTooLarge(`it has ${entries} parts; at most ${limits.maxEntries} are accepted`);
  const parts: ZipPart[] = [];
  let pos = dirOffset;
  for (let i = 0; i < entries; i++) {
    if (pos + 46 > buffer.length || buffer.readUInt32LE(pos) !== 0x02014b50) throw spreadsheetUnreadable('broken zip directory');
    const nameLength = buffer.readUInt16LE(pos + 28);
    const part = {
      name: buffer.toString('utf8', pos + 46, pos + 46 + nameLength), method: buffer.readUInt16LE(pos + 10),
      compressed: buffer.readUInt32LE(pos + 20), declared: buffer.readUInt32LE(pos + 24), local: buffer.readUInt32LE(pos + 42),
    };
    pos += 46 + nameLength + buffer.readUInt16LE(pos + 30) + buffer.readUInt16LE(pos + 32);
    if (part.method !== 0 && part.method !== 8) throw spreadsheetUnreadable(`zip entry ${part.name} uses an unsupported compression method (${part.method})`);
    parts.push(part);
  }
  return parts;
}

/** The stored (compressed) bytes of a part, found through its local header. */
export function partBytes(buffer: Buffer, part: ZipPart): Buffer {
  const { local } = part;
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) throw spreadsheetUnreadable(`broken zip entry ${part.name}`);
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  return buffer.subarray(start, start + part.compressed);
}

/** Refuses a CSV of more records than the limit, counted without parsing (its lines after the header are an upper bound of records). */
export function assertCsvWithinLimits(text: string, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): void {
  let breaks = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  const lines = breaks + (text.endsWith('\n') ? 0 : 1);
  if (lines - 1 > limits.maxRows) throw spreadsheetTooLarge(`it has ${lines - 1} rows after the header; at most ${limits.maxRows} are read`);
}
