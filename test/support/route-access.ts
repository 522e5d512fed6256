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

export const ROUTE_ACCESS: Record<string, 'public' | Role[]> = {
  // platform
  'POST /api/v1/auth/login': 'public',
  'GET /health': 'public',
  'GET /api/v1/auth/me': ALL,
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
  'POST /api/v1/budgeting/documents/{id}/approve': DOC_APPROVERS,
  'POST /api/v1/budgeting/documents/{id}/reject': DOC_APPROVERS,
  'GET /api/v1/budgeting/documents/{id}/review': DOC_READERS,
  'GET /api/v1/budgeting/documents/{id}/export': DOC_READERS,
  'POST /api/v1/budgeting/documents/{id}/items/imports': ['PLANNER'],
  'POST /api/v1/budgeting/cash-plans/imports': ['PLANNER'],
  'GET /api/v1/budgeting/cash-plans': ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  // e-penatausahaan
  'POST /api/v1/penatausahaan/spd': ['CASH_AUTHORITY'],
  'POST /api/v1/penatausahaan/spd/{id}/approve': ['CASH_AUTHORITY'],
  'POST /api/v1/penatausahaan/spd/{id}/revise': ['CASH_AUTHORITY'],
  'POST /api/v1/penatausahaan/spd/{id}/withdraw': ['CASH_AUTHORITY'],
  'GET /api/v1/penatausahaan/spd': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/spd/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/spp': ['TREASURER'],
  'POST /api/v1/penatausahaan/spp/{id}/submit': ['TREASURER'],
  'POST /api/v1/penatausahaan/spp/{id}/approve': ['FINANCE_OFFICER'],
  'POST /api/v1/penatausahaan/spp/{id}/reject': ['FINANCE_OFFICER'],
  'GET /api/v1/penatausahaan/spp': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/spp/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/spm': ['FINANCE_OFFICER'],
  'POST /api/v1/penatausahaan/spm/{id}/approve': ['BUDGET_USER'],
  'GET /api/v1/penatausahaan/spm': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/spm/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/sp2d': ['CASH_AUTHORITY'],
  'POST /api/v1/penatausahaan/sp2d/{id}/cancel': ['CASH_AUTHORITY'],
  'GET /api/v1/penatausahaan/sp2d': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/sp2d/register': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/sp2d/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/spj': ['TREASURER'],
  'POST /api/v1/penatausahaan/spj/{id}/approve': ['BUDGET_USER'],
  'GET /api/v1/penatausahaan/spj': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/spj/{id}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'GET /api/v1/penatausahaan/bku': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'POST /api/v1/penatausahaan/bku/entries': ['TREASURER'],
  'GET /api/v1/penatausahaan/up-limits/{fiscalYear}/{organizationId}': ['ADMIN', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER'],
  'PUT /api/v1/penatausahaan/up-limits/{fiscalYear}/{organizationId}': ['ADMIN'],
};
