import { Anchor, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, Page, qs } from '../api';
import { MONTH_NAMES } from '../dates';
import { DateText, DataTable, Money, PageTitle, Pager, ProblemAlert, StatusBadge } from '../ui';
import { useI18n } from '../i18n';
import { useYear } from '../year';
import { BudgetLine } from './payments';
import { CurvePoint, SCurve } from './scurve';

// The planner's packages of e-project planning (GET /project-planning/packages)
// and, per package, its S-curve plan against each contract's progress.

export interface Pkg { id: string; code: string; name: string; fiscalYear: number; organizationId: string; organizationName: string; subActivityCode: string; type: string; method: string; value: string; status: string; fundingLines: { budgetLineId: string; amount: string }[]; executionStart: string; executionEnd: string; physicalPlan: string[] | null; financialPlan: string[] | null }
interface ContractRow { id: string; number: string; packageId: string; vendorName: string; status: string; value: string; progress: string; startDate: string; endDate: string }
interface ProgressRow { id: string; reportedOn: string; cumulativePercent: string; status: string }

/** Budget lines by id, for the funding source names of a package's funding lines. */
function useLinesById(organizationId: string | undefined, year: number | undefined): Map<string, BudgetLine> {
  const q = useQuery({ queryKey: ['budget-lines', organizationId, year], enabled: !!organizationId && !!year, queryFn: () => get<Page<BudgetLine>>(`/budget-lines${qs({ fiscalYear: year, organizationId, limit: 500 })}`) });
  return new Map((q.data?.data ?? []).map((l) => [l.id, l]));
}

/** The funding sources of a package by name: "1.1.1.01 Pendapatan Asli Daerah". */
function FundingNames({ pkg, lines }: { pkg: Pkg; lines: Map<string, BudgetLine> }) {
  const names = [...new Set(pkg.fundingLines.map((f) => { const l = lines.get(f.budgetLineId); return l ? `${l.fundingSourceCode} ${l.fundingSourceName}` : '…'; }))];
  return <>{names.join('; ')}</>;
}

export function PackagesPage() {
  const { year } = useYear();
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['packages', page, year], queryFn: () => get<Page<Pkg>>(`/project-planning/packages${qs({ fiscalYear: year, page, limit: 20 })}`) });
  const lines = useLinesById(q.data?.data[0]?.organizationId, year);
  return (
    <>
      <PageTitle>{t('packages')} {year}</PageTitle>
      <ProblemAlert error={q.error} />
      <DataTable caption={t('packages')} head={[t('package'), t('subActivity'), t('fundingSource'), t('status'), t('value'), '']}>
        {q.data?.data.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{p.code}<br /><Text size="xs" component="span">{p.name}</Text></Table.Td><Table.Td>{p.subActivityCode}</Table.Td>
            <Table.Td><FundingNames pkg={p} lines={lines} /></Table.Td><Table.Td><StatusBadge status={p.status} /></Table.Td>
            <Table.Td className="num"><Money value={p.value} /></Table.Td>
            <Table.Td><Anchor href={`#/packages/${p.id}`}>{t('scurve')}<span className="visually-hidden"> {p.code}</span></Anchor></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {q.data && <Pager {...q.data.meta} onPage={setPage} />}
    </>
  );
}

function ContractCurve({ pkg, contract }: { pkg: Pkg; contract: ContractRow }) {
  const progress = useQuery({ queryKey: ['progress', contract.id], queryFn: () => get<Page<ProgressRow> | ProgressRow[]>(`/delivery/contracts/${contract.id}/progress`) });
  const rows = Array.isArray(progress.data) ? progress.data : progress.data?.data ?? [];
  const actual: CurvePoint[] = rows.map((r) => ({ date: r.reportedOn, percent: r.cumulativePercent, status: r.status }));
  return (
    <Paper withBorder p="sm" mb="md">
      <Title order={3} size="h5"><Anchor href={`#/contracts/${contract.id}`}>{contract.number}</Anchor> — {contract.vendorName}</Title>
      <Text size="sm" mb="xs"><Money value={contract.value} /> · <DateText value={contract.startDate} /> – <DateText value={contract.endDate} /> · {contract.progress}%</Text>
      <SCurve title={contract.number} plan={pkg.physicalPlan} start={contract.startDate} end={contract.endDate} year={pkg.fiscalYear} actual={actual} />
    </Paper>
  );
}

export function PackagePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: ['package', id], queryFn: () => get<Pkg>(`/project-planning/packages/${id}`) });
  // the package's own year, whichever year the session shows
  const year = q.data?.fiscalYear;
  const contracts = useQuery({ queryKey: ['contracts-all', year], enabled: !!year, queryFn: () => get<Page<ContractRow>>(`/delivery/contracts${qs({ fiscalYear: year, limit: 500 })}`) });
  const lines = useLinesById(q.data?.organizationId, year);
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Text>{t('loading')}</Text>;
  const p = q.data;
  const mine = (contracts.data?.data ?? []).filter((c) => c.packageId === p.id);
  return (
    <>
      <PageTitle right={<StatusBadge status={p.status} />}>{p.code} {p.name}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <Paper withBorder p="sm"><Text size="sm">{t('value')}</Text><Text fw={700}><Money value={p.value} /></Text></Paper>
        <Paper withBorder p="sm"><Text size="sm">{t('fundingSource')}</Text><Text fw={700}><FundingNames pkg={p} lines={lines} /></Text></Paper>
        <Paper withBorder p="sm"><Text size="sm">{t('subActivity')}</Text><Text>{p.subActivityCode}</Text><Text size="xs"><DateText value={p.executionStart} /> – <DateText value={p.executionEnd} /></Text></Paper>
      </SimpleGrid>
      {p.physicalPlan && (
        <DataTable caption={t('scurve')} head={[t('month'), t('plannedPhysical'), t('plannedFinancial')]}>
          {p.physicalPlan.map((v, i) => (
            <Table.Tr key={i}><Table.Td>{MONTH_NAMES[lang][i]}</Table.Td><Table.Td className="num">{v}</Table.Td><Table.Td className="num"><Money value={p.financialPlan?.[i]} /></Table.Td></Table.Tr>
          ))}
        </DataTable>
      )}
      <Title order={2} size="h4" mt="md" mb="xs">{t('contracts')}</Title>
      <ProblemAlert error={contracts.error} />
      {mine.length ? mine.map((c) => <ContractCurve key={c.id} pkg={p} contract={c} />) : <Text>—</Text>}
    </>
  );
}
