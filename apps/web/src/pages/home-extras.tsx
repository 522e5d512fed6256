import { Alert, Anchor, Button, Card, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { get } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ProblemAlert } from '../ui';
import { REPORT_NAV } from './report-routes';

// Start-page blocks of decision 0517: the administrator's check of the audit
// trail's hash chain (on demand: it recomputes the whole chain, too much for
// every visit of a start page), and the reports a role may open (the
// regional finance head and the regional secretary, who mostly read).

interface Verify { valid: boolean; checked: number; firstInvalidChainNo: string | null; reason: string | null; pending: number; ledgerEntriesChecked: number }

export function AuditChainCard() {
  const { t } = useI18n();
  const verify = useMutation({ mutationFn: () => get<Verify>('/audit/verify') });
  const v = verify.data;
  return (
    <Card withBorder padding="md" mt="md" component="section" aria-label={t('auditChain')}>
      <Text fw={600}>{t('auditChain')}</Text>
      <Text size="sm" mb="xs">{t('auditChainHint')}</Text>
      <Group><Button size="xs" onClick={() => verify.mutate()} loading={verify.isPending}>{t('verifyTrail')}</Button><Anchor href="#/audit" size="sm">{t('audit')}</Anchor></Group>
      <ProblemAlert error={verify.error} />
      {v && (
        <Alert mt="xs" variant="outline" color={v.valid ? '#1b5e20' : '#a61e1e'} role="status" title={v.valid ? t('trailValid') : t('trailInvalid')} data-testid="home-verify-result">
          {v.checked} {t('checked')}; ledger {v.ledgerEntriesChecked}; pending {v.pending}
          {!v.valid && <Text>#{v.firstInvalidChainNo}: {v.reason}</Text>}
        </Alert>
      )}
    </Card>
  );
}

export function ReportLinks() {
  const { t } = useI18n();
  const { has } = useSession();
  const mine = REPORT_NAV.filter((n) => has(...n.roles));
  return (
    <nav aria-label={t('yourReports')}>
      <Text component="h2" fw={600} mt="lg" mb="xs">{t('yourReports')}</Text>
      {mine.length ? <Group gap="lg">{mine.map((n) => <Anchor key={n.path} href={`#/${n.path}`}>{t(n.label)}</Anchor>)}</Group> : <Text>—</Text>}
    </nav>
  );
}
