import { Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { ApiError, download, get, Page, post, qs, upload } from '../api';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { DataTable, Money, PageTitle, Pager, ProblemAlert } from '../ui';
import { useYear } from '../year';
import { YearSelect } from './report-filters';
import { HSB_CATEGORIES, IMPORT_PROFILES, importForm, ImportIssue, importIssues, ImportOptions, importOutcome, ImportReport } from './hsb-model';

// The price team's e-HSB page: the catalogue of a fiscal year (GET
// /hsb/items, paged by number, searched and filtered as the API allows),
// an item's lock, the year's lock (POST /hsb/locks), and the import of a
// price list (POST /hsb/imports: strict or partial, dry run) with every bad
// row by its line, column and field as the API answers.

interface Item { id: string; fiscalYear: number; code: string; name: string; specification: string; unit: string; price: string; category: string; ceiling: string; version: number; locked: boolean }
interface LockResult { fiscalYear: number; category: string | null; locked: boolean; changed: number; total: number }

export function HsbPage() {
  const { t } = useI18n();
  const { has } = useSession();
  const manage = has('PRICE_ADMIN');
  const qc = useQueryClient();
  // the year in planning (the budgeting round the catalogue prices) unless the session chose another
  const session = useYear('planning');
  const year = String(session.year);
  const [text, setText] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [locked, setLocked] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const filters = { fiscalYear: year, q: text.trim(), category, locked };
  const items = useQuery({ queryKey: ['hsb-items', filters, page], enabled: !!year, queryFn: () => get<Page<Item>>(`/hsb/items${qs({ ...filters, page, limit: 20 })}`) });
  const refresh = () => { void qc.invalidateQueries({ queryKey: ['hsb-items'] }); void qc.invalidateQueries({ queryKey: ['waiting'] }); };
  const lockItem = useMutation({ mutationFn: (i: Item) => post<Item>(`/hsb/items/${i.id}/${i.locked ? 'unlock' : 'lock'}`), onSuccess: refresh });
  const reset = (f: () => void) => { f(); setPage(1); };
  return (
    <>
      <PageTitle>{t('hsb')} {year}</PageTitle>
      <Group mb="sm" align="flex-end">
        <YearSelect value={session.year} onChange={(y) => reset(() => session.setYear(y))} />
        <TextInput label={t('hsbSearch')} value={text} onChange={(e) => { const v = e.currentTarget.value; reset(() => setText(v)); }} w={320} />
        <Select label={t('category')} data={[...HSB_CATEGORIES]} value={category} onChange={(v) => reset(() => setCategory(v))} clearable placeholder={t('all')} w={140} />
        <Select label={t('lockState')} data={[{ value: 'true', label: t('locked') }, { value: 'false', label: t('unlocked') }]} value={locked} onChange={(v) => reset(() => setLocked(v))} clearable placeholder={t('all')} w={160} />
      </Group>
      <ProblemAlert error={items.error ?? lockItem.error} />
      <DataTable caption={t('hsb')} head={[t('number'), t('description'), t('unit'), t('unitPrice'), t('category'), t('ceilingKind'), t('itemVersion'), t('lockState'), ...(manage ? [t('actions')] : [])]}>
        {items.data?.data.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td><Text size="sm" fw={600}>{i.code}</Text></Table.Td>
            <Table.Td><Text size="sm">{i.name}</Text>{i.specification && <Text size="xs">{i.specification}</Text>}</Table.Td>
            <Table.Td>{i.unit}</Table.Td>
            <Table.Td className="num"><Money value={i.price} /></Table.Td>
            <Table.Td>{i.category}</Table.Td>
            <Table.Td>{i.ceiling}</Table.Td>
            <Table.Td>{i.version}</Table.Td>
            <Table.Td><Badge color={i.locked ? '#1c4f8a' : '#495057'} variant="filled">{i.locked ? t('locked') : t('unlocked')}</Badge></Table.Td>
            {manage && <Table.Td><Button size="xs" variant="default" loading={lockItem.isPending && lockItem.variables?.id === i.id} onClick={() => lockItem.mutate(i)}>{i.locked ? t('unlock') : t('lock')}<span className="visually-hidden"> {i.code}</span></Button></Table.Td>}
          </Table.Tr>
        ))}
      </DataTable>
      {items.data && <Pager {...items.data.meta} onPage={setPage} />}
      {manage && year && <YearLock year={Number(year)} onDone={refresh} />}
      {manage && year && <ImportPanel year={Number(year)} onDone={refresh} />}
    </>
  );
}

function YearLock({ year, onDone }: { year: number; onDone: () => void }) {
  const { t } = useI18n();
  const [category, setCategory] = useState<string | null>(null);
  const set = useMutation({ mutationFn: (locked: boolean) => post<LockResult>('/hsb/locks', { fiscalYear: year, category: category ?? undefined, locked }), onSuccess: onDone });
  const r = set.data;
  return (
    <Paper withBorder p="md" mt="md" component="section" aria-label={t('yearLock')}>
      <Title order={2} size="h4" mb="xs">{t('yearLock')} {year}</Title>
      <Text size="sm" mb="sm">{t('yearLockHint')}</Text>
      <Group align="flex-end">
        <Select label={t('category')} data={[...HSB_CATEGORIES]} value={category} onChange={setCategory} clearable placeholder={t('all')} w={160} />
        <Button onClick={() => set.mutate(true)} loading={set.isPending && set.variables}>{t('lockYear')}</Button>
        <Button variant="default" onClick={() => set.mutate(false)} loading={set.isPending && !set.variables}>{t('unlockYear')}</Button>
      </Group>
      <ProblemAlert error={set.error} />
      {r && <Text size="sm" mt="xs" role="status" data-testid="lock-result">{r.fiscalYear}{r.category ? ` ${r.category}` : ''}: {r.locked ? t('locked') : t('unlocked')} — {r.changed} / {r.total} {t('lockChanged')}</Text>}
    </Paper>
  );
}

