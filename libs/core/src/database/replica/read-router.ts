import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../../auth/roles';
import { RequestContext } from '../../context/request-context';
import { DomainError } from '../../errors/domain-error';
import { TransactionService } from '../transaction.service';
import { ReplicaMonitor } from './replica-monitor';

export interface ReportReadOptions {
  /** a download (`format=csv|xlsx`): read from the replica whoever asks */
  export?: boolean;
  /**
   * `fn` sends exactly one statement, which is its own snapshot: on the primary and outside a unit of
   * work it runs on its own, without BEGIN and COMMIT (two round trips fewer per page; issue 11).
   */
  oneStatement?: boolean;
}

/**
 * Where a report or list query runs (decision 0053): on the read replica for
 * auditors and for exports, when one is configured, streaming and within its
 * lag bound; never inside a transaction that writes (the caller's own
 * transaction is used, so it reads its own writes); everyone else reads the
 * primary, so that an officer sees the document they have just saved.
 */
export function readsFromReplica(opts: { inTransaction: boolean; export: boolean; roles: readonly string[]; replicaUsable: boolean }): boolean {
  if (opts.inTransaction || !opts.replicaUsable) return false;
  return opts.export || opts.roles.includes(Role.AUDITOR);
}

const CONNECTION_LOST = /^(08|57P0[1-3])/;

function lostConnection(err: unknown): boolean {
  const code = (err as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (err as { code?: string }).code;
  if (code && CONNECTION_LOST.test(code)) return true;
  return /Connection terminated|ECONNREFUSED|ECONNRESET|timeout exceeded when trying to connect|Connection is not established/i.test((err as Error).message ?? '');
}

/**
 * Runs list and report queries where decision 0053 says. A service wraps the
 * query of a list in `reads.report((m) => …, { export })` where it used
 * `tx.run((m) => …)`: one line per service.
 */
@Injectable()
export class ReadRouter {
  private readonly logger = new Logger('ReadReplica');

  constructor(private readonly tx: TransactionService, private readonly replica: ReplicaMonitor, @InjectDataSource() private readonly ds: DataSource) {}

  async report<T>(fn: (m: EntityManager) => Promise<T>, opts: ReportReadOptions = {}): Promise<T> {
    if (!this.replica.configured) return this.primary(fn, opts);
    const ds = this.replica.usable();
    const ask = { inTransaction: this.tx.current() !== undefined, export: opts.export === true, roles: RequestContext.user()?.roles ?? [] };
    if (!readsFromReplica({ ...ask, replicaUsable: ds !== null })) {
      // a read the replica would have served, had it been usable
      if (readsFromReplica({ ...ask, replicaUsable: true })) this.replica.counted('fallback');
      return this.primary(fn, opts);
    }
    try {
      // one snapshot for the count and the rows of a page
      const result = await ds!.transaction('REPEATABLE READ', fn);
      this.replica.counted('replica');
      return result;
    } catch (err) {
      if (err instanceof DomainError) throw err;
      // a lost standby, a query cancelled by recovery, a missing grant: the primary answers instead
      if (lostConnection(err)) this.replica.markUnreachable(err as Error);
      this.logger.warn(`a read on the replica failed, reading from the primary: ${(err as Error).message}`);
      this.replica.counted('fallback');
      return this.primary(fn, opts);
    }
  }

  private primary<T>(fn: (m: EntityManager) => Promise<T>, opts: ReportReadOptions): Promise<T> {
    return opts.oneStatement && !this.tx.current() ? fn(this.ds.manager) : this.tx.run(fn);
  }
}
