import { Money } from '@grms/core';

export interface SourceEntry { code: string; name: string; level: number; parentCode: string | null }
export interface SourceAmounts { code: string; budget: string; realized: string }
export interface SourceTreeRow {
  code: string; name: string; level: number; leaf: boolean; earmarked: boolean;
  budget: string; realized: string; remaining: string; percent: string;
}
export interface SourceTotals { budget: string; realized: string; remaining: string; percent: string }

/** Earmarked funds (DANA KHUSUS) are the 2.* branch of the funding-source list. */
export const isEarmarked = (code: string): boolean => code === '2' || code.startsWith('2.');

/** Funding-source codes in list order: segment by segment, numerically where both are numbers. */
export function compareCodes(a: string, b: string): number {
  const x = a.split('.'), y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = /^\d+$/.test(x[i]) && /^\d+$/.test(y[i]) ? Number(x[i]) - Number(y[i]) : x[i].localeCompare(y[i]);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

export function figures(budget: Money, realized: Money): SourceTotals {
  return { budget: budget.toString(), realized: realized.toString(), remaining: budget.minus(realized).toString(), percent: realized.percentOf(budget) };
}

/**
 * The report rows: each source with amounts, and above it every parent in the
 * code list carrying the sum of its children (so "DAK Fisik" and "DANA
 * KHUSUS" appear as subtotals). Sums are exact (Money); a code missing from
 * the list keeps its code as its name and hangs under nothing.
 */
export function sourceTree(amounts: SourceAmounts[], list: SourceEntry[]): SourceTreeRow[] {
  const byCode = new Map(list.map((e) => [e.code, e]));
  const sums = new Map<string, { budget: Money; realized: Money; leaf: boolean }>();
  for (const a of amounts) {
    const budget = Money.of(a.budget), realized = Money.of(a.realized);
    for (let code: string | null = a.code, leaf = true; code; code = byCode.get(code)?.parentCode ?? null, leaf = false) {
      const s = sums.get(code) ?? { budget: Money.ZERO, realized: Money.ZERO, leaf };
      sums.set(code, { budget: s.budget.plus(budget), realized: s.realized.plus(realized), leaf: s.leaf && leaf });
    }
  }
  return [...sums.entries()].sort(([a], [b]) => compareCodes(a, b)).map(([code, s]) => {
    const e = byCode.get(code);
    return { code, name: e?.name ?? code, level: e?.level ?? code.split('.').length, leaf: s.leaf, earmarked: isEarmarked(code), ...figures(s.budget, s.realized) };
  });
}

/** Totals of the sources whose code matches `pick` (all of them by default), straight from the amounts. */
export function totalsOf(amounts: SourceAmounts[], pick: (code: string) => boolean = () => true): SourceTotals {
  const mine = amounts.filter((a) => pick(a.code));
  return figures(Money.sum(mine.map((a) => Money.of(a.budget))), Money.sum(mine.map((a) => Money.of(a.realized))));
}
