import fc from 'fast-check';
import { lagOf, lsnBytes, pruneSamples, WalSample } from './replica-lag';
import { readsFromReplica } from './read-router';

describe('replica lag', () => {
  it('reads WAL positions as bytes', () => {
    expect(lsnBytes('0/16B3748')).toBe(0x16b3748n);
    expect(lsnBytes('1/0')).toBe(1n << 32n);
    expect(() => lsnBytes('nonsense')).toThrow('not a WAL position');
  });

  it('is the age of the newest sample the standby has replayed', () => {
    const s: WalSample[] = [{ at: 1000, lsn: 100n }, { at: 2000, lsn: 200n }, { at: 3000, lsn: 300n }];
    expect(lagOf(s, 300n, 3050)).toEqual({ ms: 50, atLeast: false });
    expect(lagOf(s, 250n, 3050)).toEqual({ ms: 1050, atLeast: false });
    expect(lagOf(s, 50n, 3050)).toEqual({ ms: 2050, atLeast: true });
    expect(lagOf([], 50n, 3050)).toBeNull();
  });

  it('never says less than the true lag: a standby behind a sample is at least as old as that sample', () => {
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 30 }), fc.nat(40_000), fc.nat(5000), (steps, replayed, extra) => {
      let lsn = 0n;
      const samples = steps.map((d, i) => ({ at: i * 100, lsn: (lsn += BigInt(d)) }));
      const now = samples.length * 100 + extra;
      const lag = lagOf(samples, BigInt(replayed), now)!;
      // every sample the standby has not reached is younger than the lag says it is behind
      for (const x of samples) if (x.lsn > BigInt(replayed) && !lag.atLeast) expect(now - x.at).toBeLessThanOrEqual(lag.ms);
      expect(lag.ms).toBeGreaterThanOrEqual(0);
    }));
  });

  it('keeps the newest sample and those within the window', () => {
    const s: WalSample[] = [{ at: 0, lsn: 1n }, { at: 500, lsn: 2n }, { at: 4000, lsn: 3n }, { at: 9000, lsn: 4n }];
    pruneSamples(s, 10_000, 6000);
    expect(s.map((x) => x.at)).toEqual([500, 4000, 9000]);
    pruneSamples(s, 100_000, 6000);
    expect(s.map((x) => x.at)).toEqual([9000]);
  });
});

describe('which reads go to the replica', () => {
  const base = { inTransaction: false, export: false, roles: ['TREASURER'], replicaUsable: true };
  it('an auditor\'s list and anyone\'s export, when the replica is usable', () => {
    expect(readsFromReplica({ ...base, roles: ['AUDITOR'] })).toBe(true);
    expect(readsFromReplica({ ...base, export: true })).toBe(true);
    expect(readsFromReplica(base)).toBe(false);
  });
  it('never inside a transaction, never when the replica is down or behind', () => {
    expect(readsFromReplica({ ...base, export: true, roles: ['AUDITOR'], inTransaction: true })).toBe(false);
    expect(readsFromReplica({ ...base, export: true, roles: ['AUDITOR'], replicaUsable: false })).toBe(false);
  });
});
