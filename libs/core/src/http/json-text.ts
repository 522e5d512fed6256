import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';

/**
 * A response body that is already JSON text (built by PostgreSQL, or spliced
 * from parts that are): the HTTP adapter writes it as it is, with the content
 * type `res.json` would give, instead of stringifying a value (decision 0237).
 * Inside the application (the demo seed, an export) `value()` parses it;
 * `JSON.stringify` of it gives the same text, so an idempotency record or a
 * log that serializes the body stores the answer sent.
 */
export class JsonText<T = unknown> {
  constructor(readonly text: string) {}

  value(): T {
    return JSON.parse(this.text) as T;
  }

  toJSON(): unknown {
    return this.value();
  }
}

/** The content type Express's `res.json` sets for a JSON body. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Nest's Express adapter, with one more kind of body: a `JsonText` is sent as
 * its text. Everything else (status, headers set before, `StreamableFile`,
 * values for `res.json`, problem details) goes the adapter's usual way.
 */
export class JsonTextExpressAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    if (!(body instanceof JsonText)) return super.reply(response, body, statusCode);
    if (statusCode) response.status(statusCode);
    response.setHeader('Content-Type', JSON_CONTENT_TYPE);
    return response.send(body.text);
  }
}
