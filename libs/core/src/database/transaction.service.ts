import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AUDIT_KEYS, AuditKeys, recordMac } from '../audit/audit-keys';
import { connectionOf, prepareStatementsOn } from './prepared-statements';

export interface PendingAuditEvent {
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  actorId: string | null;
  actorUsername: string | null;
  requestId: string | null;
}

/** A write whose result nobody reads, sent with the audit records at the end of the unit of work. */
export interface TailStatement { sql: string; params: unknown[] }

/** A statement's text with its parameters $1..$n renumbered from $base+1, to ride along in another statement's parameter list. */
export function paramsFrom(sql: string, base: number): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => `$${base + Number(n)}`);
}

export interface TxContext {
  manager: EntityManager;
  audit: PendingAuditEvent[];
  /** Run at commit in the audit records' statement, as CTEs (one round trip for both). */
  tail: TailStatement[];
  /** Set while the transaction's statements go as prepared statements (RunOptions.preparedStatements): restores the connection. */
  unprepare?: () => void;
}

export interface RunOptions {
  /**
   * The unit of work's statements (those with parameters) go as named, prepared statements from here
   * to its end, so that the server plans each text once per connection (decision 0027). Joining an
   * outer unit of work, it switches that one from here on. Only for paths whose statement texts are a
   * small fixed set (the payment path); every other caller is unchanged.
   */
  preparedStatements?: boolean;
}

const txStorage = new AsyncLocalStorage<TxContext>();
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string; driverError?: { code?: string } })?.code ?? (err as { driverError?: { code?: string } })?.driverError?.code;
  return err instanceof QueryFailedError && !!code && RETRYABLE.has(code);
}

// One unit of work: everything a request writes, audit records included,
// commits or rolls back together. Serialization failures and deadlocks are
// retried a bounded number of times.
@Injectable()
export class TransactionService {
  private readonly logger = new Logger('Transaction');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
  ) {}

  current(): TxContext | undefined {
    return txStorage.getStore();
  }

  async run<T>(fn: (manager: EntityManager) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const outer = txStorage.getStore();
    if (outer) {
      if (options.preparedStatements) await prepareStatements(outer);
      return fn(outer.manager);
    }
    for (let attempt = 1; ; attempt++) {
      try {
        // READ COMMITTED is the connections' default (set for the pool in CoreModule), so BEGIN
        // is one statement: naming the level would add a SET TRANSACTION round trip to every request.
        return await this.dataSource.transaction(async (manager) => {
          const ctx: TxContext = { manager, audit: [], tail: [] };
          try {
            if (options.preparedStatements) await prepareStatements(ctx);
            const result = await txStorage.run(ctx, () => fn(manager));
            await flushAudit(manager, ctx.audit, this.keys.hmacKey, ctx.tail);
            return result;
          } finally {
            // before COMMIT or ROLLBACK: the connection goes back to the pool as it came
            ctx.unprepare?.();
          }
        });
      } catch (err) {
        if (attempt < MAX_ATTEMPTS && isRetryable(err)) {
          this.logger.warn(`retrying transaction after ${(err as { code?: string }).code} (attempt ${attempt})`);
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
          continue;
        }
        throw err;
      }
    }
  }
}

async function prepareStatements(ctx: TxContext): Promise<void> {
  if (ctx.unprepare) return;
  const connection = await connectionOf(ctx.manager);
  if (connection) ctx.unprepare = prepareStatementsOn(connection);
}

// Audit rows are written in one statement at the end of the transaction,
// each with its keyed hash (MAC); no lock is taken: the sequencer chains them
// after commit (decision 0021). Tail statements (writes nobody reads back, such
// as the idempotency key's stored response) ride along as CTEs of that statement.
export async function flushAudit(manager: EntityManager, events: PendingAuditEvent[], key: Buffer, tail: TailStatement[] = []): Promise<void> {
  if (events.length === 0 && tail.length === 0) return;
  const params: unknown[] = [];
  const ctes = tail.map((t, i) => {
    const base = params.length;
    params.push(...t.params);
    return `tail${i} AS (${paramsFrom(t.sql, base)})`;
  });
  tail.length = 0;
  const occurredAt = new Date().toISOString();
  const rows = events.map((e) => {
    const base = params.length;
    const id = randomUUID();
    const mac = recordMac(key, { id, occurredAt, ...e });
    params.push(id, occurredAt, e.actorId, e.actorUsername, e.requestId, e.action, e.entityType, e.entityId,
      e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      e.after === undefined || e.after === null ? null : JSON.stringify(e.after), mac);
    const p = (i: number) => `$${base + i}`;
    return `(${p(1)}::uuid, ${p(2)}::timestamptz, ${p(3)}::uuid, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}::jsonb, ${p(10)}::jsonb, ${p(11)})`;
  });
  events.length = 0;
  const withTail = ctes.length ? `WITH ${ctes.join(', ')} ` : '';
  await manager.query(rows.length
    ? `${withTail}INSERT INTO audit_events (id, occurred_at, actor_id, actor_username, request_id, action, entity_type, entity_id, before, after, mac) VALUES ${rows.join(', ')}`
    : `${withTail}SELECT 1`, params);
}
