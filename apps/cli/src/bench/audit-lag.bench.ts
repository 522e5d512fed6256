import { AUDIT_BATCH, AUDIT_IDLE_MS } from '@grms/core';
import { Benchmark } from './bench-context';
import { ms } from './stats';

// The chaining lag of the audit trail (decision 0021): from a record's
// time stamp (taken just before its transaction commits) to the moment the
// sequencer chained it, over the keyed records written through the API by
// the benchmarks before this one (after the data set; the SP2D burst at 16
// clients is the heaviest writer). Records written by the pgbench baseline
// carry no key and are left out.
export const auditLagBench: Benchmark = {
  name: 'Audit chaining lag (sequencer after commit)',
  async run(ctx) {
    await new Promise((r) => setTimeout(r, 3 * AUDIT_IDLE_MS)); // let the sequencer catch up
    const { rows: [r] } = await ctx.pool.query(`
      SELECT count(*)::int AS n,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
        percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99,
        max(lag) AS max,
        count(DISTINCT batch_no)::int AS batches
      FROM (SELECT extract(epoch FROM c.chained_at - e.occurred_at) * 1000 AS lag, c.batch_no
            FROM audit_chain c JOIN audit_events e ON e.id = c.event_id
            WHERE e.mac IS NOT NULL AND NOT c.legacy
              AND e.occurred_at > (SELECT coalesce(max(occurred_at), '-infinity') FROM audit_events WHERE action = 'DATASET.GENERATE')) s`);
    const { rows: [{ pending }] } = await ctx.pool.query(`SELECT count(*)::int AS pending FROM audit_pending`);
    return {
      name: this.name,
      rows: [
        ['records chained (written through the API by the benchmarks)', String(r.n)],
        ['batches', `${r.batches} (up to ${AUDIT_BATCH} records each)`],
        ['lag from commit to chained, p50', ms(Number(r.p50 ?? 0))],
        ['lag, p99', ms(Number(r.p99 ?? 0))],
        ['lag, max', ms(Number(r.max ?? 0))],
        ['records still queued at the end', String(pending)],
      ],
      notes: [`The sequencer polls every ${AUDIT_IDLE_MS} ms when idle and loops at once after a full batch; writers take no chain lock.`],
    };
  },
};
