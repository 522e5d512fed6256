import { Role } from '@grms/core';

export const DEMO_PASSWORD = 'grms-demo';

/** The demo accounts of API.md; `org` is the demo key of data/demo/organizations.csv. */
export const DEMO_USERS: { username: string; fullName: string; roles: Role[]; org?: 'A' | 'B' }[] = [
  { username: 'admin', fullName: 'Administrator Sistem', roles: [Role.ADMIN] },
  { username: 'price-admin', fullName: 'Tim Data SSH', roles: [Role.PRICE_ADMIN] },
  { username: 'planner-a', fullName: 'Perencana Disdikbud', roles: [Role.PLANNER], org: 'A' },
  { username: 'planner-b', fullName: 'Perencana Dinkes', roles: [Role.PLANNER], org: 'B' },
  { username: 'verifier', fullName: 'Tim Anggaran Pemerintah Daerah', roles: [Role.BUDGET_VERIFIER] },
  { username: 'project-officer-a', fullName: 'PPK Disdikbud', roles: [Role.PROJECT_OFFICER], org: 'A' },
  { username: 'treasurer-a', fullName: 'Bendahara Pengeluaran Disdikbud', roles: [Role.TREASURER], org: 'A' },
  { username: 'finance-officer-a', fullName: 'PPK-SKPD Disdikbud', roles: [Role.FINANCE_OFFICER], org: 'A' },
  { username: 'cash-authority', fullName: 'Kuasa BUD BPKAD', roles: [Role.CASH_AUTHORITY] },
  { username: 'auditor', fullName: 'Inspektorat Daerah', roles: [Role.AUDITOR] },
];

/** Demo budget lines with their 2026 appropriation, per demo organization. */
export const DEMO_LINES: { org: 'A' | 'B' | 'C'; subActivityCode: string; accountCode: string; fundingSourceCode: string; amount: string }[] = [
  { org: 'A', subActivityCode: '1.01.02.1.01.02', accountCode: '5.1.02.01.01.001', fundingSourceCode: '1.2.1.01.02', amount: '150000000.00' },
  { org: 'A', subActivityCode: '1.01.02.1.01.02', accountCode: '5.2.02.10.01.001', fundingSourceCode: '1.2.1.01.02', amount: '2450000000.00' },
  { org: 'A', subActivityCode: '1.01.02.1.01.07', accountCode: '5.1.02.02.01.006', fundingSourceCode: '1.1.1.01', amount: '87500000.00' },
  { org: 'B', subActivityCode: '1.02.02.1.01.09', accountCode: '5.1.02.01.01.005', fundingSourceCode: '1.2.1.01.02', amount: '64000000.00' },
  { org: 'B', subActivityCode: '1.02.02.1.01.09', accountCode: '5.2.02.10.01.001', fundingSourceCode: '1.1.1.05', amount: '1200000000.00' },
  { org: 'C', subActivityCode: 'X.XX.01.1.03.01', accountCode: '5.1.02.01.01.001', fundingSourceCode: '1.2.1.01.02', amount: '35000000.00' },
];
