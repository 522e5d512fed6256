// The quarterly evaluation report of e-monev (GET /monev/evaluation):
// quarter and OPD; each indicator's target, realisation, achievement and
// band beside the budget the ledger knows; the OPD footers; the bands as a
// picture (with its table) against the year's band limits; CSV/XLSX.
import { Badge, Code, Group, Paper, Select, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, Page, qs } from '../api';
import { BAND_COLOURS, BAND_LABELS, BandBars } from '../charts';
import { useI18n } from '../i18n';
import { DataTable, Money, PageTitle, Pager, ProblemAlert } from '../ui';
import { useYear } from '../year';
import { Downloads, useReportOrganization, YearSelect } from './report-filters';

interface Quarter { quarter: number; target: string | null; value: string | null; status: string | null; amount: string | null }
interface EvalRow {
  indicatorId: string; organizationCode: string; organizationName: string; level: string; code: string; codeName: string; indicator: string; unit: string;
  target: string; targetAmount: string; quarters: Quarter[]; cumulativeTarget: string | null; realization: string | null; disbursed: string;
  achievement: string | null; band: string | null; budgetAbsorption: string | null; responsibleUnit: string | null;
}
interface OrgFooter {
  organizationCode: string; organizationName?: string; indicators: number; averageAchievement: string | null; band: string | null; appropriated: string; disbursed: string;
  budgetAbsorption: string | null; drivingFactors: string | null; inhibitingFactors: string | null; followUp: string | null; followUpNextYear: string | null;
}
type Evaluation = Page<EvalRow> & { fiscalYear: number; quarter: number; asOf: string; footer: { averageAchievement: string | null; band: string | null; organizations: OrgFooter[] } };
interface Settings { bands: { veryHigh: string; high: string; medium: string; low: string } }

export function BandBadge({ band }: { band: string | null }) {
  const { lang } = useI18n();
  if (!band) return <>—</>;
  return <Badge color={BAND_COLOURS[band] ?? '#495057'} variant="filled">{BAND_LABELS[band]?.[lang === 'id' ? 0 : 1] ?? band}</Badge>;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function EvaluationPage() {
  const { t } = useI18n();
  const { year, setYear } = useYear();
  const [quarter, setQuarter] = useState(2);
  const [org, orgPicker] = useReportOrganization();
  const [page, setPage] = useState(1);
  const params = { fiscalYear: year, quarter, organizationId: org };
  const q = useQuery({ queryKey: ['evaluation', params, page], queryFn: () => get<Evaluation>(`/monev/evaluation${qs({ ...params, page, limit: 25 })}`) });
  const settings = useQuery({ queryKey: ['monev-settings', year], queryFn: () => get<Settings>(`/monev/settings/${year}`) });
  const b = settings.data?.bands;
  const limits = b ? [{ label: 'low', value: b.low }, { label: 'medium', value: b.medium }, { label: 'high', value: b.high }, { label: 'veryHigh', value: b.veryHigh }] : [];
  const rows = q.data?.data ?? [];
  return (
    <>
      <PageTitle right={<Downloads path="/monev/evaluation" params={params} />}>{t('evaluation')} {year}</PageTitle>
      <Group align="flex-end" mb="md" wrap="wrap">
        <YearSelect value={year} onChange={(y) => { setYear(y); setPage(1); }} />
        <Select label={t('quarter')} value={String(quarter)} onChange={(v) => { if (v) { setQuarter(Number(v)); setPage(1); } }} allowDeselect={false} w={140}
          data={ROMAN.map((r, i) => ({ value: String(i + 1), label: `TW ${r}` }))} />
        {orgPicker}
      </Group>
      <ProblemAlert error={q.error ?? settings.error} />
      {q.data && <Text size="sm" mb="xs">TW {ROMAN[quarter - 1]} {year} · {t('asOf')} {q.data.asOf}</Text>}
      <div className="wide-table">
      <DataTable caption={`${t('evaluation')} TW ${ROMAN[quarter - 1]}`} head={[t('code'), t('indicator'), t('target'), ...ROMAN.map((r) => `TW ${r}`), t('realized'), t('achievement'), t('band'), t('budget'), t('disbursed'), t('absorption')]}>
        {rows.map((r) => (
          <Table.Tr key={r.indicatorId} data-testid="evaluation-row">
            <Table.Td><Code>{r.code}</Code><Text size="xs">{r.level}</Text></Table.Td>
            <Table.Td>{r.indicator}<Text size="xs">{r.codeName} · {r.organizationName}</Text></Table.Td>
            <Table.Td className="num">{r.target} {r.unit}</Table.Td>
            {r.quarters.map((x) => <Table.Td key={x.quarter} className="num">{x.value ?? '—'}{x.status && <Text size="xs">{x.status}</Text>}</Table.Td>)}
            <Table.Td className="num">{r.realization ?? '—'}</Table.Td>
            <Table.Td className="num">{r.achievement ?? '—'}</Table.Td>
            <Table.Td><BandBadge band={r.band} /></Table.Td>
            <Table.Td className="num"><Money value={r.targetAmount} /></Table.Td>
            <Table.Td className="num"><Money value={r.disbursed} /></Table.Td>
            <Table.Td className="num">{r.budgetAbsorption ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      </div>
      {q.data && <Pager {...q.data.meta} onPage={setPage} />}
      {rows.length > 0 && (
        <>
          <Title order={2} size="h4" mt="lg" mb="xs">{t('bandsChart')}</Title>
          <BandBars title={t('bandsChart')} desc={t('bandsChartDesc')} limits={limits} testId="bands-chart"
            rows={rows.map((r) => ({ label: `${r.code} ${r.indicator}`, achievement: r.achievement, band: r.band }))} />
        </>
      )}
      {q.data?.footer.organizations.map((f) => (
        <Paper key={f.organizationCode} withBorder p="md" mt="md" component="section" aria-label={`${t('averageAchievement')} ${f.organizationCode}`}>
          <Group gap="sm" mb="xs"><Text fw={700}>{f.organizationName ?? f.organizationCode}</Text><Text>{t('averageAchievement')}: {f.averageAchievement ?? '—'}</Text><BandBadge band={f.band} /></Group>
          <SimpleGrid cols={{ base: 1, md: 3 }} mb="xs">
            <Text size="sm">{t('appropriated')}: <Money value={f.appropriated} /></Text>
            <Text size="sm">{t('disbursed')}: <Money value={f.disbursed} /></Text>
            <Text size="sm">{t('absorption')}: {f.budgetAbsorption ?? '—'}</Text>
          </SimpleGrid>
          <Text size="sm"><b>{t('drivingFactors')}:</b> {f.drivingFactors ?? '—'}</Text>
          <Text size="sm"><b>{t('inhibitingFactors')}:</b> {f.inhibitingFactors ?? '—'}</Text>
          <Text size="sm"><b>{t('followUp')}:</b> {f.followUp ?? '—'}{f.followUpNextYear ? ` · ${f.followUpNextYear}` : ''}</Text>
        </Paper>
      ))}
    </>
  );
}
