// The auditor's LRA (GET /reports/lra): fiscal year, as-of date, account
// level, grouping and OPD; the statutory sections with budget, realisation,
// more/(less) and %; the API's CSV/XLSX; each realisation figure opens the
// budget lines behind it, their ledger entries and documents.
import { Anchor, Code, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { get, qs } from '../api';
import { Key, useI18n } from '../i18n';
import { DataTable, Money, PageTitle, ProblemAlert } from '../ui';
import { DrillPanel, DrillTarget } from './drill';
import { useYear } from '../year';
import { Downloads, useOrganizations, useReportOrganization, YearSelect } from './report-filters';

interface Amounts { budget: string; amendedBudget: string | null; realized: string; difference: string; percent: string | null }
export interface LraRow extends Amounts { code: string; name: string; level: number; section: string; organizationCode?: string; organizationName?: string; accountCode?: string }
interface Lra { fiscalYear: number; asOf: string; groupBy: string; level: number; organizationId: string | null; codeListVersion: string; rows: LraRow[] }

type GroupBy = 'account' | 'organization' | 'program';
const LEVELS: Record<GroupBy, number[]> = { account: [1, 2, 3, 4, 5, 6], organization: [1, 2, 3, 4, 5, 6], program: [3, 4, 5] };

/** "-1250.00" as "(Rp 1.250,00)": more/(less) in the accountants' way. */
function Difference({ value }: { value: string }) {
  return value.startsWith('-') ? <span className="money">(<Money value={value.slice(1)} />)</span> : <Money value={value} />;
}

export function LraPage() {
  const { t } = useI18n();
  const { year, setYear } = useYear();
  const [asOf, setAsOf] = useState('');
  const [groupBy, setGroupBy] = useState<GroupBy>('account');
  const [level, setLevel] = useState(3);
  const [org, orgPicker] = useReportOrganization();
  const orgs = useOrganizations();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const lvl = LEVELS[groupBy].includes(level) ? level : LEVELS[groupBy][LEVELS[groupBy].length - 1];
  const params = { fiscalYear: year, asOf: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined, level: lvl, groupBy, organizationId: org };
  const q = useQuery({ queryKey: ['lra', params], queryFn: () => get<Lra>(`/reports/lra${qs(params)}`) });
  const byOrg = groupBy === 'organization';
  const amended = q.data?.rows.some((r) => r.amendedBudget !== null);

  /** The budget lines behind a row's figure, or null for a statutory total. */
  const targetOf = (r: LraRow): DrillTarget | null => {
    if (r.section === 'TOTAL' || !q.data) return null;
    const base = { fiscalYear: year, asOf: q.data.asOf, organizationId: org };
    if (groupBy === 'program') return { ...base, label: `${r.accountCode} · ${r.code} ${r.name}`, accountCode: r.accountCode, subActivityCode: r.code };
    if (byOrg) {
      const id = orgs.data?.data.find((o) => o.code === r.organizationCode)?.id ?? org;
      return { ...base, organizationId: id, label: `${r.organizationName ?? ''} · ${r.code} ${r.name}`, accountCode: r.code };
    }
    return { ...base, label: `${r.code} ${r.name}`, accountCode: r.code };
  };

  let section = '';
  return (
    <>
      <PageTitle right={<Downloads path="/reports/lra" params={params} />}>{t('lra')} {year}</PageTitle>
      <Group align="flex-end" mb="md" wrap="wrap">
        <YearSelect value={year} onChange={setYear} />
        <TextInput type="date" label={`${t('asOf')} (${t('asOfHint')})`} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={230} />
        <Select label={t('groupBy')} value={groupBy} onChange={(v) => v && setGroupBy(v as GroupBy)} allowDeselect={false} w={260}
          data={[{ value: 'account', label: t('byAccount') }, { value: 'organization', label: t('byOrganization') }, { value: 'program', label: t('byProgram') }]} />
        <Select label={t('level')} value={String(lvl)} onChange={(v) => v && setLevel(Number(v))} allowDeselect={false} w={120} data={LEVELS[groupBy].map(String)} />
        {orgPicker}
      </Group>
      <ProblemAlert error={q.error} />
      {q.data && <Text size="sm" mb="xs">{t('asOf')} {q.data.asOf} · {q.data.codeListVersion}</Text>}
      <DataTable caption={t('lra')} head={[t('code'), t('name'), ...(byOrg ? [t('organization')] : []), t('budget'), ...(amended ? [t('amendedBudget')] : []), t('realized'), t('difference'), t('percentShort')]}>
        {q.data?.rows.map((r, i) => {
          const header = r.section !== section && r.section !== 'TOTAL' ? r.section : null;
          section = r.section;
          const target = targetOf(r);
          const strong = r.section === 'TOTAL' || r.level === 1;
          return (
            <Fragment key={`${r.organizationCode ?? ''}${r.accountCode ?? ''}${r.code}-${i}`}>
              {header && <Table.Tr><Table.Th colSpan={byOrg ? 8 : 7} scope="colgroup">{t(`section${header}` as Key)}</Table.Th></Table.Tr>}
              <Table.Tr fw={strong ? 700 : undefined} data-testid={`lra-row-${r.code}`}>
                <Table.Td><Code>{r.code}</Code></Table.Td>
                <Table.Td style={{ paddingLeft: r.level > 1 ? `${(r.level - 1) * 0.75}rem` : undefined }}>{r.name}</Table.Td>
                {byOrg && <Table.Td><Text size="xs">{r.organizationCode}</Text>{r.organizationName}</Table.Td>}
                <Table.Td className="num"><Money value={r.budget} /></Table.Td>
                {amended && <Table.Td className="num"><Money value={r.amendedBudget} /></Table.Td>}
                <Table.Td className="num">
                  {target ? (
                    <Anchor component="button" type="button" onClick={() => setDrill(target)} data-testid="lra-figure" className="figure-link">
                      <Money value={r.realized} /><span className="visually-hidden"> {t('drillFigure')} {r.code}</span>
                    </Anchor>
                  ) : <Money value={r.realized} />}
                </Table.Td>
                <Table.Td className="num"><Difference value={r.difference} /></Table.Td>
                <Table.Td className="num">{r.percent ?? '—'}</Table.Td>
              </Table.Tr>
            </Fragment>
          );
        })}
      </DataTable>
      {drill && <DrillPanel target={drill} onClose={() => setDrill(null)} />}
      {q.data && (
        <details className="json-view">
          <summary>{t('showJson')}</summary>
          <pre tabIndex={0} aria-label="JSON">{JSON.stringify(q.data, null, 2)}</pre>
        </details>
      )}
    </>
  );
}
