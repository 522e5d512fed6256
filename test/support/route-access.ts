// Who may call each route: the authorization matrix test checks every route of
// the OpenAPI document against this table, for every role. A new route
// without an entry here fails that test. Keys are "METHOD /path" as in the
// OpenAPI document; values are 'public' or the roles allowed.
export type Role = 'ADMIN' | 'PRICE_ADMIN' | 'PLANNER' | 'BUDGET_VERIFIER' | 'PROJECT_OFFICER' | 'TREASURER' | 'FINANCE_OFFICER' | 'CASH_AUTHORITY' | 'AUDITOR';
export const ALL: Role[] = ['ADMIN', 'PRICE_ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR'];

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
  // e-budgeting
  'PUT /api/v1/budgeting/cash-plans/{budgetLineId}': ['PLANNER'],
  'GET /api/v1/budgeting/cash-plans': ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'PROJECT_OFFICER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR'],
};
