import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SqlWhere } from '../database/sql-where';
import { offsetOf, Page, pageOf } from '../http/pagination';
import { AuditEventResponse, AuditQueryDto, AuditVerifyResponse } from './audit.dto';

const COLUMNS = `id, chain_no::text AS "chainNo", occurred_at AS "occurredAt", actor_id AS "actorId",
  actor_username AS "actorUsername", request_id AS "requestId", action, entity_type AS "entityType",
  entity_id AS "entityId", before, after, prev_hash AS "prevHash", hash`;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(q: AuditQueryDto): Promise<Page<AuditEventResponse>> {
    const w = new SqlWhere()
      .add('entity_type = ?', q.entityType)
      .add('entity_id = ?', q.entityId)
      .add('actor_id = ?', q.actorId)
      .add('actor_username = ?', q.username)
      .add('request_id = ?', q.requestId)
      .add('action = ?', q.action)
      .add('occurred_at >= ?::timestamptz', q.from)
      // inclusive, as every date range of the API: a date means to the end of that day
      .add(DATE_ONLY.test(q.to ?? '') ? 'occurred_at < (?::date + 1)::timestamptz' : 'occurred_at <= ?::timestamptz', q.to);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM audit_events ${w.clause}`, w.params);
    const page = w.page(q.limit, offsetOf(q));
    const rows = await this.ds.query(`SELECT ${COLUMNS} FROM audit_events ${w.clause} ORDER BY chain_no DESC ${page.sql}`, page.params);
    return pageOf(rows.map((r: AuditEventResponse & { occurredAt: Date }) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() })), total, q);
  }

  // Recomputes every hash in chain order and checks each link, in SQL.
  async verify(): Promise<AuditVerifyResponse> {
    const [{ checked }] = await this.ds.query(`SELECT count(*)::int AS checked FROM audit_events`);
    const bad = await this.ds.query(`
      SELECT id, chain_no::text AS "chainNo",
        CASE WHEN chain_no <> expected_no THEN 'chain position is missing or out of order'
             WHEN prev_hash <> expected_prev THEN 'does not link to the hash of the record before it'
             ELSE 'its contents do not match its hash' END AS reason
      FROM (
        SELECT e.id, e.chain_no, e.prev_hash, e.hash,
          row_number() OVER (ORDER BY e.chain_no) AS expected_no,
          COALESCE(lag(e.hash) OVER (ORDER BY e.chain_no), 'GENESIS') AS expected_prev,
          audit_event_hash(e.prev_hash, e) AS expected_hash
        FROM audit_events e
      ) s
      WHERE chain_no <> expected_no OR prev_hash <> expected_prev OR hash <> expected_hash
      ORDER BY chain_no LIMIT 1`);
    if (bad.length === 0) return { valid: true, checked, firstInvalidId: null, firstInvalidChainNo: null, reason: null };
    return { valid: false, checked, firstInvalidId: bad[0].id, firstInvalidChainNo: bad[0].chainNo, reason: bad[0].reason };
  }
}
