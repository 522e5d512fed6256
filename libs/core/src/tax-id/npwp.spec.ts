import { isValidNpwp, normalizeNpwp } from './npwp';

describe('NPWP validation', () => {
  it.each([
    ['012345678901000', '012345678901000'],
    ['3201234567890001', '3201234567890001'],
    ['01.234.567.8-901.000', '012345678901000'],
    [' 3201 2345 6789 0001 ', '3201234567890001'],
  ])('accepts %s as %s', (input, digits) => {
    expect(normalizeNpwp(input)).toBe(digits);
  });

  it.each(['', '12345678901234', '12345678901234567', '01234567890100A', '0123456789O1000', '01/234/567', '+012345678901000'])('refuses %p', (input) => {
    expect(isValidNpwp(input)).toBe(false);
  });
});
