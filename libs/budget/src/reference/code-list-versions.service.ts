import { Injectable } from '@nestjs/common';
import { DomainError, fiscalYearNotFound } from '@grms/core';
import { EntityManager } from 'typeorm';
import { VersionedList } from './code-lists';

export interface CodeEntry { version: string; code: string; name: string; level: number; leaf: boolean }

const WHAT: Record<VersionedList, string> = { accounts: 'account', nomenclature: 'nomenclature code', funding_sources: 'funding source' };

// The one place modules ask which codes a fiscal year may use: the entries
// of the code-list version the year names (docs/decisions/0110).
@Injectable()
export class CodeListVersionsService {
  /** The version a fiscal year uses; 404 FISCAL_YEAR_NOT_FOUND when the year does not exist. */
  async versionOf(m: EntityManager, year: number, field = 'fiscalYear'): Promise<string> {
    const [row] = await m.query(`SELECT code_list_version AS version FROM fiscal_years WHERE year = $1`, [year]);
    if (!row) throw fiscalYearNotFound(year, field);
    return row.version;
  }

  /**
   * The year's entry for `code`, or a 422 (`errorCode`) naming the code, the
   * version and, for a code of another version, where it belongs and what the
   * crosswalk maps it to.
   */
  async require(m: EntityManager, year: number, list: VersionedList, code: string, field: string, errorCode: string): Promise<CodeEntry> {
    const version = await this.versionOf(m, year);
    const [row] = await m.query(
      `SELECT e.version, e.code, e.name, e.level, e.leaf FROM code_list_entries e WHERE e.version = $1 AND e.list = $2 AND e.code = $3`,
      [version, list, code]);
    if (row) return row;
    const [elsewhere] = await m.query(
      `SELECT (SELECT string_agg(DISTINCT version, ', ') FROM code_list_entries WHERE list = $2 AND code = $3) AS versions,
         (SELECT string_agg(to_code, ', ') FROM code_crosswalk WHERE list = $2 AND from_code = $3 AND to_version = $1) AS successor`,
      [version, list, code]);
    const hint = elsewhere.versions
      ? ` (it belongs to version ${elsewhere.versions}${elsewhere.successor ? `; the crosswalk maps it to ${elsewhere.successor}` : '; the crosswalk has no counterpart'})`
      : '';
    const detail = `${WHAT[list]} ${code} is not in code list version ${version} used by fiscal year ${year}${hint}`;
    throw DomainError.rule(errorCode, detail, [{ field, message: detail }]);
  }

  /** Leaf codes of the year's version under `prefix` (e.g. expenditure leaves: accounts, '5.'). */
  async leaves(m: EntityManager, year: number, list: VersionedList, prefix = ''): Promise<Set<string>> {
    const version = await this.versionOf(m, year);
    const rows: { code: string }[] = await m.query(
      `SELECT code FROM code_list_entries WHERE version = $1 AND list = $2 AND leaf AND starts_with(code, $3)`, [version, list, prefix]);
    return new Set(rows.map((r) => r.code));
  }

  /** Old code -> the year's version's code, from every crosswalk into that version. */
  async crosswalkInto(m: EntityManager, year: number, list: VersionedList): Promise<Map<string, string>> {
    const version = await this.versionOf(m, year);
    const rows: { from_code: string; to_code: string }[] = await m.query(
      `SELECT from_code, to_code FROM code_crosswalk WHERE list = $1 AND to_version = $2`, [list, version]);
    return new Map(rows.map((r) => [r.from_code, r.to_code]));
  }
}
