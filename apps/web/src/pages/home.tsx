import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, ReactNode } from 'react';
import { get, Page, qs } from '../api';
import { Key, useI18n } from '../i18n';
import { useSession } from '../session';
import { Money, PageTitle } from '../ui';
import { useYear } from '../year';

// e-monev realisations waiting for the monitoring verifier (the count here, the page in monev-queue.tsx)
interface Realisation { id: string; quarter: number; value: string; status: string; evidence: string | null; enteredBy: string }
export interface Indicator { id: string; organizationName: string; code: string; name: string; unit: string; target: string; realizations: Realisation[] }

export const indicatorsPath = (year: number): string => `/monev/indicators${qs({ fiscalYear: year, limit: 500 })}`;

/** The submitted realisations of a page of indicators. */
export const submitted = (page: Page<Indicator> | undefined): { ind: Indicator; r: Realisation }[] =>
  (page?.data ?? []).flatMap((ind) => ind.realizations.filter((r) => r.status === 'SUBMITTED').map((r) => ({ ind, r })));

/** The years a start page counts in: the working year (the session's) and the year being budgeted. */
interface Years { year: number; planning: number }

interface Waiting {
  label: [string, string] | ((y: Years) => [string, string]); path: string | ((y: Years) => string); href: string; roles: string[];
  /** A count the API has no filter for, taken from the page read (the figure shows "N+" when the page did not hold every row). */
  count?: (data: never) => number;
  /** An amount to show instead of a count. */
  money?: (data: never) => string;
}

// What each role's day starts with: a count of the documents waiting for it,
// each a link to the page where the work is done.
const WAITING: Waiting[] = [
  { roles: ['PLANNER'], label: ['Dokumen anggaran berstatus DRAFT', 'Budget documents in DRAFT'], path: `/budgeting/documents${qs({ status: 'DRAFT', limit: 1 })}`, href: '#/documents' },
  { roles: ['BUDGET_VERIFIER'], label: ['Dokumen anggaran menunggu telaah', 'Budget documents to review'], path: `/budgeting/documents${qs({ status: 'SUBMITTED', limit: 1 })}`, href: '#/documents' },
  { roles: ['TREASURER'], label: ['SPP berstatus DRAFT', 'SPPs in DRAFT'], path: ({ year }) => `/penatausahaan/spp${qs({ fiscalYear: year, status: 'DRAFT', limit: 1 })}`, href: '#/payments/spp' },
  { roles: ['FINANCE_OFFICER'], label: ['SPP menunggu verifikasi', 'SPPs to verify'], path: ({ year }) => `/penatausahaan/spp${qs({ fiscalYear: year, status: 'SUBMITTED', limit: 1 })}`, href: '#/payments/spp' },
  { roles: ['BUDGET_USER'], label: ['SPM menunggu diterbitkan', 'SPMs to issue'], path: ({ year }) => `/penatausahaan/spm${qs({ fiscalYear: year, status: 'DRAFT', limit: 1 })}`, href: '#/payments/spm' },
  { roles: ['BUDGET_USER'], label: ['SPJ menunggu persetujuan', 'SPJs to approve'], path: ({ year }) => `/penatausahaan/spj${qs({ fiscalYear: year, status: 'SUBMITTED', limit: 1 })}`, href: '#/receipts' },
  { roles: ['CASH_AUTHORITY'], label: ['SPD menunggu persetujuan', 'SPDs to approve'], path: ({ year }) => `/penatausahaan/spd${qs({ fiscalYear: year, status: 'DRAFT', limit: 1 })}`, href: '#/payments/spd' },
  { roles: ['CASH_AUTHORITY'], label: ['SPM siap dibayar (SP2D)', 'SPMs ready for an SP2D'], path: ({ year }) => `/penatausahaan/spm${qs({ fiscalYear: year, status: 'APPROVED', limit: 1 })}`, href: '#/payments/sp2d' },
  { roles: ['PROJECT_OFFICER', 'SUPERVISOR'], label: ['Kontrak berjalan', 'Contracts in progress'], path: ({ year }) => `/delivery/contracts${qs({ fiscalYear: year, status: 'SIGNED', limit: 1 })}`, href: '#/contracts' },
  { roles: ['AUDITOR', 'ADMIN'], label: ['Peristiwa di jejak audit', 'Events in the audit trail'], path: `/audit/events${qs({ limit: 1 })}`, href: '#/audit' },
];

