import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/**
 * How many statements one connection keeps prepared. Beyond it, statements go unnamed as before
 * (parsed and planned each time): a statement whose text varies without bound (a VALUES list of
 * any length, say) cannot fill the server's memory one connection at a time.
 */
export const MAX_PREPARED_PER_CONNECTION = 200;

type QueryFn = (this: unknown, ...args: unknown[]) => unknown;
interface CorkableStream { cork: () => void; uncork: () => void }

function corkable(stream: unknown): CorkableStream | undefined {
  const s = stream as Partial<CorkableStream> | undefined;
  return typeof s?.cork === 'function' && typeof s.uncork === 'function' ? s as CorkableStream : undefined;
}

interface PgConnectionLike {
  query: QueryFn;
  /** The names this connection has sent (kept on the connection: the server keeps them for its session). */
  grmsPrepared?: Set<string>;
}

/** How many statement names the process remembers; past it, the memo starts afresh (decision 0027). */
const NAME_MEMO_LIMIT = 1000;
const nameMemo = new Map<string, string>();

/** The statement's name: a hash of its text, so one text is one name on every connection, and two texts never share one. */
export function preparedName(text: string): string {
  // remembered per text: a SHA-1 per statement was about 10 us of the API's CPU, 11 times per SP2D
  let name = nameMemo.get(text);
  if (name === undefined) {
    name = `grms_${createHash('sha1').update(text).digest('hex')}`;
    if (nameMemo.size >= NAME_MEMO_LIMIT) nameMemo.clear();
    nameMemo.set(text, name);
  }
  return name;
}

/**
 * From now until the returned function is called, the connection sends each statement that has
 * parameters as a named (prepared) statement of the extended protocol: the server parses it once per
 * connection and keeps its plan (a generic plan once it costs no more than the custom ones, PostgreSQL's
 * plan_cache_mode=auto), instead of parsing and planning it at every call; the statement's messages leave
 * in one socket write. Results, errors and statement order are unchanged; statements without parameters
 * (BEGIN, COMMIT, SAVEPOINT) go as before. The connection's own query function is restored by the
 * returned function (decision 0027).
 */
export function prepareStatementsOn(connection: PgConnectionLike): () => void {
  const own = Object.prototype.hasOwnProperty.call(connection, 'query');
  const plain = connection.query;
  const names = (connection.grmsPrepared ??= new Set<string>());
  connection.query = function (this: unknown, ...args: unknown[]) {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = preparedName(text);
      if (names.has(name) || names.size < MAX_PREPARED_PER_CONNECTION) {
        names.add(name);
        // the driver writes Parse, Bind, Describe, Execute and Sync one by one, each a socket write that can wake
        // the backend for one message; corked, they leave in one write (the query is submitted synchronously on an
        // idle connection, as a transaction's connection is between its statements)
        const stream = corkable((this as { connection?: { stream?: unknown } }).connection?.stream);
        stream?.cork();
        try {
          return plain.call(this, { name, text, values });
        } finally {
          stream?.uncork();
        }
      }
    }
    return plain.apply(this, args);
  };
  return () => {
    if (own) connection.query = plain;
    else delete (connection as Partial<PgConnectionLike>).query;
  };
}

/** The pg connection of a transaction's entity manager (TypeORM's postgres query runner holds it once connected). */
export async function connectionOf(manager: EntityManager): Promise<PgConnectionLike | undefined> {
  const runner = manager.queryRunner as unknown as { connect?: () => Promise<unknown> } | undefined;
  const connection = await runner?.connect?.();
  return connection && typeof (connection as PgConnectionLike).query === 'function' ? connection as PgConnectionLike : undefined;
}
