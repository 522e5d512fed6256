import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from '../context/request-context';
import { AuthUserCache } from './auth-user-cache';

interface TokenPayload { sub: string; username: string; ver?: number }

// The token names the user and its token version; roles, organization and
// the current version come from AuthUserCache: read from the database at most
// every AUTH_CACHE_MS per user, and forgotten by this process as soon as a
// change to the user commits, so a deactivated user, a changed role, a new
// password or a logout takes effect at once here and within AUTH_CACHE_MS on
// another process (decision 0061).
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig, private readonly users: AuthUserCache) {
    // The secret as a KeyObject, made once: given a string, jsonwebtoken 9 first tries to parse it as a
    // public key (and throws) on every verification, which cost a sixth of the API's CPU on a list page.
    const secretOrKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string;
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey, algorithms: ['HS256'] });
  }

  async validate(payload: TokenPayload): Promise<AuthUser | false> {
    if (!payload?.sub || !/^[0-9a-f-]{36}$/i.test(payload.sub) || !Number.isInteger(payload.ver)) return false;
    return (await this.users.user(payload.sub, payload.ver as number)) ?? false;
  }
}
