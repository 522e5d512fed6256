// Two reports read from the ledger (docs/modules/reports.md): realisation per
// funding source (GET /reports/realization-by-source) and the control card
// (kartu kendali) of a sub kegiatan (GET /reports/control-card); each with
// its CSV/XLSX, and the control card's accounts open their budget lines.
import { Anchor, Code, Group, Select, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, Page, qs } from '../api';
import { useI18n } from '../i18n';
import { DataTable, Money, PageTitle, ProblemAlert } from '../ui';
import { DrillPanel, DrillTarget } from './drill';
import { useYear } from '../year';
import { Downloads, useReportOrganization, YearSelect } from './report-filters';

interface SourceAmounts { budget: string; realized: string; remaining: string; percent: string }
interface SourceRow extends SourceAmounts { code: string; name: string; level: number; leaf: boolean; earmarked: boolean }
interface BySource { rows: SourceRow[]; general: SourceAmounts; earmarked: SourceAmounts; totals: SourceAmounts }
interface CardAmounts { budget: string; spd: string; realizedLs: string; realizedUpGu: string; realizedTu: string; realized: string; remainingBudget: string; remainingSpd: string }
interface CardRow extends CardAmounts { accountCode: string; accountName: string }
interface Card { organizationId: string; organizationName: string; subActivityCode: string; subActivityName: string; rows: CardRow[]; totals: CardAmounts }
interface Line { subActivityCode: string; subActivityName: string }

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

function SourceCells({ a }: { a: SourceAmounts }) {
  return <><Table.Td className="num"><Money value={a.budget} /></Table.Td><Table.Td className="num"><Money value={a.realized} /></Table.Td><Table.Td className="num"><Money value={a.remaining} /></Table.Td><Table.Td className="num">{a.percent}</Table.Td></>;
}

