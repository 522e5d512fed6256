import { FiscalYear, keptYear, pageYear, planningYear, workingYear, yearOptions } from './fiscal-year-model';

describe('web fiscal year: the working and planning years from the API', () => {
  const today = new Date(2031, 5, 1);

  it('no year in EXECUTION: the latest year not CLOSED is the working year', () => {
    const years: FiscalYear[] = [{ year: 2028, status: 'PLANNING' }, { year: 2027, status: 'PLANNING' }, { year: 2026, status: 'CLOSED' }];
    expect(workingYear(years)).toBe(2028);
    expect(planningYear(years)).toBe(2027);
    expect(pageYear('working', years, null, today)).toBe(2028);
  });

  it('EXECUTION and PLANNING: the working year is the one in execution, the planning pages take the one in planning', () => {
    const years: FiscalYear[] = [{ year: 2027, status: 'PLANNING' }, { year: 2026, status: 'EXECUTION' }, { year: 2025, status: 'CLOSED' }];
    expect(workingYear(years)).toBe(2026);
    expect(planningYear(years)).toBe(2027);
    expect(pageYear('working', years, null, today)).toBe(2026);
    expect(pageYear('planning', years, null, today)).toBe(2027);
    // a year chosen in the session wins on every page
    expect(pageYear('working', years, 2025, today)).toBe(2025);
    expect(pageYear('planning', years, 2026, today)).toBe(2026);
  });

  it('a CLOSED past year only: that year, for work and planning alike', () => {
    const years: FiscalYear[] = [{ year: 2025, status: 'CLOSED' }];
    expect(workingYear(years)).toBe(2025);
    expect(planningYear(years)).toBe(2025);
    expect(yearOptions(years)).toEqual([2025]);
  });

  it('an unsorted answer: the same years, options newest first', () => {
    const years: FiscalYear[] = [{ year: 2026, status: 'CLOSED' }, { year: 2029, status: 'PLANNING' }, { year: 2027, status: 'EXECUTION' }, { year: 2028, status: 'PLANNING' }, { year: 2025, status: 'CLOSED' }];
    expect(workingYear(years)).toBe(2027);
    expect(planningYear(years)).toBe(2028);
    expect(yearOptions(years)).toEqual([2029, 2028, 2027, 2026, 2025]);
    expect(workingYear([...years].reverse())).toBe(2027);
    expect(planningYear([...years].reverse())).toBe(2028);
  });

  it('no fiscal year at all: the calendar year, and nothing to pick', () => {
    expect(workingYear([])).toBeNull();
    expect(pageYear('working', [], null, today)).toBe(2031);
    expect(yearOptions([])).toEqual([]);
  });

  it('a year kept in the session counts only while the API lists it', () => {
    const years: FiscalYear[] = [{ year: 2027, status: 'PLANNING' }, { year: 2026, status: 'EXECUTION' }];
    expect(keptYear('2027', years)).toBe(2027);
    expect(keptYear('2019', years)).toBeNull();
    expect(keptYear('', years)).toBeNull();
    expect(keptYear(null, years)).toBeNull();
    expect(keptYear('2026abc', years)).toBeNull();
  });
});
