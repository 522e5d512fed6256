import fc from 'fast-check';
import { csvCell, formulaSafe } from './formula-safe';

describe('formulaSafe / csvCell', () => {
  it('prefixes an apostrophe to every value that starts with = + - @ tab or CR, except plain numbers', () => {
    expect(formulaSafe('=1+1')).toBe("'=1+1");
    expect(formulaSafe('+1')).toBe("'+1");
    expect(formulaSafe('-2+3')).toBe("'-2+3");
    expect(formulaSafe('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formulaSafe('\tx')).toBe("'\tx");
    expect(formulaSafe('\rx')).toBe("'\rx");
    expect(formulaSafe('-1500.00')).toBe('-1500.00');
    expect(formulaSafe('Bendahara')).toBe('Bendahara');
  });

  it('never yields a CSV cell whose content starts a formula, and keeps every other text as it was', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const cell = csvCell(s);
      const content = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      if (!/^-?\d+(\.\d+)?$/.test(content)) expect(content).not.toMatch(/^[=+\-@\t\r]/);
      expect(content.replace(/^'/, '')).toBe(/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? s : content.replace(/^'/, ''));
      if (!/^[=+\-@\t\r]/.test(s)) expect(content).toBe(s);
    }));
  });
});
