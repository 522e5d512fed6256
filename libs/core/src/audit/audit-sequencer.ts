import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AUDIT_KEYS, AuditKeys, chainLink, Checkpoint, checkpointFile, signCheckpoint } from './audit-keys';

/** Records chained per batch (one transaction of the sequencer). */
export const AUDIT_BATCH = 2000;
/** How often an idle sequencer looks for new records: the bound on the chaining lag when idle. */
export const AUDIT_IDLE_MS = 100;
/** A signed checkpoint at most this often while records arrive (and on every successful verification). */
export const AUDIT_CHECKPOINT_MS = 5000;
/** A record waiting longer than this to be chained is logged as a warning (the lag bound operators watch). */
export const AUDIT_LAG_WARN_MS = 5000;
const CHAIN_LOCK = 7384213001;

export interface ChainHead {
  count: number;
  head: string;
}

/**
 * The one sequencer of the audit trail (decision 0021). Writers commit their
 * records with a keyed hash and no lock; a database trigger queues them; the
 * sequencer takes the queue in commit order, in batches, and appends each
 * record to the chain with a keyed link to the one before, in one transaction
 * that also empties the queue, under a transaction-level advisory lock (a
 * second process, e.g. the CLI, waits instead of forking the chain). A crash
 * rolls the batch back whole; the next run resumes from the last committed
 * link. Checkpoints of the head are signed and appended to a file outside
 * the database.
 */
@Injectable()
export class AuditSequencer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditSequencer');
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private lastCheckpointAt = 0;
  private lastCheckpointCount = -1;
  private failing = false;
  private lastLagWarning = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
  ) {}

  get database(): string {
    return String((this.ds.options as { database?: string }).database ?? this.databaseFromUrl());
  }

  private databaseFromUrl(): string {
    const url = (this.ds.options as { url?: string }).url;
    return url ? decodeURIComponent(new URL(url).pathname.slice(1)) : 'grms';
  }

  get checkpointPath(): string {
    return checkpointFile(this.keys, this.database);
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // chain what was committed before the pool closes; a failure here is caught up at the next start
    await this.drain().catch(() => undefined);
    await this.checkpoint().catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let next = AUDIT_IDLE_MS;
    try {
      // an idle sequencer looks with one statement; the batch's transaction and lock only when there is work
      const n = (await this.anyPending()) ? await this.serial(() => this.batch()) : 0;
      if (n === AUDIT_BATCH) next = 0;
      if (n > 0 && Date.now() - this.lastCheckpointAt >= AUDIT_CHECKPOINT_MS) await this.checkpoint();
      if (this.failing) this.logger.log('the audit sequencer is chaining again');
      this.failing = false;
    } catch (e) {
      if (!this.failing) this.logger.warn(`the audit sequencer cannot chain (will retry): ${(e as Error).message}`);
      this.failing = true;
      next = 1000;
    }
    this.schedule(next);
  }

  /** One at a time in this process; the advisory lock orders processes. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Whether any committed record waits to be chained (one index probe, no transaction, no lock). */
  private async anyPending(): Promise<boolean> {
    const [row] = await this.ds.query(`SELECT EXISTS (SELECT 1 FROM audit_pending) AS "any"`);
    return row?.any === true;
  }

  /** Chains every record committed so far; returns how many were chained. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.serial(() => this.batch());
      total += n;
      if (n < AUDIT_BATCH) return total;
    }
  }

  private async batch(): Promise<number> {
    return this.ds.transaction('READ COMMITTED', async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
      const pending: { seq: string; id: string; mac: string | null; waitedMs: number }[] = await m.query(
        `SELECT p.seq, e.id, e.mac, (extract(epoch FROM clock_timestamp() - e.occurred_at) * 1000)::float8 AS "waitedMs"
         FROM audit_pending p JOIN audit_events e ON e.id = p.event_id ORDER BY p.seq LIMIT ${AUDIT_BATCH}`);
      if (pending.length === 0) return 0;
      const waited = Math.max(...pending.map((r) => r.waitedMs));
      if (waited > AUDIT_LAG_WARN_MS && Date.now() - this.lastLagWarning > 10_000) {
        this.lastLagWarning = Date.now();
        this.logger.warn(`the audit chain lags: a record waited ${Math.round(waited)} ms to be chained (bound ${AUDIT_LAG_WARN_MS} ms); ${pending.length} records in this batch`);
      }
      const [last] = await m.query(`SELECT chain_no::text AS n, hash, batch_no::text AS b FROM audit_chain ORDER BY chain_no DESC LIMIT 1`);
      let n = Number(last?.n ?? 0);
      let prev: string = last?.hash ?? 'GENESIS';
      const batchNo = Number(last?.b ?? 0) + 1;
      const nos: number[] = [];
      const ids: string[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of pending) {
        n += 1;
        const h = chainLink(this.keys.hmacKey, n, prev, r.id, r.mac);
        nos.push(n); ids.push(r.id); prevs.push(prev); hashes.push(h);
        prev = h;
      }
      await m.query(
        `INSERT INTO audit_chain (chain_no, event_id, batch_no, prev_hash, hash)
         SELECT no, id, $3, prev, h FROM unnest($1::bigint[], $2::uuid[], $4::text[], $5::text[]) AS x(no, id, prev, h)`,
        [nos, ids, batchNo, prevs, hashes]);
      await m.query(`DELETE FROM audit_pending WHERE seq = ANY($1::bigint[])`, [pending.map((r) => r.seq)]);
      return pending.length;
    });
  }

  async head(): Promise<ChainHead> {
    const [last] = await this.ds.query(`SELECT chain_no::text AS n, hash FROM audit_chain ORDER BY chain_no DESC LIMIT 1`);
    return { count: Number(last?.n ?? 0), head: last?.hash ?? 'GENESIS' };
  }

  /** Signs the current head and appends it to the checkpoint file (outside the database). */
  async checkpoint(at?: ChainHead): Promise<Checkpoint | null> {
    const h = at ?? (await this.head());
    if (h.count === 0 || h.count === this.lastCheckpointCount) return null;
    const c = signCheckpoint(this.keys, { database: this.database, count: h.count, head: h.head, signedAt: new Date().toISOString() });
    appendFileSync(this.checkpointPath, `${JSON.stringify(c)}\n`, { mode: 0o600 });
    this.lastCheckpointAt = Date.now();
    this.lastCheckpointCount = h.count;
    return c;
  }

  /** Every checkpoint written for this database, oldest first; unparsable lines come back as null. */
  checkpoints(): (Checkpoint | null)[] {
    if (!existsSync(this.checkpointPath)) return [];
    return readFileSync(this.checkpointPath, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => {
      try {
        return JSON.parse(l) as Checkpoint;
      } catch {
        return null;
      }
    });
  }
}
