import { Anchor, Button, Group, Paper, SimpleGrid, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { get, Page, post, qs } from '../api';
import { today } from '../dates';
import { useI18n } from '../i18n';
import { useDraft, useSession } from '../session';
import { DataTable, DateText, fieldError, Money, PageTitle, Pager, ProblemAlert, StatusBadge } from '../ui';
import { useYear } from '../year';
import { Pkg } from './packages';
import { SCurve } from './scurve';

const PACKAGE_READERS = ['PLANNER', 'PROJECT_OFFICER', 'SUPERVISOR', 'BUDGET_USER', 'AUDITOR', 'ADMIN'];

interface Termin { terminNo: number; kind: string; percent: string; amount: string; progressThreshold: string; payable: string; paidSp2dNumber: string | null }
interface Contract { id: string; number: string; packageId: string; fiscalYear: number; packageName: string; vendorName: string; status: string; value: string; progress: string; paid: string; remaining: string; startDate: string; endDate: string; termins: Termin[] }
interface Progress { id: string; reportedOn: string; cumulativePercent: string; note: string | null; evidence: string[] | null; status: string; createdBy: string; verifiedBy: string | null; rejectReason: string | null }

interface ControlRow { packageId: string; packageCode: string; packageName: string; contractId: string | null; contractNumber: string | null; vendorName: string | null; asOf: string; plannedPhysical: string; actualPhysical: string; physicalDeviation: string; status: string }
const CONTROLLING_READERS = ['PLANNER', 'PROJECT_OFFICER', 'SUPERVISOR', 'BUDGET_USER', 'AUDITOR', 'ADMIN'];

/** The critical contracts (kontrak kritis, decision 0500) of the year, as e-controlling computes them today. */
function CriticalContracts() {
  const { year } = useYear();
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['critical-contracts', year], queryFn: () => get<Page<ControlRow>>(`/controlling/packages${qs({ fiscalYear: year, status: 'CRITICAL', limit: 100 })}`) });
  if (!q.data?.data.length) return <ProblemAlert error={q.error} />;
  return (
    <>
      <Title order={2} size="h4" mb="xs" id="critical">{t('criticalContracts')} ({q.data.meta.total})</Title>
      <DataTable caption={t('criticalContracts')} head={[t('number'), t('package'), t('vendor'), `${t('planned')} (%)`, `${t('actual')} (%)`, t('deviation')]}>
        {q.data.data.map((r) => (
          <Table.Tr key={r.packageId + (r.contractId ?? '')}>
            <Table.Td>{r.contractId ? <Anchor href={`#/contracts/${r.contractId}`}>{r.contractNumber}</Anchor> : '—'}</Table.Td>
            <Table.Td>{r.packageCode}<br /><Text size="xs" component="span">{r.packageName}</Text></Table.Td><Table.Td>{r.vendorName}</Table.Td>
            <Table.Td className="num">{r.plannedPhysical}</Table.Td><Table.Td className="num">{r.actualPhysical}</Table.Td><Table.Td className="num">{r.physicalDeviation}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Title order={2} size="h4" mt="lg" mb="xs">{t('contracts')}</Title>
    </>
  );
}

export function ContractsPage() {
  const { year } = useYear();
  const { t } = useI18n();
  const { has } = useSession();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['contracts', page, year], queryFn: () => get<Page<Contract>>(`/delivery/contracts${qs({ fiscalYear: year, page, limit: 20 })}`) });
  return (
    <>
      <PageTitle>{t('contracts')} {year}</PageTitle>
      {has(...CONTROLLING_READERS) && <CriticalContracts />}
      <ProblemAlert error={q.error} />
      <DataTable caption={t('contracts')} head={[t('number'), t('vendor'), t('status'), t('value'), t('progress'), t('paid'), '']}>
        {q.data?.data.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.number}<br /><Text size="xs" component="span">{c.packageName}</Text></Table.Td><Table.Td>{c.vendorName}</Table.Td>
            <Table.Td><StatusBadge status={c.status} /></Table.Td><Table.Td className="num"><Money value={c.value} /></Table.Td>
            <Table.Td className="num">{c.progress}%</Table.Td><Table.Td className="num"><Money value={c.paid} /></Table.Td>
            <Table.Td><Anchor href={`#/contracts/${c.id}`}>{t('open')}<span className="visually-hidden"> {c.number}</span></Anchor></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {q.data && <Pager {...q.data.meta} onPage={setPage} />}
    </>
  );
}

