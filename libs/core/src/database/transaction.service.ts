import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AUDIT_KEYS, AuditKeys, recordMac } from '../audit/audit-keys';

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

export interface TxContext {
  manager: EntityManager;
  audit: PendingAuditEvent[];
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

  async run<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const outer = txStorage.getStore();
    if (outer) return fn(outer.manager);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction('READ COMMITTED', async (manager) => {
          const ctx: TxContext = { manager, audit: [] };
          const result = await txStorage.run(ctx, () => fn(manager));
          await flushAudit(manager, ctx.audit, this.keys.hmacKey);
          return result;
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

// Audit rows are written in one statement at the end of the transaction,
// each with its keyed hash (MAC); no lock is taken: the sequencer chains them
// after commit (decision 0021).
export async function flushAudit(manager: EntityManager, events: PendingAuditEvent[], key: Buffer): Promise<void> {
  if (events.length === 0) return;
  const params: unknown[] = [];
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
  await manager.query(
    `INSERT INTO audit_events (id, occurred_at, actor_id, actor_username, request_id, action, entity_type, entity_id, before, after, mac) VALUES ${rows.join(', ')}`,
    params,
  );
  events.length = 0;
}
