import { DomainError, ErrorKind } from './domain-error';

/** The one answer to a fiscal year that does not exist, whatever the route (decision 0040). */
export const FISCAL_YEAR_NOT_FOUND = 'FISCAL_YEAR_NOT_FOUND';

export function fiscalYearNotFound(year: number | string, field = 'fiscalYear'): DomainError {
  return new DomainError(FISCAL_YEAR_NOT_FOUND, `fiscal year ${year} does not exist`, ErrorKind.NOT_FOUND, [{ field, message: `fiscal year ${year} does not exist` }]);
}

/** Anything that runs SQL: a DataSource, an EntityManager, a query runner. */
export interface FiscalYearQueryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The year's status and code-list version, or 404 FISCAL_YEAR_NOT_FOUND naming the year and the field. */
export async function requireFiscalYear(db: FiscalYearQueryable, year: number, field = 'fiscalYear'): Promise<{ status: string; codeListVersion: string | null }> {
  const rows = (await db.query(`SELECT status, code_list_version AS "codeListVersion" FROM fiscal_years WHERE year = $1`, [year])) as { status: string; codeListVersion: string | null }[];
  if (!rows[0]) throw fiscalYearNotFound(year, field);
  return rows[0];
}
