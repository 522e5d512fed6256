import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'grms-cfg-'));

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
