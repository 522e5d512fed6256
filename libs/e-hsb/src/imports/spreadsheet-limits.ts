import { DomainError, ErrorKind } from '@grms/core';
import { inflateRawSync } from 'node:zlib';

/** What any spreadsheet read by the API may hold (docs/security.md, "Decompression bombs"). */
export const SPREADSHEET_LIMITS = {
  /** all parts of an XLSX together, inflated */
  maxUncompressedBytes: 32 * 1024 * 1024,
  /** parts of an XLSX (zip entries) */
  maxEntries: 1000,
  /** rows of a sheet or records of a CSV */
  maxRows: 50_000,
} as const;

export type SpreadsheetLimits = { [K in keyof typeof SPREADSHEET_LIMITS]: number };

function tooLarge(detail: string): DomainError {
  return new DomainError('SPREADSHEET_TOO_LARGE', `the file is refused: ${detail}`, ErrorKind.TOO_LARGE, [{ field: 'file', message: detail }]);
}

function unreadable(detail: string): DomainError {
  return DomainError.invalid(`the XLSX file cannot be read: ${detail}`, [{ field: 'file', message: detail }], 'UNREADABLE_FILE');
}

/** Occurrences of `<row ` or `<row>` in a worksheet part: its rows. */
function countRows(xml: Buffer): number {
  let n = 0;
  for (let i = xml.indexOf('<row'); i >= 0; i = xml.indexOf('<row', i + 4)) {
    const next = xml[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

/**
 * Checks an XLSX (zip) before any spreadsheet library opens it: the number of
 * parts, their declared and their actual inflated size (each part is inflated
 * with a hard output cap, so a part that lies about its size is caught) and
 * the rows of every worksheet. Throws 413 SPREADSHEET_TOO_LARGE, or 400
 * UNREADABLE_FILE for a zip it cannot follow. Costs at most one bounded
 * inflation of the file.
 */
export function assertXlsxWithinLimits(buffer: Buffer, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): void {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > buffer.length) throw unreadable('no zip directory');
  const entries = buffer.readUInt16LE(eocd + 10);
  const dirOffset = buffer.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw tooLarge('ZIP64 archives are not accepted');
  if (entries > limits.maxEntries) throw tooLarge(`it has ${entries} parts; at most ${limits.maxEntries} are accepted`);
  let total = 0;
  let pos = dirOffset;
  for (let i = 0; i < entries; i++) {
    if (pos + 46 > buffer.length || buffer.readUInt32LE(pos) !== 0x02014b50) throw unreadable('broken zip directory');
    const method = buffer.readUInt16LE(pos + 10);
    const compressed = buffer.readUInt32LE(pos + 20);
    const declared = buffer.readUInt32LE(pos + 24);
    const nameLength = buffer.readUInt16LE(pos + 28);
    const name = buffer.toString('utf8', pos + 46, pos + 46 + nameLength);
    const local = buffer.readUInt32LE(pos + 42);
    pos += 46 + nameLength + buffer.readUInt16LE(pos + 30) + buffer.readUInt16LE(pos + 32);
    const budget = limits.maxUncompressedBytes - total;
    if (declared > budget) throw tooLarge(`it inflates to more than ${limits.maxUncompressedBytes} bytes`);
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) throw unreadable(`broken zip entry ${name}`);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + compressed);
    let inflated: Buffer;
    if (method === 0) inflated = data;
    else if (method === 8) {
      try {
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooLarge(`it inflates to more than ${limits.maxUncompressedBytes} bytes`);
        throw unreadable(`zip entry ${name} cannot be inflated`);
      }
    } else throw unreadable(`zip entry ${name} uses an unsupported compression method (${method})`);
    total += inflated.length;
    if (total > limits.maxUncompressedBytes) throw tooLarge(`it inflates to more than ${limits.maxUncompressedBytes} bytes`);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const rows = countRows(inflated);
      if (rows > limits.maxRows) throw tooLarge(`sheet ${name.slice(14, -4)} has ${rows} rows; at most ${limits.maxRows} are read`);
    }
  }
}

/** Refuses a CSV of more records than the limit, counted without parsing (its lines after the header are an upper bound of records). */
export function assertCsvWithinLimits(text: string, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): void {
  let breaks = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  const lines = breaks + (text.endsWith('\n') ? 0 : 1);
  if (lines - 1 > limits.maxRows) throw tooLarge(`it has ${lines - 1} rows after the header; at most ${limits.maxRows} are read`);
}
