import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthUser } from '../context/request-context';
import { TransactionService } from '../database/transaction.service';
import { DomainError } from '../errors/domain-error';
import { JsonText } from '../http/json-text';

export const IDEMPOTENT_METADATA = 'grms:idempotent';
export const IDEMPOTENT_PREPARED_METADATA = 'grms:idempotent-prepared';

const PURGE_EVERY_MS = 60_000;
/** When this process last purged expired keys (one clock for every route that carries the interceptor). */
let purgedAt = 0;

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

// The key is claimed inside the same transaction as the document it creates:
// a crash or an error leaves neither, and a concurrent retry waits on the
// claim's row lock and then replays the committed response. It is bound to
// the routes marked @Idempotent() (by that decorator), not installed
// globally: every other route runs without an interceptor, so Nest skips the
// rxjs pipeline and the async-hooks bind it builds around a handler (decision 0065).
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector, private readonly tx: TransactionService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT_METADATA, ctx.getHandler())) return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const key = req.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
      throw DomainError.invalid('Idempotency-Key must be 8-200 visible ASCII characters', [{ field: 'Idempotency-Key', message: 'invalid' }]);
    }
    const userId = req.user!.id;
    const path = req.baseUrl + req.path;
    const hash = createHash('sha256').update(`${req.method} ${path}\n${canonical(req.body ?? null)}`).digest('hex');
    return from(this.tx.run(async (m) => {
      // Keys are kept 7 days: expired ones are purged at most once a minute per process (indexed on
      // created_at), and an expired key is claimed afresh by its own statement, so a claim is one
      // round trip on the money path.
      if (Date.now() - purgedAt > PURGE_EVERY_MS) {
        purgedAt = Date.now();
        await m.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '7 days'`);
      }
      const claimed = await m.query(
        `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, key) DO UPDATE SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
           status_code = NULL, response_body = NULL, created_at = now()
         WHERE idempotency_keys.created_at < now() - interval '7 days' RETURNING key`,
        [userId, key, req.method, path, hash],
      );
      if (claimed.length === 0) {
        const [prior] = await m.query(
          `SELECT request_hash, status_code, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2 FOR UPDATE`,
          [userId, key],
        );
        if (!prior || prior.request_hash !== hash) {
          throw DomainError.conflict('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used with a different request; use a new key for a new request');
        }
        res.status(prior.status_code);
        res.setHeader('Idempotent-Replayed', 'true');
        // the stored text is the answer sent the first time: sent again as it is, not parsed and re-serialized
        return answerOf(prior.response_body);
      }
      const body = await lastValueFrom(next.handle(), { defaultValue: null });
      const status = this.reflector.get<number>(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
      // stored with the audit records, in their statement at commit; the body is serialized once, for the
      // store and for the answer
      const text = body instanceof JsonText ? body.text : JSON.stringify(body ?? null);
      this.tx.current()!.tail.push({ sql: `UPDATE idempotency_keys SET status_code = $3::int, response_body = $4::text WHERE user_id = $1::uuid AND key = $2::text`,
        params: [userId, key, status, text] });
      return answerOf(text);
    }, { preparedStatements: this.reflector.get<boolean>(IDEMPOTENT_PREPARED_METADATA, ctx.getHandler()) }));
  }
}

/**
 * The answer of a stored response text: sent as that text (no second serialization); an empty body
 * (stored as `null`) stays empty.
 */
export function answerOf(text: string | null): JsonText | null {
  return text === null || text === 'null' ? null : new JsonText(text);
}
