import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorKind } from '../errors/domain-error';

const WINDOW_MINUTES = 15;
const LIMITS = { user: 5, ip: 30 } as const;

// Failed logins are counted per account and per client address in the
// database (so the count holds across restarts and instances).
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private keys(username: string, ip: string): { key: string; limit: number }[] {
    return [
      { key: `user:${username.toLowerCase()}`, limit: LIMITS.user },
      { key: `ip:${ip}`, limit: LIMITS.ip },
    ];
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const rows: { key: string; retry: number }[] = await this.ds.query(
      `SELECT key, ceil(extract(epoch FROM blocked_until - now()))::int AS retry
       FROM login_throttle WHERE key = ANY($1) AND blocked_until > now()`,
      [this.keys(username, ip).map((k) => k.key)],
    );
    if (rows.length) {
      const retry = Math.max(...rows.map((r) => r.retry));
      throw new DomainError('LOGIN_THROTTLED', `too many failed logins for this ${rows[0].key.startsWith('user:') ? 'account' : 'address'}; try again in ${retry} seconds`, ErrorKind.THROTTLED, [], { retryAfterSeconds: retry });
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    for (const { key, limit } of this.keys(username, ip)) {
      await this.ds.query(
        `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN t.window_started_at < now() - make_interval(mins => $2) THEN 1 ELSE t.failures + 1 END,
           window_started_at = CASE WHEN t.window_started_at < now() - make_interval(mins => $2) THEN now() ELSE t.window_started_at END,
           blocked_until = CASE WHEN t.window_started_at >= now() - make_interval(mins => $2) AND t.failures + 1 >= $3
                                THEN now() + make_interval(mins => $2) ELSE t.blocked_until END`,
        [key, WINDOW_MINUTES, limit],
      );
    }
  }

  async recordSuccess(username: string): Promise<void> {
    await this.ds.query(`DELETE FROM login_throttle WHERE key = $1`, [`user:${username.toLowerCase()}`]);
  }
}
