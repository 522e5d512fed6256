import { Role } from './roles';

// Every action a route can require. A route names exactly one permission (or
// is public); the role table below decides who holds it.
export enum Permission {
  AUTH_SELF = 'auth:self',
  USERS_READ = 'users:read',
  USERS_MANAGE = 'users:manage',
  AUDIT_READ = 'audit:read',
  REFERENCE_READ = 'reference:read',
  REFERENCE_MANAGE = 'reference:manage',
  FISCAL_YEAR_MANAGE = 'fiscal-year:manage',
  BUDGET_LINE_READ = 'budget-line:read',
  LEDGER_PERIOD_MANAGE = 'ledger-period:manage',
  // e-HSB
  HSB_READ = 'hsb:read',
  HSB_MANAGE = 'hsb:manage',
  // e-budgeting
  CEILING_READ = 'ceiling:read',
  CEILING_MANAGE = 'ceiling:manage',
  BUDGET_DOC_READ = 'budget-doc:read',
  BUDGET_DOC_WRITE = 'budget-doc:write',
  BUDGET_DOC_APPROVE = 'budget-doc:approve',
  CASH_PLAN_READ = 'cash-plan:read',
  CASH_PLAN_WRITE = 'cash-plan:write',
  // e-penatausahaan
  SPD_READ = 'spd:read',
  SPD_WRITE = 'spd:write',
  SPP_READ = 'spp:read',
  SPP_WRITE = 'spp:write',
  SPM_WRITE = 'spm:write',
  SPM_APPROVE = 'spm:approve',
  SP2D_WRITE = 'sp2d:write',
  SPJ_WRITE = 'spj:write',
  SPJ_APPROVE = 'spj:approve',
  BKU_READ = 'bku:read',
  BKU_WRITE = 'bku:write',
  TAX_MANAGE = 'tax:manage',
  TAX_DEPOSIT_WRITE = 'tax-deposit:write',
  // e-project planning
  PACKAGE_READ = 'package:read',
  PACKAGE_WRITE = 'package:write',
  PACKAGE_APPROVE = 'package:approve',
  THRESHOLD_MANAGE = 'threshold:manage',
  // e-delivery
  VENDOR_READ = 'vendor:read',
  VENDOR_WRITE = 'vendor:write',
  CONTRACT_READ = 'contract:read',
  CONTRACT_WRITE = 'contract:write',
  CONTRACT_SIGN = 'contract:sign',
  PROGRESS_VERIFY = 'progress:verify',
  // e-controlling
  CONTROLLING_READ = 'controlling:read',
  RFK_FREEZE = 'rfk:freeze',
  ESCALATION_WRITE = 'escalation:write',
  // revenue, financing, the treasury and the LRA (issue 8)
  STS_WRITE = 'sts:write',
  STS_READ = 'sts:read',
  FINANCING_REALIZE = 'financing:realize',
  TREASURY_READ = 'treasury:read',
  TREASURY_MANAGE = 'treasury:manage',
  LRA_READ = 'lra:read',
  // e-monev
  MONEV_READ = 'monev:read',
  MONEV_WRITE = 'monev:write',
  MONEV_VERIFY = 'monev:verify',
  MONEV_SETTINGS_MANAGE = 'monev:settings:manage',
  MONEV_INDICATOR_EDIT = 'monev:indicator:edit',
  // e-penatausahaan: signing (approving) an SPD (decision 0119)
  SPD_APPROVE = 'spd:approve',
}

const READ_EVERYTHING: Permission[] = [
  Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ, Permission.HSB_READ,
  Permission.CEILING_READ, Permission.BUDGET_DOC_READ, Permission.CASH_PLAN_READ, Permission.SPD_READ,
  Permission.SPP_READ, Permission.BKU_READ, Permission.PACKAGE_READ, Permission.VENDOR_READ, Permission.CONTRACT_READ,
];

