import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { flushAudit, PendingAuditEvent, TransactionService } from '../database/transaction.service';
import { AUDIT_KEYS, AuditKeys } from './audit-keys';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  actor?: { id: string | null; username: string | null };
}

@Injectable()
export class AuditService {
  constructor(
    private readonly tx: TransactionService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
  ) {}

  private toEvent(input: AuditInput): PendingAuditEvent {
    const user = RequestContext.user();
    return {
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      actorId: input.actor ? input.actor.id : user?.id ?? null,
      actorUsername: input.actor ? input.actor.username : user?.username ?? 'system',
      requestId: RequestContext.requestId() ?? null,
    };
  }

  /** Records a change inside the current unit of work; written at its commit. */
  record(input: AuditInput): void {
    const ctx = this.tx.current();
    if (!ctx) throw new Error(`audit record for ${input.action} outside a transaction`);
    ctx.audit.push(this.toEvent(input));
  }

  /** Records an event on its own (e.g. a failed login, which writes nothing else). */
  async recordStandalone(input: AuditInput): Promise<void> {
    await this.dataSource.transaction((m) => flushAudit(m, [this.toEvent(input)], this.keys.hmacKey));
  }
}
