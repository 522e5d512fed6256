import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { offsetOf, Page, pageOf, PageQueryDto } from '@grms/core';
import { DataSource } from 'typeorm';
import { ACCOUNTS, CodeListSpec, FUNDING_SOURCES, NOMENCLATURE } from './code-lists';
import { CodeResponse } from './dto/reference.dto';

interface CodeFilter extends PageQueryDto { parentCode?: string; q?: string; level?: string }

@Injectable()
export class ReferenceQueryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  nomenclature(q: CodeFilter): Promise<Page<CodeResponse>> { return this.list(NOMENCLATURE, q); }
  accounts(q: CodeFilter): Promise<Page<CodeResponse>> { return this.list(ACCOUNTS, q); }
  fundingSources(q: CodeFilter): Promise<Page<CodeResponse>> { return this.list(FUNDING_SOURCES, q); }

  private async list(spec: CodeListSpec, q: CodeFilter): Promise<Page<CodeResponse>> {
    const params: unknown[] = [];
    const where: string[] = [];
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
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM ${spec.table} t ${w}`, params);
    const rows = await this.ds.query(
      `SELECT t.code, t.name, t.level, t.parent_code AS "parentCode", t.note,
         NOT EXISTS (SELECT 1 FROM ${spec.table} c WHERE c.parent_code = t.code) AS leaf
       FROM ${spec.table} t ${w} ORDER BY string_to_array(replace(t.code, 'X', '0'), '.')::int[], t.code
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.limit, offsetOf(q)],
    );
    return pageOf(rows.map((r: CodeResponse & { level: number }) => ({ ...r, level: spec.levelNames[r.level - 1] })), total, q);
  }
}
