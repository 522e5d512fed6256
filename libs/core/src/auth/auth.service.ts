import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainError, ErrorKind } from '../errors/domain-error';
import { TransactionService } from '../database/transaction.service';
import { UsersService } from '../users/users.service';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { AuthUserCache } from './auth-user-cache';
import { LoginThrottleService } from './login-throttle.service';
import { dummyHash, verifyPassword } from './password';
import { DEMO_PASSWORD } from './password-policy';
import { AuthUser } from '../context/request-context';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly tx: TransactionService,
    private readonly users: UsersService,
    private readonly authUsers: AuthUserCache,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<LoginResponse> {
    await this.throttle.assertAllowed(dto.username, ip);
    const rows = await this.ds.query(`SELECT id, username, password_hash, active, token_version FROM users WHERE lower(username) = lower($1)`, [dto.username]);
    const user = rows[0] as { id: string; username: string; password_hash: string; active: boolean; token_version: number } | undefined;
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), dto.password);
    // Outside the demo the demo password opens nothing, whatever account holds it.
    const demoRefused = this.config.nodeEnv === 'production' && dto.password === DEMO_PASSWORD;
    if (!user || !ok || !user.active || demoRefused) {
      await this.throttle.recordFailure(dto.username, ip);
      await this.audit.recordStandalone({
        action: 'AUTH.LOGIN_FAILED', entityType: 'User', entityId: user?.id ?? null,
        after: { username: dto.username, ip, reason: !user ? 'unknown user' : !ok ? 'wrong password' : !user.active ? 'inactive' : 'demo account outside the demo' },
        actor: { id: null, username: dto.username },
      });
      throw new DomainError('INVALID_CREDENTIALS', 'the username or password is wrong, or the account is inactive', ErrorKind.UNAUTHENTICATED);
    }
    await this.throttle.recordSuccess(dto.username, ip);
    await this.tx.run(async () => {
      this.audit.record({ action: 'AUTH.LOGIN', entityType: 'User', entityId: user.id, after: { ip }, actor: { id: user.id, username: user.username } });
    });
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username, ver: user.token_version }, { expiresIn: this.config.jwtExpiresInSeconds });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds, tokenType: 'Bearer', user: await this.users.get(user.id) };
  }

  /** Revokes every token of the user (this one included): the token version goes up. */
  async logout(user: AuthUser): Promise<void> {
    await this.tx.run(async (m) => {
      const [row] = await m.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1 RETURNING token_version AS "tokenVersion"`, [user.id]);
      this.audit.record({ action: 'AUTH.LOGOUT', entityType: 'User', entityId: user.id, after: { tokenVersion: row.tokenVersion } });
    });
    this.authUsers.evict(user.id);
  }
}
