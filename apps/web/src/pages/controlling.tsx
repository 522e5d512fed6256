// e-controlling for the auditor: absorption per OPD against its cash plan
// (GET /controlling/realization, a picture with its table), the critical
// contracts (GET /controlling/packages?status=CRITICAL) and the early
// warnings (GET /controlling/warnings) of a month.
import { Code, Group, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, Page, qs } from '../api';
import { PercentBars } from '../charts';
import { useI18n } from '../i18n';
import { DataTable, Money, PageTitle, Pager, ProblemAlert } from '../ui';
import { useYear } from '../year';
import { currentMonth, Downloads, MonthSelect, useReportOrganization, YearSelect } from './report-filters';
import { PackageStatus } from './rfk';

interface Absorption {
  level: string; code: string; name: string; appropriated: string; allotted: string | null; disbursed: string; planned: string; remaining: string;
  absorptionPercent: string; plannedPercent: string; deviation: string; physicalPlannedPercent: string; physicalPercent: string;
}
interface PackageRow {
  packageCode: string; packageName: string; type: string; contractNumber: string | null; asOf: string; plannedPhysical: string; actualPhysical: string | null;
  physicalDeviation: string | null; status: string; reason: string | null; organizationName?: string;
}
interface Warning { kind: string; organizationCode: string; organizationName: string; subject: string; subjectName: string; detail: string }

// What each kind of early warning means, in the page's language; the API's code stays beside it.
const WARNING_KINDS: Record<string, [string, string]> = {
  NOT_TENDERED: ['Paket belum berkontrak', 'Package not contracted'],
  CRITICAL_CONTRACT: ['Kontrak kritis', 'Critical contract'],
  NO_PROGRESS_REPORT: ['Tanpa laporan kemajuan', 'No progress report'],
  ALLOTMENT_UNSPENT: ['SPD belum terserap', 'Allotment unspent'],
  TU_OVERDUE: ['TU lewat batas pertanggungjawaban', 'TU advance overdue'],
  BEHIND_CASH_PLAN: ['Realisasi di bawah rencana kas', 'Behind the cash plan'],
  YEAR_END_REMAINING: ['Sisa anggaran menjelang akhir tahun', 'Budget left near year end'],
};

// Dark enough for their value labels on white, and told apart by the legend.
const SERIES_COLOURS = { absorptionPercent: '#1c4f8a', plannedPercent: '#8a5a00' };

