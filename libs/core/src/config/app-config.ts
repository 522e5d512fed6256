import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | null; // null: embedded PostgreSQL
  /** DATABASE_OWNER_URL: the schema owner, for migrations; DATABASE_URL is then the API's least-privileged role (decision 0020). */
  databaseOwnerUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  jwtSecret: string;
  jwtExpiresInSeconds: number;
  dbPoolSize: number;
  logLevel: string;
  trustProxy: boolean;
  seedDemo: boolean;
  upperBodyLimit: string;
  /** DATABASE_REPLICA_URL: a read-only streaming standby for reports, lists of auditors and exports (decision 0053); null: none. */
  databaseReplicaUrl: string | null;
  /** REPLICA_MAX_LAG_MS: reads go back to the primary while the standby is further behind than this. */
  replicaMaxLagMs: number;
  /** AUTH_CACHE_MS: how long a user behind a token is kept between database reads (0: every request reads it; decision 0061) */
  authCacheMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function int(env: NodeJS.ProcessEnv, key: string, def: number, min: number, max: number, problems: string[]): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key}=${raw} is not valid: set a whole number from ${min} to ${max} (default ${def})`);
    return def;
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, key: string, def: boolean, problems: string[]): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return def;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${key}=${raw} is not valid: set true or false`);
  return def;
}

// The JWT secret of the embedded demo is generated once and kept under the
// data folder; in production it must be given.
function jwtSecretFor(env: NodeJS.ProcessEnv, nodeEnv: string, dataDir: string, problems: string[]): string {
  const given = env.JWT_SECRET;
  if (given) {
    if (given.length < 32) problems.push('JWT_SECRET is too short: set at least 32 characters (e.g. `openssl rand -hex 32`)');
    return given;
  }
  if (nodeEnv === 'production') {
    problems.push('JWT_SECRET is required when NODE_ENV=production: set at least 32 random characters (e.g. `openssl rand -hex 32`)');
    return '';
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

// The read replica (decision 0053): only beside an external primary, as its own read-only role.
function replicaUrlOf(env: NodeJS.ProcessEnv, databaseUrl: string | null, problems: string[]): string | null {
  const url = env.DATABASE_REPLICA_URL?.trim() || null;
  if (!url) return null;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    problems.push('DATABASE_REPLICA_URL is not valid: set postgres://REPORT_ROLE:PASSWORD@HOST:PORT/DATABASE of a read-only streaming standby, or unset it');
  } else if (!databaseUrl) {
    problems.push('DATABASE_REPLICA_URL is set but DATABASE_URL is not: a standby replicates an external primary, so set DATABASE_URL as well (the embedded PostgreSQL has no replica)');
  }
  return url;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV=${nodeEnvRaw} is not valid: set development, production or test`);
  }
  const nodeEnv = (['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development') as AppConfig['nodeEnv'];
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL is not valid: set postgres://USER:PASSWORD@HOST:PORT/DATABASE, or unset it to use the embedded PostgreSQL');
  }
  const databaseOwnerUrl = env.DATABASE_OWNER_URL && env.DATABASE_OWNER_URL.trim() !== '' ? env.DATABASE_OWNER_URL.trim() : null;
  if (databaseOwnerUrl && !/^postgres(ql)?:\/\//.test(databaseOwnerUrl)) {
    problems.push('DATABASE_OWNER_URL is not valid: set postgres://OWNER:PASSWORD@HOST:PORT/DATABASE (the role that owns the schema and runs migrations)');
  }
  if (databaseOwnerUrl && !databaseUrl) {
    problems.push('DATABASE_OWNER_URL is set but DATABASE_URL is not: set DATABASE_URL to the API\'s own role as well, or unset both to use the embedded PostgreSQL');
  }
  if (!databaseUrl && nodeEnv === 'production') {
    problems.push('DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for demos and development)');
  }
  const databaseReplicaUrl = replicaUrlOf(env, databaseUrl, problems);
  const dataDir = resolve(env.GRMS_DATA_DIR ?? '.data');
  const config: AppConfig = {
    nodeEnv,
    port: int(env, 'PORT', 3000, 1, 65535, problems),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseOwnerUrl,
    dataDir,
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535, problems),
    jwtSecret: '',
    jwtExpiresInSeconds: int(env, 'JWT_EXPIRES_IN', 3600, 60, 86400 * 7, problems),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 20, 1, 500, problems),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: bool(env, 'TRUST_PROXY', false, problems),
    seedDemo: bool(env, 'SEED_DEMO', !databaseUrl && nodeEnv !== 'production', problems),
    upperBodyLimit: env.BODY_LIMIT ?? '10mb',
    databaseReplicaUrl,
    replicaMaxLagMs: int(env, 'REPLICA_MAX_LAG_MS', 15_000, 100, 3_600_000, problems),
    authCacheMs: int(env, 'AUTH_CACHE_MS', 5000, 0, 60000, problems),
  };
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(config.logLevel)) {
    problems.push(`LOG_LEVEL=${config.logLevel} is not valid: set one of fatal, error, warn, info, debug, trace, silent`);
  }
  if (config.seedDemo && nodeEnv === 'production') problems.push('SEED_DEMO=true is refused when NODE_ENV=production');
  if (problems.length === 0) config.jwtSecret = jwtSecretFor(env, nodeEnv, dataDir, problems);
  if (problems.length) throw new ConfigError(problems);
  return config;
}
