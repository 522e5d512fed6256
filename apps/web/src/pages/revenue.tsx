import { Button, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, Select, Group } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { get, Page, post, qs } from '../api';
import { today } from '../dates';
import { useI18n } from '../i18n';
import { parseMoney } from '../money';
import { useDraft, useSession } from '../session';
import { DataTable, DateText, fieldError, Money, MoneyInput, PageTitle, Pager, ProblemAlert } from '../ui';
import { useYear } from '../year';
import { BudgetLine, useOrganization } from './payments';

// The revenue treasurer's day (bendahara penerimaan): a deposit slip (STS)
// for money received and paid into the regional treasury, and the revenue
// cash book with the cash still held. POST /penatausahaan/sts,
// GET /penatausahaan/sts and GET /penatausahaan/revenue-book.

interface Sts { id: string; number: string; accountCode: string; accountName: string; receivedOn: string; depositDate: string; amount: string; payer: string; description: string; createdBy: string }
interface BookEntry { seq: number; date: string; documentNumber: string; description: string; amount: string; balance: string }
interface RevenueBook { data: BookEntry[]; meta: { page: number; limit: number; total: number }; balance: string; received: string; deposited: string }

const EMPTY = { budgetLineId: '', depositDate: today(), receivedOn: '', amount: '', payer: '', description: '' };

function StsForm({ org, lines }: { org: string | null; lines: BudgetLine[] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [form, setForm, clear] = useDraft('sts', EMPTY);
  const line = lines.find((l) => l.id === form.budgetLineId);
  const create = useMutation({
    mutationFn: () => post<Sts>('/penatausahaan/sts', {
      organizationId: org, accountCode: line?.accountCode ?? '', budgetLineId: form.budgetLineId || undefined, depositDate: form.depositDate,
      receivedOn: form.receivedOn || undefined, amount: parseMoney(form.amount) ?? form.amount, payer: form.payer, description: form.description,
    }),
    onSuccess: () => { clear(); for (const key of ['sts', 'revenue-book', 'waiting']) void qc.invalidateQueries({ queryKey: [key] }); },
  });
  const set = (k: 'depositDate' | 'receivedOn' | 'payer' | 'description') => (e: { currentTarget: { value: string } }) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, [k]: v })); };
  return (
    <Paper withBorder p="md" mb="md" component="form" aria-label={t('newSts')} onSubmit={(e: FormEvent) => { e.preventDefault(); create.mutate(); }}>
      <Title order={2} size="h4" mb="sm">{t('newSts')}</Title>
      <Stack gap="sm">
        <Select label={t('revenueAccount')} required value={form.budgetLineId || null} onChange={(v) => setForm((f) => ({ ...f, budgetLineId: v ?? '' }))} searchable
          data={lines.map((l) => ({ value: l.id, label: `${l.accountCode} ${l.accountName} · ${l.fundingSourceName} (${l.subActivityCode})` }))} error={fieldError(create.error, 'accountCode') ?? fieldError(create.error, 'budgetLineId')} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput type="date" label={t('receivedOn')} value={form.receivedOn} onChange={set('receivedOn')} error={fieldError(create.error, 'receivedOn')} />
          <TextInput type="date" label={t('depositDate')} required value={form.depositDate} onChange={set('depositDate')} error={fieldError(create.error, 'depositDate')} />
          <MoneyInput label={t('amount')} required value={form.amount} onChange={(v) => setForm((f) => ({ ...f, amount: v }))} error={fieldError(create.error, 'amount')} />
          <TextInput label={t('payer')} required value={form.payer} onChange={set('payer')} error={fieldError(create.error, 'payer')} />
        </SimpleGrid>
        <TextInput label={t('description')} required value={form.description} onChange={set('description')} error={fieldError(create.error, 'description')} />
        <ProblemAlert error={create.error} />
        <Group><Button type="submit" loading={create.isPending}>{t('create')}</Button><Text size="xs">{t('draftKept')}</Text></Group>
      </Stack>
    </Paper>
  );
}

export function RevenuePage() {
  const { year } = useYear();
  const { t } = useI18n();
  const { has } = useSession();
  const [org, orgPicker] = useOrganization();
  const [page, setPage] = useState(1);
  const [bookPage, setBookPage] = useState(1);
  const lines = useQuery({
    queryKey: ['revenue-lines', org, year], enabled: !!org && has('REVENUE_TREASURER'),
    queryFn: () => get<Page<BudgetLine>>(`/budget-lines${qs({ fiscalYear: year, organizationId: org, accountCode: '4', limit: 100 })}`),
  });
  const sts = useQuery({ queryKey: ['sts', org, page, year], enabled: !!org, queryFn: () => get<Page<Sts>>(`/penatausahaan/sts${qs({ fiscalYear: year, organizationId: org, page, limit: 20 })}`) });
  const book = useQuery({ queryKey: ['revenue-book', org, bookPage, year], enabled: !!org, queryFn: () => get<RevenueBook>(`/penatausahaan/revenue-book${qs({ fiscalYear: year, organizationId: org, page: bookPage, limit: 50 })}`) });
  return (
    <>
      <PageTitle>{t('sts')} {year}</PageTitle>
      {orgPicker}
      {has('REVENUE_TREASURER') && <StsForm org={org} lines={lines.data?.data ?? []} />}
      <ProblemAlert error={sts.error ?? book.error} />
      <DataTable caption="STS" head={[t('number'), t('receivedOn'), t('depositDate'), t('revenueAccount'), t('payer'), t('description'), t('amount')]}>
        {sts.data?.data.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{s.number}</Table.Td><Table.Td><DateText value={s.receivedOn} /></Table.Td><Table.Td><DateText value={s.depositDate} /></Table.Td>
            <Table.Td>{s.accountCode} {s.accountName}</Table.Td><Table.Td>{s.payer}</Table.Td><Table.Td>{s.description}</Table.Td>
            <Table.Td className="num"><Money value={s.amount} /></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {sts.data && <Pager {...sts.data.meta} onPage={setPage} />}
      <Title order={2} size="h4" mt="lg" mb="xs">{t('revenueBook')}</Title>
      {book.data && (
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <Paper withBorder p="sm"><Text size="sm">{t('received')}</Text><Text fw={700}><Money value={book.data.received} /></Text></Paper>
          <Paper withBorder p="sm"><Text size="sm">{t('deposited')}</Text><Text fw={700}><Money value={book.data.deposited} /></Text></Paper>
          <Paper withBorder p="sm"><Text size="sm">{t('cashHeld')}</Text><Text fw={700} data-testid="revenue-held"><Money value={book.data.balance} /></Text></Paper>
        </SimpleGrid>
      )}
      <DataTable caption={t('revenueBook')} head={['No', t('date'), t('number'), t('description'), t('amount'), t('balance')]}>
        {book.data?.data.map((e) => (
          <Table.Tr key={e.seq}>
            <Table.Td>{e.seq}</Table.Td><Table.Td><DateText value={e.date} /></Table.Td><Table.Td>{e.documentNumber}</Table.Td><Table.Td>{e.description}</Table.Td>
            <Table.Td className="num"><Money value={e.amount} /></Table.Td><Table.Td className="num" data-testid="revenue-balance"><Money value={e.balance} /></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {book.data && <Pager {...book.data.meta} onPage={setBookPage} />}
    </>
  );
}
