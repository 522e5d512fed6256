import fc from 'fast-check';
import { arrayLiteral, copyText } from './hsb-import-sql';

// COPY's text format as the server reads it back: backslash escapes, `\N` for null.
const unescape = (s: string): string | null =>
  s === '\\N' ? null : s.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c] ?? c);

describe('COPY text of the staged cells', () => {
  it('escapes the separators and the backslash, and writes null as \\N', () => {
    expect(copyText('Kertas HVS\t80 gr')).toBe('Kertas HVS\\t80 gr');
    expect(copyText('two\r\nlines')).toBe('two\\r\\nlines');
    expect(copyText('C:\\data')).toBe('C:\\\\data');
    expect(copyText('\\N')).toBe('\\\\N');
    expect(copyText(null)).toBe('\\N');
    expect(copyText('plain, "quoted"')).toBe('plain, "quoted"');
    expect(copyText(42)).toBe('42');
    expect(copyText(true)).toBe('true');
  });

  it('reads back as the cell it was, and never leaves a separator in it', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom('a', '\\', '\t', '\n', '\r', 'N', ' ')).map((cs) => cs.join(''))), (s) => {
      const t = copyText(s);
      expect(t).not.toMatch(/[\t\n\r]/);
      expect(unescape(t)).toBe(s);
    }), { numRuns: 2000 });
  });
});

// A text[] literal as the server's array input reads one whose elements are all quoted or NULL.
const readArray = (s: string): (string | null)[] => {
  expect(s.startsWith('{') && s.endsWith('}')).toBe(true);
  const out: (string | null)[] = [];
  let k = 1;
  while (k < s.length - 1) {
    if (s.startsWith('NULL', k)) { out.push(null); k += 4; } else {
      expect(s[k]).toBe('"');
      let v = '';
      for (k++; s[k] !== '"'; k++) v += s[k] === '\\' ? s[++k] : s[k];
      out.push(v); k++;
    }
    if (s[k] === ',') k++;
  }
  return out;
};

describe('account codes staged as text[] literals', () => {
  it('quotes every element and escapes quotes and backslashes', () => {
    expect(arrayLiteral(['5.1.02.01.01.0024', '5.1.02.01.01.0031'])).toBe('{"5.1.02.01.01.0024","5.1.02.01.01.0031"}');
    expect(arrayLiteral(['a "b"', 'c\\d', null, '', '{x,y}'])).toBe('{"a \\"b\\"","c\\\\d",NULL,"","{x,y}"}');
    expect(arrayLiteral([])).toBe('{}');
  });

  it('reads back as the codes were written, through COPY text too', () => {
    fc.assert(fc.property(fc.array(fc.option(fc.oneof(fc.string(), fc.array(fc.constantFrom('a', '"', '\\', ',', '{', '}', ' ', '\t', '\n', 'N', 'U', 'L')).map((cs) => cs.join(''))))), (xs) => {
      const values = xs.map((x) => x ?? null);
      const cell = copyText(arrayLiteral(values));
      expect(cell).not.toMatch(/[\t\n\r]/);
      expect(readArray(unescape(cell)!)).toEqual(values);
    }), { numRuns: 2000 });
  });
});
