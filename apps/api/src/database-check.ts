import { Client } from 'pg';

/** Connects once (with a few retries) so that an unreachable database gives one clear line. */
export async function waitForDatabase(url: string, attempts: number): Promise<void> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    const c = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      await c.end();
      return;
    } catch (e) {
      last = e;
      await c.end().catch(() => undefined);
      if (i < attempts - 1) await new Promise((r) => setTimeout(r, 1000));
    }
  }
  throw last;
}

export function describeDatabaseError(url: string, e: unknown): string {
  let where = url;
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)} as ${decodeURIComponent(u.username)}`;
  } catch { /* keep as is */ }
  const err = e as { code?: string; message?: string };
  return `cannot reach the database at ${where} (${err.code ?? 'error'}: ${err.message ?? String(e)}); check DATABASE_URL and that the server is running, or unset DATABASE_URL to use the embedded PostgreSQL`;
}
