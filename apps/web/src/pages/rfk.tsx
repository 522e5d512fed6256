// The RFK of a month (GET /controlling/rfk): month, OPD, the live report or a
// frozen version; CSV/XLSX; the freeze (publish) action for the roles the API
// allows (ADMIN, MONEV_VERIFIER); an OPD, program, kegiatan or sub kegiatan
// row opens the budget lines behind its financial realisation.
import { Alert, Anchor, Badge, Button, Code, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { get, Page, post, qs } from '../api';
import { formatDateTime } from '../dates';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { DataTable, Money, PageTitle, Pager, ProblemAlert } from '../ui';
import { DrillPanel, DrillTarget } from './drill';
import { useYear } from '../year';
import { Downloads, lastMonthOver, MonthSelect, useReportOrganization, YearSelect } from './report-filters';

interface RfkRow {
  rowNo: number; level: string; organizationId: string; organizationCode: string; organizationName: string; code: string; name: string; budget: string; weight: string;
  physicalTarget: string; physicalRealisation: string; weightedPhysical: string; financialTarget: string; financialTargetPercent: string; financialRealisation: string;
  financialRealisationPercent: string; physicalDeviation: string; financialDeviation: string; remainingBudget: string; location: string | null; officer: string | null;
  status: string | null; problems: string | null; followUp: string | null;
}
interface RfkReport { fiscalYear: number; month: number; asOf: string; frozen: boolean; version: number | null; frozenAt: string | null; frozenBy: string | null; reason: string | null; versions: number[] }
type RfkPage = Page<RfkRow> & { report: RfkReport };

const STATUS_COLOURS: Record<string, string> = { ON_TRACK: '#1b5e20', LATE: '#8a5a00', CRITICAL: '#a61e1e' };
const INDENT: Record<string, number> = { OPD: 0, PROGRAM: 1, KEGIATAN: 2, SUB_KEGIATAN: 3, PACKAGE: 4 };

export function PackageStatus({ status }: { status: string | null }) {
  return status ? <Badge color={STATUS_COLOURS[status] ?? '#495057'} variant="filled">{status}</Badge> : null;
}

function FreezeForm({ year, month, frozen, onDone }: { year: number; month: number; frozen: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const freeze = useMutation({
    mutationFn: () => post<{ version: number; rowCount: number }>(`/controlling/rfk/${year}/${month}/freeze`, reason.trim() ? { reason: reason.trim() } : {}),
    onSuccess: () => { setReason(''); onDone(); },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); freeze.mutate(); };
  return (
    <form onSubmit={submit} aria-label={t('freeze')}>
      <Group align="flex-end" mb="sm">
        {frozen && <TextInput label={t('freezeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={420} />}
        <Button type="submit" loading={freeze.isPending}>{t('freeze')}</Button>
      </Group>
      {freeze.data && <Alert variant="outline" color="#1b5e20" role="status" mb="sm">{t('frozenDone')}: {t('version')} {freeze.data.version} ({freeze.data.rowCount})</Alert>}
      <ProblemAlert error={freeze.error} />
    </form>
  );
}

export function RfkPage() {
  const { t, lang } = useI18n();
  const { has } = useSession();
  const qc = useQueryClient();
  const { year, setYear } = useYear();
  const [month, setMonth] = useState(() => lastMonthOver(year));
  const [version, setVersion] = useState<string>('latest');
  const [org, orgPicker] = useReportOrganization();
  const [page, setPage] = useState(1);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const params = { fiscalYear: year, month, organizationId: org, version: /^\d+$/.test(version) ? Number(version) : undefined };
  const q = useQuery({ queryKey: ['rfk', params, page], queryFn: () => get<RfkPage>(`/controlling/rfk${qs({ ...params, page, limit: 50 })}`) });
  const report = q.data?.report;
  const reset = <T,>(set: (v: T) => void) => (v: T) => { set(v); setPage(1); setVersion('latest'); setDrill(null); };

  const targetOf = (r: RfkRow): DrillTarget | null => {
    if (r.level === 'PACKAGE') return null;
    return {
      label: `${r.organizationName} · ${r.level === 'OPD' ? '' : `${r.code} `}${r.name}`, fiscalYear: year, organizationId: r.organizationId,
      subActivityCode: r.level === 'OPD' ? null : r.code, accountCode: '5', asOf: report?.asOf,
    };
  };

  return (
    <>
      <PageTitle right={<Downloads path="/controlling/rfk" params={params} />}>{t('rfk')} {year}</PageTitle>
      <Group align="flex-end" mb="md" wrap="wrap">
        <YearSelect value={year} onChange={reset(setYear)} />
        <MonthSelect value={month} onChange={reset(setMonth)} />
        <Select label={t('version')} value={version} onChange={(v) => { setVersion(v ?? 'latest'); setPage(1); }} allowDeselect={false} w={220}
          data={[{ value: 'latest', label: report && !report.frozen ? t('live') : t('latestVersion') }, ...(report?.versions ?? []).map((v) => ({ value: String(v), label: `${t('version')} ${v}` }))]} />
        {orgPicker}
      </Group>
      {report && (
        <Alert variant="outline" color={report.frozen ? '#1c4f8a' : '#495057'} mb="md" data-testid="rfk-state" role="status">
          {report.frozen
            ? <>{t('frozenAs')}: {t('version')} {report.version} {t('frozenBy')} {report.frozenBy}, {formatDateTime(report.frozenAt, lang)} · {t('asOf')} {report.asOf}{report.reason ? ` · ${report.reason}` : ''}</>
            : <>{t('notFrozen')} {t('asOf')} {report.asOf}</>}
        </Alert>
      )}
      {has('ADMIN', 'MONEV_VERIFIER') && report && (
        <FreezeForm year={year} month={month} frozen={report.versions.length > 0} onDone={() => { setVersion('latest'); void qc.invalidateQueries({ queryKey: ['rfk'] }); }} />
      )}
      <ProblemAlert error={q.error} />
      <div className="wide-table">
      <DataTable caption={`${t('rfkShort')} ${month}/${year}`} head={['#', t('code'), t('name'), t('budget'), t('weight'), t('physicalTarget'), t('physicalRealisation'), t('financialTarget'), t('financialRealisation'), t('deviation'), t('remainingBudget'), t('packageStatus'), `${t('problems')} / ${t('followUp')}`]}>
        {q.data?.data.map((r) => {
          const target = targetOf(r);
          return (
            <Table.Tr key={r.rowNo} fw={r.level === 'OPD' ? 700 : undefined} data-testid={`rfk-row-${r.level}`}>
              <Table.Td>{r.rowNo}</Table.Td>
              <Table.Td><Code>{r.level === 'OPD' ? r.organizationCode : r.code}</Code></Table.Td>
              <Table.Td style={{ paddingLeft: `${0.5 + (INDENT[r.level] ?? 0) * 0.75}rem` }}>{r.level === 'OPD' ? r.organizationName : r.name}{r.officer && <Text size="xs">PPK: {r.officer}</Text>}</Table.Td>
              <Table.Td className="num"><Money value={r.budget} /></Table.Td>
              <Table.Td className="num">{r.weight}</Table.Td>
              <Table.Td className="num">{r.physicalTarget}</Table.Td>
              <Table.Td className="num">{r.physicalRealisation}</Table.Td>
              <Table.Td className="num"><Money value={r.financialTarget} /><Text size="xs">{r.financialTargetPercent}%</Text></Table.Td>
              <Table.Td className="num">
                {target ? (
                  <Anchor component="button" type="button" onClick={() => setDrill(target)} className="figure-link" data-testid="rfk-figure">
                    <Money value={r.financialRealisation} /><span className="visually-hidden"> {t('drillFigure')} {r.code}</span>
                  </Anchor>
                ) : <Money value={r.financialRealisation} />}
                <Text size="xs">{r.financialRealisationPercent}%</Text>
              </Table.Td>
              <Table.Td className="num">{r.physicalDeviation}<Text size="xs">{r.financialDeviation}</Text></Table.Td>
              <Table.Td className="num"><Money value={r.remainingBudget} /></Table.Td>
              <Table.Td><PackageStatus status={r.status} /></Table.Td>
              <Table.Td className="rfk-notes">{r.problems && <Text size="xs">{r.problems}</Text>}{r.followUp && <Text size="xs" fs="italic">{r.followUp}</Text>}</Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      </div>
      {q.data && <Pager {...q.data.meta} onPage={setPage} />}
      {drill && <DrillPanel target={drill} onClose={() => setDrill(null)} />}
    </>
  );
}
