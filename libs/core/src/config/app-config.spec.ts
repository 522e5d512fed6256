import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseUrls } from '../database/database-urls';
import { ConfigError, loadConfig } from './app-config';

// every data folder a test makes is removed after the file's tests
const made: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'grms-cfg-'));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('loadConfig', () => {
  const dir = tempDir;

  it('defaults to the embedded database and generates and keeps a JWT secret', () => {
    const d = dir();
    const a = loadConfig({ GRMS_DATA_DIR: d });
    expect(a.databaseUrl).toBeNull();
    expect(a.port).toBe(3000);
    expect(a.jwtSecret).toHaveLength(64);
    expect(readFileSync(join(d, 'jwt-secret'), 'utf8')).toBe(a.jwtSecret);
    expect(loadConfig({ GRMS_DATA_DIR: d }).jwtSecret).toBe(a.jwtSecret);
  });

  it('requires a JWT secret and a database in production, naming what to set', () => {
    try {
      loadConfig({ NODE_ENV: 'production', GRMS_DATA_DIR: dir() });
      fail('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).message).toMatch(/DATABASE_URL is required/);
    }
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@y/z', GRMS_DATA_DIR: dir() })).toThrow(/JWT_SECRET is required/);
  });

  it('reports every bad value at once', () => {
    const run = () => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', GRMS_DATA_DIR: dir() });
    expect(run).toThrow(/PORT=abc is not valid/);
    expect(run).toThrow(/DATABASE_URL is not valid/);
  });
});

describe('database roles in the configuration (decision 0020)', () => {
  const base = { GRMS_DATA_DIR: tempDir(), JWT_SECRET: 'x'.repeat(32) };

  it('takes the owner URL for migrations beside the API role URL, and derives who gets the grants', () => {
    const c = loadConfig({ ...base, DATABASE_URL: 'postgres://grms_app:a@db:5432/grms', DATABASE_OWNER_URL: 'postgres://grms_owner:o@db:5432/grms' });
    expect(databaseUrls(c)).toEqual({ appUrl: 'postgres://grms_app:a@db:5432/grms', ownerUrl: 'postgres://grms_owner:o@db:5432/grms', appRole: 'grms_app' });
    const single = loadConfig({ ...base, DATABASE_URL: 'postgres://grms:a@db:5432/grms' });
    expect(databaseUrls(single)).toEqual({ appUrl: 'postgres://grms:a@db:5432/grms', ownerUrl: 'postgres://grms:a@db:5432/grms', appRole: null });
  });

  it('refuses an owner URL that is not one, or without DATABASE_URL', () => {
    expect(() => loadConfig({ ...base, DATABASE_URL: 'postgres://a:b@db/grms', DATABASE_OWNER_URL: 'mysql://x' })).toThrow(/DATABASE_OWNER_URL is not valid/);
    expect(() => loadConfig({ ...base, DATABASE_OWNER_URL: 'postgres://o:p@db/grms' })).toThrow(/DATABASE_OWNER_URL is set but DATABASE_URL is not/);
  });
});

describe('the read replica in the configuration (decision 0053)', () => {
  const base = { GRMS_DATA_DIR: tempDir(), DATABASE_URL: 'postgres://grms_app:x@db:5432/grms' };

  it('is off by default and takes a standby URL and a lag bound', () => {
    expect(loadConfig(base)).toMatchObject({ databaseReplicaUrl: null, replicaMaxLagMs: 15_000 });
    expect(loadConfig({ ...base, DATABASE_REPLICA_URL: 'postgres://grms_report:y@db-ro:5432/grms', REPLICA_MAX_LAG_MS: '2000' }))
      .toMatchObject({ databaseReplicaUrl: 'postgres://grms_report:y@db-ro:5432/grms', replicaMaxLagMs: 2000 });
  });

  it('refuses a replica without an external primary, a URL that is not one, and a bound out of range', () => {
    expect(() => loadConfig({ GRMS_DATA_DIR: base.GRMS_DATA_DIR, DATABASE_REPLICA_URL: 'postgres://r:y@db-ro/grms' })).toThrow(/DATABASE_REPLICA_URL is set but DATABASE_URL is not/);
    expect(() => loadConfig({ ...base, DATABASE_REPLICA_URL: 'mysql://r@db-ro/grms' })).toThrow(/DATABASE_REPLICA_URL is not valid/);
    expect(() => loadConfig({ ...base, REPLICA_MAX_LAG_MS: '10' })).toThrow(/REPLICA_MAX_LAG_MS=10 is not valid/);
  });
});
