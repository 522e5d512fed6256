import { ActionIcon, Alert, Anchor, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, get, Page, post, qs } from '../api';
import { MONTH_NAMES } from '../dates';
import { useI18n } from '../i18n';
import { formatMoney, multiplyToSen, parseMoney, subtractMoney } from '../money';
import { useDraft, useSession } from '../session';
import { DataTable, DateText, fieldError, Money, MoneyInput, PageTitle, Pager, ProblemAlert, StatusBadge } from '../ui';
import { yearOptions } from '../fiscal-year-model';
import { useYear } from '../year';
import { mayDecide, shiftClassOf } from './approvers';
import { useFundingName, useFundingSources } from './funding';

interface Doc { id: string; fiscalYear: number; organizationId: string; organizationName: string; subActivityCode: string; subActivityName: string; stage: string; revision: number; status: string; total: string; itemCount: number; rejectionReason: string | null; updatedAt: string; createdBy: string; shiftClass?: string | null }
interface Item { id: string; accountCode: string; fundingSourceCode: string; hsbCode: string | null; description: string; coefficients: { quantity: string; unit: string }[]; volume: string; volumeUnit: string; unitPrice: string; vat: boolean; subtotal: string; vatAmount: string; total: string }
interface DocDetail extends Doc { items: Item[]; subtotal: string; vatTotal: string; lines: { accountCode: string; accountName: string; fundingSourceCode: string; total: string }[] }
interface Code { code: string; name: string }
interface HsbItem { id: string; code: string; name: string; unit: string; price: string; accountCodes: string[] }
interface Ceiling { amount: string; used: string; remaining: string; programCode: string | null }
interface Flag { itemId: string; code: string; severity: string; message: string; description: string }
interface DocEvent { action: string; fromStatus: string | null; toStatus: string; total: string; reason: string | null; actorUsername: string; occurredAt: string }

export function BudgetDocumentsPage() {
  const { t } = useI18n();
  const { has, user } = useSession();
  const verifier = has('BUDGET_VERIFIER');
  // the regional finance head and the regional secretary decide budget shifts (PERGESERAN) of their class
  const shiftApprover = shiftClassOf(user?.roles ?? []) !== null;
  const stage = shiftApprover ? 'PERGESERAN' : null;
  const [status, setStatus] = useState<string | null>(verifier || shiftApprover ? 'SUBMITTED' : null);
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['documents', status, stage, page], queryFn: () => get<Page<Doc>>(`/budgeting/documents${qs({ status, stage, page, limit: 20 })}`) });
  return (
    <>
      <PageTitle>{verifier ? t('verifierQueue') : shiftApprover ? t('shiftQueue') : t('budgetDocs')}</PageTitle>
      {has('PLANNER') && <NewDocumentForm />}
      <Select label={t('status')} data={['DRAFT', 'SUBMITTED', 'APPROVED', 'SUPERSEDED']} value={status} onChange={(v) => { setStatus(v); setPage(1); }} clearable placeholder={t('all')} maw={240} mb="sm" />
      <ProblemAlert error={q.error} />
      <DataTable caption={t('budgetDocs')} head={[t('subActivity'), t('organization'), t('fiscalYear'), t('stage'), t('status'), t('total'), '']}>
        {q.data?.data.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td><Text size="sm" fw={600}>{d.subActivityCode}</Text><Text size="sm">{d.subActivityName}</Text></Table.Td>
            <Table.Td>{d.organizationName}</Table.Td>
            <Table.Td>{d.fiscalYear}</Table.Td>
            <Table.Td>{d.stage} r{d.revision}{d.shiftClass ? ` · ${d.shiftClass}` : ''}</Table.Td>
            <Table.Td><StatusBadge status={d.status} /></Table.Td>
            <Table.Td className="num"><Money value={d.total} /></Table.Td>
            <Table.Td><Anchor href={`#/documents/${d.id}`}>{t('open')}<span className="visually-hidden"> {d.subActivityCode}</span></Anchor></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {q.data && <Pager {...q.data.meta} onPage={setPage} />}
    </>
  );
}

