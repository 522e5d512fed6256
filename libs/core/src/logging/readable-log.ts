import { Writable } from 'node:stream';

// pino writes one JSON object per line. On a terminal a person reads them, so
// they are turned into one short line each; anywhere else (a file, a log
// collector) the JSON stays as it is. GRMS_LOG_FORMAT=json keeps JSON on a
// terminal too.

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
/** Start-up chatter of the framework (one line per module and route): shown from `debug` on. */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

interface Line {
  level?: number; time?: number; msg?: string; context?: string; err?: { stack?: string };
  req?: { method?: string; url?: string }; res?: { statusCode?: number }; responseTime?: number;
}

/** One readable line for a pino JSON line, or null when it is start-up chatter below `debug`. */
export function readableLine(json: string, verbose: boolean): string | null {
  let l: Line;
  try { l = JSON.parse(json) as Line; } catch { return json; }
  if (!verbose && l.context && STARTUP_CONTEXTS.has(l.context) && (l.level ?? 30) <= 30) return null;
  const time = new Date(l.time ?? Date.now()).toISOString().slice(11, 19);
  const level = LEVELS[l.level ?? 30] ?? String(l.level);
  const where = l.context ? `[${l.context}] ` : '';
  const http = l.req && l.res ? ` ${l.req.method} ${l.req.url} ${l.res.statusCode}${l.responseTime !== undefined ? ` ${l.responseTime}ms` : ''}` : '';
  const stack = l.err?.stack ? `\n${l.err.stack}` : '';
  return `${time} ${level} ${where}${l.msg ?? ''}${http}${stack}`;
}

/** The stream pino writes to: readable lines on a terminal, JSON otherwise. */
export function logDestination(level: string, out: NodeJS.WriteStream = process.stdout): NodeJS.WritableStream {
  if (!out.isTTY || process.env.GRMS_LOG_FORMAT === 'json') return out;
  const verbose = level === 'debug' || level === 'trace';
  let rest = '';
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const json of lines) {
        const line = json ? readableLine(json, verbose) : null;
        if (line !== null) out.write(`${line}\n`);
      }
      done();
    },
  });
}
