import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadRouter } from '../database/replica/read-router';
import { SqlWhere } from '../database/sql-where';
import { DomainError } from '../errors/domain-error';
import { CursorPage, Keyset, keysetAfterRow, keysetOrderBy, listPage, whereAnd } from '../http/cursor';
import { snapshotPages } from '../export/streamed-export';
import { AUDIT_KEYS, AuditKeys, AuditRecordFields, chainLink, checkpointSignatureValid, recordMac } from './audit-keys';
import { AuditSequencer } from './audit-sequencer';
import { AuditEventResponse, AuditQueryDto, AuditVerifyResponse } from './audit.dto';

// What a reader calls the entity: the document number, code, username or name
// its record carries (after the change, else before), so the trail and its
// exports name documents rather than identifiers; a user acting on their own
// account (a login, a password change) by their username. Null when the record
// has none (a bulk event over several rows). A budget line's records (its
// balances: LEDGER.POST and the like) carry no code of their own: the line is
// named by its codes, the ones of its unique key (year, OPD, sub kegiatan,
// account, funding source), read from the line itself, so that older records
// are named too.
const LABEL_KEYS = ['number', 'documentNumber', 'contractNumber', 'code', 'username', 'name', 'fileName'];
const BUDGET_LINE_LABEL = `(SELECT b.fiscal_year || ' ' || b.organization_code || ' / ' || b.sub_activity_code || ' / ' || b.account_code || ' / ' || b.funding_source_code
  FROM budget_lines b WHERE b.id = e.entity_id::uuid)`;
const ENTITY_LABEL = `coalesce(${LABEL_KEYS.map((k) => `e.after ->> '${k}', e.before ->> '${k}'`).join(', ')}, CASE WHEN e.entity_id = e.actor_id::text THEN e.actor_username END,
  CASE WHEN e.entity_type = 'BudgetLine' THEN ${BUDGET_LINE_LABEL} END)`;

const COLUMNS = `e.id, c.chain_no::text AS "chainNo", e.occurred_at AS "occurredAt", e.actor_id AS "actorId",
  e.actor_username AS "actorUsername", e.request_id AS "requestId", e.action, e.entity_type AS "entityType",
  e.entity_id AS "entityId", ${ENTITY_LABEL} AS "entityLabel", e.before, e.after, c.prev_hash AS "prevHash", c.hash`;

const PAGE = 5000;

// Newest first by chain position. Records not yet chained (written while the
// request ran: the list drains the queue first) sort first and carry no
// position: a cursor taken on one starts at the head of the chain.
const AUDIT_KEYSET: Keyset<AuditEventResponse> = {
  name: 'audit-events',
  descending: true,
  parts: [{ sql: 'c.chain_no', type: 'bigint', field: 'chainNo', nullAs: String(Number.MAX_SAFE_INTEGER) }],
};

const isoTime = (r: AuditEventResponse): AuditEventResponse => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() });

/**
 * Count, seq range and digest of the ledger entries a data set wrote in bulk
 * (`grms dataset:generate`); its keyed DATASET.GENERATE audit record carries
 * them, and verification recomputes them over the same range.
 */
export const DATASET_LEDGER_DIGEST = `
  SELECT count(*)::int AS count, min(seq)::text AS "fromSeq", max(seq)::text AS "toSeq",
    encode(sha256(convert_to(coalesce(string_agg(id::text || ':' || budget_line_id::text || ':' || kind || ':' || amount::text, ',' ORDER BY seq), ''), 'UTF8')), 'hex') AS digest
  FROM ledger_entries WHERE request_id = 'dataset:generate'`;

interface DatasetLedger {
  count: number;
  fromSeq: string | null;
  toSeq: string | null;
  digest: string;
}

// The keyed fields of a record (as the sequencer hashes them), read back with its chain position.
interface ChainRow extends Omit<AuditRecordFields, 'occurredAt'> {
  chainNo: string;
  prevHash: string;
  hash: string;
  legacy: boolean;
  legacyOk: boolean | null;
  mac: string | null;
  occurredAt: Date;
}

type Finding = Pick<AuditVerifyResponse, 'firstInvalidId' | 'firstInvalidChainNo' | 'reason'>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** The most events one csv/xlsx download of the audit trail carries. */
export const AUDIT_EXPORT_MAX = 50_000;

