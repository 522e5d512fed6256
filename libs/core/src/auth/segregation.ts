import { DomainError, ErrorKind } from '../errors/domain-error';
import { ALL_ROLES, Role } from './roles';

/**
 * Role pairs one person may not hold (segregation of duties; docs/security.md
 * lists them with their reasons). The same pairs are a CHECK constraint on
 * users (migration 1764301010000), so the database refuses them too.
 */
export const INCOMPATIBLE_ROLES: readonly { roles: [Role, Role]; reason: string }[] = [
  { roles: [Role.TREASURER, Role.CASH_AUTHORITY], reason: 'the treasurer requests the payment (SPP) that the regional treasurer disburses (SP2D)' },
  { roles: [Role.TREASURER, Role.FINANCE_OFFICER], reason: 'the finance officer verifies the treasurer\'s SPP and orders it paid (SPM)' },
  { roles: [Role.TREASURER, Role.BUDGET_USER], reason: 'the budget user issues the SPM for the treasurer\'s SPP and approves its SPJ' },
  { roles: [Role.TREASURER, Role.REVENUE_TREASURER], reason: 'receipts and expenditure of an OPD are kept by two treasurers with two cash books' },
  { roles: [Role.TREASURER, Role.PROJECT_OFFICER], reason: 'the commitment officer commits the money the treasurer pays out' },
  { roles: [Role.FINANCE_OFFICER, Role.CASH_AUTHORITY], reason: 'the payment order (SPM) and the disbursement (SP2D) are two steps of one chain' },
  { roles: [Role.BUDGET_USER, Role.CASH_AUTHORITY], reason: 'the payment order (SPM) and the disbursement (SP2D) are two steps of one chain' },
  { roles: [Role.PLANNER, Role.BUDGET_VERIFIER], reason: 'the budget team approves the documents planners draft' },
  { roles: [Role.PLANNER, Role.MONEV_VERIFIER], reason: 'the monitoring team verifies the indicator realisations planners enter' },
  { roles: [Role.PROJECT_OFFICER, Role.SUPERVISOR], reason: 'the supervisor verifies the progress of the commitment officer\'s contracts' },
  // The administrator grants roles; it may not grant itself one that moves money or judges it.
  ...ALL_ROLES.filter((r) => r !== Role.ADMIN).map((r) => ({
    roles: [Role.ADMIN, r] as [Role, Role],
    reason: r === Role.AUDITOR ? 'the auditor reviews what the administrator does' : 'the administrator manages the accounts; it does not also act in the budget or payment process',
  })),
];

/** The incompatible pairs within a set of roles. */
export function incompatiblePairs(roles: readonly string[]): { roles: [Role, Role]; reason: string }[] {
  return INCOMPATIBLE_ROLES.filter((p) => roles.includes(p.roles[0]) && roles.includes(p.roles[1]));
}

/** Refuses (422 INCOMPATIBLE_ROLES, field roles) a role set that breaks segregation of duties. */
export function assertCompatibleRoles(roles: readonly string[]): void {
  const pairs = incompatiblePairs(roles);
  if (pairs.length === 0) return;
  const said = pairs.map((p) => `${p.roles[0]} with ${p.roles[1]} (${p.reason})`);
  throw new DomainError('INCOMPATIBLE_ROLES', `one person may not hold ${said.join('; nor ')}`, ErrorKind.RULE,
    pairs.map((p) => ({ field: 'roles', message: `${p.roles[0]} and ${p.roles[1]} are incompatible` })));
}

/** 403 SEGREGATION_OF_DUTIES: the user took an earlier step of the same chain. */
export function segregationOfDuties(action: string, earlierStep: string): DomainError {
  return new DomainError('SEGREGATION_OF_DUTIES', `you ${earlierStep}, so you may not ${action} (segregation of duties)`, ErrorKind.FORBIDDEN);
}
