// Filters and downloads shared by the report pages: fiscal year, month, OPD
// (every OPD or one, for a province-wide user; an OPD user reads their own)
// and the CSV/XLSX buttons that fetch the API's own export with the token and
// save it under the name of its Content-Disposition.
import { Button, Group, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { download, get, Page, qs } from '../api';
import { MONTH_NAMES } from '../dates';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { ProblemAlert } from '../ui';
import { yearOptions } from '../fiscal-year-model';
import { useYear } from '../year';

interface Org { id: string; code: string; name: string }

export const ALL = '';

/** The organizations a province-wide user may pick from, by id (for names and codes). */
export function useOrganizations() {
  const { user } = useSession();
  return useQuery({ queryKey: ['orgs'], enabled: !!user && !user.organizationId, queryFn: () => get<Page<Org>>(`/organizations${qs({ limit: 100 })}`) });
}

/**
 * The OPD a report is about: a province-wide user (no organization of their
 * own) picks one or every OPD; an OPD user reads their own and sees no picker.
 */
export function useReportOrganization(allowAll = true): [string | null, ReactNode] {
  const { t } = useI18n();
  const { user } = useSession();
  const orgs = useOrganizations();
  const [chosen, setChosen] = useState<string | null>(null);
  if (user?.organizationId) return [user.organizationId, null];
  const list = orgs.data?.data ?? [];
  const value = chosen ?? (allowAll ? ALL : list.find((o) => o.name.includes('Pendidikan'))?.id ?? list[0]?.id ?? null);
  const data = [...(allowAll ? [{ value: ALL, label: t('allOrganizations') }] : []), ...list.map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))];
  return [value || null, (
    <Select label={t('organization')} value={value} onChange={(v) => setChosen(v ?? ALL)} allowDeselect={false} searchable w={420} data={data} />
  )];
}

/** A report's year: the years the API lists (the session's year, see year.tsx, kept among them). */
export function YearSelect({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  const { t } = useI18n();
  const list = yearOptions(useYear().years).map(String);
  const data = list.includes(String(value)) ? list : [String(value), ...list];
  return <Select label={t('fiscalYear')} value={String(value)} onChange={(v) => v && onChange(Number(v))} allowDeselect={false} data={data} w={140} />;
}

export function MonthSelect({ value, onChange, label }: { value: number; onChange: (m: number) => void; label?: string }) {
  const { t, lang } = useI18n();
  return (
    <Select label={label ?? t('month')} value={String(value)} onChange={(v) => v && onChange(Number(v))} allowDeselect={false} w={160}
      data={MONTH_NAMES[lang].map((m, i) => ({ value: String(i + 1), label: m }))} />
  );
}

/** The month that last ended (a past month's RFK is frozen), in the year shown. */
export function lastMonthOver(year: number): number {
  const now = new Date();
  if (year < now.getFullYear()) return 12;
  return Math.max(1, now.getMonth());
}

/** This month in the year in progress, December of a past year, January of a future one. */
export function currentMonth(year: number): number {
  const now = new Date();
  return year < now.getFullYear() ? 12 : year > now.getFullYear() ? 1 : now.getMonth() + 1;
}

/** CSV and XLSX of the same query, through the API's format=csv|xlsx. */
export function Downloads({ path, params }: { path: string; params: Record<string, string | number | null | undefined> }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const get = (format: 'csv' | 'xlsx') => {
    setError(null); setBusy(format);
    download(`${path}${qs({ ...params, format })}`).catch(setError).finally(() => setBusy(null));
  };
  return (
    <>
      <Group gap="xs">
        <Button variant="default" loading={busy === 'csv'} onClick={() => get('csv')}>{t('download')} CSV</Button>
        <Button variant="default" loading={busy === 'xlsx'} onClick={() => get('xlsx')}>{t('download')} XLSX</Button>
      </Group>
      {error ? <ProblemAlert error={error} /> : null}
    </>
  );
}