export function ContractPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { has } = useSession();
  const qc = useQueryClient();
  const c = useQuery({ queryKey: ['contract', id], queryFn: () => get<Contract>(`/delivery/contracts/${id}`) });
  // the package's S-curve plan, for the roles that may read packages; else the straight line
  const pkg = useQuery({ queryKey: ['package', c.data?.packageId], enabled: !!c.data && has(...PACKAGE_READERS), queryFn: () => get<Pkg>(`/project-planning/packages/${c.data?.packageId}`) });
  const progress = useQuery({ queryKey: ['progress', id], queryFn: () => get<Page<Progress> | Progress[]>(`/delivery/contracts/${id}/progress`) });
  const [form, setForm, clear] = useDraft(`progress.${id}.v2`, { reportedOn: today(), cumulativePercent: '', note: '', evidence: [] as string[] });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const refresh = () => { void qc.invalidateQueries({ queryKey: ['progress', id] }); void qc.invalidateQueries({ queryKey: ['contract', id] }); };
  const report = useMutation({
    mutationFn: () => post(`/delivery/contracts/${id}/progress`, {
      reportedOn: form.reportedOn, cumulativePercent: form.cumulativePercent.replace(',', '.'), note: form.note || undefined,
      evidence: form.evidence,
    }),
    onSuccess: () => { clear(); refresh(); },
  });
  const verify = useMutation({ mutationFn: (pid: string) => post(`/delivery/progress/${pid}/verify`), onSuccess: refresh });
  const reject = useMutation({ mutationFn: (pid: string) => post(`/delivery/progress/${pid}/reject`, { reason: reasons[pid] }), onSuccess: refresh });
  if (c.error) return <ProblemAlert error={c.error} />;
  if (!c.data) return <Text>{t('loading')}</Text>;
  const k = c.data;
  const reports = Array.isArray(progress.data) ? progress.data : progress.data?.data ?? [];
  return (
    <>
      <PageTitle right={<StatusBadge status={k.status} />}>{k.number}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
        <Paper withBorder p="sm"><Text size="sm">{t('vendor')}</Text><Text fw={700}>{k.vendorName}</Text><Text size="xs">{k.packageName}</Text></Paper>
        <Paper withBorder p="sm"><Text size="sm">{t('value')}</Text><Text fw={700}><Money value={k.value} /></Text></Paper>
        <Paper withBorder p="sm"><Text size="sm">{t('paid')}</Text><Text fw={700}><Money value={k.paid} /></Text><Text size="xs">{t('remaining')} <Money value={k.remaining} /></Text></Paper>
        <Paper withBorder p="sm"><Text size="sm">{t('progress')}</Text><Text fw={700}>{k.progress}%</Text><Text size="xs"><DateText value={k.startDate} /> – <DateText value={k.endDate} /></Text></Paper>
      </SimpleGrid>
      <SCurve title={`${t('scurve')} ${k.number}`} plan={pkg.data?.physicalPlan ?? null} start={k.startDate} end={k.endDate} year={k.fiscalYear} actual={reports.map((r) => ({ date: r.reportedOn, percent: r.cumulativePercent, status: r.status }))} />
      <Title order={2} size="h4" mt="md" mb="xs">{t('termins')}</Title>
      <DataTable caption={t('termins')} head={['No', t('description'), '%', t('amount'), t('progress'), t('payable'), 'SP2D']}>
        {k.termins.map((tm) => (
          <Table.Tr key={tm.terminNo}>
            <Table.Td>{tm.terminNo}</Table.Td><Table.Td>{tm.kind}</Table.Td><Table.Td>{tm.percent}</Table.Td><Table.Td className="num"><Money value={tm.amount} /></Table.Td>
            <Table.Td>{tm.progressThreshold}%</Table.Td><Table.Td className="num"><Money value={tm.payable} /></Table.Td><Table.Td>{tm.paidSp2dNumber ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Title order={2} size="h4" mt="md" mb="xs">{t('progress')}</Title>
      <ProblemAlert error={verify.error ?? reject.error ?? progress.error} />
      <DataTable caption={t('progress')} head={[t('date'), '%', t('note'), t('evidence'), t('status'), t('actor'), '']}>
        {reports.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td><DateText value={p.reportedOn} /></Table.Td><Table.Td>{p.cumulativePercent}%</Table.Td><Table.Td>{p.note}</Table.Td>
            <Table.Td>{p.evidence?.length ? <ul className="evidence">{p.evidence.map((e) => <li key={e}>{e}</li>)}</ul> : '—'}{p.rejectReason ? <Text size="xs">{t('reason')}: {p.rejectReason}</Text> : null}</Table.Td>
            <Table.Td><StatusBadge status={p.status} /></Table.Td><Table.Td>{p.createdBy}{p.verifiedBy ? ` / ${p.verifiedBy}` : ''}</Table.Td>
            <Table.Td>{p.status === 'SUBMITTED' && has('SUPERVISOR') && (
              <Group gap="xs">
                <Button size="xs" onClick={() => verify.mutate(p.id)}>{t('verify')}<span className="visually-hidden"> {p.reportedOn}</span></Button>
                <TextInput size="xs" aria-label={`${t('reason')} ${p.reportedOn}`} placeholder={t('reason')} value={reasons[p.id] ?? ''} onChange={(e) => { const v = e.currentTarget.value; setReasons((r) => ({ ...r, [p.id]: v })); }} />
                <Button size="xs" variant="outline" color="#a61e1e" disabled={!reasons[p.id]?.trim()} onClick={() => reject.mutate(p.id)}>{t('reject')}<span className="visually-hidden"> {p.reportedOn}</span></Button>
              </Group>
            )}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {has('PROJECT_OFFICER') && k.status === 'SIGNED' && (
        <Paper withBorder p="md" mt="md" component="form" aria-label={t('reportProgress')} onSubmit={(e: FormEvent) => { e.preventDefault(); report.mutate(); }}>
          <Title order={2} size="h4" mb="sm">{t('reportProgress')}</Title>
          <Group align="flex-end">
            <TextInput type="date" label={t('date')} value={form.reportedOn} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, reportedOn: v })); }} error={fieldError(report.error, 'reportedOn')} />
            <TextInput label={t('percent')} value={form.cumulativePercent} inputMode="decimal" onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, cumulativePercent: v })); }} error={fieldError(report.error, 'cumulativePercent')} w={160} />
            <TextInput label={t('note')} value={form.note} onChange={(e) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, note: v })); }} />
            <TagsInput label={t('evidenceRef')} description={t('evidenceHint')} styles={{ description: { color: '#495057' } }} value={form.evidence} onChange={(v) => setForm((f) => ({ ...f, evidence: v }))} maxTags={20} splitChars={[',']} error={fieldError(report.error, 'evidence')} w={360} />
            <Button type="submit" loading={report.isPending}>{t('save')}</Button>
          </Group>
          <ProblemAlert error={report.error} />
        </Paper>
      )}
    </>
  );
}