function NewDocumentForm() {
  const { t } = useI18n();
  const { user } = useSession();
  const [search, setSearch] = useState('');
  const [code, setCode] = useState<string | null>(null);
  // a new document is for the year being budgeted (PLANNING), or another open year
  const planning = useYear('planning');
  const [chosen, setYear] = useState<string | null>(null);
  const year = chosen ?? String(planning.year);
  const open = yearOptions(planning.years.filter((y) => y.status !== 'CLOSED')).map(String);
  const subs = useQuery({ queryKey: ['nomenclature', year, search], queryFn: () => get<Page<Code>>(`/nomenclature${qs({ fiscalYear: year, level: 'SUB_KEGIATAN', q: search, limit: 20 })}`) });
  const create = useMutation({
    mutationFn: () => post<Doc>('/budgeting/documents', { fiscalYear: Number(year), organizationId: user?.organizationId, subActivityCode: code, stage: 'MURNI' }),
    onSuccess: (d) => { location.hash = `#/documents/${d.id}`; },
  });
  return (
    <Paper withBorder p="md" mb="md" component="form" onSubmit={(e: FormEvent) => { e.preventDefault(); create.mutate(); }} aria-label={t('newDocument')}>
      <Title order={2} size="h4" mb="sm">{t('newDocument')}</Title>
      <Group align="flex-end">
        <Select label={t('fiscalYear')} data={open.includes(year) ? open : [year, ...open]} value={year} onChange={(v) => v && setYear(v)} w={140} allowDeselect={false} />
        <Select label={t('subActivity')} searchable required w={480} value={code} onChange={setCode} searchValue={search} onSearchChange={setSearch}
          filter={({ options }) => options} nothingFoundMessage="—"
          data={(subs.data?.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
          error={fieldError(create.error, 'subActivityCode')} />
        <Button type="submit" loading={create.isPending} disabled={!code}>{t('create')}</Button>
      </Group>
      <ProblemAlert error={create.error} />
    </Paper>
  );
}

interface ItemDraft { hsbItemId: string | null; hsbLabel: string; accountCode: string; fundingSourceCode: string; description: string; coefficients: { quantity: string; unit: string }[]; unitPrice: string; vat: boolean; justification: string }
const EMPTY_ITEM: ItemDraft = { hsbItemId: null, hsbLabel: '', accountCode: '', fundingSourceCode: '1.1.1.01', description: '', coefficients: [{ quantity: '', unit: '' }], unitPrice: '', vat: false, justification: '' };

function ItemForm({ doc }: { doc: DocDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [draft, setDraft, clearDraft] = useDraft<ItemDraft>(`item.${doc.id}`, EMPTY_ITEM);
  const [search, setSearch] = useState(draft.hsbLabel);
  const catalogue = useQuery({
    queryKey: ['hsb', doc.fiscalYear, search],
    queryFn: () => get<Page<HsbItem>>(`/hsb/items${qs({ fiscalYear: doc.fiscalYear, q: search, limit: 15 })}`),
    // once an item is picked the field shows its label: no search for that
    enabled: search.trim().length >= 2 && search !== draft.hsbLabel,
  });
  const optionLabel = (i: HsbItem) => `${i.code} ${i.name} (${formatMoney(i.price)} / ${i.unit})`;
  const funding = useFundingSources(doc.fiscalYear);
  const price = parseMoney(draft.unitPrice);
  const quantities = draft.coefficients.map((c) => c.quantity.replace(',', '.'));
  const preview = price !== null && quantities.every((q) => /^\d+(\.\d{1,4})?$/.test(q)) ? multiplyToSen([...quantities, price]) : null;
  const add = useMutation({
    mutationFn: () => post<Item>(`/budgeting/documents/${doc.id}/items`, {
      accountCode: draft.accountCode, fundingSourceCode: draft.fundingSourceCode, hsbItemId: draft.hsbItemId ?? undefined,
      description: draft.description, coefficients: draft.coefficients.map((c) => ({ quantity: c.quantity.replace(',', '.'), unit: c.unit })),
      unitPrice: price ?? (draft.unitPrice || undefined), vat: draft.vat, justification: draft.justification || undefined,
    }),
    onSuccess: () => { clearDraft(); setSearch(''); void qc.invalidateQueries({ queryKey: ['document', doc.id] }); },
  });
  const pick = (id: string | null) => {
    const item = catalogue.data?.data.find((i) => i.id === id);
    if (!item) { setDraft((d) => ({ ...d, hsbItemId: null, hsbLabel: '' })); return; }
    setDraft((d) => ({
      ...d, hsbItemId: item.id, hsbLabel: optionLabel(item), description: item.name, accountCode: item.accountCodes[0] ?? d.accountCode,
      unitPrice: formatMoney(item.price, false), coefficients: d.coefficients.map((c, i) => (i === d.coefficients.length - 1 && !c.unit ? { ...c, unit: item.unit } : c)),
    }));
  };
  const setCoef = (i: number, k: 'quantity' | 'unit', v: string) => setDraft((d) => ({ ...d, coefficients: d.coefficients.map((c, j) => (j === i ? { ...c, [k]: v } : c)) }));
  return (
    <Paper withBorder p="md" mt="md" component="form" aria-label={t('addItem')} onSubmit={(e: FormEvent) => { e.preventDefault(); add.mutate(); }}>
      <Title order={2} size="h4" mb="sm">{t('addItem')}</Title>
      <Stack gap="sm">
        <Select label={t('catalogue')} placeholder={t('catalogueHint')} searchable clearable value={draft.hsbItemId} onChange={pick}
          searchValue={search} onSearchChange={setSearch} filter={({ options }) => options} nothingFoundMessage={search.length >= 2 ? '—' : t('catalogueHint')}
          data={[...(catalogue.data?.data ?? []).map((i) => ({ value: i.id, label: optionLabel(i) })),
            ...(draft.hsbItemId && !catalogue.data?.data.some((i) => i.id === draft.hsbItemId) ? [{ value: draft.hsbItemId, label: draft.hsbLabel }] : [])]} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput label={t('description')} required value={draft.description} onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, description: v })); }} error={fieldError(add.error, 'description')} />
          <TextInput label={t('account')} required value={draft.accountCode} onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, accountCode: v })); }} error={fieldError(add.error, 'accountCode')} />
          <Select label={t('fundingSource')} value={draft.fundingSourceCode} onChange={(v) => setDraft((d) => ({ ...d, fundingSourceCode: v ?? '' }))} allowDeselect={false}
            data={(funding.data?.data.filter((c) => Number(c.level) >= 4 || c.code === draft.fundingSourceCode) ?? [{ code: draft.fundingSourceCode, name: '' }]).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))} error={fieldError(add.error, 'fundingSourceCode')} />
        </SimpleGrid>
        <fieldset className="coefficients">
          <legend>{t('coefficients')}</legend>
          {draft.coefficients.map((c, i) => (
            <Group key={i} align="flex-end" gap="xs" mb="xs">
              {i > 0 && <Text aria-hidden="true" pb={6}>x</Text>}
              <TextInput label={`${t('quantity')} ${i + 1}`} value={c.quantity} onChange={(e) => setCoef(i, 'quantity', e.currentTarget.value)} w={120} inputMode="decimal" error={fieldError(add.error, `coefficients.${i}.quantity`)} />
              <TextInput label={`${t('unit')} ${i + 1}`} value={c.unit} onChange={(e) => setCoef(i, 'unit', e.currentTarget.value)} w={140} error={fieldError(add.error, `coefficients.${i}.unit`)} />
              {draft.coefficients.length > 1 && <ActionIcon variant="default" aria-label={`${t('remove')} ${t('coefficients')} ${i + 1}`} onClick={() => setDraft((d) => ({ ...d, coefficients: d.coefficients.filter((_, j) => j !== i) }))}>×</ActionIcon>}
            </Group>
          ))}
          <Button size="xs" variant="default" onClick={() => setDraft((d) => ({ ...d, coefficients: [...d.coefficients, { quantity: '', unit: '' }] }))}>{t('addCoefficient')}</Button>
        </fieldset>
        <Group align="flex-end">
          <MoneyField label={t('unitPrice')} value={draft.unitPrice} onChange={(v) => setDraft((d) => ({ ...d, unitPrice: v }))} error={fieldError(add.error, 'unitPrice')} />
          <Checkbox label={t('vat')} checked={draft.vat} onChange={(e) => { const v = e.currentTarget.checked; setDraft((d) => ({ ...d, vat: v })); }} mb={8} />
        </Group>
        <Textarea label={t('justification')} value={draft.justification} onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, justification: v })); }} error={fieldError(add.error, 'justification')} autosize minRows={1} />
        <Text size="sm" data-testid="item-preview">
          {draft.coefficients.map((c) => `${c.quantity || '?'} ${c.unit}`).join(' x ')} x {draft.unitPrice ? `Rp ${draft.unitPrice}` : '?'} = {preview !== null ? formatMoney(preview) : '?'}{draft.vat ? ` + ${t('vat')}` : ''}
        </Text>
        <ProblemAlert error={add.error} />
        <Group><Button type="submit" loading={add.isPending}>{t('addItem')}</Button><Text size="xs">{t('draftKept')}</Text></Group>
      </Stack>
    </Paper>
  );
}

