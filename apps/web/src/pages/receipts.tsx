import { Button, Table, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, Page, post, qs } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { DataTable, DateText, Money, PageTitle, ProblemAlert, StatusBadge } from '../ui';
import { DocLink } from './history';
import { useYear } from '../year';
import { useOrganization } from './payments';

interface Receipt { id: string; number: string; receiptDate: string; description: string; gross: string; status: string; payee: { name: string } | null }
interface Spj { id: string; number: string; status: string; total: string; createdBy: string; createdAt: string }

export function ReceiptsPage() {
  const { year } = useYear();
  const { t } = useI18n();
  const { has } = useSession();
  const qc = useQueryClient();
  const [org, orgPicker] = useOrganization();
  const receipts = useQuery({ queryKey: ['receipts', org, year], enabled: !!org, queryFn: () => get<Page<Receipt>>(`/penatausahaan/receipts${qs({ organizationId: org, fiscalYear: year, limit: 50 })}`) });
  const spjs = useQuery({ queryKey: ['spj', org, year], enabled: !!org, queryFn: () => get<Page<Spj>>(`/penatausahaan/spj${qs({ organizationId: org, fiscalYear: year, limit: 50 })}`) });
  const approve = useMutation({ mutationFn: (id: string) => post(`/penatausahaan/spj/${id}/approve`), onSuccess: () => void qc.invalidateQueries({ queryKey: ['spj'] }) });
  return (
    <>
      <PageTitle>{t('receipts')} {year}</PageTitle>
      {orgPicker}
      <ProblemAlert error={receipts.error ?? spjs.error ?? approve.error} />
      <Title order={2} size="h4" mb="xs">Bukti / receipts</Title>
      <DataTable caption="Bukti" head={[t('number'), t('date'), t('payee'), t('description'), t('status'), t('amount')]}>
        {receipts.data?.data.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>{r.number}</Table.Td><Table.Td><DateText value={r.receiptDate} /></Table.Td><Table.Td>{r.payee?.name}</Table.Td>
            <Table.Td>{r.description}</Table.Td><Table.Td><StatusBadge status={r.status} /></Table.Td><Table.Td className="num"><Money value={r.gross} /></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Title order={2} size="h4" mt="lg" mb="xs">SPJ</Title>
      <DataTable caption="SPJ" head={[t('number'), t('date'), t('status'), t('total'), t('actor'), t('actions')]}>
        {spjs.data?.data.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td><DocLink kind="spj" id={s.id} number={s.number} /></Table.Td><Table.Td><DateText value={s.createdAt} /></Table.Td><Table.Td><StatusBadge status={s.status} /></Table.Td>
            <Table.Td className="num"><Money value={s.total} /></Table.Td><Table.Td>{s.createdBy}</Table.Td>
            <Table.Td>{s.status === 'SUBMITTED' && has('BUDGET_USER') && <Button size="xs" onClick={() => approve.mutate(s.id)}>{t('approve')}<span className="visually-hidden"> {s.number}</span></Button>}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}
