import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DEFAULT_CONTROLLING_THRESHOLDS as T } from '../thresholds/default-controlling-thresholds';
import { contractStatus } from './contract-status';
import { fromHundredths, hundredths, percent, plannedOn, projectedCompletion } from './s-curve';

const CURVE = ['0', '0', '0', '10', '20', '30', '35', '40', '60', '80', '100', '100'];
const status = (type: string, planned: string, actual: string, projected: string | 'NEVER' | null = '2026-10-01') =>
  contractStatus({ packageType: type, planned, actual, projected, fiscalYearEnd: '2026-12-31' }, T).status;

describe('the S-curve by day', () => {
  it('is the month-end value on a month end and linear between', () => {
    expect(plannedOn(CURVE, 2026, '2026-08-31')).toBe('40.00');
    expect(plannedOn(CURVE, 2026, '2026-09-15')).toBe('50.00');
    expect(plannedOn(CURVE, 2026, '2026-01-31')).toBe('0.00');
    expect(plannedOn(['10', ...CURVE.slice(1)], 2026, '2026-01-16')).toBe('5.16'); // 10 x 16/31 = 5.1613, half up
    expect(plannedOn(CURVE, 2026, '2027-01-01')).toBe('100.00');
    expect(plannedOn(null, 2026, '2026-06-30')).toBe('0.00');
  });

  it('never goes outside the two month ends around it, and never down', () => {
    const curve = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 12, maxLength: 12 })
      .map((xs) => xs.sort((a, b) => a - b).map((x) => (x / 100).toFixed(2)));
    fc.assert(fc.property(curve, fc.integer({ min: 0, max: 363 }), (c, day) => {
      const d = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const next = new Date(Date.UTC(2026, 0, 1) + (day + 1) * 86_400_000).toISOString().slice(0, 10);
      const m = Number(d.slice(5, 7));
      const lo = m === 1 ? 0 : Number(c[m - 2]);
      const v = Number(plannedOn(c, 2026, d));
      return v >= lo - 0.005 && v <= Number(c[m - 1]) + 0.005 && Number(plannedOn(c, 2026, next)) >= v;
    }));
  });
});

describe('kontrak kritis (decision 0500)', () => {
  it('12 points behind at 40% planned is CRITICAL for construction, LATE for goods', () => {
    expect(status('CONSTRUCTION', '40.00', '28.00')).toBe('CRITICAL');
    expect(status('GOODS', '40.00', '28.00')).toBe('LATE');
  });

  it('4 points behind at 80% planned is LATE, unless it cannot finish in the year', () => {
    expect(status('CONSTRUCTION', '80.00', '76.00', '2026-10-15')).toBe('LATE');
    expect(status('CONSTRUCTION', '80.00', '76.00', '2027-01-05')).toBe('CRITICAL');
    expect(status('CONSTRUCTION', '80.00', '76.00', 'NEVER')).toBe('CRITICAL');
    expect(status('OTHER_SERVICES', '80.00', '76.00', 'NEVER')).toBe('LATE');
  });

  it('the tolerances are strict: exactly 10 (below 70% planned) or 5 (from 70%) points behind is LATE', () => {
    expect(status('CONSTRUCTION', '69.99', '59.99')).toBe('LATE');
    expect(status('CONSTRUCTION', '69.99', '59.98')).toBe('CRITICAL');
    expect(status('CONSTRUCTION', '70.00', '65.00')).toBe('LATE');
    expect(status('CONSTRUCTION', '70.00', '64.99')).toBe('CRITICAL');
  });

  it('on plan or ahead is ON_TRACK; behind is never ON_TRACK; only construction is ever CRITICAL', () => {
    const pct = fc.integer({ min: 0, max: 10_000 }).map((x) => (x / 100).toFixed(2));
    const type = fc.constantFrom('GOODS', 'CONSTRUCTION', 'CONSULTANCY', 'OTHER_SERVICES', 'INTEGRATED');
    const projected = fc.constantFrom<string | 'NEVER' | null>('2026-11-01', '2027-02-01', 'NEVER', null);
    fc.assert(fc.property(type, pct, pct, projected, (t, planned, actual, p) => {
      const s = status(t, planned, actual, p);
      if (Number(actual) >= Number(planned)) return s === 'ON_TRACK';
      return s !== 'ON_TRACK' && (t === 'CONSTRUCTION' || s === 'LATE');
    }));
  });
});

