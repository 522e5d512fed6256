import { Alert, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { download, get, Page, qs } from '../api';
import { formatDateTime } from '../dates';
import { useI18n } from '../i18n';
import { DataTable, PageTitle, Pager, ProblemAlert } from '../ui';

interface Event { id: string; chainNo: string; occurredAt: string; actorUsername: string; action: string; entityType: string; entityId: string; entityLabel: string | null }
interface Verify { valid: boolean; checked: number; firstInvalidChainNo: string | null; reason: string | null; pending: number; ledgerEntriesChecked: number }

export function AuditPage() {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const [username, setUsername] = useState('');
  const filters = { action: action.trim() || undefined, username: username.trim() || undefined };
  const q = useQuery({ queryKey: ['audit', page, filters], queryFn: () => get<Page<Event>>(`/audit/events${qs({ ...filters, page, limit: 25 })}`) });
  const verify = useMutation({ mutationFn: () => get<Verify>('/audit/verify') });
  const [error, setError] = useState<unknown>(null);
  const v = verify.data;
  return (
    <>
      <PageTitle right={<Group gap="xs">
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>{t('verifyTrail')}</Button>
        <Button variant="default" onClick={() => { setError(null); download(`/audit/events${qs({ ...filters, format: 'csv' })}`).catch(setError); }}>{t('download')} CSV</Button>
      </Group>}>{t('audit')}</PageTitle>
      {v && (
        <Alert variant="outline" color={v.valid ? '#1b5e20' : '#a61e1e'} role="status" mb="md" title={v.valid ? t('trailValid') : t('trailInvalid')} data-testid="verify-result">
          {v.checked} {t('checked')}; ledger {v.ledgerEntriesChecked}; pending {v.pending}
          {!v.valid && <Text>#{v.firstInvalidChainNo}: {v.reason}</Text>}
        </Alert>
      )}
      <ProblemAlert error={verify.error ?? q.error ?? error} />
      <Group mb="sm">
        <TextInput label={t('action')} placeholder="SPP.SUBMIT" value={action} onChange={(e) => { setAction(e.currentTarget.value); setPage(1); }} />
        <TextInput label={t('actor')} placeholder="treasurer-a" value={username} onChange={(e) => { setUsername(e.currentTarget.value); setPage(1); }} />
      </Group>
      <DataTable caption={t('audit')} head={['#', t('time'), t('actor'), t('action'), t('entity')]}>
        {q.data?.data.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{e.chainNo}</Table.Td><Table.Td>{formatDateTime(e.occurredAt, lang)}</Table.Td><Table.Td>{e.actorUsername}</Table.Td>
            <Table.Td>{e.action}</Table.Td><Table.Td><Text size="xs" title={e.entityId}>{e.entityType} {e.entityLabel ?? e.entityId}</Text></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {q.data && <Pager {...q.data.meta} onPage={setPage} />}
    </>
  );
}
