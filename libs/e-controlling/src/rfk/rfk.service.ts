import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, AuthUser, DomainError, offsetOf, pageOf, snapshotPages, TransactionService } from '@grms/core';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ControllingScopeService, ReportContext } from '../common/controlling-scope.service';
import { monthEnd } from '../status/s-curve';
import { FreezeRfkDto, RfkPage, RfkQueryDto, RfkReportMeta, RfkRow, RfkSnapshotResponse } from './dto/rfk.dto';
import { RfkBuilderService } from './rfk-builder.service';
import { RfkSlice } from './rfk.query';

const SNAPSHOT = `SELECT s.id, s.fiscal_year AS "fiscalYear", s.month, s.version, to_char(s.as_of, 'YYYY-MM-DD') AS "asOf", s.row_count AS "rowCount",
  to_char(s.frozen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "frozenAt", u.username AS "frozenBy", s.reason
  FROM rfk_snapshots s JOIN users u ON u.id = s.frozen_by`;

// The RFK of a month: live from the ledger, plans and progress, or, once
// frozen, the snapshot exactly as it was frozen (a correction is a new version).
@Injectable()
export class RfkService {
  constructor(
    private readonly tx: TransactionService, private readonly scope: ControllingScopeService, private readonly builder: RfkBuilderService, private readonly audit: AuditService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  /** A page of the rows in the user's scope and what the report is. */
  read(user: AuthUser, q: RfkQueryDto): Promise<RfkPage> {
    return this.tx.run(async (m) => {
      const { ctx, snap, report } = await this.resolve(m, user, q);
      const slice: RfkSlice = { after: 0, offset: offsetOf(q), limit: q.limit };
      const page = snap ? await frozenRows(m, snap.id, ctx, slice) : await this.builder.page(m, q.fiscalYear, ctx, slice);
      return { ...pageOf(page.rows, page.total, q), report };
    });
  }

  /**
   * Every row in the user's scope, for a download: what the report is, then
   * its rows in pages of one read-only snapshot (the frozen rows, or the live
   * statement from the last row number on), so memory holds one page.
   */
  async download(user: AuthUser, q: RfkQueryDto): Promise<{ report: RfkReportMeta; pages: AsyncIterable<RfkRow[]> }> {
    const { ctx, snap, report } = await this.tx.run((m) => this.resolve(m, user, q));
    const pages = snapshotPages<RfkRow>(this.ds, async (m, last, limit) => {
      const slice: RfkSlice = { after: last?.rowNo ?? 0, offset: 0, limit };
      return (snap ? await frozenRows(m, snap.id, ctx, slice) : await this.builder.page(m, q.fiscalYear, ctx, slice)).rows;
    });
    return { report, pages };
  }

  /** The request's date, scope and program, and the snapshot it reads (the latest version or `version`; none: live). */
  private async resolve(m: EntityManager, user: AuthUser, q: RfkQueryDto): Promise<{ ctx: ReportContext; snap: { id: string } | undefined; report: RfkReportMeta }> {
    const ctx = await this.scope.context(m, user, { fiscalYear: q.fiscalYear, month: q.month, organizationId: q.organizationId, programCode: q.programCode });
    const versions: (RfkSnapshotResponse & { id: string })[] = await m.query(`${SNAPSHOT} WHERE s.fiscal_year = $1 AND s.month = $2 ORDER BY s.version`, [q.fiscalYear, q.month]);
    const snap = q.version ? versions.find((v) => v.version === q.version) : versions[versions.length - 1];
    if (q.version && !snap) throw DomainError.notFound('RFK version', `${q.fiscalYear}-${q.month} v${q.version}`);
    const report: RfkReportMeta = {
      fiscalYear: q.fiscalYear, month: q.month, asOf: ctx.asOf, frozen: !!snap, version: snap?.version ?? null, frozenAt: snap?.frozenAt ?? null,
      frozenBy: snap?.frozenBy ?? null, reason: snap?.reason ?? null, versions: versions.map((v) => v.version),
    };
    return { ctx, snap, report };
  }

  freeze(user: AuthUser, fiscalYear: number, month: number, dto: FreezeRfkDto): Promise<RfkSnapshotResponse> {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw DomainError.invalid(`month ${month} is not 1-12`, [{ field: 'month', message: 'an integer from 1 to 12' }]);
    return this.tx.run(async (m) => {
      const asOf = monthEnd(fiscalYear, month);
      const [{ today }] = await m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
      if (asOf >= today) {
        throw DomainError.rule('RFK_MONTH_NOT_OVER', `the RFK of ${fiscalYear}-${String(month).padStart(2, '0')} can be frozen from the day after ${asOf}; today is ${today}`, [{ field: 'month', message: `not over before ${asOf}` }]);
      }
      // one freeze of a month at a time: the version number is the next one
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('rfk_snapshots'), $1)`, [fiscalYear * 100 + month]);
      const [{ last }] = await m.query(`SELECT COALESCE(max(version), 0)::int AS last FROM rfk_snapshots WHERE fiscal_year = $1 AND month = $2`, [fiscalYear, month]);
      const reason = dto.reason?.trim() || null;
      if (last > 0 && !reason) {
        throw DomainError.rule('RFK_CORRECTION_REASON_REQUIRED', `the RFK of ${fiscalYear}-${String(month).padStart(2, '0')} is frozen (version ${last}); a correction (version ${last + 1}) needs a reason`, [{ field: 'reason', message: 'required for a correction' }]);
      }
      const ctx = await this.scope.context(m, null, { fiscalYear, month });
      const { rows } = await this.builder.page(m, fiscalYear, ctx, { after: 0, offset: 0, limit: null });
      const [{ id }] = await m.query(
        `INSERT INTO rfk_snapshots (fiscal_year, month, version, as_of, reason, row_count, frozen_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [fiscalYear, month, last + 1, asOf, reason, rows.length, user.id]);
      await insertRows(m, id, rows);
      const [after] = await m.query(`${SNAPSHOT} WHERE s.id = $1`, [id]);
      const digest = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
      this.audit.record({ action: 'RFK.FREEZE', entityType: 'RfkSnapshot', entityId: id, after: { ...after, id: undefined, sha256: digest } });
      const { id: _id, ...res } = after;
      return res;
    });
  }
}

