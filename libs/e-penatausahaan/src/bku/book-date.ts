import { DomainError } from '@grms/core';
import { EntityManager } from 'typeorm';

/**
 * The fiscal year of an entry dated `date` in the OPD's cash book: a year in
 * EXECUTION, not after today, and not before the book's last entry (the BKU
 * is written in date order, so its numbers 1..N are its dates' order and the
 * running balance is that of the day). `field` names the date in refusals.
 */
export async function requireBookDate(m: EntityManager, organizationId: string, date: string, field: string): Promise<number> {
  const year = Number(date.slice(0, 4));
  const [fy] = await m.query(`SELECT status FROM fiscal_years WHERE year = $1`, [year]);
  if (!fy || fy.status !== 'EXECUTION') {
    throw DomainError.rule('DATE_OUTSIDE_OPEN_YEAR', `${date} is not in a fiscal year in EXECUTION (${year}: ${fy?.status ?? 'unknown'})`, [{ field, message: 'outside an open fiscal year' }]);
  }
  const [{ today }] = await m.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today`);
  if (date > today) throw DomainError.rule('BKU_DATE_IN_FUTURE', `an entry cannot be dated after today (${today})`, [{ field, message: 'in the future' }]);
  const [last] = await m.query(`SELECT to_char(max(entry_date), 'YYYY-MM-DD') AS d FROM bku_entries WHERE organization_id = $1 AND fiscal_year = $2`, [organizationId, year]);
  if (last.d && date < last.d) {
    throw DomainError.rule('BKU_DATE_BEFORE_LAST', `the cash book's last entry is dated ${last.d}; a new entry cannot be dated earlier (${date})`, [{ field, message: `before ${last.d}` }]);
  }
  return year;
}
