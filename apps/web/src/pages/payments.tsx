import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, ReactNode, useState } from 'react';
import { get, Page, post, qs } from '../api';
import { MONTH_NAMES } from '../dates';
import { useI18n } from '../i18n';
import { formatMoney, parseMoney, subtractMoney } from '../money';
import { useDraft, useSession } from '../session';
import { DataTable, DateText, fieldError, Money, MoneyInput, PageTitle, Pager, ProblemAlert, StatusBadge } from '../ui';
import { DOC_KINDS, DocKind, DocLink, DocumentPage } from './history';
import { useYear } from '../year';

export interface BudgetLine { id: string; organizationId: string; organizationName: string; subActivityCode: string; subActivityName: string; accountCode: string; accountName: string; fundingSourceCode: string; fundingSourceName: string; appropriated: string; allotted: string; committed: string; disbursed: string; available: string; allottedUnspent: string }
interface Spd { id: string; number: string; month: number; status: string; total: string; createdBy: string; approvedBy: string | null; createdAt: string }
interface Spp { id: string; number: string; type: string; status: string; gross: string; taxesTotal: string; net: string; payee: { name: string } | null; purpose: string | null; rejectReason: string | null; createdBy: string; createdAt: string; organizationName: string }
interface Spm { id: string; number: string; sppNumber: string; type: string; status: string; amount: string; createdBy: string; approvedBy: string | null; createdAt: string }
interface Sp2d { id: string; number: string; spmNumber: string; sppNumber: string; status: string; gross: string; net: string; payeeName: string | null; issuedOn: string; issuedBy: string; accountDueOn: string | null; accountOverdue: boolean }
interface Org { id: string; code: string; name: string }

const PROVINCE_ROLES = ['CASH_AUTHORITY', 'AUDITOR', 'ADMIN', 'BUDGET_VERIFIER', 'REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY'];

/** The OPD the user works for, or, for a province-wide role, one chosen from the list (OPD A first). */
export function useOrganization(): [string | null, ReactNode] {
  const { t } = useI18n();
  const { user, has } = useSession();
  const provinceWide = has(...PROVINCE_ROLES);
  const [chosen, setChosen] = useState<string | null>(null);
  const orgs = useQuery({ queryKey: ['orgs'], enabled: provinceWide, queryFn: () => get<Page<Org>>(`/organizations${qs({ limit: 100 })}`) });
  if (!provinceWide) return [user?.organizationId ?? null, null];
  const value = chosen ?? orgs.data?.data.find((o) => o.name.includes('Pendidikan'))?.id ?? orgs.data?.data[0]?.id ?? null;
  return [value, (
    <Select label={t('organization')} value={value} onChange={setChosen} allowDeselect={false} searchable maw={480} mb="sm"
      data={(orgs.data?.data ?? []).map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))} />
  )];
}

export function useBudgetLines(organizationId: string | null) {
  const { year } = useYear();
  return useQuery({
    queryKey: ['budget-lines', organizationId, year], enabled: !!organizationId,
    queryFn: () => get<Page<BudgetLine>>(`/budget-lines${qs({ fiscalYear: year, organizationId, limit: 100 })}`),
  });
}

export const lineLabel = (l: BudgetLine): string => `${l.subActivityCode} · ${l.accountCode} ${l.accountName} · ${l.fundingSourceCode} ${l.fundingSourceName}`;