/** Rows in batches of 1,000, one INSERT each, in their order. */
async function insertRows(m: EntityManager, snapshotId: string, rows: RfkRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await m.query(
      `INSERT INTO rfk_snapshot_rows (snapshot_id, row_no, organization_id, data)
       SELECT $1, (r->>'rowNo')::int, (r->>'organizationId')::uuid, r FROM jsonb_array_elements($2::jsonb) r`,
      [snapshotId, JSON.stringify(batch)]);
  }
}

/**
 * The statement of a frozen page: the row numbers first (with a program, by
 * the segment each PROGRAM or OPD row starts: the snapshot keeps the report's
 * order, so a program's rows follow its row), counted and cut, then the
 * page's stored rows by key. Parameters: $1 snapshot, $2 organizations, $3
 * program, $4 the row number the rows start after, $5 limit, $6 offset.
 */
export function frozenRowsSql(byProgram: boolean): string {
  const scoped = `FROM rfk_snapshot_rows WHERE snapshot_id = $1 AND ($2::uuid[] IS NULL OR organization_id = ANY($2::uuid[]))`;
  const of = byProgram
    ? `WITH r AS (SELECT row_no, data->>'level' AS level, data->>'code' AS code, count(*) FILTER (WHERE data->>'level' IN ('OPD', 'PROGRAM')) OVER (ORDER BY row_no) AS seg ${scoped}),
         s AS (SELECT row_no, first_value(level) OVER w AS seg_level, first_value(code) OVER w AS seg_code FROM r WINDOW w AS (PARTITION BY seg ORDER BY row_no)),
         f AS (SELECT row_no FROM s WHERE seg_level = 'PROGRAM' AND seg_code = $3)`
    : `WITH f AS (SELECT row_no ${scoped} AND $3::text IS NULL)`;
  return `${of}
     SELECT t.total, d.data FROM (SELECT count(*)::int AS total FROM f) t
     LEFT JOIN LATERAL (SELECT row_no FROM f WHERE row_no > $4 ORDER BY row_no LIMIT $5 OFFSET $6) p ON true
     LEFT JOIN rfk_snapshot_rows d ON d.snapshot_id = $1 AND d.row_no = p.row_no ORDER BY p.row_no`;
}

/** The frozen rows of `slice` in the context's scope (and program), and their count. */
async function frozenRows(m: EntityManager, snapshotId: string, ctx: ReportContext, slice: RfkSlice): Promise<{ rows: RfkRow[]; total: number }> {
  const rows: { data: RfkRow | null; total: number }[] = await m.query(frozenRowsSql(!!ctx.programCode),
    [snapshotId, ctx.orgs, ctx.programCode, slice.after, slice.limit, slice.offset]);
  return { total: rows[0]?.total ?? 0, rows: rows.flatMap((r) => (r.data ? [r.data] : [])) };
}
