// Who may call each route: the authorization matrix test checks every route of
// the OpenAPI document against this table, for every role. A new route
// without an entry here fails that test. Keys are "METHOD /path" as in the
// OpenAPI document; values are 'public' or the roles allowed.
export type Role = 'ADMIN' | 'PRICE_ADMIN' | 'PLANNER' | 'BUDGET_VERIFIER' | 'PROJECT_OFFICER' | 'TREASURER' | 'FINANCE_OFFICER' | 'CASH_AUTHORITY' | 'AUDITOR'
  | 'BUDGET_USER' | 'REGIONAL_FINANCE_HEAD' | 'REGIONAL_SECRETARY' | 'REVENUE_TREASURER' | 'SUPERVISOR' | 'MONEV_VERIFIER';
export const ALL: Role[] = ['ADMIN', 'PRICE_ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR',
  'BUDGET_USER', 'REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY', 'REVENUE_TREASURER', 'SUPERVISOR', 'MONEV_VERIFIER'];

const HSB_READERS: Role[] = ['ADMIN', 'PRICE_ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'AUDITOR'];
const DOC_READERS: Role[] = ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'AUDITOR', 'REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY'];
// MURNI and PERUBAHAN by the budget team, a PERGESERAN by the approver of its class (checked per document).
const DOC_APPROVERS: Role[] = ['BUDGET_VERIFIER', 'REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY'];
const PACKAGE_READERS: Role[] = ['ADMIN', 'PLANNER', 'PROJECT_OFFICER', 'AUDITOR', 'BUDGET_USER', 'SUPERVISOR'];
const PACKAGE_WRITERS: Role[] = ['PLANNER', 'PROJECT_OFFICER'];
const VENDOR_READERS: Role[] = ['ADMIN', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'AUDITOR', 'BUDGET_USER', 'SUPERVISOR'];
const CONTRACT_READERS: Role[] = ['ADMIN', 'PLANNER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'AUDITOR', 'BUDGET_USER', 'SUPERVISOR'];
const CONTRACT_SIGNERS: Role[] = ['PROJECT_OFFICER', 'BUDGET_USER'];

const CONTROLLING_READERS: Role[] = ['ADMIN', 'PLANNER', 'PROJECT_OFFICER', 'AUDITOR', 'BUDGET_USER', 'SUPERVISOR', 'MONEV_VERIFIER'];
// revenue, financing, the treasury and the LRA (issue 8)
const STS_READERS: Role[] = ['ADMIN', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER', 'REVENUE_TREASURER'];
const TREASURY_READERS: Role[] = ['ADMIN', 'CASH_AUTHORITY', 'AUDITOR', 'REGIONAL_FINANCE_HEAD'];
const LRA_READERS: Role[] = ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER',
  'REGIONAL_FINANCE_HEAD', 'REVENUE_TREASURER'];
// e-monev: the OPD's planner writes, Bappeda's monitoring team verifies, these read.
const MONEV_READERS: Role[] = ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'AUDITOR', 'BUDGET_USER', 'MONEV_VERIFIER'];
const MONEV_ROUTES: Record<string, Role[]> = {
  'POST /api/v1/monev/indicators': ['PLANNER'],
  'GET /api/v1/monev/indicators': MONEV_READERS,
  'GET /api/v1/monev/indicators/{id}': MONEV_READERS,
  'PATCH /api/v1/monev/indicators/{id}': ['PLANNER', 'MONEV_VERIFIER'],
  'POST /api/v1/monev/indicators/{id}/realizations': ['PLANNER'],
  'PATCH /api/v1/monev/realizations/{id}': ['PLANNER'],
  'POST /api/v1/monev/realizations/{id}/submit': ['PLANNER'],
  'POST /api/v1/monev/realizations/{id}/verify': ['MONEV_VERIFIER', 'BUDGET_VERIFIER'],
  'POST /api/v1/monev/realizations/{id}/reject': ['MONEV_VERIFIER', 'BUDGET_VERIFIER'],
  'GET /api/v1/monev/settings/{fiscalYear}': MONEV_READERS,
  'PUT /api/v1/monev/settings/{fiscalYear}': ['ADMIN'],
  'GET /api/v1/monev/evaluation': MONEV_READERS,
  'PUT /api/v1/monev/evaluation/notes': ['PLANNER'],
};

/** The demo account that acts in each role (README's demo users; OPD roles in OPD A). */
export const USER_OF: Record<Role, string> = {
  ADMIN: 'admin', PRICE_ADMIN: 'price-admin', PLANNER: 'planner-a', BUDGET_VERIFIER: 'verifier', PROJECT_OFFICER: 'project-officer-a',
  TREASURER: 'treasurer-a', FINANCE_OFFICER: 'finance-officer-a', CASH_AUTHORITY: 'cash-authority', AUDITOR: 'auditor',
  BUDGET_USER: 'budget-user-a', REGIONAL_FINANCE_HEAD: 'finance-head', REGIONAL_SECRETARY: 'regional-secretary',
  REVENUE_TREASURER: 'revenue-treasurer-a', SUPERVISOR: 'supervisor-a', MONEV_VERIFIER: 'monev-verifier',
};

