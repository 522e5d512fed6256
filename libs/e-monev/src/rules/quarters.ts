// Quarters (triwulan, TW I-IV) of a fiscal year and their entry windows
// (docs/decisions/0600): a quarter's realisation may be entered from the day
// the quarter begins until its deadline, by default the entryDays-th day
// after the quarter ends (10: Permendagri 86/2017), unless the year's
// settings name the four deadlines.

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterStart(year: number, q: number): string {
  return `${year}-${pad((q - 1) * 3 + 1)}-01`;
}

export function quarterEnd(year: number, q: number): string {
  const month = q * 3;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The four deadlines: the explicit ones, else quarter end + entryDays. */
export function deadlinesOf(year: number, entryDays: number, explicit: string[] | null): string[] {
  return explicit ?? [1, 2, 3, 4].map((q) => addDays(quarterEnd(year, q), entryDays));
}

export type WindowState = 'NOT_STARTED' | 'OPEN' | 'CLOSED';

export function windowState(year: number, q: number, deadline: string, today: string): WindowState {
  if (today < quarterStart(year, q)) return 'NOT_STARTED';
  return today > deadline ? 'CLOSED' : 'OPEN';
}

/** Today's date in the province's time zone (WIB, UTC+7), as YYYY-MM-DD. */
export function todayWib(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
