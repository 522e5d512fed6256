// The rules of the Users page that need no browser: which of the roles (the
// API's list, ../roles.ts) need an OPD, and the PATCH body of a change (only
// what changed).
import { OPD_ROLES } from '../roles';

export { OPD_ROLES, ROLES } from '../roles';

export const needsOrganization = (roles: readonly string[]): boolean => roles.some((r) => OPD_ROLES.includes(r));

export interface UserRow { id: string; username: string; fullName: string; roles: string[]; organizationId: string | null; active: boolean }
export interface UserChange { roles?: string[]; organizationId?: string | null; active?: boolean }

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The PATCH body that takes `before` to the roles and organization chosen:
 * only the fields that differ (an unchanged role set in another order is no
 * change); an organization left out when the new roles need none keeps the
 * account's, as the API does.
 */
export function userChange(before: UserRow, roles: readonly string[], organizationId: string | null): UserChange {
  const change: UserChange = {};
  if (!sameSet(before.roles, roles)) change.roles = [...roles];
  if ((organizationId ?? null) !== before.organizationId && (organizationId !== null || !needsOrganization(roles))) change.organizationId = organizationId;
  return change;
}
