import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { guardPool } from '../pool-error-guard';
import { lagOf, lsnBytes, pruneSamples, WalSample } from './replica-lag';

/** What the standby is doing, as /health shows it. */
export type StandbyState = 'starting' | 'streaming' | 'lagging' | 'unreachable' | 'not-a-standby';

export interface ReplicaHealth {
  status: 'up';
  standby: StandbyState;
  /** where reports of auditors and exports are read from right now */
  readsFrom: 'replica' | 'primary';
  lagMs: number | null;
  maxLagMs: number;
  readsOnReplica: number;
  fallbacks: number;
  reason: string | null;
}

/**
 * Watches the read replica (decision 0053): connects to it (again and again
 * while it is down), samples the primary's WAL position and the standby's
 * replayed position every tick and derives the lag. Reads use the replica
 * only while it is a standby, reachable and within REPLICA_MAX_LAG_MS.
 */
@Injectable()
export class ReplicaMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReadReplica');
  private readonly samples: WalSample[] = [];
  private replica: DataSource | null = null;
  private connecting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private state: StandbyState = 'starting';
  private lagMs: number | null = null;
  private reason: string | null = null;
  private readonly counts = { readsOnReplica: 0, fallbacks: 0 };

  constructor(@InjectDataSource() private readonly primary: DataSource, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.databaseReplicaUrl !== null;
  }

  /** ms between two looks at the standby: a quarter of the bound, from 100 ms to 1 s. */
  get intervalMs(): number {
    return Math.min(1000, Math.max(100, Math.floor(this.config.replicaMaxLagMs / 4)));
  }

  onApplicationBootstrap(): void {
    if (!this.configured) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking?.catch(() => undefined);
    await this.connecting?.catch(() => undefined);
    if (this.replica?.isInitialized) await this.replica.destroy().catch(() => undefined);
  }

  /** The replica's DataSource when reads may go there now, else null. */
  usable(): DataSource | null {
    return this.state === 'streaming' && this.replica?.isInitialized ? this.replica : null;
  }

  /** A read on the replica failed for a reason of the connection: use the primary until the next look says otherwise. */
  markUnreachable(err: Error): void {
    this.set('unreachable', null, err.message);
  }

  counted(where: 'replica' | 'fallback'): void {
    if (where === 'replica') this.counts.readsOnReplica++;
    else this.counts.fallbacks++;
  }

  health(): ReplicaHealth {
    return {
      status: 'up', standby: this.state, readsFrom: this.usable() ? 'replica' : 'primary', lagMs: this.lagMs,
      maxLagMs: this.config.replicaMaxLagMs, ...this.counts, reason: this.reason,
    };
  }

  /** One look; looks never overlap. */
  tick(): Promise<void> {
    this.ticking ??= this.look().finally(() => { this.ticking = null; });
    return this.ticking;
  }

  private async look(): Promise<void> {
    const now = Date.now();
    try {
      const [p] = await this.primary.query(`SELECT pg_current_wal_lsn()::text AS lsn`);
      this.samples.push({ at: now, lsn: lsnBytes(p.lsn) });
      pruneSamples(this.samples, now, this.config.replicaMaxLagMs * 2 + this.intervalMs);
    } catch {
      // the primary does not answer: nothing to compare with, keep the older samples
    }
    try {
      const ds = await this.connect();
      const [r] = await ds.query(`SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed`);
      if (!r.standby || !r.replayed) {
        return this.set('not-a-standby', null, 'the server of DATABASE_REPLICA_URL is not in recovery (a primary, or a promoted standby): reads stay on the primary');
      }
      const lag = lagOf(this.samples, lsnBytes(r.replayed), Date.now());
      if (!lag) return this.set('starting', null, 'no position of the primary read yet');
      if (lag.atLeast && lag.ms <= this.config.replicaMaxLagMs) {
        return this.set('starting', lag.ms, `not yet at the first position of the primary read ${lag.ms} ms ago`);
      }
      if (lag.ms > this.config.replicaMaxLagMs) {
        return this.set('lagging', lag.ms, `${lag.atLeast ? 'at least ' : ''}${lag.ms} ms behind the primary, more than REPLICA_MAX_LAG_MS=${this.config.replicaMaxLagMs}`);
      }
      this.set('streaming', lag.ms, null);
    } catch (err) {
      this.set('unreachable', null, (err as Error).message);
    }
  }

  private async connect(): Promise<DataSource> {
    if (this.replica?.isInitialized) return this.replica;
    this.connecting ??= (async () => {
      const ds = new DataSource({
        type: 'postgres', url: this.config.databaseReplicaUrl!, logging: false,
        extra: { max: this.config.dbPoolSize, connectionTimeoutMillis: 2000, application_name: 'grms-api-reports' },
      });
      await ds.initialize();
      guardPool(ds, this.logger);
      this.replica = ds;
    })().finally(() => { this.connecting = null; });
    await this.connecting;
    return this.replica!;
  }

  private set(state: StandbyState, lagMs: number | null, reason: string | null): void {
    if (state !== this.state) {
      this.logger.log(state === 'streaming' ? 'read replica streaming: reports of auditors and exports read from it' : `read replica ${state}: reads fall back to the primary (${reason})`);
    }
    this.state = state;
    this.lagMs = lagMs;
    this.reason = reason;
  }
}
