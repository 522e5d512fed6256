import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuthUser } from '../context/request-context';

interface Entry { version: number; user: AuthUser; at: number }

// The user behind a token (roles, organization, token version, active) read
// once and kept for AUTH_CACHE_MS (default 5 s) instead of one query per
// request (decision 0061). This process forgets a user the moment a change to
// it commits (logout, password, roles, deactivation); another process of the
// same database sees it within AUTH_CACHE_MS at most. A read that started
// before a change is never cached after it (the generation check).
@Injectable()
export class AuthUserCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private readonly ttlMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectDataSource() private readonly ds: DataSource) {
    this.ttlMs = config.authCacheMs;
  }

  /** The active user of `id` whose token version is `version`, or null. */
  async user(id: string, version: number): Promise<AuthUser | null> {
    const now = Date.now();
    const hit = this.entries.get(id);
    if (hit && now - hit.at < this.ttlMs) return hit.version === version ? { ...hit.user } : null;
    const generation = this.generations.get(id) ?? 0;
    const rows: (AuthUser & { version: number })[] = await this.ds.query(
      `SELECT id, username, roles, organization_id AS "organizationId", token_version AS version FROM users WHERE id = $1 AND active`,
      [id],
    );
    const row = rows[0];
    if (!row) { this.entries.delete(id); return null; }
    const { version: current, ...user } = row;
    if (this.ttlMs > 0 && (this.generations.get(id) ?? 0) === generation) {
      if (this.entries.size >= 10_000) this.entries.clear();
      this.entries.set(id, { version: current, user, at: now });
    }
    return current === version ? { ...user } : null;
  }

  /** Forget `id`: call after the transaction that changed the user has committed. */
  evict(id: string): void {
    this.entries.delete(id);
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }
}
