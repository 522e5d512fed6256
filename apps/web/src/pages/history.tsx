import { Anchor, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../api';
import { formatDate } from '../dates';
import { Key, useI18n } from '../i18n';
import { useSession } from '../session';
import { DataTable, DateText, Money, PageTitle, ProblemAlert, StatusBadge } from '../ui';

// A payment document's page with its history: who did what when. Every role
// that reads the document sees the steps the document itself records (made
// by, submitted, verified, approved, issued, cancelled, with the reason);
// roles that may read the audit trail (AUDITOR, ADMIN) also see each audit
// event of the document, from GET /audit/events filtered by entity.

export const DOC_KINDS = ['spd', 'spp', 'spm', 'sp2d', 'spj'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** The audit trail's entity type of each kind of document. */
const ENTITY: Record<DocKind, string> = { spd: 'Spd', spp: 'Spp', spm: 'Spm', sp2d: 'Sp2d', spj: 'Spj' };

type Doc = Record<string, unknown> & { id: string; number: string; status: string };
interface Step { what: Key; who: string | null; when: string | null; note?: string | null }
interface AuditEvent { id: string; occurredAt: string; actorUsername: string | null; action: string; requestId: string | null; chainNo: string | null }

const s = (d: Doc, k: string): string | null => (typeof d[k] === 'string' ? (d[k] as string) : null);

/** The steps a document records about itself, in order; the ones not taken yet are left out. */
export function documentSteps(kind: DocKind, d: Doc): Step[] {
  const steps: Step[] = [];
  const add = (what: Key, who: string | null, when: string | null, note?: string | null, taken = !!(who || when)) => { if (taken) steps.push({ what, who, when, note }); };
  if (kind === 'sp2d') {
    add('histIssued', s(d, 'issuedByName') ?? s(d, 'issuedBy'), s(d, 'issuedOn'));
    add('histCancelled', s(d, 'cancelledBy'), s(d, 'cancelledAt'), s(d, 'cancelReason'));
    return steps;
  }
  add('histCreated', s(d, 'createdBy'), s(d, 'createdAt'));
  if (kind === 'spp') {
    add('histSubmitted', null, s(d, 'submittedAt'));
    add(d.status === 'REJECTED' ? 'histRejected' : 'histVerified', s(d, 'verifiedBy'), null, s(d, 'rejectReason'), !!s(d, 'verifiedBy') || d.status === 'REJECTED');
    if (['VERIFIED', 'PAID'].includes(d.status) && !s(d, 'verifiedBy')) add('histVerified', null, null, null, true);
    if (d.status === 'PAID') add('histPaid', null, null, null, true);
    if (d.status === 'CANCELLED') add('histCancelled', null, null, null, true);
  } else {
    const approved = d.status === 'REJECTED' ? 'histRejected' : 'histApproved';
    add(approved, s(d, 'approvedBy'), s(d, 'approvedAt'), s(d, 'rejectReason'), !!(s(d, 'approvedBy') || s(d, 'approvedAt')) || d.status === 'REJECTED');
    add('histWithdrawn', null, null, s(d, 'withdrawReason'), d.status === 'WITHDRAWN');
    add('histCancelled', null, null, s(d, 'cancelReason'), d.status === 'CANCELLED');
    if (typeof d.revisions === 'number' && d.revisions > 0) add('histRevised', null, null, `${d.revisions}×`, true);
  }
  return steps;
}

function AuditEvents({ kind, id }: { kind: DocKind; id: string }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['doc-audit', kind, id], queryFn: () => get<{ data: AuditEvent[] }>(`/audit/events${qs({ entityType: ENTITY[kind], entityId: id, limit: 100 })}`) });
  const events = [...(q.data?.data ?? [])].reverse(); // oldest first, as a history reads
  return (
    <>
      <Title order={2} size="h4" mt="lg" mb="xs">{t('histAuditEvents')}</Title>
      <ProblemAlert error={q.error} />
      <DataTable caption={t('histAuditEvents')} head={[t('time'), t('actor'), t('action'), 'Request ID']}>
        {events.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td><DateText value={e.occurredAt} /> {e.occurredAt.slice(11, 19)}</Table.Td><Table.Td>{e.actorUsername ?? '—'}</Table.Td>
            <Table.Td>{e.action}</Table.Td><Table.Td><code>{e.requestId ?? '—'}</code></Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </>
  );
}

/** The chain the document belongs to: links to the documents it names. */
function ChainLinks({ d }: { d: Doc }) {
  const links: [string, string | null, string | null][] = [
    ['SPP', s(d, 'sppId'), s(d, 'sppNumber')],
    ['SPM', s(d, 'spmId'), s(d, 'spmNumber')],
    ['SP2D', s(d, 'advanceSp2dId'), null],
  ];
  const shown = links.filter(([, id]) => id);
  if (!shown.length) return null;
  return (
    <Group gap="md" mb="sm">
      {shown.map(([k, id, number]) => <Anchor key={k} href={`#/payments/${k.toLowerCase()}/${id}`}>{k} {number ?? ''}</Anchor>)}
    </Group>
  );
}

export function DocumentPage({ kind, id }: { kind: DocKind; id: string }) {
  const { t, lang } = useI18n();
  const { has } = useSession();
  const q = useQuery({ queryKey: ['doc', kind, id], queryFn: () => get<Doc>(`/penatausahaan/${kind}/${id}`) });
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Text>{t('loading')}</Text>;
  const d = q.data;
  const amount = s(d, 'gross') ?? s(d, 'total') ?? s(d, 'amount');
  const steps = documentSteps(kind, d);
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
      <ChainLinks d={d} />
      <Title order={2} size="h4" mb="xs">{t('history')}</Title>
      <Paper withBorder p="sm" data-testid="doc-history">
        <ol className="doc-history">
          {steps.map((st, i) => (
            <li key={i}>
              <strong>{t(st.what)}</strong>
              {st.who ? <> — {st.who}</> : null}
              {st.when ? <>, {formatDate(st.when, lang)}{st.when.length > 10 ? ` ${st.when.slice(11, 16)}` : ''}</> : null}
              {st.note ? <Text size="sm" component="span"> ({t('reason')}: {st.note})</Text> : null}
            </li>
          ))}
        </ol>
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
