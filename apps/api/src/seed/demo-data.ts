import { Role } from '@grms/core';

export const DEMO_PASSWORD = 'grms-demo';

/** The demo accounts of API.md; `org` is the demo key of data/demo/organizations.csv. */
export const DEMO_USERS: { username: string; fullName: string; roles: Role[]; org?: 'A' | 'B' | 'C' }[] = [
  { username: 'admin', fullName: 'Administrator Sistem', roles: [Role.ADMIN] },
  { username: 'price-admin', fullName: 'Tim Data SSH', roles: [Role.PRICE_ADMIN] },
  { username: 'planner-a', fullName: 'Perencana Disdikbud', roles: [Role.PLANNER], org: 'A' },
  { username: 'planner-b', fullName: 'Perencana Dinkes', roles: [Role.PLANNER], org: 'B' },
  { username: 'planner-c', fullName: 'Perencana DPU BMCK', roles: [Role.PLANNER], org: 'C' },
  { username: 'verifier', fullName: 'Tim Anggaran Pemerintah Daerah', roles: [Role.BUDGET_VERIFIER] },
  { username: 'project-officer-a', fullName: 'PPK Disdikbud', roles: [Role.PROJECT_OFFICER], org: 'A' },
  { username: 'treasurer-a', fullName: 'Bendahara Pengeluaran Disdikbud', roles: [Role.TREASURER], org: 'A' },
  { username: 'finance-officer-a', fullName: 'PPK-SKPD Disdikbud', roles: [Role.FINANCE_OFFICER], org: 'A' },
  { username: 'cash-authority', fullName: 'Kuasa BUD BPKAD', roles: [Role.CASH_AUTHORITY] },
  // e-penatausahaan four-eyes: a second finance officer approves SPMs, a second cash authority approves SPDs.
  { username: 'finance-head-a', fullName: 'Kuasa Pengguna Anggaran Disdikbud', roles: [Role.FINANCE_OFFICER], org: 'A' },
  { username: 'cash-authority-2', fullName: 'Kuasa BUD BPKAD (kedua)', roles: [Role.CASH_AUTHORITY] },
  { username: 'auditor', fullName: 'Inspektorat Daerah', roles: [Role.AUDITOR] },
  { username: 'budget-user-a', fullName: 'Pengguna Anggaran Disdikbud', roles: [Role.BUDGET_USER], org: 'A' },
  { username: 'finance-head', fullName: 'Kepala BPKAD (PPKD)', roles: [Role.REGIONAL_FINANCE_HEAD] },
  { username: 'regional-secretary', fullName: 'Sekretaris Daerah', roles: [Role.REGIONAL_SECRETARY] },
  { username: 'revenue-treasurer-a', fullName: 'Bendahara Penerimaan Disdikbud', roles: [Role.REVENUE_TREASURER], org: 'A' },
  { username: 'supervisor-a', fullName: 'Pengawas Pekerjaan Disdikbud', roles: [Role.SUPERVISOR], org: 'A' },
  { username: 'monev-verifier', fullName: 'Tim Monev Bappeda', roles: [Role.MONEV_VERIFIER] },
];

// The 2026 budgets (formerly DEMO_LINES) are seeded as approved DPAs by
// e-budgeting: libs/e-budgeting/src/seed/budgeting-demo.data.ts.