function BySourceTab({ year, asOf }: { year: number; asOf: string }) {
  const { t } = useI18n();
  const [org, orgPicker] = useReportOrganization();
  const params = { fiscalYear: year, asOf: isDate(asOf) ? asOf : undefined, organizationId: org };
  const q = useQuery({ queryKey: ['by-source', params], queryFn: () => get<BySource>(`/reports/realization-by-source${qs(params)}`) });
  return (
    <>
      <Group justify="space-between" align="flex-end" mb="sm">{orgPicker ?? <span />}<Downloads path="/reports/realization-by-source" params={params} /></Group>
      <ProblemAlert error={q.error} />
      <DataTable caption={t('bySource')} head={[t('code'), t('fundingSource'), t('earmarked'), t('budget'), t('realized'), t('remaining'), t('percentShort')]}>
        {q.data?.rows.map((r) => (
          <Table.Tr key={r.code} fw={r.leaf ? undefined : 600} data-testid="source-row">
            <Table.Td><Code>{r.code}</Code></Table.Td><Table.Td style={{ paddingLeft: `${0.5 + (r.level - 1) * 0.6}rem` }}>{r.name}</Table.Td>
            <Table.Td>{r.earmarked ? '✓' : ''}</Table.Td><SourceCells a={r} />
          </Table.Tr>
        ))}
        {q.data && ([['generalFund', q.data.general], ['earmarkedFund', q.data.earmarked], ['total', q.data.totals]] as const).map(([k, a]) => (
          <Table.Tr key={k} fw={700}><Table.Td /><Table.Td>{t(k)}</Table.Td><Table.Td /><SourceCells a={a} /></Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

function ControlCardTab({ year, asOf }: { year: number; asOf: string }) {
  const { t } = useI18n();
  const [org, orgPicker] = useReportOrganization(false);
  const [sub, setSub] = useState<string | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const lines = useQuery({ queryKey: ['card-subs', year, org], enabled: !!org, queryFn: () => get<Page<Line>>(`/budget-lines${qs({ fiscalYear: year, organizationId: org, accountCode: '5', limit: 100 })}`) });
  const subs = [...new Map((lines.data?.data ?? []).map((l) => [l.subActivityCode, l.subActivityName])).entries()];
  const chosen = sub && subs.some(([c]) => c === sub) ? sub : subs[0]?.[0] ?? null;
  const params = { fiscalYear: year, organizationId: org, subActivityCode: chosen, asOf: isDate(asOf) ? asOf : undefined };
  const q = useQuery({ queryKey: ['control-card', params], enabled: !!org && !!chosen, queryFn: () => get<Card>(`/reports/control-card${qs(params)}`) });
  const cells = (a: CardAmounts) => (['budget', 'spd', 'realizedLs', 'realizedUpGu', 'realizedTu'] as const).map((k) => <Table.Td key={k} className="num"><Money value={a[k]} /></Table.Td>);
  const rest = (a: CardAmounts) => (['remainingBudget', 'remainingSpd'] as const).map((k) => <Table.Td key={k} className="num"><Money value={a[k]} /></Table.Td>);
  return (
    <>
      <Group align="flex-end" mb="sm" wrap="wrap">
        {orgPicker}
        <Select label={t('subActivity')} value={chosen} onChange={(v) => { setSub(v); setDrill(null); }} allowDeselect={false} searchable w={520}
          data={subs.map(([c, n]) => ({ value: c, label: `${c} ${n}` }))} />
      </Group>
      {chosen ? <Group justify="flex-end" mb="sm"><Downloads path="/reports/control-card" params={params} /></Group> : <Text>{t('pickSubActivity')}</Text>}
      <ProblemAlert error={q.error ?? lines.error} />
      <DataTable caption={t('controlCard')} head={[t('account'), t('budget'), t('spdToDate'), t('realizedLs'), t('realizedUpGu'), t('realizedTu'), t('realized'), t('remainingBudget'), t('remainingSpd')]}>
        {q.data?.rows.map((r) => (
          <Table.Tr key={r.accountCode} data-testid="card-row">
            <Table.Td><Code>{r.accountCode}</Code><Text size="xs">{r.accountName}</Text></Table.Td>{cells(r)}
            <Table.Td className="num">
              <Anchor component="button" type="button" className="figure-link" onClick={() => setDrill({ label: `${q.data.subActivityCode} · ${r.accountCode} ${r.accountName}`, fiscalYear: year, organizationId: org, subActivityCode: q.data.subActivityCode, accountCode: r.accountCode, asOf: params.asOf })}>
                <Money value={r.realized} /><span className="visually-hidden"> {t('drillFigure')} {r.accountCode}</span>
              </Anchor>
            </Table.Td>
            {rest(r)}
          </Table.Tr>
        ))}
        {q.data && <Table.Tr fw={700}><Table.Td>{t('total')}</Table.Td>{cells(q.data.totals)}<Table.Td className="num"><Money value={q.data.totals.realized} /></Table.Td>{rest(q.data.totals)}</Table.Tr>}
      </DataTable>
      {drill && <DrillPanel target={drill} onClose={() => setDrill(null)} />}
    </>
  );
}

export function LedgerReportsPage() {
  const { t } = useI18n();
  const { year, setYear } = useYear();
  const [asOf, setAsOf] = useState('');
  const [tab, setTab] = useState<string | null>('sources');
  return (
    <>
      <PageTitle>{t('ledgerReports')} {year}</PageTitle>
      <Group align="flex-end" mb="md">
        <YearSelect value={year} onChange={setYear} />
        <TextInput type="date" label={`${t('asOf')} (${t('asOfHint')})`} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={230} />
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sources">{t('bySource')}</Tabs.Tab>
          <Tabs.Tab value="card">{t('controlCard')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sources"><BySourceTab year={year} asOf={asOf} /></Tabs.Panel>
        <Tabs.Panel value="card"><ControlCardTab year={year} asOf={asOf} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
