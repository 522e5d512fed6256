import { DomainError } from '@grms/core';
import { monthEnd } from '../status/s-curve';

/** The as-of date of a report request (see ControllingQueryDto); `today` is the database's date. */
export function reportDate(q: { fiscalYear: number; month?: number; asOf?: string }, today: string): string {
  if (q.asOf && q.month) throw DomainError.invalid('give month or asOf, not both', [{ field: 'asOf', message: 'not together with month' }]);
  if (q.asOf) {
    if (Number(q.asOf.slice(0, 4)) !== q.fiscalYear) throw DomainError.invalid(`asOf ${q.asOf} is outside fiscal year ${q.fiscalYear}`, [{ field: 'asOf', message: `a date of ${q.fiscalYear}` }]);
    return q.asOf;
  }
  if (q.month) return monthEnd(q.fiscalYear, q.month);
  const y = Number(today.slice(0, 4));
  return monthEnd(q.fiscalYear, y < q.fiscalYear ? 1 : y > q.fiscalYear ? 12 : Number(today.slice(5, 7)));
}

/** The organizations a request reads: the user's scope narrowed to `organizationId` and its units (an OPD outside the scope is 404). */
export function narrowScope(scope: string[] | null, organizationId: string | undefined, tree: string[]): string[] | null {
  if (!organizationId) return scope;
  if (scope !== null && !scope.includes(organizationId)) throw DomainError.notFound('organization', organizationId);
  return scope === null ? tree : tree.filter((id) => scope.includes(id));
}
