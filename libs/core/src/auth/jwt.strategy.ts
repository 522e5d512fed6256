import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
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
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey: config.jwtSecret, algorithms: ['HS256'] });
  }

  async validate(payload: TokenPayload): Promise<AuthUser | false> {
    if (!payload?.sub || !/^[0-9a-f-]{36}$/i.test(payload.sub) || !Number.isInteger(payload.ver)) return false;
    return (await this.users.user(payload.sub, payload.ver as number)) ?? false;
  }
}
