import '@mantine/core/styles.css';
import './app.css';
import { AppShell, Button, createTheme, Group, MantineProvider, Modal, NavLink, PasswordInput, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api';
import { I18nProvider, Key, Lang, useI18n } from './i18n';
import { AuditPage } from './pages/audit';
import { BudgetDocumentPage, BudgetDocumentsPage, CashPlansPage } from './pages/budgeting';
import { CashBookPage } from './pages/cash-book';
import { ContractPage, ContractsPage } from './pages/contracts';
import { HomePage } from './pages/home';
import { PaymentsPage } from './pages/payments';
import { ReceiptsPage } from './pages/receipts';
import { ReportsPage } from './pages/reports';
import { REPORT_NAV, reportPage } from './pages/report-routes';
import { MonevQueuePage } from './pages/monev-queue';
import { PackagePage, PackagesPage } from './pages/packages';
import { RevenuePage } from './pages/revenue';
import { ADMIN_NAV, ADMIN_PAGES } from './pages/admin-routes';
import { SessionProvider, useSession } from './session';
import { SessionYearSelect, YearProvider } from './year';
import { ProblemAlert } from './ui';

// Darker primary shades than the defaults, so text on buttons and links
// keeps a contrast of at least 4.5:1 (WCAG 2.1 AA).
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8, defaultRadius: 'sm' });

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

/** The route is the URL's hash (#/payments), so the API serves one page for every route. */
function useRoute(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

interface NavItem { path: string; label: Key; roles: string[] | 'all' }
const NAV: NavItem[] = [
  { path: '', label: 'home', roles: 'all' },
  { path: 'documents', label: 'budgetDocs', roles: ['PLANNER', 'BUDGET_VERIFIER', 'ADMIN', 'AUDITOR'] },
  { path: 'cash-plans', label: 'cashPlans', roles: ['PLANNER', 'BUDGET_USER', 'ADMIN'] },
  { path: 'payments', label: 'payments', roles: ['TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'CASH_AUTHORITY', 'AUDITOR', 'ADMIN'] },
  { path: 'receipts', label: 'receipts', roles: ['TREASURER', 'BUDGET_USER', 'AUDITOR'] },
  { path: 'cash-book', label: 'cashBook', roles: ['TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER', 'AUDITOR', 'CASH_AUTHORITY'] },
  { path: 'contracts', label: 'contracts', roles: ['PROJECT_OFFICER', 'SUPERVISOR', 'FINANCE_OFFICER', 'BUDGET_USER', 'AUDITOR'] },
  { path: 'reports', label: 'reports', roles: ['AUDITOR', 'ADMIN', 'CASH_AUTHORITY', 'REGIONAL_FINANCE_HEAD'] },
  { path: 'audit', label: 'audit', roles: ['AUDITOR', 'ADMIN'] },
];
// the report pages (LRA, RFK, evaluation, e-controlling, funding sources and control card)
NAV.push(...REPORT_NAV);

// The daily work pages of issue 14: the revenue treasurer's STS and book, the
// packages with their S-curves, the indicator realisations to verify.
NAV.push(
  { path: 'revenue', label: 'sts', roles: ['REVENUE_TREASURER', 'BUDGET_USER', 'CASH_AUTHORITY', 'AUDITOR', 'ADMIN'] },
  { path: 'packages', label: 'packages', roles: ['PLANNER', 'PROJECT_OFFICER', 'SUPERVISOR', 'BUDGET_USER', 'AUDITOR', 'ADMIN'] },
  { path: 'monev', label: 'monevQueue', roles: ['MONEV_VERIFIER', 'BUDGET_VERIFIER'] },
);
const DAILY_PAGES: Record<string, (id?: string) => ReactNode> = {
  revenue: () => <RevenuePage />,
  packages: (id) => (id ? <PackagePage id={id} /> : <PackagesPage />),
  monev: () => <MonevQueuePage />,
};

// The administrator's users and the price team's e-HSB catalogue (decision 0517).
NAV.push(...ADMIN_NAV);
Object.assign(DAILY_PAGES, ADMIN_PAGES);

function LoginForm({ onDone, username: fixed }: { onDone?: () => void; username?: string }) {
  const { t } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState(fixed ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true); setError(null);
    try { await login(username, password); onDone?.(); } catch (err) { setError(err); } finally { setBusy(false); }
  };
  return (
    <form onSubmit={submit} aria-label={t('login')}>
      <Stack>
        <TextInput label={t('username')} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.currentTarget.value)} readOnly={!!fixed} />
        <PasswordInput label={t('password')} name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        {error instanceof ApiError ? <ProblemAlert error={error} /> : error ? <ProblemAlert error={new Error(`${t('signedInAs')}: ${(error as Error).message}`)} /> : null}
        <Button type="submit" loading={busy}>{t('login')}</Button>
      </Stack>
    </form>
  );
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <SegmentedControl size="xs" aria-label={t('language')} value={lang} onChange={(v) => setLang(v as Lang)}
      data={[{ value: 'id', label: 'Bahasa Indonesia' }, { value: 'en', label: 'English' }]} />
  );
}

