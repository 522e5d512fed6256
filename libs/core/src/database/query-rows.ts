import { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Runs SQL and returns its rows. TypeORM's postgres driver answers an UPDATE or
 * DELETE ... RETURNING with [rows, affectedCount]; this always gives the rows.
 */
export async function queryRows<T = Record<string, unknown>>(m: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const r = await m.query(sql, params);
  if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return r[0] as T[];
  return r as T[];
}
