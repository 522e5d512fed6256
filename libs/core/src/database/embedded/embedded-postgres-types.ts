/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Folder we'd like to keep the cluster in, e.g. `<checkout>/.data`. */
  dataRoot: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /** Database to create if missing (e.g. 'grms'). */
  database: string;
  /** Test clusters: fsync=off, synchronous_commit=off, full_page_writes=off. */
  ephemeral?: boolean;
  log?: (line: string) => void;
  /** Use a server that a running GRMS process already serves from this data dir (the CLI), instead of refusing. */
  attach?: boolean;
  /**
   * Supervise the postmaster: if it dies while we did not stop it, start it
   * again (PostgreSQL runs its crash recovery) and call `onRestart`; if that
   * fails, call `onFatal` (the API logs and exits non-zero).
   */
  supervise?: { onRestart?: (pid: number, ms: number) => void; onFatal: (err: Error) => void };
}

/** A running embedded cluster. */
export interface EmbeddedPostgresHandle {
  /** postgres://USER:PASSWORD@127.0.0.1:PORT/DATABASE as the cluster owner: migrations, seed, operator commands. */
  url: string;
  /** The same database as the least-privileged role the API runs as (decision 0020). */
  appUrl: string;
  /** Same as `url`, database 'postgres'. */
  adminUrl: string;
  /** Where the cluster actually lives (may be a temp-dir fallback). */
  dataDir: string;
  /** PID of the postmaster (a new one after a supervised restart). */
  readonly pid: number;
  /** Fast shutdown; resolves when the postmaster has exited. Idempotent. */
  stop(): Promise<void>;
}

/** OS account that owns the cluster and runs the PostgreSQL binaries. */
export interface DbUser {
  name: string;
  uid: number;
  gid: number;
  /** uid/gid to pass to spawn (only set when we have to switch user, i.e. running as root). */
  spawnIds?: { uid: number; gid: number };
}

/** Locations of the PostgreSQL binaries and the environment they need. */
export interface PgBinaries {
  initdb: string;
  postgres: string;
  pgCtl: string;
  env: NodeJS.ProcessEnv;
}

/** Cluster superuser created by initdb. */
export const PG_SUPERUSER = 'grms';
