import { Injectable } from '@nestjs/common';
import { CodeListVersionsService, FiscalYearsService } from '@grms/budget';
import { AuditService, DomainError, ErrorKind, RequestContext, TransactionService } from '@grms/core';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { contentDiffers, HsbItemContent } from '../items/hsb-item.types';
import { contentJson, HsbItemWriter } from '../items/hsb-item.writer';
import { apiFieldOf, HsbField, IMPORT_PROFILES, ProfileOptions, resolveColumns, RowIssue } from './import-profiles';
import { columnLetter, readTable, TableReadError } from './tabular-reader';

export type HsbImportMode = 'strict' | 'partial';

export interface HsbImportOptions extends ProfileOptions {
  fiscalYear: number;
  /** an IMPORT_PROFILES name; default 'default' */
  profile?: string;
  /** strict (default): any bad row, nothing written; partial: good rows written, bad rows reported */
  mode?: HsbImportMode;
  /** report what would happen without writing */
  dryRun?: boolean;
}

export interface HsbImportProgress { phase: 'read' | 'validate' | 'write' | 'done'; done: number; total: number }

export interface HsbImportResult {
  fiscalYear: number;
  profile: string;
  mode: HsbImportMode;
  dryRun: boolean;
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export type HsbImportSource = { buffer: Buffer; fileName?: string } | { path: string };

// Imports a catalogue file (CSV or XLSX) through an import profile. Every bad
// row is reported with its line number; in strict mode nothing is written
// when any row is bad. Unchanged items stay as they are; changed ones get a
// new version; locked items that would change are bad rows.
@Injectable()
export class HsbImportService {
  constructor(
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly years: FiscalYearsService,
    private readonly writer: HsbItemWriter,
    private readonly codes: CodeListVersionsService,
  ) {}

