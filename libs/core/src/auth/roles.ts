export enum Role {
  ADMIN = 'ADMIN',
  PRICE_ADMIN = 'PRICE_ADMIN',
  PLANNER = 'PLANNER',
  BUDGET_VERIFIER = 'BUDGET_VERIFIER',
  PROJECT_OFFICER = 'PROJECT_OFFICER',
  TREASURER = 'TREASURER',
  FINANCE_OFFICER = 'FINANCE_OFFICER',
  CASH_AUTHORITY = 'CASH_AUTHORITY',
  AUDITOR = 'AUDITOR',
}

export const ALL_ROLES = Object.values(Role);

/** Roles whose holder works for one organization and sees only its records. */
export const OPD_ROLES: ReadonlySet<Role> = new Set([Role.PLANNER, Role.PROJECT_OFFICER, Role.TREASURER, Role.FINANCE_OFFICER]);
