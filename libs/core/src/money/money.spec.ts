import fc from 'fast-check';
import { Money, money, spreadsheetDecimal } from './money';

describe('Money', () => {
  it('parses and prints with two decimals', () => {
    expect(Money.of('1250000').toString()).toBe('1250000.00');
    expect(Money.of('1250000.5').toString()).toBe('1250000.50');
    expect(money('0.1')).toBe('0.10');
  });

  it('refuses more than two decimals, exponents and non-strings', () => {
    expect(() => Money.of('1.001')).toThrow();
    expect(() => Money.of('1e6')).toThrow();
    expect(() => Money.of(5 as unknown as string)).toThrow();
  });

  it('adds exactly where floats do not', () => {
    expect(Money.of('0.1').plus(Money.of('0.2')).toString()).toBe('0.30');
    expect(Money.sum(Array.from({ length: 10 }, () => Money.of('0.10'))).toString()).toBe('1.00');
  });

  it('rounds half up to whole rupiah, symmetric for negatives', () => {
    expect(Money.of('10.50').toWholeRupiah().toString()).toBe('11.00');
    expect(Money.of('10.49').toWholeRupiah().toString()).toBe('10.00');
    expect(Money.of('-10.50').toWholeRupiah().toString()).toBe('-11.00');
  });

  it('times rounds to sen half up', () => {
    expect(Money.of('100.00').times('0.115').toString()).toBe('11.50');
    expect(Money.of('0.05').times('0.5').toString()).toBe('0.03');
  });

  it('sum of parts equals whole for any integers of sen (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { maxLength: 50 }), (sens) => {
        const total = sens.reduce((a, b) => a + b, 0n);
        const asMoney = (s: bigint) => {
          const neg = s < 0n; const a = neg ? -s : s;
          return Money.of(`${neg ? '-' : ''}${a / 100n}.${(a % 100n).toString().padStart(2, '0')}`);
        };
        expect(Money.sum(sens.map(asMoney)).eq(asMoney(total))).toBe(true);
      }),
    );
  });

  it('percentOf is zero-safe', () => {
    expect(Money.of('50').percentOf(Money.ZERO)).toBe('0.00');
    expect(Money.of('1').percentOf(Money.of('3'))).toBe('33.33');
  });
});

describe('spreadsheetDecimal', () => {
  it('gives a number only when the double reads back as the same decimal', () => {
    expect(spreadsheetDecimal('1250000.50')).toBe(1250000.5);
    expect(spreadsheetDecimal('0.10')).toBe(0.1);
    expect(spreadsheetDecimal('999999999999999999.99')).toBe('999999999999999999.99');
    expect(spreadsheetDecimal('')).toBeNull();
  });

  it('never changes an amount of up to 13 rupiah digits (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (sen) => {
      const s = `${sen / 100n}.${(sen % 100n).toString().padStart(2, '0')}`;
      const cell = spreadsheetDecimal(s);
      expect(Money.of(typeof cell === 'number' ? cell.toFixed(2) : String(cell)).eq(Money.of(s))).toBe(true);
    }));
  });
});
