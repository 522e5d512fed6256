import { Button, Group, Table, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, Page, post } from '../api';
import { useI18n } from '../i18n';
import { DataTable, PageTitle, ProblemAlert, StatusBadge } from '../ui';
import { useYear } from '../year';
import { Indicator, indicatorsPath, submitted } from './home';

// The monitoring verifier's queue: indicator realisations submitted by the
// OPDs' planners, to verify or reject with a reason
// (GET /monev/indicators, POST /monev/realizations/{id}/verify|reject).

export function MonevQueuePage() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { year } = useYear();
  const q = useQuery({ queryKey: ['indicators', year], queryFn: () => get<Page<Indicator>>(indicatorsPath(year)) });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const act = useMutation({ mutationFn: ([path, body]: [string, unknown?]) => post(path, body ?? {}), onSuccess: () => void qc.invalidateQueries({ queryKey: ['indicators'] }) });
  const rows = submitted(q.data);
  return (
    <>
      <PageTitle>{t('monevQueue')} {year}</PageTitle>
      <ProblemAlert error={q.error ?? act.error} />
      <DataTable caption={t('monevQueue')} head={[t('organization'), t('indicator'), t('quarter'), t('realisation'), t('evidence'), t('status'), t('actions')]}>
        {rows.map(({ ind, r }) => (
          <Table.Tr key={r.id}>
            <Table.Td>{ind.organizationName}</Table.Td><Table.Td>{ind.code} {ind.name}</Table.Td><Table.Td>TW {r.quarter}</Table.Td>
            <Table.Td className="num">{r.value} {ind.unit} / {ind.target}</Table.Td><Table.Td>{r.evidence}</Table.Td><Table.Td><StatusBadge status={r.status} /></Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Button size="xs" onClick={() => act.mutate([`/monev/realizations/${r.id}/verify`])}>{t('verify')}<span className="visually-hidden"> {ind.code} TW {r.quarter}</span></Button>
                <TextInput size="xs" aria-label={`${t('reason')} ${ind.code} TW ${r.quarter}`} placeholder={t('reason')} value={reasons[r.id] ?? ''} onChange={(e) => { const v = e.currentTarget.value; setReasons((x) => ({ ...x, [r.id]: v })); }} />
                <Button size="xs" variant="outline" color="#a61e1e" disabled={!reasons[r.id]?.trim()} onClick={() => act.mutate([`/monev/realizations/${r.id}/reject`, { reason: reasons[r.id] }])}>{t('reject')}</Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