export const ROUTE_ACCESS: Record<string, 'public' | Role[]> = {
  // platform
  'POST /api/v1/auth/login': 'public',
  'GET /health': 'public',
  'GET /': 'public',
  'GET /api/v1': 'public',
  'GET /api/v1/auth/me': ALL,
  'POST /api/v1/auth/logout': ALL,
  'GET /api/v1/users': ['ADMIN', 'AUDITOR'],
  'GET /api/v1/users/{id}': ['ADMIN', 'AUDITOR'],
  'POST /api/v1/users': ['ADMIN'],
  'PATCH /api/v1/users/{id}': ['ADMIN'],
  'GET /api/v1/audit/events': ['ADMIN', 'AUDITOR'],
  'GET /api/v1/audit/verify': ['ADMIN', 'AUDITOR'],
  // reference data and the ledger
  'GET /api/v1/fiscal-years': ALL,
  'POST /api/v1/fiscal-years': ['ADMIN'],
  'PATCH /api/v1/fiscal-years/{year}': ['ADMIN'],
  'GET /api/v1/organizations': ALL,
  'GET /api/v1/organizations/{id}': ALL,
  'POST /api/v1/organizations': ['ADMIN'],
  'GET /api/v1/nomenclature': ALL,
  'GET /api/v1/accounts': ALL,
  'GET /api/v1/funding-sources': ALL,
  'GET /api/v1/code-list-versions': ALL,
  'GET /api/v1/budget-lines': ALL,
  'GET /api/v1/budget-lines/{id}': ALL,
  'GET /api/v1/budget-lines/{id}/entries': ALL,
  'GET /api/v1/ledger/verify': ['ADMIN', 'AUDITOR'],
  'GET /api/v1/ledger/periods': ['ADMIN', 'CASH_AUTHORITY'],
  'POST /api/v1/ledger/periods/{fiscalYear}/{month}/close': ['ADMIN', 'CASH_AUTHORITY'],
  'GET /api/v1/tax-rates': ALL,
  'PUT /api/v1/tax-rates/{fiscalYear}/{code}': ['ADMIN'],
  // e-HSB
  'GET /api/v1/hsb/items': HSB_READERS,
  'GET /api/v1/hsb/items/{id}': HSB_READERS,
  'POST /api/v1/hsb/items': ['PRICE_ADMIN'],
  'PATCH /api/v1/hsb/items/{id}': ['PRICE_ADMIN'],
  'POST /api/v1/hsb/items/{id}/lock': ['PRICE_ADMIN'],
  'POST /api/v1/hsb/items/{id}/unlock': ['PRICE_ADMIN'],
  'POST /api/v1/hsb/imports': ['PRICE_ADMIN'],
  'GET /api/v1/hsb/imports/template': ['PRICE_ADMIN'],
  'POST /api/v1/hsb/locks': ['PRICE_ADMIN'],
  // e-budgeting
  'PUT /api/v1/budgeting/cash-plans/{budgetLineId}': ['PLANNER'],
  'POST /api/v1/budgeting/ceilings': ['BUDGET_VERIFIER'],
  'GET /api/v1/budgeting/ceilings': ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'AUDITOR'],
  'POST /api/v1/budgeting/documents': ['PLANNER'],
  'GET /api/v1/budgeting/documents': DOC_READERS,
  'GET /api/v1/budgeting/documents/{id}': DOC_READERS,
  'GET /api/v1/budgeting/documents/{id}/history': DOC_READERS,
  'POST /api/v1/budgeting/documents/{id}/items': ['PLANNER'],
  'PATCH /api/v1/budgeting/documents/{id}/items/{itemId}': ['PLANNER'],
  'DELETE /api/v1/budgeting/documents/{id}/items/{itemId}': ['PLANNER'],
  'POST /api/v1/budgeting/documents/{id}/submit': ['PLANNER'],
  'DELETE /api/v1/budgeting/documents/{id}': ['PLANNER'],
  'POST /api/v1/budgeting/documents/{id}/approve': DOC_APPROVERS,
  'POST /api/v1/budgeting/documents/{id}/reject': DOC_APPROVERS,
  'GET /api/v1/budgeting/documents/{id}/review': DOC_READERS,
  'GET /api/v1/budgeting/documents/{id}/export': DOC_READERS,
  'POST /api/v1/budgeting/documents/{id}/items/imports': ['PLANNER'],
  'GET /api/v1/budgeting/documents/items/imports/template': ['PLANNER'],
  'POST /api/v1/budgeting/cash-plans/imports': ['PLANNER'],
  'GET /api/v1/budgeting/cash-plans/imports/template': ['PLANNER'],
  'GET /api/v1/budgeting/cash-plans': ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  // e-penatausahaan
  'POST /api/v1/penatausahaan/spd': ['CASH_AUTHORITY'],
  'POST /api/v1/penatausahaan/spd/{id}/approve': ['CASH_AUTHORITY', 'REGIONAL_FINANCE_HEAD'],
  'POST /api/v1/penatausahaan/spd/{id}/revise': ['CASH_AUTHORITY'],
  'POST /api/v1/penatausahaan/spd/{id}/withdraw': ['CASH_AUTHORITY'],
  'GET /api/v1/penatausahaan/spd': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER', 'REGIONAL_FINANCE_HEAD'],
  'GET /api/v1/penatausahaan/spd/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER', 'REGIONAL_FINANCE_HEAD'],
  'POST /api/v1/penatausahaan/spp': ['TREASURER'],
  'POST /api/v1/penatausahaan/spp/{id}/submit': ['TREASURER'],
  'POST /api/v1/penatausahaan/spp/{id}/approve': ['FINANCE_OFFICER'],
  'POST /api/v1/penatausahaan/spp/{id}/reject': ['FINANCE_OFFICER'],
  'GET /api/v1/penatausahaan/spp': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/spp/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/spm': ['FINANCE_OFFICER'],
  'POST /api/v1/penatausahaan/spm/{id}/approve': ['BUDGET_USER'],
  'POST /api/v1/penatausahaan/spm/{id}/cancel': ['BUDGET_USER'],
  'PATCH /api/v1/penatausahaan/spp/{id}': ['TREASURER'],
  'POST /api/v1/penatausahaan/spp/{id}/cancel': ['TREASURER'],
  'GET /api/v1/penatausahaan/spm': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/spm/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/sp2d': ['CASH_AUTHORITY'],
  'POST /api/v1/penatausahaan/sp2d/{id}/cancel': ['CASH_AUTHORITY'],
  'GET /api/v1/penatausahaan/sp2d': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/sp2d/register': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/sp2d/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/spj': ['TREASURER'],
  'POST /api/v1/penatausahaan/spj/{id}/approve': ['BUDGET_USER'],
  'POST /api/v1/penatausahaan/spj/{id}/reject': ['BUDGET_USER'],
  'GET /api/v1/penatausahaan/spj': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/spj/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/bku': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/bku/entries': ['TREASURER'],
  'GET /api/v1/penatausahaan/up-limits/{fiscalYear}/{organizationId}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'PUT /api/v1/penatausahaan/up-limits/{fiscalYear}/{organizationId}': ['ADMIN'],
  'POST /api/v1/penatausahaan/receipts': ['TREASURER'],
  'GET /api/v1/penatausahaan/receipts': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'CASH_AUTHORITY', 'AUDITOR'],
  'GET /api/v1/penatausahaan/receipts/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'CASH_AUTHORITY', 'AUDITOR'],
  'POST /api/v1/penatausahaan/tax-deposits': ['TREASURER'],
  'POST /api/v1/penatausahaan/tax-deposits/{id}/proof': ['TREASURER', 'CASH_AUTHORITY'],
  'GET /api/v1/penatausahaan/tax-deposits': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'CASH_AUTHORITY', 'AUDITOR'],
  'GET /api/v1/penatausahaan/bku/books/{book}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'CASH_AUTHORITY', 'AUDITOR'],
  'POST /api/v1/penatausahaan/cash-counts': ['TREASURER'],
  'GET /api/v1/penatausahaan/cash-counts': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'CASH_AUTHORITY', 'AUDITOR'],
  // e-project planning
  'POST /api/v1/project-planning/packages': PACKAGE_WRITERS,
  'GET /api/v1/project-planning/packages': PACKAGE_READERS,
  'GET /api/v1/project-planning/packages/{id}': PACKAGE_READERS,
  'PUT /api/v1/project-planning/packages/{id}': PACKAGE_WRITERS,
  'PUT /api/v1/project-planning/packages/{id}/plan': PACKAGE_WRITERS,
  'POST /api/v1/project-planning/packages/{id}/submit': PACKAGE_WRITERS,
  'POST /api/v1/project-planning/packages/{id}/approve': ['BUDGET_USER'],
  'POST /api/v1/project-planning/packages/{id}/reject': ['BUDGET_USER'],
  'POST /api/v1/project-planning/packages/{id}/announce': PACKAGE_WRITERS,
  'POST /api/v1/project-planning/packages/{id}/start-procurement': PACKAGE_WRITERS,
  'POST /api/v1/project-planning/packages/{id}/cancel': PACKAGE_WRITERS,
  'GET /api/v1/project-planning/thresholds': PACKAGE_READERS,
  'PUT /api/v1/project-planning/thresholds/{fiscalYear}/{packageType}': ['ADMIN'],
  'GET /api/v1/project-planning/rup': PACKAGE_READERS,
  'GET /api/v1/project-planning/rko': PACKAGE_READERS,
  // e-delivery
  'POST /api/v1/delivery/vendors': ['PROJECT_OFFICER'],
  'POST /api/v1/delivery/vendors/{id}/blacklist': ['PROJECT_OFFICER'],
  'GET /api/v1/delivery/vendors': VENDOR_READERS,
  'GET /api/v1/delivery/vendors/{id}': VENDOR_READERS,
  'POST /api/v1/delivery/contracts': ['PROJECT_OFFICER'],
  'GET /api/v1/delivery/contracts': CONTRACT_READERS,
  'GET /api/v1/delivery/contracts/{id}': CONTRACT_READERS,
  'POST /api/v1/delivery/contracts/{id}/sign': CONTRACT_SIGNERS,
  'POST /api/v1/delivery/contracts/{id}/addenda': ['PROJECT_OFFICER'],
  'POST /api/v1/delivery/contracts/{id}/addenda/approve': CONTRACT_SIGNERS,
  'POST /api/v1/delivery/contracts/{id}/progress': ['PROJECT_OFFICER'],
  'GET /api/v1/delivery/contracts/{id}/progress': CONTRACT_READERS,
  'POST /api/v1/delivery/contracts/{id}/handovers': ['PROJECT_OFFICER'],
  'POST /api/v1/delivery/contracts/{id}/close': CONTRACT_SIGNERS,
  'GET /api/v1/delivery/ocds': CONTRACT_READERS,
  'GET /api/v1/delivery/handovers': CONTRACT_READERS,
  'POST /api/v1/delivery/progress/{id}/verify': ['SUPERVISOR'],
  'POST /api/v1/delivery/progress/{id}/reject': ['SUPERVISOR'],
  // e-controlling
  'GET /api/v1/controlling/realization': CONTROLLING_READERS,
  'GET /api/v1/controlling/packages': CONTROLLING_READERS,
  'GET /api/v1/controlling/warnings': CONTROLLING_READERS,
  'GET /api/v1/controlling/rfk': CONTROLLING_READERS,
  'POST /api/v1/controlling/rfk/{fiscalYear}/{month}/freeze': ['ADMIN', 'MONEV_VERIFIER'],
  'GET /api/v1/controlling/thresholds': CONTROLLING_READERS,
  'PUT /api/v1/controlling/thresholds/{fiscalYear}': ['ADMIN'],
  'POST /api/v1/controlling/contracts/{id}/escalations': ['PROJECT_OFFICER'],
  'GET /api/v1/controlling/contracts/{id}/escalations': CONTROLLING_READERS,
  // reports from the ledger: realisation per funding source and the control card (own OPD for OPD roles)
  'GET /api/v1/reports/realization-by-source': ALL,
  'GET /api/v1/reports/control-card': ALL,
  // revenue, financing, the treasury and the LRA (issue 8)
  'POST /api/v1/penatausahaan/sts': ['REVENUE_TREASURER'],
  'GET /api/v1/penatausahaan/sts': STS_READERS,
  'GET /api/v1/penatausahaan/sts/{id}': STS_READERS,
  'GET /api/v1/penatausahaan/revenue-book': STS_READERS,
  // STS cancellation and correction (decision 0140)
  'POST /api/v1/penatausahaan/sts/{id}/cancel': ['REVENUE_TREASURER'],
  'POST /api/v1/penatausahaan/sts/{id}/correct': ['REVENUE_TREASURER'],
  'POST /api/v1/treasury/financing-realizations': ['CASH_AUTHORITY'],
  'GET /api/v1/treasury/cash-position': TREASURY_READERS,
  'GET /api/v1/treasury/settings/{fiscalYear}': TREASURY_READERS,
  'PUT /api/v1/treasury/settings/{fiscalYear}': ['ADMIN'],
  'GET /api/v1/reports/lra': LRA_READERS,
  // e-monev
  ...MONEV_ROUTES,
  // ways back found by the acceptance walk of API.md (decision 0116)
  'POST /api/v1/penatausahaan/spm/{id}/reject': ['BUDGET_USER'],
  'POST /api/v1/penatausahaan/receipts/{id}/cancel': ['TREASURER'],
  'POST /api/v1/delivery/contracts/{id}/cancel': ['PROJECT_OFFICER'],
  'POST /api/v1/delivery/contracts/{id}/addenda/reject': CONTRACT_SIGNERS,
};
