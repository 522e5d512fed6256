import { Button, Group, SimpleGrid, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { download, get, qs } from '../api';
import { useI18n } from '../i18n';
import { DataTable, DateText, Money, PageTitle, Pager, ProblemAlert } from '../ui';
import { useYear } from '../year';
import { useOrganization } from './payments';

interface Balances { cash: string; bank: string; tax: string; panjar: string; total: string }
interface Entry { id: string; no: number; entryDate: string; documentNumber: string; sourceNumber: string | null; description: string; subLedger: string; receipt: string; expenditure: string; balance: string }
interface Bku { organizationName: string; opening: Balances; closing: Balances; entries: Entry[]; meta: { page: number; limit: number; total: number } }

function BalanceCard({ title, b }: { title: string; b: Balances }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" fw={600}>{title}</Text>
      <Text fw={700}><Money value={b.total} /></Text>
      <Text size="xs">Tunai <Money value={b.cash} /> · Bank <Money value={b.bank} /> · Pajak <Money value={b.tax} /> · Panjar <Money value={b.panjar} /></Text>
    </Paper>
  );
}

export function CashBookPage() {
  const { year } = useYear();
  const { t } = useI18n();
  const [org, orgPicker] = useOrganization();
  const [page, setPage] = useState(1);
  const path = `/penatausahaan/bku${qs({ organizationId: org, fiscalYear: year, page, limit: 50 })}`;
  const q = useQuery({ queryKey: ['bku', org, page, year], enabled: !!org, queryFn: () => get<Bku>(path) });
  const [error, setError] = useState<unknown>(null);
  const exportAs = (format: string) => { setError(null); download(`/penatausahaan/bku${qs({ organizationId: org, fiscalYear: year, format })}`).catch(setError); };
  return (
    <>
      <PageTitle right={<Group gap="xs"><Button size="xs" variant="default" onClick={() => exportAs('xlsx')}>{t('download')} XLSX</Button><Button size="xs" variant="default" onClick={() => exportAs('csv')}>{t('download')} CSV</Button></Group>}>
        {t('cashBook')} {year}{q.data ? ` — ${q.data.organizationName}` : ''}
      </PageTitle>
      {orgPicker}
      <ProblemAlert error={q.error ?? error} />
      {q.data && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md"><BalanceCard title={t('opening')} b={q.data.opening} /><BalanceCard title={t('closing')} b={q.data.closing} /></SimpleGrid>
          <DataTable caption={t('cashBook')} head={['No', t('date'), t('number'), t('description'), 'Sub', t('receipt'), t('expenditure'), t('balance')]}>
            {q.data.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.no}</Table.Td><Table.Td><DateText value={e.entryDate} /></Table.Td><Table.Td>{e.documentNumber}</Table.Td>
                <Table.Td>{e.description}</Table.Td><Table.Td>{e.subLedger}</Table.Td>
                <Table.Td className="num"><Money value={e.receipt} /></Table.Td><Table.Td className="num"><Money value={e.expenditure} /></Table.Td>
                <Table.Td className="num" data-testid="bku-balance"><Money value={e.balance} /></Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <Pager {...q.data.meta} onPage={setPage} />
        </>
      )}
    </>
  );
}