export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  [Role.ADMIN]: [...READ_EVERYTHING, Permission.USERS_READ, Permission.USERS_MANAGE, Permission.AUDIT_READ,
    Permission.REFERENCE_MANAGE, Permission.FISCAL_YEAR_MANAGE, Permission.TAX_MANAGE, Permission.LEDGER_PERIOD_MANAGE, Permission.THRESHOLD_MANAGE],
  [Role.PRICE_ADMIN]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.HSB_READ, Permission.HSB_MANAGE, Permission.BUDGET_LINE_READ],
  [Role.PLANNER]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ, Permission.HSB_READ,
    Permission.CEILING_READ, Permission.BUDGET_DOC_READ, Permission.BUDGET_DOC_WRITE, Permission.CASH_PLAN_READ, Permission.CASH_PLAN_WRITE,
    Permission.PACKAGE_READ, Permission.PACKAGE_WRITE, Permission.CONTRACT_READ],
  [Role.BUDGET_VERIFIER]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ, Permission.HSB_READ,
    Permission.CEILING_READ, Permission.CEILING_MANAGE, Permission.BUDGET_DOC_READ, Permission.BUDGET_DOC_APPROVE, Permission.CASH_PLAN_READ],
  [Role.PROJECT_OFFICER]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ, Permission.HSB_READ,
    Permission.BUDGET_DOC_READ, Permission.CASH_PLAN_READ, Permission.PACKAGE_READ, Permission.PACKAGE_WRITE,
    Permission.VENDOR_READ, Permission.VENDOR_WRITE, Permission.CONTRACT_READ, Permission.CONTRACT_WRITE, Permission.CONTRACT_SIGN],
  [Role.TREASURER]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ, Permission.CASH_PLAN_READ,
    Permission.SPD_READ, Permission.SPP_READ, Permission.SPP_WRITE, Permission.SPJ_WRITE, Permission.BKU_READ, Permission.BKU_WRITE, Permission.TAX_DEPOSIT_WRITE,
    Permission.VENDOR_READ, Permission.CONTRACT_READ],
  [Role.FINANCE_OFFICER]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ, Permission.CASH_PLAN_READ,
    Permission.SPD_READ, Permission.SPP_READ, Permission.SPM_WRITE, Permission.BKU_READ,
    Permission.VENDOR_READ, Permission.CONTRACT_READ],
  [Role.CASH_AUTHORITY]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ, Permission.CASH_PLAN_READ,
    Permission.SPD_READ, Permission.SPD_WRITE, Permission.SPP_READ, Permission.SP2D_WRITE, Permission.BKU_READ, Permission.LEDGER_PERIOD_MANAGE,
    Permission.TAX_DEPOSIT_WRITE],
  [Role.AUDITOR]: [...READ_EVERYTHING, Permission.AUDIT_READ, Permission.USERS_READ],
  // PA/KPA: issues (approves) the SPMs its finance officer drafts, approves SPJs, own OPD.
  [Role.BUDGET_USER]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ, Permission.CASH_PLAN_READ,
    Permission.SPD_READ, Permission.SPP_READ, Permission.SPM_APPROVE, Permission.SPJ_APPROVE, Permission.BKU_READ,
    Permission.PACKAGE_READ, Permission.PACKAGE_APPROVE, Permission.VENDOR_READ, Permission.CONTRACT_READ, Permission.CONTRACT_SIGN],
  // PPKD and Sekda approve budget shifts (PERGESERAN) by class; the service checks which one a document needs.
  [Role.REGIONAL_FINANCE_HEAD]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ,
    Permission.BUDGET_DOC_READ, Permission.BUDGET_DOC_APPROVE],
  [Role.REGIONAL_SECRETARY]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ,
    Permission.BUDGET_DOC_READ, Permission.BUDGET_DOC_APPROVE],
  // Roles added ahead of their modules: each module grants them what it needs.
  [Role.REVENUE_TREASURER]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ],
  [Role.SUPERVISOR]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ,
    Permission.PACKAGE_READ, Permission.VENDOR_READ, Permission.CONTRACT_READ, Permission.PROGRESS_VERIFY],
  [Role.MONEV_VERIFIER]: [Permission.AUTH_SELF, Permission.REFERENCE_READ, Permission.BUDGET_LINE_READ],
};

