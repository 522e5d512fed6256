import { compareCodesC } from './code-order';

describe('codes in the order of collation "C"', () => {
  it('compares byte by byte: a dot before a digit, a shorter prefix first', () => {
    expect(['91', '9.2', '90', '9.10', '9'].sort(compareCodesC)).toEqual(['9', '9.10', '9.2', '90', '91']);
    expect(compareCodesC('1.02.0.00.0.00.01.0000', '1.02.0.00.0.00.01.0000')).toBe(0);
    expect(compareCodesC('33', '3.25.0.00.0.00.01.0000')).toBe(1);
  });
});