function ImportPanel({ year, onDone }: { year: number; onDone: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Omit<ImportOptions, 'fiscalYear'>>({ profile: 'default', mode: 'strict', dryRun: true, locale: null });
  const run = useMutation({
    mutationFn: () => upload<ImportReport>('/hsb/imports', importForm(file as File, (file as File).name, { ...options, fiscalYear: year })),
    onSuccess: (r) => { if (!r.dryRun) onDone(); },
  });
  const [templateError, setTemplateError] = useState<unknown>(null);
  const problem = run.error instanceof ApiError ? run.error.problem : null;
  const issues = run.data ? importIssues(run.data) : problem ? importIssues(problem) : null;
  // the bad rows of a refusal are shown in the table below, not again in the alert
  const alert = problem && issues ? new ApiError({ ...problem, errors: undefined }) : run.error;
  const set = <K extends keyof typeof options>(k: K, v: (typeof options)[K]) => setOptions((o) => ({ ...o, [k]: v }));
  const template = (format: string) => { setTemplateError(null); download(`/hsb/imports/template${qs({ format })}`).catch(setTemplateError); };
  return (
    <Paper withBorder p="md" mt="md" component="form" aria-label={t('importTitle')} onSubmit={(e: FormEvent) => { e.preventDefault(); if (file) run.mutate(); }}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">{t('importTitle')} {year}</Title>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => template('csv')}>{t('template')} CSV</Button>
          <Button size="xs" variant="default" onClick={() => template('xlsx')}>{t('template')} XLSX</Button>
        </Group>
      </Group>
      <ProblemAlert error={templateError} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <label htmlFor="hsb-import-file" className="file-label">{t('importFile')}</label>
          <input id="hsb-import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required
            onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); run.reset(); }} />
        </div>
        <Select label={t('profile')} data={[...IMPORT_PROFILES]} value={options.profile} onChange={(v) => set('profile', v ?? 'default')} allowDeselect={false} />
        <Select label={t('mode')} data={[{ value: 'strict', label: t('modeStrict') }, { value: 'partial', label: t('modePartial') }]} value={options.mode}
          onChange={(v) => set('mode', (v ?? 'strict') as ImportOptions['mode'])} allowDeselect={false} />
        <Select label={t('numberLocale')} data={[{ value: 'en', label: 'en: 1250000.50 / 1,250,000.50' }, { value: 'id', label: 'id: 1250000,50 / 1.250.000,50' }]}
          value={options.locale} onChange={(v) => set('locale', v as ImportOptions['locale'])} clearable placeholder={t('profileDefault')} />
        <Checkbox label={t('dryRun')} checked={options.dryRun} onChange={(e) => { const v = e.currentTarget.checked; set('dryRun', v); }} />
      </SimpleGrid>
      <Group mt="sm"><Button type="submit" loading={run.isPending} disabled={!file}>{t('runImport')}</Button></Group>
      <ProblemAlert error={alert} />
      {run.data && <ImportCounts r={run.data} />}
      {issues && issues.errors.length > 0 && <IssueTable caption={t('importErrors')} issues={issues.errors} testId="import-errors" />}
      {issues && issues.warnings.length > 0 && <IssueTable caption={t('importWarnings')} issues={issues.warnings} testId="import-warnings" />}
    </Paper>
  );
}

function ImportCounts({ r }: { r: ImportReport }) {
  const { t, lang } = useI18n();
  const outcome = importOutcome(r);
  const cells: [string, string, number][] = [['rows', t('rowsRead'), r.rows],
    ...(outcome.counts ? [['imported', t('imported'), r.imported], ['updated', t('updated'), r.updated], ['unchanged', t('unchanged'), r.unchanged], ['skipped', t('skipped'), r.skipped]] as [string, string, number][] : [])];
  return (
    <section aria-label={t('importResult')} data-testid="import-result">
      <Title order={3} size="h5" mt="md" mb="xs">{t('importResult')}{r.dryRun ? ` — ${t('dryRun')}` : ''}</Title>
      <Group gap="lg">{cells.map(([key, label, n]) => <Text key={key} size="sm">{label}: <strong data-testid={`import-${key}`}>{n}</strong></Text>)}</Group>
      <Text size="sm" mt="xs" role="status" data-testid="import-outcome" fw={outcome.kind === 'refused' ? 700 : undefined}>{outcome.text[lang === 'id' ? 0 : 1]}</Text>
    </section>
  );
}

function IssueTable({ caption, issues, testId }: { caption: string; issues: ImportIssue[]; testId: string }) {
  const { t } = useI18n();
  return (
    <div data-testid={testId}>
      <Title order={3} size="h5" mt="md" mb="xs">{caption} ({issues.length})</Title>
      <DataTable caption={caption} head={[t('line'), t('column'), t('apiField'), t('message')]}>
        {issues.map((e, i) => (
          <Table.Tr key={i}>
            <Table.Td>{e.row}</Table.Td>
            <Table.Td>{e.field}{e.column ? ` (${e.column})` : ''}</Table.Td>
            <Table.Td>{e.apiField ?? '—'}</Table.Td>
            <Table.Td>{e.message}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </div>
  );
}
