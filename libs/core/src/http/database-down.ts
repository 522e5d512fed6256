// Errors that mean the database cannot be reached (not that a query was
// wrong): answered 503 so that clients retry instead of giving up.
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const SQLSTATE = /^(08|57P0[1-3]|53300)/;

export function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.code ?? e?.driverError?.code ?? '';
  if (NETWORK.has(code) || SQLSTATE.test(code)) return true;
  return /not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)|Connection terminated|connection timeout|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client has encountered a connection error|server closed the connection unexpectedly|terminating connection due to|Client was closed and is not queryable|read ECONNRESET|query runner was already released|Query runner already released/i.test(e?.message ?? '');
}