@Injectable()
export class AuditQueryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
    private readonly sequencer: AuditSequencer,
    private readonly reads: ReadRouter,
  ) {}

  /** One page of events, newest first, by number or after a cursor (decision 0060). */
  async list(q: AuditQueryDto): Promise<CursorPage<AuditEventResponse>> {
    await this.sequencer.drain();
    // auditors' pages read from the replica when one is configured and fresh (decision 0053)
    const out = await this.reads.report((m) => listPage<AuditEventResponse>(m, AUDIT_KEYSET, q, { select: `SELECT ${COLUMNS} FROM audit_events e LEFT JOIN audit_chain c ON c.event_id = e.id`, countFrom: 'audit_events e', where: this.filters(q) }));
    return { ...out, data: out.data.map(isoTime) };
  }

  /** Every event matching the filters (at most AUDIT_EXPORT_MAX), newest first, as pages of one snapshot (the downloads). */
  async allPages(q: AuditQueryDto): Promise<AsyncIterable<AuditEventResponse[]>> {
    await this.sequencer.drain();
    const w = this.filters(q);
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM audit_events e ${w.clause}`, w.params);
    if (total > AUDIT_EXPORT_MAX) {
      throw DomainError.rule('EXPORT_TOO_LARGE', `${total} audit events match the filters, more than the ${AUDIT_EXPORT_MAX} a download carries: narrow the filters (from, to, entityType, username)`);
    }
    return snapshotPages<AuditEventResponse>(this.ds, async (m, last, limit) => {
      const after = keysetAfterRow(AUDIT_KEYSET, last, w.params.length);
      const rows = await m.query(`SELECT ${COLUMNS} FROM audit_events e LEFT JOIN audit_chain c ON c.event_id = e.id ${whereAnd(w.clause, after?.sql)} ${keysetOrderBy(AUDIT_KEYSET)} LIMIT ${limit}`,
        [...w.params, ...(after?.params ?? [])]);
      return rows.map(isoTime);
    });
  }

  private filters(q: AuditQueryDto): SqlWhere {
    return new SqlWhere()
      .add('e.entity_type = ?', q.entityType)
      .add('e.entity_id = ?', q.entityId)
      .add('e.actor_id = ?', q.actorId)
      .add('e.actor_username = ?', q.username)
      .add('e.request_id = ?', q.requestId)
      .add('e.action = ?', q.action)
      .add('e.occurred_at >= ?::timestamptz', q.from)
      // inclusive, as every date range of the API: a date means to the end of that day
      .add(DATE_ONLY.test(q.to ?? '') ? 'e.occurred_at < (?::date + 1)::timestamptz' : 'e.occurred_at <= ?::timestamptz', q.to);
  }

  /**
   * Verifies the whole trail with the keys (decision 0021): every record's
   * keyed hash, every link of the chain in order, every signed checkpoint
   * (a chain shorter than a checkpoint, or with another record at its
   * position, has lost or rewritten records), no record outside the chain,
   * and every ledger entry carried by an audit record. A valid trail gets a
   * new signed checkpoint.
   */
  async verify(): Promise<AuditVerifyResponse> {
    await this.sequencer.drain();
    const checkpoints = this.sequencer.checkpoints();
    const wanted = new Map<number, string>(); // chain position -> head a checkpoint names
    let finding: Finding | null = null;
    const fail = (f: Finding): void => { finding ??= f; };
    checkpoints.forEach((c, i) => {
      if (!c || !checkpointSignatureValid(this.keys.publicKey, c) || c.database !== this.sequencer.database) {
        fail({ firstInvalidId: null, firstInvalidChainNo: null, reason: `checkpoint ${i + 1} in ${this.sequencer.checkpointPath} does not carry a valid signature` });
      } else {
        wanted.set(c.count, c.head);
      }
    });

    let count = 0;
    let prev = 'GENESIS';
    const headAt = new Map<number, string>();
    for (;;) {
      const rows: ChainRow[] = await this.ds.query(`
        SELECT c.chain_no::text AS "chainNo", e.id, c.prev_hash AS "prevHash", c.hash, c.legacy,
          CASE WHEN c.legacy THEN e.chain_no = c.chain_no AND e.prev_hash = c.prev_hash AND e.hash = c.hash AND audit_event_hash(e.prev_hash, e) = e.hash END AS "legacyOk",
          e.mac, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", e.actor_username AS "actorUsername", e.request_id AS "requestId",
          e.action, e.entity_type AS "entityType", e.entity_id AS "entityId", e.before, e.after
        FROM audit_chain c JOIN audit_events e ON e.id = c.event_id
        WHERE c.chain_no > $1 ORDER BY c.chain_no LIMIT ${PAGE}`, [count]);
      for (const r of rows) {
        const no = count + 1;
        const at = { firstInvalidId: r.id, firstInvalidChainNo: r.chainNo };
        if (Number(r.chainNo) !== no) fail({ ...at, reason: `chain position ${no} is missing or out of order` });
        else if (r.prevHash !== prev) fail({ ...at, reason: 'does not link to the hash of the record before it' });
        else if (r.legacy) {
          if (!r.legacyOk) fail({ ...at, reason: 'its contents do not match its hash (record of the unkeyed chain)' });
        } else {
          const mac = recordMac(this.keys.hmacKey, { ...r, occurredAt: new Date(r.occurredAt).toISOString() });
          if (r.mac !== mac) fail({ ...at, reason: 'its contents do not match its keyed hash (MAC): the record was altered or written without the key' });
          else if (r.hash !== chainLink(this.keys.hmacKey, r.chainNo, r.prevHash, r.id, r.mac)) fail({ ...at, reason: 'its chain hash is not the keyed link of its position' });
        }
        if (wanted.has(no)) headAt.set(no, r.hash);
        prev = r.hash;
        count = Math.max(no, Number(r.chainNo));
      }
      if (rows.length < PAGE) break;
    }

    for (const [n, head] of [...wanted].sort((a, b) => a[0] - b[0])) {
      const c = checkpoints.find((x) => x?.count === n && x.head === head)!;
      if (count < n) fail({ firstInvalidId: null, firstInvalidChainNo: String(count + 1), reason: `the chain ends at record ${count}, but the checkpoint signed at ${c.signedAt} covers ${n} records: records were removed from the end` });
      else if (headAt.get(n) !== head) fail({ firstInvalidId: null, firstInvalidChainNo: String(n), reason: `record ${n} is not the one the checkpoint signed at ${c.signedAt} names: the chain was rewritten` });
    }

    const [outside] = await this.ds.query(`
      SELECT e.id FROM audit_events e
      WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id) AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.event_id = e.id)
      LIMIT 1`);
    if (outside) fail({ firstInvalidId: outside.id, firstInvalidChainNo: null, reason: 'the record is neither in the chain nor queued for it' });

    const [{ n: ledgerEntries }] = await this.ds.query(`SELECT count(*)::int AS n FROM ledger_entries`);
    // bulk data sets: each keyed DATASET.GENERATE record vouches for its range only if that range still holds exactly its entries
    const ranges: { from: string[]; to: string[] } = { from: [], to: [] };
    const datasets: { id: string; after: { ledgerEntries?: DatasetLedger } }[] = await this.ds.query(
      `SELECT id, after FROM audit_events WHERE action = 'DATASET.GENERATE' AND after ? 'ledgerEntries'`);
    for (const d of datasets) {
      const claimed = d.after.ledgerEntries;
      if (!claimed?.fromSeq || !claimed.toSeq) continue;
      const [actual] = await this.ds.query(`${DATASET_LEDGER_DIGEST} AND seq BETWEEN $1 AND $2`, [claimed.fromSeq, claimed.toSeq]);
      if (actual.count === claimed.count && actual.digest === claimed.digest) {
        ranges.from.push(claimed.fromSeq);
        ranges.to.push(claimed.toSeq);
      } else {
        fail({ firstInvalidId: d.id, firstInvalidChainNo: null, reason: `the ledger entries of the data set recorded by audit record ${d.id} were changed: it names ${claimed.count} entries (#${claimed.fromSeq} to #${claimed.toSeq}), the ledger holds ${actual.count} with another digest` });
      }
    }
    const [unaudited] = await this.ds.query(`
      WITH audited AS (
        SELECT x->>'id' AS id, x->>'kind' AS kind, x->>'amount' AS amount, a.entity_id AS line
        FROM audit_events a CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.after->'entries') = 'array' THEN a.after->'entries' ELSE '[]'::jsonb END) x
        WHERE a.action = 'LEDGER.POST' AND a.entity_type = 'BudgetLine')
      SELECT l.id, l.seq::text AS seq, l.amount::text AS amount, l.kind, l.budget_line_id AS line
      FROM ledger_entries l LEFT JOIN audited d ON d.id = l.id::text
      WHERE (d.id IS NULL OR d.kind IS DISTINCT FROM l.kind OR d.line IS DISTINCT FROM l.budget_line_id::text OR CASE WHEN d.amount ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN d.amount::numeric <> l.amount ELSE true END)
        AND NOT (l.request_id = 'dataset:generate' AND EXISTS (SELECT 1 FROM unnest($1::bigint[], $2::bigint[]) r(f, t) WHERE l.seq BETWEEN r.f AND r.t))
      ORDER BY l.seq LIMIT 1`, [ranges.from, ranges.to]);
    if (unaudited) {
      fail({ firstInvalidId: null, firstInvalidChainNo: null, reason: `ledger entry ${unaudited.id} (#${unaudited.seq}, ${unaudited.kind} ${unaudited.amount} on budget line ${unaudited.line}) has no audit record that carries it: it was not posted through the ledger service` });
    }

    const [{ pending }] = await this.ds.query(`SELECT count(*)::int AS pending FROM audit_pending`);
    const latest = [...checkpoints].reverse().find((c) => c && wanted.get(c.count) === c.head) ?? null;
    const result: AuditVerifyResponse = {
      valid: finding === null, checked: count, pending, ledgerEntriesChecked: ledgerEntries,
      firstInvalidId: null, firstInvalidChainNo: null, reason: null, ...(finding ?? {}),
      checkpoint: latest ? { count: latest.count, head: latest.head, signedAt: latest.signedAt } : null,
    };
    if (result.valid && count > 0) {
      const c = await this.sequencer.checkpoint({ count, head: prev });
      if (c) result.checkpoint = { count: c.count, head: c.head, signedAt: c.signedAt };
    }
    return result;
  }
}
