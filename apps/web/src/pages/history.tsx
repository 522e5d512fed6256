import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../api';
import { formatDate, formatDateTime } from '../dates';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { Doc, DocKind, documentSteps, s } from './steps';
import { DataTable, Money, PageTitle, ProblemAlert, StatusBadge } from '../ui';

// A payment document's page with its history: who did what when. Every role
// that reads the document sees the steps the document itself records (made
// by, submitted, verified, approved, issued, cancelled, with the reason);
// roles that may read the audit trail (AUDITOR, ADMIN) also see each audit
// event of the document, from GET /audit/events filtered by entity.

export { DOC_KINDS } from './steps';
export type { DocKind } from './steps';

/** The audit trail's entity type of each kind of document. */
const ENTITY: Record<DocKind, string> = { spd: 'Spd', spp: 'Spp', spm: 'Spm', sp2d: 'Sp2d', spj: 'Spj' };

interface AuditEvent { id: string; occurredAt: string; actorUsername: string | null; action: string; requestId: string | null; chainNo: string | null }

function AuditEvents({ kind, id }: { kind: DocKind; id: string }) {
  const { t, lang } = useI18n();
  const q = useQuery({ queryKey: ['doc-audit', kind, id], queryFn: () => get<{ data: AuditEvent[] }>(`/audit/events${qs({ entityType: ENTITY[kind], entityId: id, limit: 100 })}`) });
  const events = [...(q.data?.data ?? [])].reverse(); // oldest first, as a history reads
  return (
    <>
      <Title order={2} size="h4" mt="lg" mb="xs">{t('histAuditEvents')}</Title>
      <ProblemAlert error={q.error} />
      <DataTable caption={t('histAuditEvents')} head={[t('time'), t('actor'), t('action'), 'Request ID']}>
        {events.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{formatDateTime(e.occurredAt, lang)}</Table.Td><Table.Td>{e.actorUsername ?? '—'}</Table.Td>
            <Table.Td>{e.action}</Table.Td><Table.Td><code>{e.requestId ?? '—'}</code></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

interface Linked { kind: DocKind; doc: Doc }

/**
 * The documents of the chain a payment document belongs to, in chain order,
 * itself included: an SPP with its SPM and SP2D(s), an SPM with its SPP and
 * SP2D(s), an SP2D with its SPP and SPM. SPD and SPJ stand alone.
 */
function useChain(kind: DocKind, d: Doc): Linked[] {
  const inChain = kind === 'spp' || kind === 'spm' || kind === 'sp2d';
  const sppId = kind === 'spp' ? d.id : s(d, 'sppId');
  const spp = useQuery({ queryKey: ['doc', 'spp', sppId], enabled: inChain && kind !== 'spp' && !!sppId, queryFn: () => get<Doc>(`/penatausahaan/spp/${sppId}`) });
  // the API lists SPMs by OPD and year, not by SPP: the SPP's is found in that page
  const spmOfSpp = useQuery({
    queryKey: ['spm-of-spp', d.id], enabled: kind === 'spp',
    queryFn: async () => (await get<{ data: Doc[] }>(`/penatausahaan/spm${qs({ fiscalYear: d.fiscalYear as number, organizationId: d.organizationId as string, limit: 500 })}`)).data.find((m) => m.sppId === d.id) ?? null,
  });
  const spmId = kind === 'spm' ? d.id : kind === 'sp2d' ? s(d, 'spmId') : spmOfSpp.data?.id ?? null;
  const spm = useQuery({ queryKey: ['doc', 'spm', spmId], enabled: kind === 'sp2d' && !!spmId, queryFn: () => get<Doc>(`/penatausahaan/spm/${spmId}`) });
  const sp2ds = useQuery({ queryKey: ['sp2d-of-spm', spmId], enabled: (kind === 'spp' || kind === 'spm') && !!spmId, queryFn: async () => (await get<{ data: Doc[] }>(`/penatausahaan/sp2d${qs({ spmId, limit: 20 })}`)).data });
  if (!inChain) return [{ kind, doc: d }];
  const chain: Linked[] = [];
  const sppDoc = kind === 'spp' ? d : spp.data;
  if (sppDoc) chain.push({ kind: 'spp', doc: sppDoc });
  const spmDoc = kind === 'spm' ? d : kind === 'sp2d' ? spm.data : spmOfSpp.data;
  if (spmDoc) chain.push({ kind: 'spm', doc: spmDoc });
  for (const x of kind === 'sp2d' ? [d] : sp2ds.data ?? []) chain.push({ kind: 'sp2d', doc: x });
  return chain;
}

function ChainHistory({ kind, d }: { kind: DocKind; d: Doc }) {
  const { t, lang } = useI18n();
  const chain = useChain(kind, d);
  return (
    <Stack gap="sm">
      {chain.map((c) => (
        <div key={c.doc.id}>
          <Group gap="xs">
            {c.doc.id === d.id ? <Text fw={700}>{c.kind.toUpperCase()} {c.doc.number}</Text> : <Anchor href={`#/payments/${c.kind}/${c.doc.id}`} fw={700}>{c.kind.toUpperCase()} {c.doc.number}</Anchor>}
            <StatusBadge status={c.doc.status} />
          </Group>
          <ol className="doc-history">
            {documentSteps(c.kind, c.doc).map((st, i) => (
              <li key={i}>
                <strong>{t(st.what)}</strong>
                {st.who ? <> — {st.who}</> : null}
                {st.when ? <>, {st.when.length > 10 ? formatDateTime(st.when, lang) : formatDate(st.when, lang)}</> : null}
                {st.note ? <Text size="sm" component="span"> ({t('reason')}: {st.note})</Text> : null}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </Stack>
  );
}

export function DocumentPage({ kind, id }: { kind: DocKind; id: string }) {
  const { t } = useI18n();
  const { has } = useSession();
  const q = useQuery({ queryKey: ['doc', kind, id], queryFn: () => get<Doc>(`/penatausahaan/${kind}/${id}`) });
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Text>{t('loading')}</Text>;
  const d = q.data;
  const amount = s(d, 'gross') ?? s(d, 'total') ?? s(d, 'amount');
  return (
    <>
      <PageTitle right={<StatusBadge status={d.status} />}>{kind.toUpperCase()} {d.number}</PageTitle>
      <Anchor href={kind === 'spj' ? '#/receipts' : `#/payments/${kind}`} size="sm">← {t('histBackToList')}</Anchor>
      <SimpleGrid cols={{ base: 1, sm: 3 }} my="md">
        <Paper withBorder p="sm"><Text size="sm">{t('amount')}</Text><Text fw={700}><Money value={amount} /></Text></Paper>
        {s(d, 'payeeName') || (d.payee as { name?: string } | undefined)?.name
          ? <Paper withBorder p="sm"><Text size="sm">{t('payee')}</Text><Text fw={700}>{s(d, 'payeeName') ?? (d.payee as { name: string }).name}</Text></Paper> : null}
        {s(d, 'purpose') ? <Paper withBorder p="sm"><Text size="sm">{t('purpose')}</Text><Text>{s(d, 'purpose')}</Text></Paper> : null}
      </SimpleGrid>
      <Title order={2} size="h4" mb="xs">{t('history')}</Title>
      <Paper withBorder p="sm" data-testid="doc-history">
        <ChainHistory kind={kind} d={d} />
        {!has('AUDITOR', 'ADMIN') && <Text size="xs" mt="xs">{t('histOwnRecord')}</Text>}
      </Paper>
      {has('AUDITOR', 'ADMIN') && <AuditEvents kind={kind} id={id} />}
    </>
  );
}

/** The link from a list row to a document's page. */
export function DocLink({ kind, id, number }: { kind: DocKind; id: string; number: string }) {
  return <Anchor href={`#/payments/${kind}/${id}`}>{number}</Anchor>;
}
