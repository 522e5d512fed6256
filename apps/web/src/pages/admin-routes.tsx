// The pages of the roles that had none (decision 0517): the administrator's
// users, the price team's e-HSB catalogue; their navigation entries and
// routes, appended to the app's (main.tsx) in one block. Each entry shows to
// the roles its API routes allow (test/support/route-access.ts).
import { ReactNode } from 'react';
import { Key } from '../i18n';
import { HOME_EXTRAS } from './home';
import { AuditChainCard, ReportLinks } from './home-extras';
import { HsbPage } from './hsb';
import { UsersPage } from './users';

export const ADMIN_NAV: { path: string; label: Key; roles: string[] }[] = [
  { path: 'users', label: 'users', roles: ['ADMIN', 'AUDITOR'] },
  { path: 'hsb', label: 'hsb', roles: ['PRICE_ADMIN', 'BUDGET_VERIFIER', 'AUDITOR', 'ADMIN'] },
  // the submitted budget shifts (PERGESERAN) each decides, on the budget documents page
  { path: 'documents', label: 'shiftQueue', roles: ['REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY'] },
];

export const ADMIN_PAGES: Record<string, () => ReactNode> = {
  users: () => <UsersPage />,
  hsb: () => <HsbPage />,
};

HOME_EXTRAS.push(
  { roles: ['ADMIN'], render: () => <AuditChainCard /> },
  { roles: ['REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY'], render: () => <ReportLinks /> },
);
