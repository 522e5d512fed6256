import { offsetOf, Page, pageOf, SqlWhere } from '@grms/core';
import { EntityManager } from 'typeorm';

export interface DocumentListQuery {
  page: number;
  limit: number;
  fiscalYear?: number;
  organizationId?: string;
  status?: string;
  type?: string;
}

/**
 * The list of one kind of payment document (SPD, SPP, SPM, SPJ): the user's
 * organization scope and the common filters, newest first, with a real total.
 */
export async function listDocuments<T>(m: EntityManager, o: { table: string; alias: string; select: string; scope: string[] | null; q: DocumentListQuery }): Promise<Page<T>> {
  const a = o.alias;
  const w = new SqlWhere()
    .scope(`${a}.organization_id`, o.scope)
    .add(`${a}.fiscal_year = ?`, o.q.fiscalYear)
    .add(`${a}.organization_id = ?`, o.q.organizationId)
    .add(`${a}.status = ?`, o.q.status)
    .add(`${a}.type = ?`, o.q.type);
  const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM ${o.table} ${a} ${w.clause}`, w.params);
  const page = w.page(o.q.limit, offsetOf(o.q));
  const rows = await m.query(`${o.select} ${w.clause} ORDER BY ${a}.created_at DESC, ${a}.id ${page.sql}`, page.params);
  return pageOf(rows, total, o.q);
}
