import { Injectable } from '@nestjs/common';
import {
  AccessService, AuthUser, CursorPage, DomainError, fiscalYearNotFound, Keyset, keysetAfterRow, keysetOrderBy, listPage, offsetOf, Page, pageOf, PageQueryDto,
  Permission, ReadRouter, snapshotPages, SqlWhere, TransactionService, whereAnd,
} from '@grms/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CodeListVersionsService } from '../reference/code-list-versions.service';
import { BudgetLineQueryDto, BudgetLineResponse, LedgerEntryResponse } from './dto/budget-line.dto';
import { balancesAsOf } from './balances-as-of';

export interface BudgetLineKey {
  fiscalYear: number;
  organizationId: string;
  subActivityCode: string;
  accountCode: string;
  fundingSourceCode: string;
}

export const BUDGET_LINE_SELECT = `
  SELECT b.id, b.fiscal_year AS "fiscalYear", b.organization_id AS "organizationId", b.organization_code AS "organizationCode", o.name AS "organizationName",
    b.sub_activity_code AS "subActivityCode", n.name AS "subActivityName", b.account_code AS "accountCode", a.name AS "accountName",
    b.funding_source_code AS "fundingSourceCode", f.name AS "fundingSourceName",
    b.appropriated, b.allotted, b.committed, b.disbursed,
    (b.appropriated - b.committed - b.disbursed)::numeric(20,2) AS available,
    (b.allotted - b.disbursed)::numeric(20,2) AS "allottedUnspent", b.estimated, b.realized
  FROM budget_lines b
  JOIN organizations o ON o.id = b.organization_id
  JOIN nomenclature n ON n.code = b.sub_activity_code
  JOIN accounts a ON a.code = b.account_code
  JOIN funding_sources f ON f.code = b.funding_source_code`;

// The list order: by year, OPD code and the codes of the line; the id breaks no tie
// (the five columns are unique) but makes the key unique by construction.
export const BUDGET_LINE_KEYSET: Keyset<BudgetLineResponse> = {
  name: 'budget-lines',
  parts: [
    { sql: 'b.fiscal_year', type: 'int', field: 'fiscalYear' },
    { sql: 'b.organization_code', type: 'text', field: 'organizationCode' },
    { sql: 'b.sub_activity_code', type: 'text', field: 'subActivityCode' },
    { sql: 'b.account_code', type: 'text', field: 'accountCode' },
    { sql: 'b.funding_source_code', type: 'text', field: 'fundingSourceCode' },
    { sql: 'b.id', type: 'uuid', field: 'id' },
  ],
};

