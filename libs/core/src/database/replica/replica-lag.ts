// How far a streaming standby is behind, as time (decision 0053). The
// monitor samples the primary's WAL position now and then; a standby that
// has replayed up to a sample's position holds everything the primary had
// committed when the sample was taken, so it is at most `now - sample time`
// behind. Works with least-privileged roles on both ends (pg_current_wal_lsn
// and pg_last_wal_replay_lsn need no monitoring grant) and on managed
// replicas, where pg_stat_replication of the primary is not ours to read.

export interface WalSample {
  /** ms since the epoch when the primary's position was read */
  at: number;
  /** the primary's WAL position then, in bytes */
  lsn: bigint;
}

/** `16/B374D848` (a pg_lsn) as a byte position. */
export function lsnBytes(lsn: string): bigint {
  const m = /^([0-9A-F]+)\/([0-9A-F]+)$/i.exec(lsn.trim());
  if (!m) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${m[1]}`) << 32n) + BigInt(`0x${m[2]}`);
}

export interface Lag {
  /** ms the standby is at most behind; when `atLeast`, at least that far (no kept sample is replayed yet). */
  ms: number;
  atLeast: boolean;
}

/** The lag of a standby that has replayed up to `replayed`, from the primary's samples (oldest first). */
export function lagOf(samples: readonly WalSample[], replayed: bigint, now: number): Lag | null {
  if (samples.length === 0) return null;
  for (let i = samples.length - 1; i >= 0; i--) {
    if (samples[i].lsn <= replayed) return { ms: Math.max(0, now - samples[i].at), atLeast: false };
  }
  return { ms: Math.max(0, now - samples[0].at), atLeast: true };
}

/** Keeps the samples that can still matter for a bound of `keepMs`: the newest one and those younger than it. */
export function pruneSamples(samples: WalSample[], now: number, keepMs: number): void {
  while (samples.length > 1 && now - samples[1].at > keepMs) samples.shift();
}