function AbsorptionTab({ params }: { params: Record<string, string | number | null | undefined> }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['absorption', params], queryFn: () => get<Page<Absorption>>(`/controlling/realization${qs({ ...params, groupBy: 'organization', limit: 100 })}`) });
  const rows = q.data?.data ?? [];
  return (
    <>
      <Group justify="flex-end" mb="sm"><Downloads path="/controlling/realization" params={{ ...params, groupBy: 'organization' }} /></Group>
      <ProblemAlert error={q.error} />
      {rows.length > 0 && (
        <PercentBars title={t('absorptionChart')} desc={t('absorptionChartDesc')} testId="absorption-chart"
          series={[{ key: 'absorptionPercent', label: t('absorptionPercent'), colour: SERIES_COLOURS.absorptionPercent }, { key: 'plannedPercent', label: t('plannedPercent'), colour: SERIES_COLOURS.plannedPercent }]}
          rows={rows.map((r) => ({ label: r.name, values: { absorptionPercent: r.absorptionPercent, plannedPercent: r.plannedPercent } }))} />
      )}
      <DataTable caption={t('absorptionTab')} head={[t('code'), t('name'), t('appropriated'), t('planned'), t('disbursed'), t('absorptionPercent'), t('plannedPercent'), t('deviation'), t('physicalRealisation')]}>
        {rows.map((r) => (
          <Table.Tr key={r.code}>
            <Table.Td><Code>{r.code}</Code></Table.Td><Table.Td>{r.name}</Table.Td>
            <Table.Td className="num"><Money value={r.appropriated} /></Table.Td><Table.Td className="num"><Money value={r.planned} /></Table.Td>
            <Table.Td className="num"><Money value={r.disbursed} /></Table.Td><Table.Td className="num">{r.absorptionPercent}</Table.Td>
            <Table.Td className="num">{r.plannedPercent}</Table.Td><Table.Td className="num">{r.deviation}</Table.Td><Table.Td className="num">{r.physicalPercent}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

function CriticalTab({ params }: { params: Record<string, string | number | null | undefined> }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['critical', params, page], queryFn: () => get<Page<PackageRow>>(`/controlling/packages${qs({ ...params, status: 'CRITICAL', page, limit: 25 })}`) });
  return (
    <>
      <ProblemAlert error={q.error} />
      <DataTable caption={t('criticalContracts')} head={[t('contract'), t('packageName'), t('planActual'), t('deviation'), t('status'), t('reasonCol')]}>
        {q.data?.data.map((p) => (
          <Table.Tr key={p.packageCode} data-testid="critical-row">
            <Table.Td>{p.contractNumber ?? '—'}</Table.Td>
            <Table.Td><Text size="xs">{p.packageCode}</Text>{p.packageName}</Table.Td>
            <Table.Td className="num">{p.plannedPhysical} / {p.actualPhysical ?? '—'}</Table.Td>
            <Table.Td className="num">{p.physicalDeviation ?? '—'}</Table.Td>
            <Table.Td><PackageStatus status={p.status} /></Table.Td>
            <Table.Td><Text size="xs">{p.reason}</Text></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {q.data && (q.data.meta.total === 0 ? <Text mt="sm">{t('noRows')}</Text> : <Pager {...q.data.meta} onPage={setPage} />)}
    </>
  );
}

function WarningsTab({ params }: { params: Record<string, string | number | null | undefined> }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['warnings', params, page], queryFn: () => get<Page<Warning>>(`/controlling/warnings${qs({ ...params, page, limit: 25 })}`) });
  return (
    <>
      <ProblemAlert error={q.error} />
      <DataTable caption={t('warnings')} head={[t('kind'), t('organization'), t('subject'), t('description')]}>
        {q.data?.data.map((w, i) => (
          <Table.Tr key={`${w.kind}-${w.subject}-${i}`} data-testid="warning-row">
            <Table.Td>{WARNING_KINDS[w.kind]?.[lang === 'id' ? 0 : 1] ?? w.kind}<br /><Code>{w.kind}</Code></Table.Td><Table.Td>{w.organizationName}</Table.Td>
            <Table.Td><Text size="xs">{w.subject}</Text>{w.subjectName}</Table.Td><Table.Td><Text size="sm">{w.detail}</Text></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {q.data && (q.data.meta.total === 0 ? <Text mt="sm">{t('noRows')}</Text> : <Pager {...q.data.meta} onPage={setPage} />)}
    </>
  );
}

export function ControllingPage() {
  const { t } = useI18n();
  const { year, setYear } = useYear();
  const [month, setMonth] = useState(() => currentMonth(year));
  const [org, orgPicker] = useReportOrganization();
  const [tab, setTab] = useState<string | null>('absorption');
  const params = { fiscalYear: year, month, organizationId: org };
  return (
    <>
      <PageTitle>{t('controlling')} {year}</PageTitle>
      <Group align="flex-end" mb="md" wrap="wrap">
        <YearSelect value={year} onChange={setYear} />
        <MonthSelect value={month} onChange={setMonth} />
        {orgPicker}
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="absorption">{t('absorptionTab')}</Tabs.Tab>
          <Tabs.Tab value="critical">{t('criticalContracts')}</Tabs.Tab>
          <Tabs.Tab value="warnings">{t('warnings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="absorption"><AbsorptionTab params={params} /></Tabs.Panel>
        <Tabs.Panel value="critical"><CriticalTab params={params} /></Tabs.Panel>
        <Tabs.Panel value="warnings"><WarningsTab params={params} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