@Injectable()
export class BudgetLinesService {
  constructor(
    private readonly tx: TransactionService, private readonly access: AccessService, private readonly codes: CodeListVersionsService,
    private readonly reads: ReadRouter,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /**
   * One page of lines, by number (with the real total) or after a cursor
   * (without): one statement, read off the list-order index (decision 0060).
   */
  async list(user: AuthUser, q: BudgetLineQueryDto): Promise<CursorPage<BudgetLineResponse>> {
    const where = this.filters(q, await this.access.scope(user, Permission.BUDGET_LINE_READ));
    // auditors' pages read from the replica when one is configured and fresh (decision 0053)
    return this.reads.report(async (m) => {
      const out = await listPage(m, BUDGET_LINE_KEYSET, q, { select: BUDGET_LINE_SELECT, countFrom: 'budget_lines b', where, pinned: { 'b.fiscal_year': q.fiscalYear } });
      if (q.asOf) out.data = await balancesAsOf(m, out.data, q.asOf);
      return out;
    }, { oneStatement: !q.asOf });
  }

  /** Every line matching the filters, in list order, as pages of one snapshot (the downloads). */
  async allPages(user: AuthUser, q: BudgetLineQueryDto): Promise<AsyncIterable<BudgetLineResponse[]>> {
    const w = this.filters(q, await this.access.scope(user, Permission.BUDGET_LINE_READ));
    return snapshotPages<BudgetLineResponse>(this.ds, async (m, last, limit) => {
      const after = keysetAfterRow(BUDGET_LINE_KEYSET, last, w.params.length, { 'b.fiscal_year': q.fiscalYear });
      const rows = await m.query(`${BUDGET_LINE_SELECT} ${whereAnd(w.clause, after?.sql)} ${keysetOrderBy(BUDGET_LINE_KEYSET)} LIMIT ${limit}`, [...w.params, ...(after?.params ?? [])]);
      return q.asOf ? balancesAsOf(m, rows, q.asOf) : rows;
    });
  }

  private filters(q: BudgetLineQueryDto, scope: string[] | null): SqlWhere {
    return new SqlWhere()
      .scope('b.organization_id', scope)
      .add('b.fiscal_year = ?', q.fiscalYear)
      .add('b.organization_id = ?', q.organizationId)
      .add(`(b.sub_activity_code = ? OR b.sub_activity_code LIKE ? || '.%')`, q.subActivityCode)
      .add(`(b.account_code = ? OR b.account_code LIKE ? || '.%')`, q.accountCode)
      .add(`(b.funding_source_code = ? OR b.funding_source_code LIKE ? || '.%')`, q.fundingSourceCode);
  }

  async get(user: AuthUser, id: string, asOf?: string): Promise<BudgetLineResponse> {
    return this.tx.run(async (m) => {
      const [row] = await m.query(`${BUDGET_LINE_SELECT} WHERE b.id = $1`, [id]);
      if (!row) throw DomainError.notFound('budget line', id);
      await this.access.requireOrganization(user, Permission.BUDGET_LINE_READ, row.organizationId, 'budget line', id);
      return asOf ? (await balancesAsOf(m, [row], asOf))[0] : row;
    });
  }

  async entries(user: AuthUser, id: string, q: PageQueryDto): Promise<Page<LedgerEntryResponse>> {
    await this.get(user, id);
    return this.tx.run(async (m) => {
      const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM ledger_entries WHERE budget_line_id = $1`, [id]);
      const rows = await m.query(
        `SELECT e.id, e.seq::text AS seq, e.budget_line_id AS "budgetLineId", e.kind, e.amount, e.source_type AS "sourceType",
           e.source_id AS "sourceId", e.description, e.reverses_entry_id AS "reversesEntryId", e.actor_id AS "actorId",
           u.username AS "actorUsername", e.request_id AS "requestId", e.value_date::text AS "valueDate",
           to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
         FROM ledger_entries e LEFT JOIN users u ON u.id = e.actor_id
         WHERE e.budget_line_id = $1 ORDER BY e.seq LIMIT $2 OFFSET $3`,
        [id, q.limit, offsetOf(q)],
      );
      return pageOf(rows, total, q);
    });
  }

  /**
   * For modules: the id of the line for `key`, created when it does not exist
   * yet. Validates every part of the key with a clear refusal.
   */
  async ensureLine(m: EntityManager, key: BudgetLineKey): Promise<string> {
    return (await this.ensureLines(m, [key]))[0];
  }

  /**
   * The ids of the lines for `keys`, in order, the missing ones created: the
   * same checks and refusals as one by one (the first key that fails is
   * named), in a fixed number of statements however many keys (issue 11).
   */
  async ensureLines(m: EntityManager, keys: BudgetLineKey[]): Promise<string[]> {
    if (keys.length === 0) return [];
    // the years, the organizations and the codes of every key: one statement (decision 0235)
    const [{ years, orgs, entries }]: { years: { year: number; status: string; version: string }[]; orgs: { id: string }[];
      entries: { version: string; list: string; code: string; level: number; leaf: boolean }[] }[] = await m.query(
      `SELECT
         COALESCE((SELECT json_agg(json_build_object('year', year, 'status', status, 'version', code_list_version)) FROM fiscal_years WHERE year = ANY($1::int[])), '[]') AS years,
         COALESCE((SELECT json_agg(json_build_object('id', id)) FROM organizations WHERE id = ANY($2::uuid[])), '[]') AS orgs,
         COALESCE((SELECT json_agg(json_build_object('version', e.version, 'list', e.list, 'code', e.code, 'level', e.level, 'leaf', e.leaf)) FROM code_list_entries e
           WHERE e.version IN (SELECT code_list_version FROM fiscal_years WHERE year = ANY($1::int[])) AND (e.list, e.code) IN (SELECT * FROM unnest($3::text[], $4::text[]))), '[]') AS entries`,
      [[...new Set(keys.map((k) => k.fiscalYear))], [...new Set(keys.map((k) => k.organizationId))],
        keys.flatMap(() => ['nomenclature', 'accounts', 'funding_sources']),
        keys.flatMap((k) => [k.subActivityCode, k.accountCode, k.fundingSourceCode])]);
    const yearOf = new Map(years.map((y) => [y.year, y]));
    const orgIds = new Set(orgs.map((o) => o.id));
    const entry = new Map(entries.map((e) => [`${e.version}|${e.list}|${e.code}`, e]));
    const refuse = (code: string, field: string, msg: string) => { throw DomainError.rule(code, msg, [{ field, message: msg }]); };
    for (const key of keys) {
      const year = yearOf.get(key.fiscalYear);
      if (!year) throw fiscalYearNotFound(key.fiscalYear);
      if (year.status === 'CLOSED') refuse('FISCAL_YEAR_NOT_OPEN', 'fiscalYear', `fiscal year ${key.fiscalYear} is CLOSED`);
      if (!orgIds.has(key.organizationId)) refuse('UNKNOWN_ORGANIZATION', 'organizationId', `organization ${key.organizationId} does not exist`);
      // Each code must be in the code-list version of the line's fiscal year; a missing one is refused by the one-code check, with its hints.
      const code = async (list: 'nomenclature' | 'accounts' | 'funding_sources', value: string, field: string, errorCode: string) =>
        entry.get(`${year.version}|${list}|${value}`) ?? this.codes.require(m, key.fiscalYear, list, value, field, errorCode);
      const sub = await code('nomenclature', key.subActivityCode, 'subActivityCode', 'UNKNOWN_SUB_ACTIVITY');
      if (sub.level !== 5) refuse('INVALID_SUB_ACTIVITY', 'subActivityCode', `${key.subActivityCode} is not a sub kegiatan (level 5 of the nomenclature)`);
      const acc = await code('accounts', key.accountCode, 'accountCode', 'UNKNOWN_ACCOUNT');
      // revenue (4.*) and financing (6.*) lines take ESTIMATE and REALIZATION entries, expenditure (5.*) lines the rest
      if (acc.level !== 6) refuse('INVALID_ACCOUNT', 'accountCode', `${key.accountCode} is not an account leaf (level 6: 4.x, 5.x or 6.x .xx.xx.xx.xxxx)`);
      const fs = await code('funding_sources', key.fundingSourceCode, 'fundingSourceCode', 'UNKNOWN_FUNDING_SOURCE');
      if (!fs.leaf) refuse('INVALID_FUNDING_SOURCE', 'fundingSourceCode', `funding source ${key.fundingSourceCode} has sub-sources; use one of them`);
    }
    const distinct = [...new Map(keys.map((k) => [lineKey(k), k])).values()];
    const rows: { i: string; id: string }[] = await m.query(
      `INSERT INTO budget_lines AS b (fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code)
       SELECT y, o, s, a, f FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS k(y, o, s, a, f, i) ORDER BY i
       ON CONFLICT (fiscal_year, organization_id, sub_activity_code, account_code, funding_source_code) DO UPDATE SET updated_at = b.updated_at
       RETURNING b.id, b.fiscal_year, b.organization_id, b.sub_activity_code, b.account_code, b.funding_source_code`,
      [distinct.map((k) => k.fiscalYear), distinct.map((k) => k.organizationId), distinct.map((k) => k.subActivityCode), distinct.map((k) => k.accountCode), distinct.map((k) => k.fundingSourceCode)],
    ).then((r: { id: string; fiscal_year: number; organization_id: string; sub_activity_code: string; account_code: string; funding_source_code: string }[]) =>
      r.map((x) => ({ i: lineKey({ fiscalYear: x.fiscal_year, organizationId: x.organization_id, subActivityCode: x.sub_activity_code, accountCode: x.account_code, fundingSourceCode: x.funding_source_code }), id: x.id })));
    const ids = new Map(rows.map((r) => [r.i, r.id]));
    return keys.map((k) => ids.get(lineKey(k))!);
  }
}

const lineKey = (k: BudgetLineKey): string => [k.fiscalYear, k.organizationId, k.subActivityCode, k.accountCode, k.fundingSourceCode].join('|');