function MoneyField(props: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return <MoneyInput label={props.label} value={props.value} onChange={props.onChange} error={props.error} w={240} required />;
}

// the roles the API lets read ceilings (ceiling:read): the others see no ceiling rather than a refusal
const CEILING_READERS = ['ADMIN', 'AUDITOR', 'PLANNER', 'BUDGET_VERIFIER'];

export function BudgetDocumentPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { has, user } = useSession();
  const qc = useQueryClient();
  const doc = useQuery({ queryKey: ['document', id], queryFn: () => get<DocDetail>(`/budgeting/documents/${id}`) });
  const d = doc.data;
  const fundingName = useFundingName(d?.fiscalYear);
  const ceilings = useQuery({ queryKey: ['ceilings', d?.fiscalYear, d?.organizationId], enabled: !!d && has(...CEILING_READERS), queryFn: () => get<Page<Ceiling>>(`/budgeting/ceilings${qs({ fiscalYear: d?.fiscalYear, organizationId: d?.organizationId })}`) });
  const review = useQuery({ queryKey: ['review', id, d?.itemCount], enabled: !!d && has('BUDGET_VERIFIER', 'PLANNER', 'REGIONAL_FINANCE_HEAD', 'REGIONAL_SECRETARY'), queryFn: () => get<{ flags: Flag[] }>(`/budgeting/documents/${id}/review`) });
  const history = useQuery({ queryKey: ['history', id, d?.status], enabled: !!d, queryFn: () => get<DocEvent[] | Page<DocEvent>>(`/budgeting/documents/${id}/history`) });
  const refresh = () => { void qc.invalidateQueries({ queryKey: ['document', id] }); void qc.invalidateQueries({ queryKey: ['history', id] }); };
  const act = useMutation({ mutationFn: ([action, body]: [string, unknown?]) => post<Doc>(`/budgeting/documents/${id}/${action}`, body ?? {}), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (itemId: string) => api('DELETE', `/budgeting/documents/${id}/items/${itemId}`), onSuccess: refresh });
  const [reason, setReason] = useState('');
  if (doc.error) return <ProblemAlert error={doc.error} />;
  if (!d) return <Text>{t('loading')}</Text>;
  const ceiling = ceilings.data?.data.find((c) => !c.programCode);
  const editable = d.status === 'DRAFT' && has('PLANNER');
  const events = Array.isArray(history.data) ? history.data : history.data?.data ?? [];
  return (
    <>
      <PageTitle right={<StatusBadge status={d.status} />}>{d.status === 'APPROVED' ? 'DPA' : 'RKA'} {d.subActivityCode} {d.subActivityName}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
        <Paper withBorder p="sm"><Text size="sm">{t('total')}</Text><Text fw={700} data-testid="doc-total"><Money value={d.total} /></Text><Text size="xs">{t('subtotal')} <Money value={d.subtotal} /> + {t('vat')} <Money value={d.vatTotal} /></Text></Paper>
        <Paper withBorder p="sm"><Text size="sm">{t('ceiling')} {d.organizationName} {d.fiscalYear}</Text><Text fw={700}>{ceiling ? <Money value={ceiling.amount} /> : '—'}</Text>
          {ceiling && <Text size="xs">{t('used')} <Money value={ceiling.used} /> · {t('remaining')} <Money value={ceiling.remaining} /></Text>}</Paper>
        {ceiling && d.status === 'DRAFT' && <Paper withBorder p="sm"><Text size="sm">{t('remaining')} − {t('total')}</Text><Text fw={700} data-testid="ceiling-after"><Money value={subtractMoney(ceiling.remaining, d.total)} /></Text></Paper>}
        <Paper withBorder p="sm"><Text size="sm">{t('stage')}</Text><Text fw={700}>{d.stage} r{d.revision}{d.shiftClass ? ` · ${d.shiftClass}` : ''}</Text><Text size="xs">{d.createdBy}, <DateText value={d.updatedAt} /></Text></Paper>
      </SimpleGrid>
      {d.rejectionReason && d.status === 'DRAFT' && <Alert variant="outline" color="#8a4b00" mb="md" title={t('reject')}>{d.rejectionReason}</Alert>}
      <Title order={2} size="h4" mb="xs">{t('items')} ({d.itemCount})</Title>
      <DataTable caption={t('items')} head={[t('account'), t('description'), t('coefficients'), t('unitPrice'), t('vat'), t('total'), '']}>
        {d.items.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{i.accountCode}<br /><Text size="xs" component="span">{fundingName(i.fundingSourceCode)}{i.hsbCode ? ` · ${i.hsbCode}` : ''}</Text></Table.Td>
            <Table.Td>{i.description}</Table.Td>
            <Table.Td>{i.coefficients.map((c) => `${c.quantity} ${c.unit}`).join(' x ')}</Table.Td>
            <Table.Td className="num"><Money value={i.unitPrice} /></Table.Td>
            <Table.Td className="num">{i.vat ? <Money value={i.vatAmount} /> : '—'}</Table.Td>
            <Table.Td className="num"><Money value={i.total} /></Table.Td>
            <Table.Td>{editable && <Button size="xs" variant="default" onClick={() => remove.mutate(i.id)}>{t('remove')}<span className="visually-hidden"> {i.description}</span></Button>}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ProblemAlert error={remove.error} />
      {editable && <ItemForm doc={d} />}
      <Title order={2} size="h4" mt="md" mb="xs">{t('review')}</Title>
      {review.data?.flags.length ? (
        <ul data-testid="review-flags">{review.data.flags.map((f, i) => <li key={i}><strong>{f.severity} {f.code}</strong> ({f.description}): {f.message}</li>)}</ul>
      ) : <Text size="sm">{review.isLoading ? t('loading') : t('noFlags')}</Text>}
      <ProblemAlert error={act.error} />
      <Group mt="md">
        {editable && <Button onClick={() => act.mutate(['submit'])} loading={act.isPending}>{t('submit')}</Button>}
        {mayDecide(user?.roles ?? [], d) && (
          <>
            <Button color="#1b5e20" onClick={() => act.mutate(['approve'])} loading={act.isPending}>{t('approve')}</Button>
            <TextInput label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(act.error, 'reason')} />
            <Button color="#a61e1e" variant="outline" onClick={() => act.mutate(['reject', { reason }])} disabled={!reason.trim()}>{t('reject')}</Button>
          </>
        )}
      </Group>
      <Title order={2} size="h4" mt="lg" mb="xs">{t('history')}</Title>
      <DataTable caption={t('history')} head={[t('time'), t('action'), t('status'), t('total'), t('actor'), t('reason')]}>
        {events.map((e, i) => (
          <Table.Tr key={i}>
            <Table.Td><DateText value={e.occurredAt} /></Table.Td><Table.Td>{e.action}</Table.Td>
            <Table.Td>{e.fromStatus ?? '—'} → {e.toStatus}</Table.Td><Table.Td className="num"><Money value={e.total} /></Table.Td>
            <Table.Td>{e.actorUsername}</Table.Td><Table.Td>{e.reason}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <Text size="xs" mt="xs">{lang === 'id' ? 'Angka dari API, tepat ke sen.' : 'Figures from the API, exact to the sen.'}</Text>
    </>
  );
}

interface CashPlan { budgetLineId: string; subActivityCode: string; accountCode: string; fundingSourceCode: string; appropriated: string; months: string[] | { month: number; amount: string }[]; total: string; matchesAppropriation: boolean }

export function CashPlansPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const { year } = useYear();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['cash-plans', page, year], queryFn: () => get<Page<CashPlan>>(`/budgeting/cash-plans${qs({ fiscalYear: year, organizationId: user?.organizationId, page, limit: 20 })}`) });
  const amount = (m: CashPlan['months'][number]) => (typeof m === 'string' ? m : m.amount);
  const fundingName = useFundingName(year);
  return (
    <>
      <PageTitle>{t('cashPlans')} {year}</PageTitle>
      <ProblemAlert error={q.error} />
      <DataTable caption={t('cashPlans')} head={[t('budgetLine'), t('appropriated'), ...MONTH_NAMES[lang].map((m) => m.slice(0, 3)), t('remaining')]}>
        {q.data?.data.map((p) => (
          <Table.Tr key={p.budgetLineId}>
            <Table.Td><Text size="xs">{p.subActivityCode}</Text>{p.accountCode}<Text size="xs">{fundingName(p.fundingSourceCode)}</Text></Table.Td>
            <Table.Td className="num"><Money value={p.appropriated} /></Table.Td>
            {p.months.map((m, i) => <Table.Td key={i} className="num">{formatMoney(amount(m), false)}</Table.Td>)}
            <Table.Td className="num"><Money value={subtractMoney(p.appropriated, p.total)} /></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {q.data && <Pager {...q.data.meta} onPage={setPage} />}
    </>
  );
}
