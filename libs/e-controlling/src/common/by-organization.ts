import { snapshotPages } from '@grms/core';
import { DataSource, EntityManager } from 'typeorm';

/** OPDs per page of a download computed OPD by OPD. */
export const ORGS_PER_PAGE = 10;
/**
 * OPDs per page of the early warnings, whose rows per OPD are the most (every package, contract and budget
 * line judged): a batch of 10 peaked at 212-229 MB RSS on the province, 5 at 185-190 MB (1.28x the time).
 */
export const WARNING_ORGS_PER_PAGE = 5;

async function* flatten<T>(pages: AsyncIterable<{ rows: T[] }[]>): AsyncGenerator<T[]> {
  for await (const page of pages) {
    const rows = page.flatMap((p) => p.rows);
    if (rows.length) yield rows;
  }
}

/**
 * A download of a report computed per organization: the organizations of
 * `orgs` (all when null) in code order, `perPage` (ORGS_PER_PAGE) at a time, each batch's
 * rows from `rowsOf`, all inside one read-only snapshot (snapshotPages), so
 * memory holds one batch's rows and the file adds up to one moment.
 */
export function byOrganization<T>(ds: DataSource, orgs: string[] | null, rowsOf: (m: EntityManager, organizationIds: string[]) => Promise<T[]>, perPage = ORGS_PER_PAGE): AsyncIterable<T[]> {
  return flatten(snapshotPages<{ code: string; rows: T[] }>(ds, async (m, last, limit) => {
    const batch: { id: string; code: string }[] = await m.query(
      `SELECT id, code FROM organizations WHERE ($1::uuid[] IS NULL OR id = ANY($1::uuid[])) AND code COLLATE "C" > $2 ORDER BY code COLLATE "C" LIMIT $3`,
      [orgs, last?.code ?? '', limit]);
    if (!batch.length) return [];
    const rows = await rowsOf(m, batch.map((b) => b.id));
    return batch.map((b, i) => ({ code: b.code, rows: i === batch.length - 1 ? rows : [] }));
  }, perPage));
}
