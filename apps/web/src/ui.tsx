import { Alert, Badge, Button, Group, Table, Text, TextInput, TextInputProps, Title } from '@mantine/core';
import { ReactNode, useState } from 'react';
import { ApiError } from './api';
import { formatDate } from './dates';
import { useI18n } from './i18n';
import { formatMoney, parseMoney } from './money';

/** An amount, right-aligned, as "Rp 1.250.000,00". */
export function Money({ value }: { value: string | null | undefined }) {
  return <span className="money">{formatMoney(value)}</span>;
}

export function DateText({ value }: { value: string | null | undefined }) {
  const { lang } = useI18n();
  return <>{formatDate(value, lang)}</>;
}

/**
 * An amount typed the Indonesian way; `onChange` gets the exact decimal
 * string ("1250000.50") or null while the text is not an amount.
 */
export function MoneyInput({ value, onChange, error, ...rest }: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (text: string) => void }) {
  const { t } = useI18n();
  const [touched, setTouched] = useState(false);
  const invalid = touched && value.trim() !== '' && parseMoney(value) === null;
  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      leftSection={<span aria-hidden="true" className="currency">Rp</span>}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={() => {
        setTouched(true);
        const parsed = parseMoney(value);
        if (parsed !== null) onChange(formatMoney(parsed, false));
      }}
      error={invalid ? t('invalidAmount') : error}
    />
  );
}

/** A problem from the API: its title, and its detail exactly as written (the arithmetic of a refusal). */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    const p = error.problem;
    return (
      <Alert color="#a61e1e" variant="outline" role="alert" title={`${p.status}${p.code ? ` ${p.code}` : ''}${p.title ? `: ${p.title}` : ''}`}>
        {p.detail && <Text component="pre" className="problem-detail" data-testid="problem-detail">{p.detail}</Text>}
        {p.errors?.length ? <ul>{p.errors.map((e) => <li key={e.field + e.message}><code>{e.field}</code>: {e.message}</li>)}</ul> : null}
      </Alert>
    );
  }
  return <Alert color="#a61e1e" variant="outline" role="alert">{String((error as Error).message ?? error)}</Alert>;
}

/** The message the API gave for a field, to show under it. */
export const fieldError = (error: unknown, field: string): string | undefined => (error instanceof ApiError ? error.field(field) : undefined);

// Dark enough for white text at 4.5:1 or more (WCAG 2.1 AA), on any row.
const GREEN = '#1b5e20';
const RED = '#a61e1e';
const GREY = '#495057';
const STATUS_COLOURS: Record<string, string> = {
  DRAFT: GREY, SUBMITTED: '#1c4f8a', APPROVED: GREEN, VERIFIED: '#0b5e55', PAID: GREEN, ISSUED: GREEN,
  REJECTED: RED, CANCELLED: RED, WITHDRAWN: RED, SUPERSEDED: GREY, SIGNED: GREEN, CLOSED: GREY,
};

// Never cut to "APPR..." or "I...": a narrow table column widens to the whole status instead.
const WHOLE_LABEL = { root: { minWidth: 'max-content' }, label: { overflow: 'visible' } };

export function StatusBadge({ status }: { status: string }) {
  return <Badge color={STATUS_COLOURS[status] ?? GREY} variant="filled" styles={WHOLE_LABEL}>{status}</Badge>;
}

export function PageTitle({ children, right }: { children: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" mb="md">
      <Title order={1} size="h2">{children}</Title>
      {right}
    </Group>
  );
}

export function Pager({ page, limit, total, onPage }: { page: number; limit: number; total: number; onPage: (p: number) => void }) {
  const { t } = useI18n();
  const last = Math.max(1, Math.ceil(total / limit));
  return (
    <Group gap="xs" mt="sm" aria-label={t('page')}>
      <Button size="xs" variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>{t('prev')}</Button>
      <Text size="sm">{t('page')} {page} {t('of')} {last} ({total})</Text>
      <Button size="xs" variant="default" disabled={page >= last} onClick={() => onPage(page + 1)}>{t('next')}</Button>
    </Group>
  );
}

/** A plain data table with a caption for screen readers. */
export function DataTable({ caption, head, children }: { caption: string; head: ReactNode[]; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={600} type="native" tabIndex={0} role="region" aria-label={caption}>
      <Table striped highlightOnHover withTableBorder>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead><Table.Tr>{head.map((h, i) => <Table.Th key={i} scope="col">{h}</Table.Th>)}</Table.Tr></Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
