import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { download, get, Page, qs } from '../api';
import { useI18n } from '../i18n';
import { DataTable, Money, PageTitle, Pager, ProblemAlert } from '../ui';
import { useYear } from '../year';
import { BudgetLine, useOrganization } from './payments';
import { REPORT_NAV } from './report-routes';
import { useSession } from '../session';

interface Entry { id: string; kind: string; amount: string; valueDate: string; sourceType: string; sourceId: string }

/**
 * The budget lines of an OPD with their ledger figures, and the drill-down to
 * a line's entries, under the links to the other reports (LRA, RFK,
 * evaluation, e-controlling, funding sources and control card).
 */
export function ReportsPage() {
  const { year } = useYear();
  const { t } = useI18n();
  const { has } = useSession();
  const [org, orgPicker] = useOrganization();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const lines = useQuery({ queryKey: ['report-lines', org, page, year], enabled: !!org, queryFn: () => get<Page<BudgetLine>>(`/budget-lines${qs({ fiscalYear: year, organizationId: org, page, limit: 25 })}`) });
  const entries = useQuery({ queryKey: ['entries', open], enabled: !!open, queryFn: () => get<Page<Entry>>(`/budget-lines/${open}/entries${qs({ limit: 100 })}`) });
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <PageTitle right={<Button variant="default" onClick={() => { setError(null); download(`/budget-lines${qs({ fiscalYear: year, organizationId: org, format: 'xlsx' })}`).catch(setError); }}>{t('download')} XLSX</Button>}>{t('reports')} {year}</PageTitle>
      <nav aria-label={t('reportIndex')}>
        <Text fw={600} mb={4}>{t('reportIndex')}</Text>
        <Group gap="lg" mb="md">{REPORT_NAV.filter((n) => has(...n.roles)).map((n) => <Anchor key={n.path} href={`#/${n.path}`}>{t(n.label === 'lraShort' ? 'lra' : n.label === 'rfkShort' ? 'rfk' : n.label)}</Anchor>)}</Group>
      </nav>
      <Text component="h2" fw={600} mb="xs">{t('budgetLinesReport')}</Text>
      {orgPicker}
      <ProblemAlert error={lines.error ?? error} />
      <DataTable caption={t('budgetLine')} head={[t('budgetLine'), t('appropriated'), t('allotted'), t('committed'), t('disbursed'), t('available'), '']}>
        {lines.data?.data.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td><Text size="xs">{l.subActivityCode} {l.subActivityName}</Text>{l.accountCode} {l.accountName}</Table.Td>
            <Table.Td className="num"><Money value={l.appropriated} /></Table.Td><Table.Td className="num"><Money value={l.allotted} /></Table.Td>
            <Table.Td className="num"><Money value={l.committed} /></Table.Td><Table.Td className="num"><Money value={l.disbursed} /></Table.Td>
            <Table.Td className="num"><Money value={l.available} /></Table.Td>
            <Table.Td><Button size="xs" variant="default" onClick={() => setOpen(open === l.id ? null : l.id)} aria-expanded={open === l.id}>{t('open')}<span className="visually-hidden"> {l.accountCode}</span></Button></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {lines.data && <Pager {...lines.data.meta} onPage={setPage} />}
      {open && (
        <>
          <ProblemAlert error={entries.error} />
          <DataTable caption="Ledger" head={[t('date'), t('action'), t('amount'), t('entity')]}>
            {entries.data?.data.map((e) => (
              <Table.Tr key={e.id}><Table.Td>{e.valueDate}</Table.Td><Table.Td>{e.kind}</Table.Td><Table.Td className="num"><Money value={e.amount} /></Table.Td><Table.Td>{e.sourceType}</Table.Td></Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}
