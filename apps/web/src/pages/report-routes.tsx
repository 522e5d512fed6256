// The report pages' routes and navigation entries, appended to the app's
// (main.tsx) in one block. Each page shows to the roles its API route allows
// (test/support/route-access.ts).
import { ReactNode } from 'react';
import { Key } from '../i18n';
import { ControllingPage } from './controlling';
import { EvaluationPage } from './evaluation';
import { LedgerReportsPage } from './ledger-reports';
import { LraPage } from './lra';
import { RfkPage } from './rfk';

const CONTROLLING_READERS = ['ADMIN', 'PLANNER', 'PROJECT_OFFICER', 'AUDITOR', 'BUDGET_USER', 'SUPERVISOR', 'MONEV_VERIFIER'];
const LRA_READERS = ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'TREASURER', 'FINANCE_OFFICER', 'CASH_AUTHORITY', 'AUDITOR', 'BUDGET_USER', 'REGIONAL_FINANCE_HEAD', 'REVENUE_TREASURER'];
const MONEV_READERS = ['ADMIN', 'PLANNER', 'BUDGET_VERIFIER', 'AUDITOR', 'BUDGET_USER', 'MONEV_VERIFIER'];
const LEDGER_REPORT_READERS = ['ADMIN', 'AUDITOR', 'PLANNER', 'TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'CASH_AUTHORITY', 'REGIONAL_FINANCE_HEAD', 'BUDGET_VERIFIER',
  'REGIONAL_SECRETARY'];

export const REPORT_NAV: { path: string; label: Key; roles: string[] }[] = [
  { path: 'lra', label: 'lraShort', roles: LRA_READERS },
  { path: 'rfk', label: 'rfkShort', roles: CONTROLLING_READERS },
  { path: 'evaluation', label: 'evaluation', roles: MONEV_READERS },
  { path: 'controlling', label: 'controlling', roles: CONTROLLING_READERS },
  { path: 'ledger-reports', label: 'ledgerReports', roles: LEDGER_REPORT_READERS },
];

/** The page of a report route (#/lra, #/rfk, ...), or null for a route that is not a report's. */
export function reportPage(route: string[]): ReactNode | null {
  switch (route[0]) {
    case 'lra': return <LraPage />;
    case 'rfk': return <RfkPage />;
    case 'evaluation': return <EvaluationPage />;
    case 'controlling': return <ControllingPage />;
    case 'ledger-reports': return <LedgerReportsPage />;
    default: return null;
  }
}
