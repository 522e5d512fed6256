import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from '../context/request-context';

interface TokenPayload { sub: string; username: string; ver?: number }

// The token names the user and its token version; roles, organization and
// the current version are read fresh on every request (one indexed row), so a
// deactivated user, a changed role, a new password or a logout takes effect
// at once.
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() private readonly ds: DataSource) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey: config.jwtSecret, algorithms: ['HS256'] });
  }

  async validate(payload: TokenPayload): Promise<AuthUser | false> {
    if (!payload?.sub || !/^[0-9a-f-]{36}$/i.test(payload.sub) || !Number.isInteger(payload.ver)) return false;
    const rows = await this.ds.query(
      `SELECT id, username, roles, organization_id AS "organizationId" FROM users WHERE id = $1 AND active AND token_version = $2`,
      [payload.sub, payload.ver],
    );
    return rows[0] ?? false;
  }
}
