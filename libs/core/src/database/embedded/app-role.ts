import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { PgConnection } from './server-ready';

/** The least-privileged role the API connects as (decision 0020). */
export const APP_ROLE = 'grms_app';

interface PgClient {
  connect(): Promise<void>;
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
  end(): Promise<void>;
  on(event: 'error', listener: (err: Error) => void): void;
}

const { Client } = require('pg') as { Client: new (c: PgConnection & { database: string }) => PgClient };

/** The app role's password lives beside the superuser's, mode 0600, never in the database dump. */
export function appPasswordFileFor(dataDir: string): string {
  return path.join(path.dirname(dataDir), 'pg-app-password');
}

export function readOrCreateAppPassword(dataDir: string): string {
  const file = appPasswordFileFor(dataDir);
  try {
    const pw = fs.readFileSync(file, 'utf8').trim();
    if (pw) return pw;
  } catch {
    // first start: created below
  }
  const pw = randomBytes(24).toString('base64url');
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${pw}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return pw;
}

/**
 * Creates (or resets the password of) the API's role: it may log in and do
 * nothing else; what it may touch is granted table by table after migrations.
 */
export async function ensureAppRole(conn: PgConnection, password: string): Promise<void> {
  const c = new Client({ ...conn, database: 'postgres' });
  c.on('error', () => undefined);
  await c.connect();
  try {
    const quoted = password.replace(/'/g, "''");
    const found = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    const attrs = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '${quoted}'`;
    if (found.rowCount) {
      await c.query(`ALTER ROLE ${APP_ROLE} WITH ${attrs}`);
    } else {
      try {
        await c.query(`CREATE ROLE ${APP_ROLE} WITH ${attrs}`);
      } catch (err) {
        if ((err as { code?: string }).code !== '42710') throw err; // created by a parallel start
        await c.query(`ALTER ROLE ${APP_ROLE} WITH ${attrs}`);
      }
    }
  } finally {
    await c.end().catch(() => undefined);
  }
}