function SpdTab() {
  const { year } = useYear();
  const { t, lang } = useI18n();
  const { has } = useSession();
  const qc = useQueryClient();
  const [org, orgPicker] = useOrganization();
  const lines = useBudgetLines(org);
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['spd', org, page, year], enabled: !!org, queryFn: () => get<Page<Spd>>(`/penatausahaan/spd${qs({ fiscalYear: year, organizationId: org, page, limit: 20 })}`) });
  const [form, setForm, clear] = useDraft('spd', { month: '1', budgetLineId: '', amount: '' });
  const create = useMutation({
    mutationFn: () => post<Spd>('/penatausahaan/spd', { fiscalYear: year, organizationId: org, month: Number(form.month), lines: [{ budgetLineId: form.budgetLineId, amount: parseMoney(form.amount) ?? form.amount }] }),
    onSuccess: () => { clear(); void qc.invalidateQueries({ queryKey: ['spd'] }); },
  });
  const approve = useMutation({ mutationFn: (id: string) => post<Spd>(`/penatausahaan/spd/${id}/approve`), onSuccess: () => void qc.invalidateQueries({ queryKey: ['spd'] }) });
  return (
    <>
      {orgPicker}
      {has('CASH_AUTHORITY') && (
        <Paper withBorder p="md" mb="md" component="form" aria-label={t('newSpd')} onSubmit={(e: FormEvent) => { e.preventDefault(); create.mutate(); }}>
          <Title order={2} size="h4" mb="sm">{t('newSpd')}</Title>
          <Group align="flex-end">
            <Select label={t('month')} value={form.month} onChange={(v) => setForm((f) => ({ ...f, month: v ?? '1' }))} allowDeselect={false} w={160}
              data={MONTH_NAMES[lang].map((m, i) => ({ value: String(i + 1), label: m }))} error={fieldError(create.error, 'month')} />
            <Select label={t('budgetLine')} value={form.budgetLineId || null} onChange={(v) => setForm((f) => ({ ...f, budgetLineId: v ?? '' }))} searchable w={420}
              data={(lines.data?.data ?? []).map((l) => ({ value: l.id, label: lineLabel(l) }))} error={fieldError(create.error, 'budgetLineId')} />
            <MoneyInput label={t('amount')} value={form.amount} onChange={(v) => setForm((f) => ({ ...f, amount: v }))} w={220} error={fieldError(create.error, 'amount')} />
            <Button type="submit" loading={create.isPending}>{t('create')}</Button>
          </Group>
          <ProblemAlert error={create.error} />
        </Paper>
      )}
      <ProblemAlert error={approve.error ?? list.error} />
      <DataTable caption="SPD" head={[t('number'), t('month'), t('status'), t('total'), t('actor'), t('actions')]}>
        {list.data?.data.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td><DocLink kind="spd" id={s.id} number={s.number} /></Table.Td><Table.Td>{MONTH_NAMES[lang][s.month - 1]}</Table.Td><Table.Td><StatusBadge status={s.status} /></Table.Td>
            <Table.Td className="num"><Money value={s.total} /></Table.Td><Table.Td>{s.createdBy}{s.approvedBy ? ` / ${s.approvedBy}` : ''}</Table.Td>
            <Table.Td>{s.status === 'DRAFT' && has('CASH_AUTHORITY') && <Button size="xs" onClick={() => approve.mutate(s.id)}>{t('approve')}<span className="visually-hidden"> {s.number}</span></Button>}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {list.data && <Pager {...list.data.meta} onPage={setPage} />}
    </>
  );
}

const TAXES = ['PPN', 'PPH22', 'PPH23'];
const EMPTY_SPP = { budgetLineId: '', amount: '', purpose: '', payeeName: '', npwp: '', vatRegistered: false, bankName: '', bankAccount: '', taxes: [] as string[] };

/** The availability arithmetic of a line, before an SPP is submitted. */
function Availability({ line, amount }: { line: BudgetLine; amount: string | null }) {
  const { t } = useI18n();
  const room = subtractMoney(subtractMoney(line.allotted, line.disbursed), line.committed);
  return (
    <Paper withBorder p="sm" data-testid="availability">
      <Text size="sm" fw={600}>{t('availability')}</Text>
      <Text size="sm">{t('allotted')} {formatMoney(line.allotted)} − {t('disbursed')} {formatMoney(line.disbursed)} − {t('committed')} {formatMoney(line.committed)} = <strong>{formatMoney(room)}</strong></Text>
      {amount && <Text size="sm">{t('amount')} {formatMoney(amount)} → {t('remaining')} <strong>{formatMoney(subtractMoney(room, amount))}</strong></Text>}
      <Text size="xs">{t('appropriated')} {formatMoney(line.appropriated)} · SPP yang sedang diproses juga dihitung oleh API saat diajukan / SPPs in process are counted by the API on submit.</Text>
    </Paper>
  );
}