// e-controlling: reports read by AUDITOR and ADMIN (province), MONEV_VERIFIER
// (the Bappeda monitoring team, province) and the OPD's planner, project
// officer, PA/KPA and supervisor (own OPD); the RFK published by ADMIN or the
// monitoring team; the escalation record kept by the PPK.
for (const [role, permissions] of [
  [Role.ADMIN, [Permission.CONTROLLING_READ, Permission.RFK_FREEZE]],
  [Role.AUDITOR, [Permission.CONTROLLING_READ]],
  [Role.MONEV_VERIFIER, [Permission.CONTROLLING_READ, Permission.RFK_FREEZE]],
  [Role.PLANNER, [Permission.CONTROLLING_READ]],
  [Role.PROJECT_OFFICER, [Permission.CONTROLLING_READ, Permission.ESCALATION_WRITE]],
  [Role.BUDGET_USER, [Permission.CONTROLLING_READ]],
  [Role.SUPERVISOR, [Permission.CONTROLLING_READ]],
] as const) {
  ROLE_PERMISSIONS[role].push(...permissions);
}
// Revenue, financing, the treasury and the LRA (issue 8): the revenue treasurer
// records deposit slips (STS) and keeps its cash book, own OPD; the regional
// treasurer (BUD) realises financing and watches the treasury's cash; the LRA
// is read province-wide by auditors, the budget team and BPKAD, and by the
// OPD roles for their own OPD (the organization scope decides).
const REVENUE_GRANTS: Partial<Record<Role, Permission[]>> = {
  [Role.REVENUE_TREASURER]: [Permission.STS_WRITE, Permission.STS_READ, Permission.LRA_READ],
  [Role.CASH_AUTHORITY]: [Permission.FINANCING_REALIZE, Permission.TREASURY_READ, Permission.STS_READ, Permission.LRA_READ],
  [Role.ADMIN]: [Permission.TREASURY_MANAGE, Permission.TREASURY_READ, Permission.STS_READ, Permission.LRA_READ],
  [Role.AUDITOR]: [Permission.TREASURY_READ, Permission.STS_READ, Permission.LRA_READ],
  [Role.REGIONAL_FINANCE_HEAD]: [Permission.TREASURY_READ, Permission.LRA_READ],
  [Role.BUDGET_VERIFIER]: [Permission.LRA_READ],
  [Role.PLANNER]: [Permission.LRA_READ],
  [Role.TREASURER]: [Permission.LRA_READ],
  [Role.FINANCE_OFFICER]: [Permission.LRA_READ],
  [Role.BUDGET_USER]: [Permission.STS_READ, Permission.LRA_READ],
};
for (const [role, perms] of Object.entries(REVENUE_GRANTS) as [Role, Permission[]][]) ROLE_PERMISSIONS[role].push(...perms);
// e-monev (decision 0602): the OPD's planner keeps its indicators and enters
// realisations; Bappeda's monitoring team verifies them; the budget team,
// auditors, ADMIN and the OPD's PA/KPA read.
const MONEV_GRANTS: Partial<Record<Role, Permission[]>> = {
  [Role.ADMIN]: [Permission.MONEV_READ, Permission.MONEV_SETTINGS_MANAGE],
  [Role.AUDITOR]: [Permission.MONEV_READ],
  [Role.PLANNER]: [Permission.MONEV_READ, Permission.MONEV_WRITE],
  [Role.BUDGET_VERIFIER]: [Permission.MONEV_READ],
  [Role.BUDGET_USER]: [Permission.MONEV_READ],
  [Role.MONEV_VERIFIER]: [Permission.MONEV_READ, Permission.MONEV_VERIFY],
};
for (const [role, granted] of Object.entries(MONEV_GRANTS) as [Role, Permission[]][]) ROLE_PERMISSIONS[role].push(...granted);
// e-monev indicator edits (decision 0610): the OPD's planner (own OPD) and
// Bappeda's monitoring team (province-wide; alone may change what a verified
// quarter depends on, with a reason).
ROLE_PERMISSIONS[Role.PLANNER].push(Permission.MONEV_INDICATOR_EDIT);
ROLE_PERMISSIONS[Role.MONEV_VERIFIER].push(Permission.MONEV_INDICATOR_EDIT);
// e-monev (decision 0118): DOMAIN.md's budget team (BUDGET_VERIFIER: TAPD,
// Bappeda, BPKAD) verifies or rejects indicator data, province-wide, beside
// Bappeda's monitoring team; never a realisation it submitted itself.
ROLE_PERMISSIONS[Role.BUDGET_VERIFIER].push(Permission.MONEV_VERIFY);
// SPD (decision 0119): drafted by the regional treasurer (CASH_AUTHORITY), signed
// (approved) by another cash authority or by the PPKD (REGIONAL_FINANCE_HEAD,
// head of BPKAD), as DOMAIN.md names them; never by its maker.
ROLE_PERMISSIONS[Role.CASH_AUTHORITY].push(Permission.SPD_APPROVE);
ROLE_PERMISSIONS[Role.REGIONAL_FINANCE_HEAD].push(Permission.SPD_READ, Permission.SPD_APPROVE);

export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r as Role]?.includes(permission));
}
