import { CursorPage, Keyset, listPage, microTime, SqlWhere, withKeyColumn } from '@grms/core';
import { EntityManager } from 'typeorm';

export interface DocumentListQuery {
  page: number;
  limit: number;
  cursor?: string;
  fiscalYear?: number;
  organizationId?: string;
  status?: string;
  type?: string;
}

/**
 * The list of one kind of payment document (SPD, SPP, SPM, SPJ): the user's
 * organization scope and the common filters, newest first (creation time to
 * the microsecond, then id), by number with a real total or after a cursor.
 */
export async function listDocuments<T>(m: EntityManager, o: { table: string; alias: string; select: string; scope: string[] | null; q: DocumentListQuery }): Promise<CursorPage<T>> {
  const a = o.alias;
  const w = new SqlWhere()
    .scope(`${a}.organization_id`, o.scope)
    .add(`${a}.fiscal_year = ?`, o.q.fiscalYear)
    .add(`${a}.organization_id = ?`, o.q.organizationId)
    .add(`${a}.status = ?`, o.q.status)
    .add(`${a}.type = ?`, o.q.type);
  return listPage<T>(m, newestFirst<T>(o.table, a), o.q, { select: withKeyColumn(o.select, `${microTime(`${a}.created_at`)} AS "__createdAt"`), countFrom: `${o.table} ${a}`, where: w });
}

/** Newest first by creation time (to the microsecond), the id breaking ties. */
export function newestFirst<T>(name: string, alias: string): Keyset<T> {
  return {
    name, descending: true,
    parts: [{ sql: `${alias}.created_at`, type: 'timestamp', field: '__createdAt' as keyof T & string }, { sql: `${alias}.id`, type: 'uuid', field: 'id' as keyof T & string }],
  };
}
