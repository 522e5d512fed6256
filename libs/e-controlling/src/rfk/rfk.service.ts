import { Injectable } from '@nestjs/common';
import { AuditService, AuthUser, DomainError, offsetOf, pageOf, TransactionService } from '@grms/core';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ControllingScopeService } from '../common/controlling-scope.service';
import { monthEnd } from '../status/s-curve';
import { FreezeRfkDto, RfkPage, RfkQueryDto, RfkReportMeta, RfkRow, RfkSnapshotResponse } from './dto/rfk.dto';
import { RfkBuilderService } from './rfk-builder.service';

const SNAPSHOT = `SELECT s.id, s.fiscal_year AS "fiscalYear", s.month, s.version, to_char(s.as_of, 'YYYY-MM-DD') AS "asOf", s.row_count AS "rowCount",
  to_char(s.frozen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "frozenAt", u.username AS "frozenBy", s.reason
  FROM rfk_snapshots s JOIN users u ON u.id = s.frozen_by`;

// The RFK of a month: live from the ledger, plans and progress, or, once
// frozen, the snapshot exactly as it was frozen (a correction is a new version).
@Injectable()
export class RfkService {
  constructor(private readonly tx: TransactionService, private readonly scope: ControllingScopeService, private readonly builder: RfkBuilderService, private readonly audit: AuditService) {}

  /** The rows in the user's scope (all of them when `all`, else the page) and what the report is. */
  read(user: AuthUser, q: RfkQueryDto, all: boolean): Promise<RfkPage> {
    return this.tx.run(async (m) => {
      const ctx = await this.scope.context(m, user, { fiscalYear: q.fiscalYear, month: q.month, organizationId: q.organizationId });
      const versions: (RfkSnapshotResponse & { id: string })[] = await m.query(`${SNAPSHOT} WHERE s.fiscal_year = $1 AND s.month = $2 ORDER BY s.version`, [q.fiscalYear, q.month]);
      const snap = q.version ? versions.find((v) => v.version === q.version) : versions[versions.length - 1];
      if (q.version && !snap) throw DomainError.notFound('RFK version', `${q.fiscalYear}-${q.month} v${q.version}`);
      const report: RfkReportMeta = {
        fiscalYear: q.fiscalYear, month: q.month, asOf: ctx.asOf, frozen: !!snap, version: snap?.version ?? null, frozenAt: snap?.frozenAt ?? null,
        frozenBy: snap?.frozenBy ?? null, reason: snap?.reason ?? null, versions: versions.map((v) => v.version),
      };
      const [limit, offset] = all ? [null, 0] : [q.limit, offsetOf(q)];
      if (snap) {
        const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM rfk_snapshot_rows WHERE snapshot_id = $1 AND ($2::uuid[] IS NULL OR organization_id = ANY($2::uuid[]))`, [snap.id, ctx.orgs]);
        const rows: { data: RfkRow }[] = await m.query(
          `SELECT data FROM rfk_snapshot_rows WHERE snapshot_id = $1 AND ($2::uuid[] IS NULL OR organization_id = ANY($2::uuid[])) ORDER BY row_no LIMIT $3 OFFSET $4`,
          [snap.id, ctx.orgs, limit, offset]);
        return { ...pageOf(rows.map((r) => r.data), total, q), report };
      }
      const live = await this.builder.page(m, q.fiscalYear, ctx, null, limit, offset);
      return { ...pageOf(live.rows, live.total, q), report };
    });
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
      const { rows } = await this.builder.page(m, fiscalYear, ctx, null, null, 0);
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
