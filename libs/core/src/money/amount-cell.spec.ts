import fc from 'fast-check';
import { Money } from './money';
import { parseAmountCell } from './amount-cell';

const ok = (cell: string, locale: 'en' | 'id') => {
  const r = parseAmountCell(cell, locale);
  return 'amount' in r ? Money.of(r.amount).toString() : r.error;
};

describe('parseAmountCell', () => {
  it('reads Indonesian and English formatting by locale', () => {
    expect(ok('1.250.000,50', 'id')).toBe('1250000.50');
    expect(ok('Rp 160.000,00', 'id')).toBe('160000.00');
    expect(ok('1250000,5', 'id')).toBe('1250000.50');
    expect(ok('1.250', 'id')).toBe('1250.00');
    expect(ok('1,250,000.50', 'en')).toBe('1250000.50');
    expect(ok('40800', 'en')).toBe('40800.00');
    expect(ok('40800', 'id')).toBe('40800.00');
    expect(ok(' 1 250 000 ', 'en')).toBe('1250000.00');
  });

  it('refuses a value of the other locale with both readings, and malformed groups', () => {
    expect(ok('160.000,00', 'en')).toContain('is written as locale=id would write 160000.00');
    expect(ok('1.250', 'en')).toContain('locale=id would write 1250');
    expect(ok('1250000.50', 'id')).toContain('locale=en would write 1250000.50');
    expect(ok('1,250', 'id')).toContain('locale=en would write 1250');
    for (const bad of ['1.25.000', '12,50,000.00', '1.250,505', '-5', 'abc', '', '1,250.000,00']) {
      expect(ok(bad, 'id')).toContain('is not');
      expect(ok(bad, 'en')).toMatch(/is not|locale=id/);
    }
  });

  it('no text reads under both locales as different amounts; each locale reads back what it writes', () => {
    const sen = fc.bigInt({ min: 0n, max: 10n ** 15n });
    fc.assert(fc.property(sen, fc.boolean(), (s, grouped) => {
      const whole = (s / 100n).toString();
      const frac = String(s % 100n).padStart(2, '0');
      const group = (sep: string) => (grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : whole);
      const expected = Money.of(`${whole}.${frac}`).toString();
      expect(ok(`${group(',')}.${frac}`, 'en')).toBe(expected);
      expect(ok(`${group('.')},${frac}`, 'id')).toBe(expected);
    }));
    fc.assert(fc.property(fc.stringMatching(/^[0-9.,]{1,14}$/), (text) => {
      const en = parseAmountCell(text, 'en');
      const id = parseAmountCell(text, 'id');
      if ('amount' in en && 'amount' in id) expect(Money.of(en.amount).eq(Money.of(id.amount))).toBe(true);
    }));
  });
});