describe('projection and percentages', () => {
  it('projects completion at the window\'s rate', () => {
    expect(projectedCompletion('76.00', '60.00', '2026-08-31', 28)).toBe('2026-10-12'); // 24 / (16/28) = 42 days
    expect(projectedCompletion('50.00', '50.00', '2026-08-31', 28)).toBe('NEVER');
    expect(projectedCompletion('100.00', '90.00', '2026-08-31', 28)).toBeNull();
  });

  it('percent rounds half up to two decimals and is 0.00 of nothing', () => {
    expect(percent('1', '3')).toBe('33.33');
    expect(percent('2', '3')).toBe('66.67');
    expect(percent('5', '0')).toBe('0.00');
  });
});

describe('the rule in whole hundredths', () => {
  // The rule and the projection as first written, in decimal.js: the oracle for the integer form.
  const oracleStatus = (type: string, planned: string, actual: string, projected: string | 'NEVER' | null): string => {
    const behind = new Decimal(planned).minus(actual);
    if (behind.lte(0)) return `ON_TRACK`;
    const late = `LATE ${behind.toFixed(2)}`;
    if (type !== 'CONSTRUCTION') return late;
    const second = new Decimal(planned).gte(T.periodOneUpTo);
    if (!second && behind.gt(T.periodOneBehind)) return `CRITICAL ${behind.toFixed(2)}`;
    if (second && behind.gt(T.periodTwoBehind)) return `CRITICAL ${behind.toFixed(2)}`;
    if (second && projected !== null && (projected === 'NEVER' || projected > '2026-12-31')) return `CRITICAL ${behind.toFixed(2)}`;
    return late;
  };
  const exactDays = (actual: string, start: string, window: number): number | 'NEVER' | null => {
    const now = new Decimal(actual);
    if (now.gte(100)) return null;
    const moved = now.minus(start);
    if (moved.lte(0)) return 'NEVER';
    return new Decimal(100).minus(now).times(window).dividedBy(moved).ceil().toNumber(); // (100 - now) x window / moved, one division
  };
  const pct = fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2));

  it('parses and prints two-decimal percentages exactly, and refuses anything else', () => {
    expect(hundredths('12.5')).toBe(1250);
    expect(hundredths('-3.25')).toBe(-325);
    expect(hundredths('70')).toBe(7000);
    expect(fromHundredths(-5)).toBe('-0.05');
    expect(() => hundredths('1.005')).toThrow(/two decimals/);
    expect(() => hundredths('1e2')).toThrow(/two decimals/);
    fc.assert(fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (n) => hundredths(fromHundredths(n)) === n));
  });

  it('decides as the decimal rule does, with the same points behind', () => {
    fc.assert(fc.property(fc.constantFrom('CONSTRUCTION', 'GOODS', 'SERVICES'), pct, pct, fc.constantFrom<string | 'NEVER' | null>('2026-10-01', '2027-02-01', 'NEVER', null),
      (type, planned, actual, projected) => {
        const v = contractStatus({ packageType: type, planned, actual, projected, fiscalYearEnd: '2026-12-31' }, T);
        const points = v.reason ? ` ${/^(\S+) points behind/.exec(v.reason)![1]}` : '';
        return `${v.status}${points}` === oracleStatus(type, planned, actual, projected);
      }), { numRuns: 2000 });
  });

  it('projects the completion on the day the exact rate reaches 100%', () => {
    fc.assert(fc.property(pct, pct, fc.integer({ min: 1, max: 90 }), (actual, start, window) => {
      const want = exactDays(actual, start, window);
      const got = projectedCompletion(actual, start, '2026-09-30', window);
      if (want === null || want === 'NEVER') return got === want;
      return got === new Date(Date.UTC(2026, 8, 30) + want * 86_400_000).toISOString().slice(0, 10);
    }), { numRuns: 2000 });
  });
});
