import type { BenchContext } from './bench-context';

/** Work the API finishes after its answer, each kept in a queue table of its own. */
export type AfterAnswerQueue = 'hsb_search_pending' | 'audit_pending';

/**
 * Waits until `queue` is empty (the catalogue's search rows written, decision 0108; every audit record
 * chained, decision 0021) and returns how long that took, in ms. A benchmark calls it before it times
 * a step, so that the step is measured alone and not beside the catch-up of what ran before it.
 */
export async function settled(ctx: Pick<BenchContext, 'pool'>, queue: AfterAnswerQueue, timeoutMs = 30_000): Promise<number> {
  const t0 = process.hrtime.bigint();
  const waited = () => Number(process.hrtime.bigint() - t0) / 1e6;
  for (;;) {
    const [{ pending }] = (await ctx.pool.query(`SELECT EXISTS (SELECT 1 FROM ${queue}) AS pending`)).rows;
    if (!pending) return waited();
    if (waited() > timeoutMs) throw new Error(`${queue} was not emptied within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