// The daily work of issue 14: overdue TU advances, critical contracts, the
// revenue treasurer's deposits and cash held, realisations to verify.
const overdueTu = (d: Page<{ accountOverdue: boolean }>) => d.data.filter((x) => x.accountOverdue).length;
WAITING.push(
  { roles: ['TREASURER', 'FINANCE_OFFICER', 'BUDGET_USER'], label: ['Uang TU lewat batas pertanggungjawaban', 'TU advances past their accounting date'], path: ({ year }) => `/penatausahaan/sp2d${qs({ fiscalYear: year, status: 'ISSUED', limit: 500 })}`, href: '#/payments/sp2d', count: overdueTu as never },
  { roles: ['PROJECT_OFFICER', 'SUPERVISOR', 'BUDGET_USER'], label: ['Kontrak kritis', 'Critical contracts'], path: ({ year }) => `/controlling/packages${qs({ fiscalYear: year, status: 'CRITICAL', limit: 1 })}`, href: '#/contracts' },
  { roles: ['PLANNER'], label: ['Paket pengadaan berstatus DRAFT', 'Procurement packages in DRAFT'], path: ({ year }) => `/project-planning/packages${qs({ fiscalYear: year, status: 'DRAFT', limit: 1 })}`, href: '#/packages' },
  { roles: ['REVENUE_TREASURER'], label: ['STS tahun ini', 'Deposit slips (STS) this year'], path: ({ year }) => `/penatausahaan/sts${qs({ fiscalYear: year, limit: 1 })}`, href: '#/revenue' },
  { roles: ['REVENUE_TREASURER'], label: ['Kas penerimaan belum disetor', 'Revenue received, not yet deposited'], path: ({ year }) => `/penatausahaan/revenue-book${qs({ fiscalYear: year, limit: 1 })}`, href: '#/revenue', money: ((d: { balance: string }) => d.balance) as never },
  { roles: ['MONEV_VERIFIER', 'BUDGET_VERIFIER'], label: ['Realisasi indikator menunggu verifikasi', 'Indicator realisations to verify'], path: ({ year }) => indicatorsPath(year), href: '#/monev', count: ((d: Page<Indicator>) => submitted(d).length) as never },
);

// The roles that had no start page (decision 0517): the administrator's
// accounts, the price team's catalogue not yet locked for the year being
// budgeted, the budget shifts waiting for the regional finance head or the
// regional secretary (the API has no filter by shift class: counted in the
// first 500 submitted shifts).
const shiftsOf = (shiftClass: string) => (d: Page<{ shiftClass: string | null }>) => d.data.filter((x) => x.shiftClass === shiftClass).length;
const SUBMITTED_SHIFTS = `/budgeting/documents${qs({ stage: 'PERGESERAN', status: 'SUBMITTED', limit: 500 })}`;
WAITING.push(
  { roles: ['ADMIN'], label: ['Akun pengguna', 'User accounts'], path: `/users${qs({ limit: 1 })}`, href: '#/users' },
  { roles: ['PRICE_ADMIN'], label: ({ planning }) => [`Item katalog ${planning} belum dikunci`, `Catalogue items of ${planning} not locked`], path: ({ planning }) => `/hsb/items${qs({ fiscalYear: planning, locked: 'false', page: 1, limit: 1 })}`, href: '#/hsb' },
  { roles: ['REGIONAL_FINANCE_HEAD'], label: ['Pergeseran dalam satu objek menunggu persetujuan', 'Shifts within one objek to approve'], path: SUBMITTED_SHIFTS, href: '#/documents', count: shiftsOf('WITHIN_OBJEK') as never },
  { roles: ['REGIONAL_SECRETARY'], label: ['Pergeseran antar-objek menunggu persetujuan', 'Shifts between objek to approve'], path: SUBMITTED_SHIFTS, href: '#/documents', count: shiftsOf('BETWEEN_OBJEK') as never },
);

/** More of a start page, after the work waiting, each shown to the roles it names (the audit chain check, the reports a role may open). */
export const HOME_EXTRAS: { roles: string[]; render: () => ReactNode }[] = [];

function WaitingCard({ w, years }: { w: Waiting; years: Years }) {
  const { lang, t } = useI18n();
  const path = typeof w.path === 'string' ? w.path : w.path(years);
  const label = typeof w.label === 'function' ? w.label(years) : w.label;
  const q = useQuery({ queryKey: ['waiting', path], queryFn: () => get<Page<unknown>>(path) });
  const d = q.data;
  const figure = !d ? null
    : w.money ? <Money value={w.money(d as never)} />
      : w.count ? `${w.count(d as never)}${d.meta.total > d.data.length ? '+' : ''}` : d.meta.total;
  return (
    <Card withBorder padding="md" component="section" aria-label={label[lang === 'id' ? 0 : 1]}>
      <Text size="sm">{label[lang === 'id' ? 0 : 1]}</Text>
      <Text size="xl" fw={700} data-testid="waiting-count">{q.isLoading ? '…' : q.isError ? '—' : figure}</Text>
      <Anchor href={w.href} size="sm">{t('open' as Key)} <span className="visually-hidden">{label[lang === 'id' ? 0 : 1]}</span></Anchor>
    </Card>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { user, has } = useSession();
  const years = { year: useYear().year, planning: useYear('planning').year };
  const mine = WAITING.filter((w) => has(...w.roles));
  return (
    <>
      <PageTitle>{t('home')}: {user?.fullName}</PageTitle>
      <Text component="h2" fw={600} mb="sm">{t('waiting')}</Text>
      {mine.length ? <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{mine.map((w, i) => <WaitingCard key={i} w={w} years={years} />)}</SimpleGrid> : <Text>{t('nothingWaiting')}</Text>}
      {HOME_EXTRAS.filter((x) => has(...x.roles)).map((x, i) => <Fragment key={i}>{x.render()}</Fragment>)}
    </>
  );
}
