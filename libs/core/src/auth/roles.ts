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
  // PA/KPA: issues SPMs and approves SPJs for its own OPD (distinct from the PPK-SKPD finance officer).
  BUDGET_USER = 'BUDGET_USER',
  // PPKD, head of BPKAD: approves shifts within one objek, signs SPDs.
  REGIONAL_FINANCE_HEAD = 'REGIONAL_FINANCE_HEAD',
  // Sekda: approves shifts between objek of one jenis.
  REGIONAL_SECRETARY = 'REGIONAL_SECRETARY',
  // Bendahara Penerimaan: deposit slips (STS) and its own cash book, own OPD.
  REVENUE_TREASURER = 'REVENUE_TREASURER',
  // Verifies contract progress reports, own OPD.
  SUPERVISOR = 'SUPERVISOR',
  // Bappeda monitoring team: verifies indicator realisations, province-wide.
  MONEV_VERIFIER = 'MONEV_VERIFIER',
}

export const ALL_ROLES = Object.values(Role);

/** Roles whose holder works for one organization and sees only its records. */
export const OPD_ROLES: ReadonlySet<Role> = new Set([
  Role.PLANNER, Role.PROJECT_OFFICER, Role.TREASURER, Role.FINANCE_OFFICER,
  Role.BUDGET_USER, Role.REVENUE_TREASURER, Role.SUPERVISOR,
]);
