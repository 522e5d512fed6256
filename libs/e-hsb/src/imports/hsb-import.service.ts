import { Injectable } from '@nestjs/common';
import { CodeListVersionsService, FiscalYearsService } from '@grms/budget';
import { AuditService, DomainError, ErrorKind, RequestContext, TransactionService } from '@grms/core';
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { classify, createStaging, repeatedItems, resolveAccounts, rowsIn, stage, StagedAccount, StagedRow, tuneImportTransaction, writeRows } from './hsb-import-sql';
import { HsbSearchIndex } from '../items/hsb-search-index';
import { accountCandidates, apiFieldOf, HsbField, IMPORT_PROFILES, ProfileOptions, resolveColumns, RowIssue } from './import-profiles';
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
    private readonly codes: CodeListVersionsService,
    private readonly search: HsbSearchIndex,
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

    // The cell rules of every row, in one pass over the file (no database).
    // The pass runs as the staging COPY pulls its rows, so PostgreSQL reads
    // one chunk while the next is checked (issue 11, decision 0112); the
    // issues and account codes are complete once the rows are staged.
    const cellIssues: RowIssue[] = [];
    const warnings: RowIssue[] = [];
    const accounts: StagedAccount[] = [];
    const fields = Object.entries(index) as [HsbField, number][];
    const readContext = { options, locale, header };
    function* readRows(): Generator<StagedRow> {
      onProgress({ phase: 'validate', done: 0, total: table.rows.length });
      for (const r of table.rows) {
        const cells: Partial<Record<HsbField, string>> = {};
        for (let k = 0; k < fields.length; k++) cells[fields[k][0]] = r.cells[fields[k][1]] ?? '';
        const out = profile.read(cells, readContext);
        for (const e of out.errors) cellIssues.push({ row: r.row, ...e });
        for (const w of out.warnings) warnings.push({ row: r.row, ...w });
        for (let ord = 0; ord < out.accounts.length; ord++) {
          const source = out.accounts[ord];
          accounts.push({ line: r.row, ord, source, candidates: accountCandidates(profile.accounts, source) });
        }
        const d = out.draft;
        yield d
          ? { line: r.row, ok: true, code: d.code, name: d.name, specification: d.specification, unit: d.unit, price: d.price, category: d.category, ceiling: d.ceiling }
          : { line: r.row, ok: false, code: '', name: '', specification: '', unit: '', price: null, category: '', ceiling: '' };
      }
    }

    // inside a caller's transaction, the pending search entries wait for the next import's pass
    const ownTransaction = !this.tx.current();
    const result = await this.tx.run(async (m) => {
      await this.years.requireStatus(m, options.fiscalYear, ['PLANNING', 'EXECUTION']);
      await m.query(`SELECT pg_advisory_xact_lock(74210, $1)`, [options.fiscalYear]);
      const version = await this.codes.versionOf(m, options.fiscalYear);
      // the rest over the whole file at once, in SQL (decision 0062)
      await tuneImportTransaction(m);
      await HsbSearchIndex.defer(m);
      await createStaging(m);
      await stage(m, readRows(), accounts);
      const unresolved = await resolveAccounts(m, version, profile.accounts === 'city');
      const accountIssues = unresolved.map((a): RowIssue => ({
        row: a.line, field: header('accountCodes'),
        message: `account ${a.source} is not an expenditure account leaf of code list version ${version}`
          + (a.mapsTo ? ` (the crosswalk maps it to ${a.mapsTo}, which is not a leaf)` : '') + '; the row is refused rather than guessed',
      }));
      const counts = await classify(m, options.fiscalYear);
      const duplicates = (counts.duplicate ? await rowsIn(m, 'duplicate') : []).map((d): RowIssue => ({ row: d.line, field: header('code'), message: `code ${d.code} already appears on line ${d.first}` }));
      for (const w of await repeatedItems(m)) {
        warnings.push({ row: w.line, field: header('name'), message: `same name, specification and unit as line ${w.first} (price ${w.firstPrice}) with price ${w.price}; imported as its own item ${w.code}` });
      }
      const locked = counts.locked ? await rowsIn(m, 'locked') : [];
      const lockedIssues = locked.map((l): RowIssue => ({ row: l.line, field: header('price'), message: `item ${l.code} is locked for the budgeting round and cannot change` }));
      // one row's issues in the order its cells are read: cells, then accounts (a duplicate or locked row has no other)
      const errors = [...cellIssues, ...accountIssues, ...duplicates, ...lockedIssues].sort((a, b) => a.row - b.row).map(named);
      warnings.sort((a, b) => a.row - b.row);
      warnings.splice(0, warnings.length, ...warnings.map(named));
      const badRows = new Set(errors.map((e) => e.row));
      const result: HsbImportResult = {
        fiscalYear: options.fiscalYear, profile: profile.name, mode, dryRun, rows: table.rows.length,
        imported: counts.new, updated: counts.update, unchanged: counts.unchanged, skipped: badRows.size, errors, warnings,
      };
      if (errors.length && mode === 'strict') {
        if (dryRun) return { ...result, imported: 0, updated: 0, unchanged: 0 };
        throw new DomainError('IMPORT_INVALID_ROWS', `${badRows.size} of ${table.rows.length} rows are invalid (first: line ${errors[0].row}, ${errors[0].field}${errors[0].column ? ` (column ${errors[0].column})` : ''}: ${errors[0].message}); nothing was written`,
          ErrorKind.RULE, errors, { warnings });
      }
      if (dryRun) return result;

      onProgress({ phase: 'write', done: 0, total: result.imported + result.updated });
      if (result.imported || result.updated) {
        const importId = randomUUID();
        const written = await writeRows(m, options.fiscalYear, importId, RequestContext.user()?.id ?? null);
        this.audit.record({
          action: 'HSB_ITEM.IMPORT', entityType: 'HsbImport', entityId: importId,
          after: { fiscalYear: options.fiscalYear, fileName, fileSha256: createHash('sha256').update(buffer).digest('hex'), profile: profile.name, mode, rows: result.rows,
            imported: result.imported, updated: result.updated, unchanged: result.unchanged, skipped: result.skipped, versions: written.versions, versionsSha256: written.digest },
        });
      }
      onProgress({ phase: 'done', done: 1, total: 1 });
      return result;
    });
    // the search entries of the items written, after the commit (decision 0108)
    if (ownTransaction && !result.dryRun && (result.imported || result.updated)) void this.search.catchUp();
    return result;
  }
}
