import type { Postmaster } from './postmaster-process';

/** Minimal typing of the `pg` client we use (the repo has no @types/pg). */
interface PgClient {
  connect(): Promise<void>;
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
  end(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): void;
}
type PgClientCtor = new (config: PgConnection & { database: string; connectionTimeoutMillis?: number }) => PgClient;

export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password: string;
}

 
const { Client } = require('pg') as { Client: PgClientCtor };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function withClient<T>(conn: PgConnection, database: string, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const client = new Client({ ...conn, database, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined); // errors surface through the awaited calls
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function failure(message: string, pm: Postmaster): Error {
  const out = pm.recentOutput().trim();
  return new Error(`${message}${out ? `\n--- last postgres output ---\n${out}` : ''}`);
}

/** Polls until the server answers `select 1`; rejects early if the postmaster dies. */
export async function waitForServer(conn: PgConnection, pm: Postmaster, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    const reason = pm.exitReason();
    if (reason !== undefined) throw failure(`embedded postgres did not come up: ${reason}`, pm);
    try {
      await withClient(conn, 'postgres', (c) => c.query('select 1'));
      return;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (Date.now() > deadline) {
      throw failure(
        `embedded postgres did not accept connections on port ${conn.port} within ${timeoutMs / 1000}s (${lastError})`,
        pm,
      );
    }
    await sleep(200);
  }
}

/** CREATE DATABASE if missing; a concurrent creator winning the race is fine. */
export async function ensureDatabase(conn: PgConnection, database: string): Promise<void> {
  await withClient(conn, 'postgres', async (c) => {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return;
    try {
      await c.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42P04') throw err; // duplicate_database
    }
  });
}
