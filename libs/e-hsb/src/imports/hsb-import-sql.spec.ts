import fc from 'fast-check';
import { copyText } from './hsb-import-sql';

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
