import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, ErrorKind } from '../errors/domain-error';

/** The login throttling rules (docs/decisions/0010-login-throttling-without-lockout.md). */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  /** account: failures from anywhere before the delay starts, then 2^(n - free) seconds, at most maxDelaySeconds */
  accountFreeFailures: 4,
  accountMaxDelaySeconds: 300,
  /** one address against one account: failures before that pair is blocked for the window */
  pairLimit: 5,
  /** one address, all accounts: failures after which the address gets one failure per account only */
  addressLimit: 30,
} as const;

type Db = Pick<DataSource, 'query'>;

// Failed logins are counted in the database (so the counts hold across
// restarts and instances) under three keys:
// - account:  a progressive delay (1 s, 2 s, 4 s, ... at most 5 min) that
//   slows guessing from any number of addresses but never locks an account
//   for long;
// - address + account: 5 failures block that address for that account only;
// - address:  counted, never blocks by itself; past 30 failures the address
//   is "hot" and each further account it fails on is blocked for it after one
//   failure. A correct password for an account the address has not failed on
//   is always let through, so one party behind a shared address (or a proxy
//   without TRUST_PROXY) cannot lock out the others.
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private keys(username: string, ip: string): { account: string; pair: string; address: string } {
    const user = username.toLowerCase();
    return { account: `user:${user}`, pair: `pair:${ip}|${user}`, address: `ip:${ip}` };
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const k = this.keys(username, ip);
    const rows: { key: string; retry: number }[] = await this.ds.query(
      `SELECT key, greatest(1, ceil(extract(epoch FROM blocked_until - now())))::int AS retry
       FROM login_throttle WHERE key = ANY($1) AND blocked_until > now()`,
      [[k.account, k.pair]],
    );
    if (rows.length) {
      const retry = Math.max(...rows.map((r) => r.retry));
      const why = rows.some((r) => r.key === k.pair) ? 'from this address for this account' : 'for this account';
      throw new DomainError('LOGIN_THROTTLED', `too many failed logins ${why}; try again in ${retry} seconds`, ErrorKind.THROTTLED, [], { retryAfterSeconds: retry });
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const k = this.keys(username, ip);
    const t = LOGIN_THROTTLE;
    const addressFailures = await this.count(this.ds, k.address, null);
    const pairLimit = addressFailures > t.addressLimit ? 1 : t.pairLimit;
    await this.count(this.ds, k.pair, (f) => `CASE WHEN ${f} >= ${pairLimit} THEN now() + make_interval(mins => ${t.windowMinutes}) END`);
    await this.count(this.ds, k.account, (f) =>
      `CASE WHEN ${f} > ${t.accountFreeFailures}
            THEN now() + make_interval(secs => least(${t.accountMaxDelaySeconds}, power(2, least(${f} - ${t.accountFreeFailures} - 1, 20))))
       END`);
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    const k = this.keys(username, ip);
    await this.ds.query(`DELETE FROM login_throttle WHERE key = ANY($1)`, [[k.account, k.pair]]);
  }

  /**
   * Counts one failure under `key` (a new window when the old one is over)
   * and raises blocked_until to `blockRule(failures)`, an SQL expression over
   * the new failure count (NULL: no block). Returns the failures in the window.
   */
  private async count(db: Db, key: string, blockRule: ((failures: string) => string) | null): Promise<number> {
    const fresh = `t.window_started_at < now() - make_interval(mins => $2)`;
    const failures = `CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END`;
    const [row] = await db.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, blocked_until) VALUES ($1, 1, now(), ${blockRule ? blockRule('1') : 'NULL'})
       ON CONFLICT (key) DO UPDATE SET
         failures = ${failures},
         window_started_at = CASE WHEN ${fresh} THEN now() ELSE t.window_started_at END,
         blocked_until = ${blockRule ? `greatest(t.blocked_until, ${blockRule(failures)})` : 't.blocked_until'}
       RETURNING failures`,
      [key, LOGIN_THROTTLE.windowMinutes],
    );
    return row.failures;
  }
}