  async importFile(source: HsbImportSource, options: HsbImportOptions, onProgress: (p: HsbImportProgress) => void = () => undefined): Promise<HsbImportResult> {
    const buffer = 'path' in source ? await readFile(source.path) : source.buffer;
    const fileName = 'path' in source ? basename(source.path) : source.fileName ?? '';
    const profileName = options.profile ?? 'default';
    const profile = IMPORT_PROFILES[profileName];
    if (!profile) throw DomainError.invalid(`unknown import profile "${profileName}"; known: ${Object.keys(IMPORT_PROFILES).join(', ')}`, [{ field: 'profile', message: 'unknown profile' }], 'UNKNOWN_IMPORT_PROFILE');
    const mode = options.mode ?? 'strict';
    const dryRun = options.dryRun ?? false;

    onProgress({ phase: 'read', done: 0, total: 1 });
    const locale = options.locale ?? profile.locale;
    const table = await readTable(buffer, fileName, { numberLocale: locale }).catch((e: unknown) => {
      if (e instanceof TableReadError) throw DomainError.invalid(e.message, [{ field: 'file', message: e.message }], 'UNREADABLE_FILE');
      throw e;
    });
    const { index, missing } = resolveColumns(profile, table.headers);
    if (missing.length) {
      throw DomainError.rule('IMPORT_MISSING_COLUMNS', `the header row (line ${table.headerRow}) lacks the column(s) ${missing.join(', ')} that profile "${profile.name}" needs`,
        missing.map((c) => ({ row: table.headerRow, field: c, apiField: apiFieldOf(profile, c), message: 'column not found in the header row' })));
    }
    const header = (f: HsbField) => (index[f] !== undefined ? table.headers[index[f]!] : f);
    // each issue names the column as the sheet shows it, with the API field beside
    const fieldOfHeader = new Map((Object.entries(index) as [HsbField, number][]).map(([f, i]) => [table.headers[i], { apiField: f, column: columnLetter(i) }]));
    const named = (issue: RowIssue): RowIssue => ({ ...issue, ...fieldOfHeader.get(issue.field) });

    return this.tx.run(async (m) => {
      await this.years.requireStatus(m, options.fiscalYear, ['PLANNING', 'EXECUTION']);
      await m.query(`SELECT pg_advisory_xact_lock(74210, $1)`, [options.fiscalYear]);
      const leaves = await this.codes.leaves(m, options.fiscalYear, 'accounts', '5.');
      const version = await this.codes.versionOf(m, options.fiscalYear);
      const crosswalk = await this.codes.crosswalkInto(m, options.fiscalYear, 'accounts');
      const errors: RowIssue[] = [];
      const warnings: RowIssue[] = [];
      const good: { row: number; content: HsbItemContent }[] = [];
      const firstRowOfCode = new Map<string, number>();
      const firstRowOfItem = new Map<string, { row: number; price: string }>();
      table.rows.forEach((r, n) => {
        const cells: Partial<Record<HsbField, string>> = {};
        for (const [f, i] of Object.entries(index) as [HsbField, number][]) cells[f] = r.cells[i] ?? '';
        const out = profile.map(cells, { leaves, version, crosswalk, options, locale, header });
        for (const e of out.errors) errors.push({ row: r.row, ...e });
        for (const w of out.warnings) warnings.push({ row: r.row, ...w });
        if (out.content) {
          const c = out.content;
          const seen = firstRowOfCode.get(c.code);
          if (seen !== undefined) {
            errors.push({ row: r.row, field: header('code'), message: `code ${c.code} already appears on line ${seen}` });
            return;
          }
          firstRowOfCode.set(c.code, r.row);
          const key = [c.name.toLowerCase(), c.specification.toLowerCase(), c.unit.toLowerCase()].join('\u0000');
          const same = firstRowOfItem.get(key);
          if (same) warnings.push({ row: r.row, field: header('name'), message: `same name, specification and unit as line ${same.row} (price ${same.price}) with price ${c.price}; imported as its own item ${c.code}` });
          else firstRowOfItem.set(key, { row: r.row, price: c.price.toString() });
          good.push({ row: r.row, content: c });
        }
        if (n % 1000 === 0) onProgress({ phase: 'validate', done: n, total: table.rows.length });
      });

      const existing = await this.writer.load(m, options.fiscalYear, good.map((g) => g.content.code));
      const toInsert: HsbItemContent[] = [];
      const toUpdate: { content: HsbItemContent; row: number }[] = [];
      let unchanged = 0;
      for (const g of good) {
        const old = existing.get(g.content.code);
        if (!old) toInsert.push(g.content);
        else if (!contentDiffers(old.content, g.content)) unchanged++;
        else if (old.locked) errors.push({ row: g.row, field: header('price'), message: `item ${g.content.code} is locked for the budgeting round and cannot change` });
        else toUpdate.push(g);
      }
      errors.sort((a, b) => a.row - b.row);
      warnings.sort((a, b) => a.row - b.row);
      errors.splice(0, errors.length, ...errors.map(named));
      warnings.splice(0, warnings.length, ...warnings.map(named));
      const badRows = new Set(errors.map((e) => e.row));
      const result: HsbImportResult = {
        fiscalYear: options.fiscalYear, profile: profile.name, mode, dryRun, rows: table.rows.length,
        imported: toInsert.length, updated: toUpdate.filter((u) => !badRows.has(u.row)).length, unchanged, skipped: badRows.size, errors, warnings,
      };
      if (errors.length && mode === 'strict') {
        if (dryRun) return { ...result, imported: 0, updated: 0, unchanged: 0 };
        throw new DomainError('IMPORT_INVALID_ROWS', `${badRows.size} of ${table.rows.length} rows are invalid (first: line ${errors[0].row}, ${errors[0].field}${errors[0].column ? ` (column ${errors[0].column})` : ''}: ${errors[0].message}); nothing was written`,
          ErrorKind.RULE, errors, { warnings });
      }
      if (dryRun) return result;

      const userId = RequestContext.user()?.id ?? null;
      onProgress({ phase: 'write', done: 0, total: toInsert.length + toUpdate.length });
      await this.writer.insertMany(m, options.fiscalYear, toInsert, 'IMPORT', userId);
      const changes: Record<string, unknown>[] = [];
      let done = toInsert.length;
      for (const u of toUpdate) {
        if (badRows.has(u.row)) continue;
        const old = existing.get(u.content.code)!;
        const version = await this.writer.newVersion(m, old, u.content, 'IMPORT', userId);
        changes.push({ code: u.content.code, before: { ...contentJson(old.content), version: old.version }, after: { ...contentJson(u.content), version } });
        if (++done % 500 === 0) onProgress({ phase: 'write', done, total: toInsert.length + toUpdate.length });
      }
      if (result.imported || result.updated) {
        this.audit.record({
          action: 'HSB_ITEM.IMPORT', entityType: 'HsbImport', entityId: `${options.fiscalYear}:${fileName || 'upload'}`,
          after: { fiscalYear: options.fiscalYear, profile: profile.name, mode, rows: result.rows, imported: result.imported, updated: result.updated,
            unchanged, skipped: result.skipped, importedCodes: toInsert.map((c) => c.code), changes },
        });
      }
      onProgress({ phase: 'done', done: 1, total: 1 });
      return result;
    });
  }
}
