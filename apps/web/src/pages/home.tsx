import { Anchor, Card, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, Page, qs } from '../api';
import { Key, useI18n } from '../i18n';
import { useSession } from '../session';
import { PageTitle } from '../ui';

export const YEAR = 2026;

interface Waiting { label: [string, string]; path: string; href: string; roles: string[] }

// What each role's day starts with: a count of the documents waiting for it,
// each a link to the page where the work is done.
const WAITING: Waiting[] = [
  { roles: ['PLANNER'], label: ['Dokumen anggaran berstatus DRAFT', 'Budget documents in DRAFT'], path: `/budgeting/documents${qs({ status: 'DRAFT', limit: 1 })}`, href: '#/documents' },
  { roles: ['BUDGET_VERIFIER'], label: ['Dokumen anggaran menunggu telaah', 'Budget documents to review'], path: `/budgeting/documents${qs({ status: 'SUBMITTED', limit: 1 })}`, href: '#/documents' },
  { roles: ['TREASURER'], label: ['SPP berstatus DRAFT', 'SPPs in DRAFT'], path: `/penatausahaan/spp${qs({ fiscalYear: YEAR, status: 'DRAFT', limit: 1 })}`, href: '#/payments/spp' },
  { roles: ['FINANCE_OFFICER'], label: ['SPP menunggu verifikasi', 'SPPs to verify'], path: `/penatausahaan/spp${qs({ fiscalYear: YEAR, status: 'SUBMITTED', limit: 1 })}`, href: '#/payments/spp' },
  { roles: ['BUDGET_USER'], label: ['SPM menunggu diterbitkan', 'SPMs to issue'], path: `/penatausahaan/spm${qs({ fiscalYear: YEAR, status: 'DRAFT', limit: 1 })}`, href: '#/payments/spm' },
  { roles: ['BUDGET_USER'], label: ['SPJ menunggu persetujuan', 'SPJs to approve'], path: `/penatausahaan/spj${qs({ fiscalYear: YEAR, status: 'SUBMITTED', limit: 1 })}`, href: '#/receipts' },
  { roles: ['CASH_AUTHORITY'], label: ['SPD menunggu persetujuan', 'SPDs to approve'], path: `/penatausahaan/spd${qs({ fiscalYear: YEAR, status: 'DRAFT', limit: 1 })}`, href: '#/payments/spd' },
  { roles: ['CASH_AUTHORITY'], label: ['SPM siap dibayar (SP2D)', 'SPMs ready for an SP2D'], path: `/penatausahaan/spm${qs({ fiscalYear: YEAR, status: 'APPROVED', limit: 1 })}`, href: '#/payments/sp2d' },
  { roles: ['PROJECT_OFFICER', 'SUPERVISOR'], label: ['Kontrak berjalan', 'Contracts in progress'], path: `/delivery/contracts${qs({ fiscalYear: YEAR, status: 'SIGNED', limit: 1 })}`, href: '#/contracts' },
  { roles: ['AUDITOR', 'ADMIN'], label: ['Peristiwa di jejak audit', 'Events in the audit trail'], path: `/audit/events${qs({ limit: 1 })}`, href: '#/audit' },
];

function WaitingCard({ w }: { w: Waiting }) {
  const { lang, t } = useI18n();
  const q = useQuery({ queryKey: ['waiting', w.path], queryFn: () => get<Page<unknown>>(w.path) });
  return (
    <Card withBorder padding="md">
      <Text size="sm">{w.label[lang === 'id' ? 0 : 1]}</Text>
      <Text size="xl" fw={700} data-testid="waiting-count">{q.isLoading ? '…' : q.isError ? '—' : q.data?.meta.total}</Text>
      <Anchor href={w.href} size="sm">{t('open' as Key)} <span className="visually-hidden">{w.label[lang === 'id' ? 0 : 1]}</span></Anchor>
    </Card>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { user, has } = useSession();
  const mine = WAITING.filter((w) => has(...w.roles));
  return (
    <>
      <PageTitle>{t('home')}: {user?.fullName}</PageTitle>
      <Text component="h2" fw={600} mb="sm">{t('waiting')}</Text>
      {mine.length ? <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>{mine.map((w) => <WaitingCard key={w.path} w={w} />)}</SimpleGrid> : <Text>{t('nothingWaiting')}</Text>}
    </>
  );
}
