import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, fiscalYearNotFound, offsetOf, Page, pageOf, PageQueryDto } from '@grms/core';
import { DataSource } from 'typeorm';
import { CodeListSpec, SPEC_OF, VersionedList } from './code-lists';
import { CodeListVersionResponse, CodeResponse } from './dto/reference.dto';

interface CodeFilter extends PageQueryDto { parentCode?: string; q?: string; level?: string; fiscalYear?: number; version?: string }

@Injectable()
export class ReferenceQueryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  nomenclature(q: CodeFilter): Promise<Page<CodeResponse>> { return this.list('nomenclature', q); }
  accounts(q: CodeFilter): Promise<Page<CodeResponse>> { return this.list('accounts', q); }
  fundingSources(q: CodeFilter): Promise<Page<CodeResponse>> { return this.list('funding_sources', q); }

  async versions(q: PageQueryDto): Promise<Page<CodeListVersionResponse>> {
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM code_list_versions`);
    const rows = await this.ds.query(
      `SELECT v.id, v.seq, v.name, v.regulation, to_char(v.loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "loadedAt",
         COALESCE((SELECT array_agg(year ORDER BY year) FROM fiscal_years y WHERE y.code_list_version = v.id), '{}') AS "fiscalYears",
         (SELECT count(*)::int FROM code_list_entries e WHERE e.version = v.id AND e.list = 'accounts') AS accounts,
         (SELECT count(*)::int FROM code_list_entries e WHERE e.version = v.id AND e.list = 'nomenclature') AS nomenclature,
         (SELECT count(*)::int FROM code_list_entries e WHERE e.version = v.id AND e.list = 'funding_sources') AS "fundingSources"
       FROM code_list_versions v ORDER BY v.seq LIMIT $1 OFFSET $2`, [q.limit, offsetOf(q)]);
    return pageOf(rows, total, q);
  }

  /** The version asked for: by fiscal year, by id, or else the newest one that holds codes. */
  private async version(q: CodeFilter): Promise<string> {
    if (q.fiscalYear !== undefined) {
      const [y] = await this.ds.query(`SELECT code_list_version AS v FROM fiscal_years WHERE year = $1`, [q.fiscalYear]);
      if (!y) throw fiscalYearNotFound(q.fiscalYear);
      if (q.version && q.version !== y.v) throw DomainError.invalid(`fiscal year ${q.fiscalYear} uses code list version ${y.v}, not ${q.version}`, [{ field: 'version', message: `fiscal year ${q.fiscalYear} uses ${y.v}` }]);
      return y.v;
    }
    if (q.version) {
      const [v] = await this.ds.query(`SELECT id FROM code_list_versions WHERE id = $1`, [q.version]);
      if (!v) throw DomainError.notFound('code list version', q.version);
      return v.id;
    }
    const [v] = await this.ds.query(`SELECT v.id FROM code_list_versions v WHERE EXISTS (SELECT 1 FROM code_list_entries e WHERE e.version = v.id) ORDER BY v.seq DESC LIMIT 1`);
    return v?.id ?? '';
  }

  private async list(list: VersionedList, q: CodeFilter): Promise<Page<CodeResponse>> {
    const spec: CodeListSpec = SPEC_OF[list];
    const params: unknown[] = [await this.version(q), list];
    const where: string[] = ['t.version = $1', 't.list = $2'];
    if (q.level) {
      const n = /^\d$/.test(q.level) ? Number(q.level) : spec.levelNames.indexOf(q.level) + 1;
      params.push(n); where.push(`t.level = $${params.length}`);
    }
    if (q.parentCode) { params.push(q.parentCode); where.push(`t.parent_code = $${params.length}`); }
    if (q.q) {
      const words = q.q.toLowerCase().split(/\s+/).filter(Boolean);
      const parts = words.map((w) => { params.push(`%${w.replace(/[\\%_]/g, '\\$&')}%`); return `lower(t.name) LIKE $${params.length}`; });
      params.push(`${q.q.trim()}%`);
      where.push(`((${parts.join(' AND ')}) OR t.code LIKE $${params.length})`);
    }
    const w = `WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM code_list_entries t ${w}`, params);
    const rows = await this.ds.query(
      `SELECT t.code, t.name, t.level, t.parent_code AS "parentCode", t.note, t.leaf, t.version, t.indicator, t.unit
       FROM code_list_entries t ${w} ORDER BY string_to_array(replace(t.code, 'X', '0'), '.')::int[], t.code
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, offsetOf(q)],
    );
    return pageOf(rows.map((r: CodeResponse & { level: number }) => {
      const out = { ...r, level: spec.levelNames[r.level - 1] };
      if (list !== 'nomenclature') { delete out.indicator; delete out.unit; }
      return out;
    }), total, q);
  }
}
