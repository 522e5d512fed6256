// The planned side of an S-curve: the package's monthly plan, else the
// straight line from a contract's start to its end. Percentages, not money.

/** The month's last day of a fiscal year, YYYY-MM-DD. */
export const monthEnd = (year: number, m: number): string => new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);

/** The planned % on a date: the monthly plan at each month's end, linear within a month; else the straight line. */
export function plannedAt(date: string, plan: string[] | null, start: string, end: string, year: number): number {
  const t = Date.parse(date);
  if (plan && plan.length === 12) {
    let prevT = Date.parse(`${year}-01-01`) - 86_400_000;
    let prev = 0;
    for (let m = 1; m <= 12; m++) {
      const mt = Date.parse(monthEnd(year, m));
      const v = Number(plan[m - 1]);
      if (t <= mt) return prev + ((v - prev) * (t - prevT)) / (mt - prevT);
      prevT = mt; prev = v;
    }
    return prev;
  }
  const s = Date.parse(start), e = Date.parse(end);
  if (!(e > s)) return 0;
  return Math.max(0, Math.min(100, ((t - s) / (e - s)) * 100));
}
