import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The keys of the audit trail (decision 0021). The database never holds them:
// the HMAC key keys every record and every chain link, the Ed25519 key signs
// the checkpoints written outside the database.
export interface AuditKeys {
  hmacKey: Buffer;
  signingKey: KeyObject;
  publicKey: KeyObject;
  /** Where the keys and the checkpoint files live. */
  dir: string;
  /** Where the keys came from, for the log and the docs. */
  source: string;
}

export const AUDIT_KEYS = Symbol('AUDIT_KEYS');

/** Writes `content` to `file` only if it does not exist yet (parallel first starts agree on one key). */
function createOnce(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, content, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(tmp);
  }
}

function parseHmacKey(raw: string, where: string): Buffer {
  const s = raw.trim();
  const key = /^[0-9a-f]+$/i.test(s) && s.length % 2 === 0 ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64');
  if (key.length < 32) throw new Error(`${where}: the audit HMAC key must hold at least 32 bytes (64 hex digits; e.g. \`openssl rand -hex 32\`)`);
  return key;
}

export interface AuditKeyOptions {
  dataDir: string;
  /** Generate missing keys (development, demo and tests); in production they must be provided. */
  generate: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * AUDIT_HMAC_KEY (hex or base64, >= 32 bytes) or `<dir>/hmac-key`;
 * AUDIT_SIGNING_KEY_FILE (PEM, Ed25519 private key) or `<dir>/signing-key.pem`;
 * `<dir>` is AUDIT_KEY_DIR or `<data dir>/audit`.
 */
export function loadAuditKeys(opts: AuditKeyOptions): AuditKeys {
  const env = opts.env ?? process.env;
  const dir = env.AUDIT_KEY_DIR ?? join(opts.dataDir, 'audit');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const hmacFile = join(dir, 'hmac-key');
  const signingFile = env.AUDIT_SIGNING_KEY_FILE ?? join(dir, 'signing-key.pem');
  const sources: string[] = [];

  let hmacKey: Buffer;
  if (env.AUDIT_HMAC_KEY) {
    hmacKey = parseHmacKey(env.AUDIT_HMAC_KEY, 'AUDIT_HMAC_KEY');
    sources.push('HMAC key from AUDIT_HMAC_KEY');
  } else {
    if (!existsSync(hmacFile)) {
      if (!opts.generate) throw new Error(`no audit HMAC key: set AUDIT_HMAC_KEY (\`openssl rand -hex 32\`) or create ${hmacFile}; see docs/operations.md, "Audit keys"`);
      createOnce(hmacFile, `${randomBytes(32).toString('hex')}\n`);
    }
    hmacKey = parseHmacKey(readFileSync(hmacFile, 'utf8'), hmacFile);
    sources.push(`HMAC key ${hmacFile}`);
  }

  if (!existsSync(signingFile)) {
    if (!opts.generate) throw new Error(`no audit signing key: create ${signingFile} (\`openssl genpkey -algorithm ed25519 -out ${signingFile}\`) or set AUDIT_SIGNING_KEY_FILE; see docs/operations.md, "Audit keys"`);
    const { privateKey } = generateKeyPairSync('ed25519');
    createOnce(signingFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  }
  const signingKey = createPrivateKey(readFileSync(signingFile));
  if (signingKey.asymmetricKeyType !== 'ed25519') throw new Error(`${signingFile} is not an Ed25519 private key`);
  const publicKey = createPublicKey(signingKey);
  const pubFile = join(dir, 'signing-key.pub.pem');
  if (!existsSync(pubFile)) createOnce(pubFile, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  sources.push(`signing key ${signingFile}`);
  return { hmacKey, signingKey, publicKey, dir, source: sources.join(', ') };
}

// ---- canonical form and keyed hashes ---------------------------------------

/** JSON with object keys sorted at every level: one text per value. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x === undefined ? null : x)).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/** What a value reads back as from a jsonb column. */
export function asStoredJson(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

export interface AuditRecordFields {
  id: string;
  occurredAt: string; // ISO 8601, milliseconds, UTC
  actorId: string | null;
  actorUsername: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export function auditRecordText(r: AuditRecordFields): string {
  return canonicalJson({
    v: 1, id: r.id, occurredAt: r.occurredAt, actorId: r.actorId, actorUsername: r.actorUsername, requestId: r.requestId,
    action: r.action, entityType: r.entityType, entityId: r.entityId, before: asStoredJson(r.before), after: asStoredJson(r.after),
  });
}

/** The record's keyed hash, computed by the writer inside its transaction. */
export function recordMac(key: Buffer, r: AuditRecordFields): string {
  return createHmac('sha256', key).update('grms-audit-record-v1\n').update(auditRecordText(r)).digest('hex');
}

/** The keyed link of chain position `chainNo`: binds the position, the link before and the record's MAC. */
export function chainLink(key: Buffer, chainNo: number | string, prevHash: string, eventId: string, mac: string | null): string {
  return createHmac('sha256', key).update(`grms-audit-chain-v1\n${chainNo}\n${prevHash}\n${eventId}\n${mac ?? ''}`).digest('hex');
}

// ---- signed checkpoints ------------------------------------------------------

export interface Checkpoint {
  v: 1;
  database: string;
  count: number;
  head: string;
  signedAt: string;
  signature: string;
}

const checkpointText = (c: Omit<Checkpoint, 'signature'>): string =>
  `grms-audit-checkpoint-v1\n${canonicalJson({ v: c.v, database: c.database, count: c.count, head: c.head, signedAt: c.signedAt })}`;

export function signCheckpoint(keys: AuditKeys, c: Omit<Checkpoint, 'signature' | 'v'>): Checkpoint {
  const body = { v: 1 as const, ...c };
  return { ...body, signature: sign(null, Buffer.from(checkpointText(body)), keys.signingKey).toString('base64') };
}

export function checkpointSignatureValid(publicKey: KeyObject, c: Checkpoint): boolean {
  try {
    return verify(null, Buffer.from(checkpointText(c)), publicKey, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export function checkpointFile(keys: AuditKeys, database: string): string {
  const safe = database.replace(/[^A-Za-z0-9_.-]/g, '_');
  return join(keys.dir, `checkpoints-${safe}.jsonl`);
}

export function publicKeyFingerprint(keys: AuditKeys): string {
  return createHash('sha256').update(keys.publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
}
