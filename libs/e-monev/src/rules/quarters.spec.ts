import { deadlinesOf, quarterEnd, todayWib, windowState } from './quarters';

describe('e-monev quarters and entry windows', () => {
  it('closes each quarter on the 10th day after it ends by default, or on the named day', () => {
    expect(deadlinesOf(2026, 10, null)).toEqual(['2026-04-10', '2026-07-10', '2026-10-10', '2027-01-10']);
    expect(deadlinesOf(2028, 0, null)[0]).toBe('2028-03-31');
    expect(quarterEnd(2028, 1)).toBe('2028-03-31');
    expect(deadlinesOf(2026, 10, ['2026-04-15', '2026-07-15', '2026-10-15', '2027-01-15'])[3]).toBe('2027-01-15');
  });

  it('is open from the first day of the quarter to the deadline inclusive', () => {
    expect(windowState(2026, 2, '2026-07-10', '2026-03-31')).toBe('NOT_STARTED');
    expect(windowState(2026, 2, '2026-07-10', '2026-04-01')).toBe('OPEN');
    expect(windowState(2026, 2, '2026-07-10', '2026-07-10')).toBe('OPEN');
    expect(windowState(2026, 2, '2026-07-10', '2026-07-11')).toBe('CLOSED');
  });

  it('reads today in WIB (UTC+7)', () => {
    expect(todayWib(new Date('2026-07-10T17:00:00Z'))).toBe('2026-07-11');
    expect(todayWib(new Date('2026-07-10T16:59:59Z'))).toBe('2026-07-10');
  });
});