function SppTab() {
  const { year } = useYear();
  const { t } = useI18n();
  const { user, has } = useSession();
  const qc = useQueryClient();
  const [org, orgPicker] = useOrganization();
  const lines = useBudgetLines(has('TREASURER') ? org : null);
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['spp', org, page, year], enabled: !!org, queryFn: () => get<Page<Spp>>(`/penatausahaan/spp${qs({ fiscalYear: year, organizationId: org, page, limit: 20 })}`) });
  const [form, setForm, clear] = useDraft('spp', EMPTY_SPP);
  const amount = parseMoney(form.amount);
  const line = lines.data?.data.find((l) => l.id === form.budgetLineId);
  const refresh = () => { void qc.invalidateQueries({ queryKey: ['spp'] }); void qc.invalidateQueries({ queryKey: ['spm'] }); void qc.invalidateQueries({ queryKey: ['budget-lines'] }); };
  const create = useMutation({
    mutationFn: () => post<Spp>('/penatausahaan/spp', {
      type: 'LS', organizationId: user?.organizationId, purpose: form.purpose || undefined, lines: [{ budgetLineId: form.budgetLineId, amount: amount ?? form.amount }],
      payee: { name: form.payeeName, npwp: form.npwp || undefined, vatRegistered: form.vatRegistered, bankName: form.bankName, bankAccount: form.bankAccount }, taxes: form.taxes.map((code) => ({ code })),
    }),
    onSuccess: () => { clear(); refresh(); },
  });
  const act = useMutation({ mutationFn: ([path, body]: [string, unknown?]) => post(path, body ?? {}), onSuccess: refresh });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const set = (k: 'purpose' | 'payeeName' | 'npwp' | 'bankName' | 'bankAccount') => (e: { currentTarget: { value: string } }) => { const v = e.currentTarget.value; setForm((f) => ({ ...f, [k]: v })); };
  return (
    <>
      {orgPicker}
      {has('TREASURER') && (
        <Paper withBorder p="md" mb="md" component="form" aria-label={t('newSpp')} onSubmit={(e: FormEvent) => { e.preventDefault(); create.mutate(); }}>
          <Title order={2} size="h4" mb="sm">{t('newSpp')}</Title>
          <Stack gap="sm">
            <Select label={t('budgetLine')} value={form.budgetLineId || null} onChange={(v) => setForm((f) => ({ ...f, budgetLineId: v ?? '' }))} searchable required
              data={(lines.data?.data ?? []).map((l) => ({ value: l.id, label: lineLabel(l) }))} error={fieldError(create.error, 'budgetLineId')} />
            {line && <Availability line={line} amount={amount} />}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <MoneyInput label={t('amount')} required value={form.amount} onChange={(v) => setForm((f) => ({ ...f, amount: v }))} error={fieldError(create.error, 'amount')} />
              <TextInput label={t('purpose')} value={form.purpose} onChange={set('purpose')} error={fieldError(create.error, 'purpose')} />
              <TextInput label={t('payee')} required value={form.payeeName} onChange={set('payeeName')} error={fieldError(create.error, 'payee.name')} />
              <TextInput label={t('npwp')} value={form.npwp} onChange={set('npwp')} error={fieldError(create.error, 'payee.npwp') ?? fieldError(create.error, 'npwp')} />
              <TextInput label={t('bankName')} required value={form.bankName} onChange={set('bankName')} error={fieldError(create.error, 'payee.bankName')} />
              <TextInput label={t('bankAccount')} required value={form.bankAccount} onChange={set('bankAccount')} error={fieldError(create.error, 'payee.bankAccount')} />
            </SimpleGrid>
            <Checkbox label={t('vatRegistered')} checked={form.vatRegistered} onChange={(e) => { const v = e.currentTarget.checked; setForm((f) => ({ ...f, vatRegistered: v })); }} error={fieldError(create.error, 'payee.vatRegistered')} />
            <Checkbox.Group label={t('taxes')} value={form.taxes} onChange={(v) => setForm((f) => ({ ...f, taxes: v }))}>
              <Group mt={4}>{TAXES.map((c) => <Checkbox key={c} value={c} label={c} />)}</Group>
            </Checkbox.Group>
            <ProblemAlert error={create.error} />
            <Group><Button type="submit" loading={create.isPending}>{t('create')}</Button><Text size="xs">{t('draftKept')}</Text></Group>
          </Stack>
        </Paper>
      )}
      <ProblemAlert error={act.error ?? list.error} />
      <DataTable caption="SPP" head={[t('number'), t('payee'), t('status'), 'Bruto', t('taxes'), 'Neto', t('actions')]}>
        {list.data?.data.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td><DocLink kind="spp" id={s.id} number={s.number} /><br /><Text size="xs" component="span">{s.type} · <DateText value={s.createdAt} /></Text></Table.Td>
            <Table.Td>{s.payee?.name}{s.rejectReason ? <Text size="xs">{t('reason')}: {s.rejectReason}</Text> : null}</Table.Td>
            <Table.Td><StatusBadge status={s.status} /></Table.Td>
            <Table.Td className="num"><Money value={s.gross} /></Table.Td><Table.Td className="num"><Money value={s.taxesTotal} /></Table.Td><Table.Td className="num"><Money value={s.net} /></Table.Td>
            <Table.Td>
              <Group gap="xs">
                {s.status === 'DRAFT' && has('TREASURER') && <Button size="xs" onClick={() => act.mutate([`/penatausahaan/spp/${s.id}/submit`])}>{t('submit')}<span className="visually-hidden"> {s.number}</span></Button>}
                {s.status === 'SUBMITTED' && has('FINANCE_OFFICER') && (
                  <>
                    <Button size="xs" onClick={() => act.mutate(['/penatausahaan/spm', { sppId: s.id }])}>{t('verifySpp')}<span className="visually-hidden"> {s.number}</span></Button>
                    <TextInput size="xs" aria-label={`${t('reason')} ${s.number}`} placeholder={t('reason')} value={reasons[s.id] ?? ''} onChange={(e) => { const v = e.currentTarget.value; setReasons((r) => ({ ...r, [s.id]: v })); }} />
                    <Button size="xs" variant="outline" color="#a61e1e" disabled={!reasons[s.id]?.trim()} onClick={() => act.mutate([`/penatausahaan/spp/${s.id}/reject`, { reason: reasons[s.id] }])}>{t('reject')}</Button>
                  </>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {list.data && <Pager {...list.data.meta} onPage={setPage} />}
    </>
  );
}

function SpmTab({ forSp2d }: { forSp2d?: boolean }) {
  const { year } = useYear();
  const { t } = useI18n();
  const { has } = useSession();
  const qc = useQueryClient();
  const [org, orgPicker] = useOrganization();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: ['spm', org, page, forSp2d, year], enabled: !!org, queryFn: () => get<Page<Spm>>(`/penatausahaan/spm${qs({ fiscalYear: year, organizationId: org, status: forSp2d ? 'APPROVED' : undefined, page, limit: 20 })}`) });
  const sp2ds = useQuery({ queryKey: ['sp2d', org, year], enabled: !!org && !!forSp2d, queryFn: () => get<Page<Sp2d>>(`/penatausahaan/sp2d${qs({ fiscalYear: year, organizationId: org, limit: 50 })}`) });
  const refresh = () => { void qc.invalidateQueries({ queryKey: ['spm'] }); void qc.invalidateQueries({ queryKey: ['sp2d'] }); };
  const act = useMutation({ mutationFn: ([path, body]: [string, unknown?]) => post(path, body ?? {}), onSuccess: refresh });
  const paid = new Set((sp2ds.data?.data ?? []).filter((s) => s.status !== 'CANCELLED').map((s) => s.spmNumber));
  return (
    <>
      {orgPicker}
      <ProblemAlert error={act.error ?? list.error} />
      <DataTable caption="SPM" head={[t('number'), 'SPP', t('status'), t('amount'), t('actor'), t('actions')]}>
        {list.data?.data.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td><DocLink kind="spm" id={s.id} number={s.number} /></Table.Td><Table.Td>{s.sppNumber}</Table.Td><Table.Td><StatusBadge status={s.status} /></Table.Td>
            <Table.Td className="num"><Money value={s.amount} /></Table.Td><Table.Td>{s.createdBy}{s.approvedBy ? ` / ${s.approvedBy}` : ''}</Table.Td>
            <Table.Td>
              {!forSp2d && s.status === 'DRAFT' && has('BUDGET_USER') && <Button size="xs" onClick={() => act.mutate([`/penatausahaan/spm/${s.id}/approve`])}>{t('approveSpm')}<span className="visually-hidden"> {s.number}</span></Button>}
              {forSp2d && has('CASH_AUTHORITY') && !paid.has(s.number) && <Button size="xs" onClick={() => act.mutate(['/penatausahaan/sp2d', { spmId: s.id }])}>{t('issueSp2d')}<span className="visually-hidden"> {s.number}</span></Button>}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {list.data && <Pager {...list.data.meta} onPage={setPage} />}
      {forSp2d && (
        <>
          <Title order={2} size="h4" mt="lg" mb="xs">SP2D</Title>
          <DataTable caption="SP2D" head={[t('number'), 'SPM', t('payee'), t('status'), 'Bruto', 'Neto', t('date')]}>
            {sp2ds.data?.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td><DocLink kind="sp2d" id={s.id} number={s.number} /></Table.Td><Table.Td>{s.spmNumber}</Table.Td><Table.Td>{s.payeeName}</Table.Td><Table.Td><StatusBadge status={s.status} />{s.accountOverdue && <Text size="xs" c="#a61e1e" fw={700} data-testid="tu-overdue">{t('tuOverdue')} <DateText value={s.accountDueOn} /></Text>}</Table.Td>
                <Table.Td className="num"><Money value={s.gross} /></Table.Td><Table.Td className="num"><Money value={s.net} /></Table.Td><Table.Td><DateText value={s.issuedOn} /></Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}

export function PaymentsPage({ tab, id }: { tab?: string; id?: string }) {
  const { t } = useI18n();
  const { has } = useSession();
  if (id && (DOC_KINDS as readonly string[]).includes(tab ?? '')) return <DocumentPage key={`${tab}/${id}`} kind={tab as DocKind} id={id} />;
  const first = has('CASH_AUTHORITY') ? 'spd' : has('BUDGET_USER') ? 'spm' : 'spp';
  const current = tab ?? first;
  return (
    <>
      <PageTitle>{t('payments')}</PageTitle>
      <Tabs value={current} onChange={(v) => { location.hash = `#/payments/${v}`; }} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="spd">SPD</Tabs.Tab>
          <Tabs.Tab value="spp">SPP</Tabs.Tab>
          <Tabs.Tab value="spm">SPM</Tabs.Tab>
          <Tabs.Tab value="sp2d">SP2D</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="spd"><SpdTab /></Tabs.Panel>
        <Tabs.Panel value="spp"><SppTab /></Tabs.Panel>
        <Tabs.Panel value="spm"><SpmTab /></Tabs.Panel>
        <Tabs.Panel value="sp2d"><SpmTab forSp2d /></Tabs.Panel>
      </Tabs>
    </>
  );
}
