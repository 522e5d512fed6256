import { Loader, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useState } from 'react';
import { get, Page, qs } from './api';
import { FiscalYear, keptYear, pageYear, YearKind, yearOptions } from './fiscal-year-model';
import { useI18n } from './i18n';

// The fiscal year of the session (fiscal-year-model.ts): the API's years read
// once after login, the user's choice kept in this tab's sessionStorage.

interface YearContext {
  years: FiscalYear[];
  /** The year the user picked in this session, or null (each page takes its default). */
  chosen: number | null;
  choose: (year: number) => void;
}

const Ctx = createContext<YearContext | null>(null);
const KEY = 'grms.year';

export function YearProvider({ children }: { children: ReactNode }) {
  const q = useQuery({ queryKey: ['fiscal-years'], staleTime: Infinity, queryFn: () => get<Page<FiscalYear>>(`/fiscal-years${qs({ limit: 100 })}`) });
  const [stored, setStored] = useState(() => sessionStorage.getItem(KEY));
  const choose = useCallback((year: number) => { sessionStorage.setItem(KEY, String(year)); setStored(String(year)); }, []);
  if (q.isLoading) return <Loader m="xl" aria-label="…" />;
  const years = q.data?.data ?? [];
  return <Ctx.Provider value={{ years, chosen: keptYear(stored, years), choose }}>{children}</Ctx.Provider>;
}

function useYearContext(): YearContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('no fiscal year provider');
  return c;
}

/** The year a page shows (the session's choice, else the working or planning year) and the way to pick another. */
export function useYear(kind: YearKind = 'working'): { year: number; setYear: (year: number) => void; years: FiscalYear[] } {
  const { years, chosen, choose } = useYearContext();
  return { year: pageYear(kind, years, chosen, new Date()), setYear: choose, years };
}

/** The year picker of the session (the header's and the report pages'): every page follows the year picked. */
export function SessionYearSelect({ kind = 'working', hiddenLabel, size, w = 140 }: { kind?: YearKind; hiddenLabel?: boolean; size?: 'xs' | 'sm'; w?: number }) {
  const { t } = useI18n();
  const { year, setYear, years } = useYear(kind);
  const options = yearOptions(years).map(String);
  return (
    <Select label={hiddenLabel ? undefined : t('fiscalYear')} aria-label={hiddenLabel ? t('workingYear') : undefined} data-testid="session-year" value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} size={size} w={w}
      data={options.includes(String(year)) ? options : [String(year), ...options]} />
  );
}
