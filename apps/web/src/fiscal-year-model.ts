// The fiscal years the web app works in, chosen from the API's list (GET
// /fiscal-years) and never from a constant: the working year is the year in
// EXECUTION (when none, the latest year not CLOSED, else the latest); the
// planning pages (a new budget document, the e-HSB catalogue) default to the
// year in PLANNING; a year the user picked in this session wins on every page.

export type FiscalYearStatus = 'PLANNING' | 'EXECUTION' | 'CLOSED';
export interface FiscalYear { year: number; status: FiscalYearStatus | string }

/** What a page is about: the year's work (execution, reports) or the next budget (planning, catalogue). */
export type YearKind = 'working' | 'planning';

const newestFirst = (years: readonly FiscalYear[]): FiscalYear[] => [...years].sort((a, b) => b.year - a.year);

/** The years to pick from, newest first, each once. */
export function yearOptions(years: readonly FiscalYear[]): number[] {
  return [...new Set(newestFirst(years).map((y) => y.year))];
}

/** The year in EXECUTION (the latest, should there be two); else the latest not CLOSED; else the latest; null for no year. */
export function workingYear(years: readonly FiscalYear[]): number | null {
  const sorted = newestFirst(years);
  return (sorted.find((y) => y.status === 'EXECUTION') ?? sorted.find((y) => y.status !== 'CLOSED') ?? sorted[0])?.year ?? null;
}

/** The year being budgeted: the earliest year in PLANNING (the next round); else the working year. */
export function planningYear(years: readonly FiscalYear[]): number | null {
  const planning = newestFirst(years).filter((y) => y.status === 'PLANNING');
  return planning.length ? planning[planning.length - 1].year : workingYear(years);
}

/** A year kept in the session counts only while the API still lists it. */
export function keptYear(stored: string | null, years: readonly FiscalYear[]): number | null {
  const n = stored === null || stored === '' ? NaN : Number(stored);
  return Number.isInteger(n) && years.some((y) => y.year === n) ? n : null;
}

/**
 * The year a page of that kind shows: the user's choice of this session when
 * there is one, else the working or planning year of the list, else (no
 * fiscal year at all) the calendar year of `today`.
 */
export function pageYear(kind: YearKind, years: readonly FiscalYear[], chosen: number | null, today: Date): number {
  return chosen ?? (kind === 'planning' ? planningYear(years) : workingYear(years)) ?? today.getFullYear();
}
