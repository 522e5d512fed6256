// The drill-down from a report figure to what is behind it: the budget lines
// that make the figure (GET /budget-lines filtered by OPD, account and sub
// kegiatan prefixes), a line's ledger entries (GET /budget-lines/{id}/entries)
// and each entry's document (its SP2D, SPM, SPD, SPJ, STS, receipt, contract
// or DPA, read by the document's own route). Only routes of the public API.
import { Anchor, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { get, Page, qs } from '../api';
import { useI18n } from '../i18n';
import { DataTable, DateText, Money, Pager, ProblemAlert, StatusBadge } from '../ui';

/** What a figure stands for: the filters of the budget-line list. */
export interface DrillTarget {
  label: string;
  fiscalYear: number;
  organizationId?: string | null;
  accountCode?: string | null;
  subActivityCode?: string | null;
  asOf?: string | null;
}

interface Line {
  id: string; organizationCode: string; organizationName: string; subActivityCode: string; subActivityName: string; accountCode: string; accountName: string;
  fundingSourceCode: string; appropriated: string; allotted: string; committed: string; disbursed: string; estimated: string; realized: string;
}
interface Entry { id: string; seq: string; kind: string; amount: string; valueDate: string; sourceType: string; sourceId: string; description: string | null; actorUsername: string | null }
interface Doc { id: string; number?: string; status?: string; stage?: string; subActivityCode?: string }

/** The route that reads the document an entry names, by its source type. */
const DOCUMENT_ROUTES: Record<string, string> = {
  Sp2d: '/penatausahaan/sp2d', Sp2dCancellation: '/penatausahaan/sp2d', Spm: '/penatausahaan/spm', SpmCancellation: '/penatausahaan/spm',
  Spd: '/penatausahaan/spd', Spj: '/penatausahaan/spj', Sts: '/penatausahaan/sts', Receipt: '/penatausahaan/receipts', BudgetDocument: '/budgeting/documents',
  Contract: '/delivery/contracts',
};
const DOCUMENT_NAMES: Record<string, [string, string]> = {
  Sp2dCancellation: ['SP2D (batal)', 'SP2D (cancelled)'], SpmCancellation: ['SPM (batal)', 'SPM (cancelled)'], Receipt: ['Bukti', 'Receipt'], BudgetDocument: ['DPA', 'DPA'],
  Contract: ['Kontrak', 'Contract'],
};

/** The document of a ledger entry: its number (SP2D/STS/...) and status, read from its own route. */
export function DocumentRef({ sourceType, sourceId }: { sourceType: string; sourceId: string }) {
  const { lang } = useI18n();
  const route = DOCUMENT_ROUTES[sourceType];
  const q = useQuery({ queryKey: ['doc', sourceType, sourceId], enabled: !!route, staleTime: 60_000, queryFn: () => get<Doc>(`${route}/${sourceId}`) });
  const kind = DOCUMENT_NAMES[sourceType]?.[lang === 'id' ? 0 : 1] ?? (route ? sourceType.toUpperCase() : sourceType);
  if (!route) return <Text size="sm">{kind}</Text>;
  if (q.isError) return <Text size="sm">{kind} —</Text>;
  const d = q.data;
  if (!d) return <Text size="sm">{kind} …</Text>;
  if (sourceType === 'BudgetDocument') return <Anchor href={`#/documents/${d.id}`} size="sm" data-testid="entry-document">{d.stage ?? 'DPA'} {d.subActivityCode}</Anchor>;
  if (sourceType === 'Contract') return <Anchor href={`#/contracts/${d.id}`} size="sm" data-testid="entry-document">{kind} {d.number}</Anchor>;
  const number = d.number?.startsWith(kind) ? d.number : `${kind} ${d.number}`;
  return <Group gap={6}><Text size="sm" fw={600} data-testid="entry-document">{number}</Text>{d.status && <StatusBadge status={d.status} />}</Group>;
}

function Entries({ line }: { line: Line }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['drill-entries', line.id, page], queryFn: () => get<Page<Entry>>(`/budget-lines/${line.id}/entries${qs({ page, limit: 25 })}`) });
  const caption = `${t('entriesOf')} ${line.subActivityCode} ${line.accountCode} ${line.fundingSourceCode}`;
  return (
    <>
      <Title order={3} size="h5" mt="md">{caption}</Title>
      <ProblemAlert error={q.error} />
      <DataTable caption={caption} head={['#', t('date'), t('kind'), t('amount'), t('document'), t('description')]}>
        {q.data?.data.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{e.seq}</Table.Td><Table.Td><DateText value={e.valueDate} /></Table.Td><Table.Td>{e.kind}</Table.Td>
            <Table.Td className="num"><Money value={e.amount} /></Table.Td>
            <Table.Td><DocumentRef sourceType={e.sourceType} sourceId={e.sourceId} /></Table.Td>
            <Table.Td><Text size="xs">{e.description}</Text></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {q.data && <Pager {...q.data.meta} onPage={setPage} />}
    </>
  );
}

/** The panel under a report: the budget lines behind a figure, then a line's entries and their documents. */
export function DrillPanel({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Line | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const key = JSON.stringify(target);
  useEffect(() => { setPage(1); setOpen(null); heading.current?.focus(); heading.current?.scrollIntoView({ block: 'start' }); }, [key]);
  const params = { fiscalYear: target.fiscalYear, organizationId: target.organizationId, accountCode: target.accountCode, subActivityCode: target.subActivityCode, asOf: target.asOf };
  const lines = useQuery({ queryKey: ['drill-lines', key, page], queryFn: () => get<Page<Line>>(`/budget-lines${qs({ ...params, page, limit: 20 })}`) });
  const revenue = /^[46]/.test(target.accountCode ?? '');
  const caption = `${t('drillTitle')}: ${target.label}`;
  return (
    <Paper withBorder p="md" mt="lg" component="section" aria-label={caption} data-testid="drill-panel">
      <Group justify="space-between">
        <Title order={2} size="h4" ref={heading} tabIndex={-1}>{caption}</Title>
        <Button size="xs" variant="default" onClick={onClose}>{t('close')}</Button>
      </Group>
      <ProblemAlert error={lines.error} />
      <DataTable caption={caption} head={[t('organization'), t('subActivity'), t('account'), t('fundingSource'), revenue ? t('estimated') : t('appropriated'), revenue ? t('realized') : t('disbursed'), '']}>
        {lines.data?.data.map((l) => (
          <Table.Tr key={l.id}>
            <Table.Td><Text size="xs">{l.organizationCode}</Text>{l.organizationName}</Table.Td>
            <Table.Td><Text size="xs">{l.subActivityCode}</Text>{l.subActivityName}</Table.Td>
            <Table.Td><Text size="xs">{l.accountCode}</Text>{l.accountName}</Table.Td>
            <Table.Td>{l.fundingSourceCode}</Table.Td>
            <Table.Td className="num"><Money value={revenue ? l.estimated : l.appropriated} /></Table.Td>
            <Table.Td className="num"><Money value={revenue ? l.realized : l.disbursed} /></Table.Td>
            <Table.Td>
              <Button size="xs" variant="default" aria-expanded={open?.id === l.id} onClick={() => setOpen(open?.id === l.id ? null : l)}>
                {t('ledgerEntries')}<span className="visually-hidden"> {l.subActivityCode} {l.accountCode} {l.fundingSourceCode}</span>
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {lines.data && <Pager {...lines.data.meta} onPage={setPage} />}
      {open && <Entries line={open} />}
    </Paper>
  );
}
