import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asStoredJson, AuditKeys, AuditRecordFields, canonicalJson, chainLink, checkpointSignatureValid, loadAuditKeys, recordMac, signCheckpoint } from './audit-keys';

describe('audit keys, canonical records and checkpoints', () => {
  let dir: string;
  let keys: AuditKeys;
  const dirs: string[] = [];
  const fresh = (): string => { const d = mkdtempSync(join(tmpdir(), 'grms-audit-keys-')); dirs.push(d); return d; };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'grms-audit-keys-'));
    keys = loadAuditKeys({ dataDir: dir, generate: true, env: {} });
  });
  afterAll(() => { for (const d of [dir, ...dirs]) rmSync(d, { recursive: true, force: true }); });

  const record = (after: unknown): AuditRecordFields => ({
    id: '00000000-0000-4000-8000-000000000001', occurredAt: '2026-11-29T20:00:00.000Z', actorId: null, actorUsername: 'admin',
    requestId: 'r-1', action: 'X.UPDATE', entityType: 'X', entityId: '1', before: null, after,
  });

  it('one text per value: key order does not matter, a stored (jsonb) round trip does not change the MAC', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const stored = JSON.parse(JSON.stringify(asStoredJson(v)));
      expect(recordMac(keys.hmacKey, record(stored))).toBe(recordMac(keys.hmacKey, record(v)));
    }));
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('any change of a field changes the MAC, and another key gives another MAC', () => {
    const base = recordMac(keys.hmacKey, record({ amount: '10000.00' }));
    expect(recordMac(keys.hmacKey, record({ amount: '10000.01' }))).not.toBe(base);
    expect(recordMac(keys.hmacKey, { ...record({ amount: '10000.00' }), actorUsername: 'someone' })).not.toBe(base);
    const other = loadAuditKeys({ dataDir: fresh(), generate: true, env: {} });
    expect(recordMac(other.hmacKey, record({ amount: '10000.00' }))).not.toBe(base);
    expect(chainLink(keys.hmacKey, 2, 'a', 'id', base)).not.toBe(chainLink(keys.hmacKey, 3, 'a', 'id', base));
  });

  it('keeps the generated keys across starts and refuses to invent them in production', () => {
    const again = loadAuditKeys({ dataDir: dir, generate: true, env: {} });
    expect(again.hmacKey.equals(keys.hmacKey)).toBe(true);
    expect(() => loadAuditKeys({ dataDir: fresh(), generate: false, env: {} })).toThrow(/AUDIT_HMAC_KEY/);
    expect(() => loadAuditKeys({ dataDir: dir, generate: false, env: { AUDIT_HMAC_KEY: 'abcd' } })).toThrow(/at least 32 bytes/);
  });

  it('a checkpoint verifies with the public key, and not once any field is changed', () => {
    const c = signCheckpoint(keys, { database: 'grms', count: 1234, head: 'f'.repeat(64), signedAt: '2026-11-29T20:00:00.000Z' });
    expect(checkpointSignatureValid(keys.publicKey, c)).toBe(true);
    expect(checkpointSignatureValid(keys.publicKey, { ...c, count: 1233 })).toBe(false);
    expect(checkpointSignatureValid(keys.publicKey, { ...c, head: 'e'.repeat(64) })).toBe(false);
    expect(checkpointSignatureValid(keys.publicKey, { ...c, signature: 'AAAA' })).toBe(false);
  });
});
