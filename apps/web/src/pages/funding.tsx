import { useQuery } from '@tanstack/react-query';
import { get, Page, qs } from '../api';

// Funding sources (sumber dana) by name wherever the app shows one: the
// year's code list, read once (GET /funding-sources) and kept by the cache.

export interface FundingSource { code: string; name: string; level: string }

export function useFundingSources(fiscalYear: number | undefined) {
  return useQuery({
    queryKey: ['funding-sources', fiscalYear], enabled: !!fiscalYear, staleTime: Infinity,
    queryFn: () => get<Page<FundingSource>>(`/funding-sources${qs({ fiscalYear, limit: 500 })}`),
  });
}

/** "1.1.1.01 Pendapatan Asli Daerah" for a code, or the code alone until the list is read. */
export function useFundingName(fiscalYear: number | undefined): (code: string) => string {
  const q = useFundingSources(fiscalYear);
  const names = new Map((q.data?.data ?? []).map((f) => [f.code, f.name]));
  return (code: string) => (names.has(code) ? `${code} ${names.get(code)}` : code);
}
