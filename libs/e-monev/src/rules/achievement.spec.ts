import fc from 'fast-check';
import Decimal from 'decimal.js';
import { achievement, averageOf, bandOf, defaultQuarterlyTargets, isPercentUnit, realizationTo } from './achievement';

const BOUNDS = { veryHigh: '91.00', high: '76.00', medium: '66.00', low: '51.00' };
// quantities as decimal strings with up to 4 decimals
const qty = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 9999 })).map(([i, f]) => `${i}.${String(f).padStart(4, '0')}`);

describe('e-monev achievement rules', () => {
  it('aggregates quarterly values: SUM adds, LAST takes the latest, AVERAGE the mean of those given', () => {
    const v = ['1', null, '2.5', '4'];
    expect(realizationTo(v, 3, 'SUM')).toBe('3.5000');
    expect(realizationTo(v, 2, 'LAST')).toBe('1.0000');
    expect(realizationTo(v, 4, 'LAST')).toBe('4.0000');
    expect(realizationTo(v, 3, 'AVERAGE')).toBe('1.7500');
    expect(realizationTo([null, null, null, null], 4, 'SUM')).toBeNull();
  });

  it('computes achievement both ways and bands it by the lower bounds', () => {
    expect(achievement('1.5', '2', 'HIGHER_IS_BETTER')).toBe('75.00');
    expect(achievement('7', '5', 'LOWER_IS_BETTER')).toBe('60.00');
    expect(achievement('12', '5', 'LOWER_IS_BETTER')).toBe('0.00');
    expect(achievement('4', '5', 'LOWER_IS_BETTER', 'RATIO')).toBe('125.00');
    expect(achievement('1', '0', 'HIGHER_IS_BETTER')).toBeNull();
    expect(achievement(null, '5', 'HIGHER_IS_BETTER')).toBeNull();
    expect([bandOf('91', BOUNDS), bandOf('90.99', BOUNDS), bandOf('76', BOUNDS), bandOf('66', BOUNDS), bandOf('51', BOUNDS), bandOf('50.99', BOUNDS), bandOf(null, BOUNDS)])
      .toEqual(['SANGAT_TINGGI', 'TINGGI', 'TINGGI', 'SEDANG', 'RENDAH', 'SANGAT_RENDAH', null]);
    expect(averageOf(['75.00', null, '95.00', '60.01'])).toBe('76.67');
    expect(isPercentUnit(' Persen ')).toBe(true);
    expect(isPercentUnit('Dokumen')).toBe(false);
  });

  it('reaches exactly 100 on target and mirrors around it for lower-is-better (property)', () => {
    fc.assert(fc.property(qty.filter((t) => !new Decimal(t).isZero()), qty, (t, r) => {
      expect(achievement(t, t, 'HIGHER_IS_BETTER')).toBe('100.00');
      expect(achievement(t, t, 'LOWER_IS_BETTER')).toBe('100.00');
      const up = new Decimal(achievement(r, t, 'HIGHER_IS_BETTER')!);
      const down = new Decimal(achievement(r, t, 'LOWER_IS_BETTER')!);
      // (2T - R) / T = 200 - R / T, floored at 0; each side rounded half-up once
      expect(down.minus(Decimal.max(0, new Decimal(200).minus(up))).abs().lte('0.01')).toBe(true);
    }));
  });

  it('spreads a SUM target so that TW IV is the annual target exactly and never decreases (property)', () => {
    fc.assert(fc.property(qty, (t) => {
      const q = defaultQuarterlyTargets(t, 'SUM').map((v) => new Decimal(v));
      expect(q[3].eq(t)).toBe(true);
      q.slice(1).forEach((v, i) => expect(v.gte(q[i])).toBe(true));
      expect(defaultQuarterlyTargets(t, 'LAST').every((v) => new Decimal(v).eq(t))).toBe(true);
    }));
  });
});
