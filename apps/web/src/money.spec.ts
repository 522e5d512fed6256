import fc from 'fast-check';
import { compareMoney, formatMoney, multiplyToSen, parseMoney, subtractMoney, sumMoney } from './money';
import { formatDate } from './dates';

describe('web money formatting and parsing', () => {
  it('formats decimal strings the Indonesian way', () => {
    expect(formatMoney('1250000.00')).toBe('Rp 1.250.000,00');
    expect(formatMoney('1250000.5')).toBe('Rp 1.250.000,50');
    expect(formatMoney('0.00')).toBe('Rp 0,00');
    expect(formatMoney('999.99')).toBe('Rp 999,99');
    expect(formatMoney('-18018.00')).toBe('-Rp 18.018,00');
    expect(formatMoney('123456789012345678.90', false)).toBe('123.456.789.012.345.678,90');
    expect(formatMoney('n/a')).toBe('n/a');
  });

  it('parses what users type into exact decimal strings', () => {
    expect(parseMoney('1.250.000,50')).toBe('1250000.50');
    expect(parseMoney('Rp 1.250.000,50')).toBe('1250000.50');
    expect(parseMoney('Rp1.250.000')).toBe('1250000.00');
    expect(parseMoney('1250000,5')).toBe('1250000.50');
    expect(parseMoney(' 57500 ')).toBe('57500.00');
    expect(parseMoney('0,01')).toBe('0.01');
    expect(parseMoney('-10,00')).toBe('-10.00');
    // beyond what a float can hold exactly
    expect(parseMoney('90.071.992.547.409.931,07')).toBe('90071992547409931.07');
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1.250.000,505', '1,250,000.50', '12.50', '1.25.000', ',5', '1..000', '1e6', 'Rp']) {
      expect({ bad, parsed: parseMoney(bad) }).toEqual({ bad, parsed: null });
    }
  });

  const sen = fc.bigInt({ min: 0n, max: 10n ** 18n });
  const decimal = (v: bigint): string => { const s = v.toString().padStart(3, '0'); return `${s.slice(0, -2)}.${s.slice(-2)}`; };

  it('parse(format(x)) = x for every amount (property)', () => {
    fc.assert(fc.property(sen, fc.boolean(), (v, symbol) => {
      const x = decimal(v);
      expect(parseMoney(formatMoney(x, symbol))).toBe(x);
    }));
  });

  it('format(parse(typed)) keeps every digit the user typed (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const typed = `${whole.toString()},${String(cents).padStart(2, '0')}`;
      const parsed = parseMoney(typed);
      expect(parsed).toBe(`${whole.toString()}.${String(cents).padStart(2, '0')}`);
      expect(formatMoney(parsed, false).replace(/\./g, '')).toBe(typed);
    }));
  });

  it('sums and subtracts exactly (property: against BigInt sen)', () => {
    fc.assert(fc.property(fc.array(sen, { maxLength: 20 }), sen, (parts, other) => {
      const total = parts.reduce((a, b) => a + b, 0n);
      expect(sumMoney(parts.map(decimal))).toBe(decimal(total));
      const diff = total - other;
      expect(subtractMoney(decimal(total), decimal(other))).toBe(diff < 0n ? `-${decimal(-diff)}` : decimal(diff));
      expect(compareMoney(decimal(total), decimal(other))).toBe(total < other ? -1 : total > other ? 1 : 0);
    }));
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
  });

  it('multiplies coefficients by a price, half-up to the sen (the rule of the API)', () => {
    expect(multiplyToSen(['10', '20', '57500.50'])).toBe('11500100.00');
    expect(multiplyToSen(['0.3333', '10.00'])).toBe('3.33');
    expect(multiplyToSen(['0.0005', '10.00'])).toBe('0.01');
    expect(multiplyToSen(['0.0004', '10.00'])).toBe('0.00');
    expect(multiplyToSen(['1,5'])).toBeNull();
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (q, p) => {
      // q/10^4 x p/10^2, in sen: q x p / 10^4, half-up
      const expected = (q * p + 5000n) / 10000n;
      const qs = `${q / 10000n}.${(q % 10000n).toString().padStart(4, '0')}`;
      expect(multiplyToSen([qs, decimal(p)])).toBe(decimal(expected));
    }));
  });

  it('formats dates as 29 Nov 2026', () => {
    expect(formatDate('2026-11-29')).toBe('29 Nov 2026');
    expect(formatDate('2026-08-01')).toBe('1 Agu 2026');
    expect(formatDate('2026-08-01', 'en')).toBe('1 Aug 2026');
    expect(formatDate(null)).toBe('');
  });
});