function LoginPage() {
  const { t } = useI18n();
  return (
    <main className="login-page">
      <Paper withBorder shadow="sm" p="xl" maw={420} mx="auto" mt={80}>
        <Group justify="space-between" mb="md"><Title order={1} size="h3">GRMS</Title><LanguageSwitch /></Group>
        <Text size="sm" mb="md">{t('appName')}</Text>
        <LoginForm />
      </Paper>
    </main>
  );
}

function Page({ route }: { route: string[] }): ReactNode {
  const [first, id] = route;
  const report = reportPage(route);
  if (report) return report;
  switch (first) {
    case undefined: return <HomePage />;
    case 'documents': return id ? <BudgetDocumentPage id={id} /> : <BudgetDocumentsPage />;
    case 'cash-plans': return <CashPlansPage />;
    case 'payments': return <PaymentsPage tab={id} id={route[2]} />;
    case 'receipts': return <ReceiptsPage />;
    case 'cash-book': return <CashBookPage />;
    case 'contracts': return id ? <ContractPage id={id} /> : <ContractsPage />;
    case 'reports': return <ReportsPage />;
    case 'audit': return <AuditPage />;
    default: return DAILY_PAGES[first]?.(id) ?? <HomePage />;
  }
}

function Shell() {
  const { t } = useI18n();
  const { user, expired, logout, has } = useSession();
  const route = useRoute();
  if (!user) return <LoginPage />;
  const current = route[0] ?? '';
  return (
    <YearProvider>
      <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 'sm' }} padding="md">
        <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('skipToContent')}</a>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Text fw={700} component="span">GRMS</Text>
            <Group gap="sm">
              <Text size="sm" component="span" aria-hidden>{t('workingYear')}</Text>
              <SessionYearSelect size="xs" hiddenLabel w={90} />
              <LanguageSwitch />
              <Text size="sm" data-testid="whoami">{user.fullName} ({user.username}, {user.roles.join(', ')})</Text>
              <Button variant="default" size="xs" onClick={logout}>{t('logout')}</Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label={t('mainNav')}>
          {NAV.filter((n) => n.roles === 'all' || has(...n.roles)).map((n) => (
            <NavLink key={n.path} href={`#/${n.path}`} label={t(n.label)} active={current === n.path} aria-current={current === n.path ? 'page' : undefined} />
          ))}
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} component="main">
          <Page route={route} />
        </AppShell.Main>
        <Modal opened={expired} onClose={() => undefined} withCloseButton={false} title={t('sessionExpired')} centered>
          <LoginForm username={user.username} />
        </Modal>
      </AppShell>
    </YearProvider>
  );
}

function App() {
  return (
    <MantineProvider theme={theme}>
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <Shell />
          </SessionProvider>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  );
}

document.documentElement.lang = localStorage.getItem('grms.lang') === 'en' ? 'en' : 'id';
createRoot(document.getElementById('root') as HTMLElement).render(<App />);
