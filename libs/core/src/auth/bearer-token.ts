import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, KeyObject } from 'node:crypto';
import { JsonWebTokenError, JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from '../context/request-context';
import { AuthUserCache } from './auth-user-cache';

interface TokenPayload { sub?: unknown; username?: unknown; ver?: unknown; exp?: unknown; nbf?: unknown }

/** Verified tokens kept by this process, at most this many (all forgotten when full). */
const MAX_VERIFIED = 10_000;

/** `Authorization: Bearer <token>`: the token, as passport-jwt's fromAuthHeaderAsBearerToken read it. */
export function bearerTokenOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const m = /(\S+)\s+(\S+)/.exec(header);
  return m && m[1].toLowerCase() === 'bearer' ? m[2] : null;
}

/**
 * The user behind a request's bearer token (decision 0065; before, passport
 * and passport-jwt did the same per request). A token is an HS256 JWT signed
 * by this API: its signature is checked once per process and the verified
 * token kept until it expires, so a repeated token costs a map look-up
 * instead of an HMAC and three base64 decodes; the expiry is checked on every
 * use as jsonwebtoken checks it (`exp` is past once the current second reaches
 * it). Tokens with a `nbf`, or without an `exp`, are verified every time.
 * Who the user is now (roles, organization, active, token version) still
 * comes from AuthUserCache on every request (decision 0061), so a logout or a
 * change of roles takes effect exactly as before.
 */
@Injectable()
export class BearerTokenVerifier {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, TokenPayload & { exp: number }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig, private readonly jwt: JwtService, private readonly users: AuthUserCache) {
    // a KeyObject made once: given a string, jsonwebtoken 9 first tries to parse it as a public key on every verification
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  /** The active user of the request's token, or false (no token, a bad or expired one, an unknown user or token version). */
  async user(authorization: string | string[] | undefined): Promise<AuthUser | false> {
    const token = bearerTokenOf(authorization);
    if (token === null) return false;
    const payload = this.payloadOf(token);
    if (!payload || typeof payload.sub !== 'string' || !/^[0-9a-f-]{36}$/i.test(payload.sub) || !Number.isInteger(payload.ver)) return false;
    return (await this.users.user(payload.sub, payload.ver as number)) ?? false;
  }

  private payloadOf(token: string): TokenPayload | null {
    const now = Math.floor(Date.now() / 1000);
    const known = this.verified.get(token);
    if (known) {
      if (now < known.exp) return known;
      this.verified.delete(token);
      return null;
    }
    let payload: TokenPayload;
    try {
      payload = this.jwt.verify<TokenPayload>(token, { secret: this.key as unknown as Buffer, algorithms: ['HS256'] });
    } catch (e) {
      if (e instanceof JsonWebTokenError) return null; // also TokenExpiredError and NotBeforeError
      throw e;
    }
    if (typeof payload !== 'object' || payload === null) return null;
    if (typeof payload.exp === 'number' && payload.nbf === undefined) {
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
      this.verified.set(token, payload as TokenPayload & { exp: number });
    }
    return payload;
  }
}
