import { boolCell, moneyCell, parseCoefficients } from './sheet-cells';

describe('sheet cells', () => {
  it('reads coefficients written as "10 orang x 2 hari"', () => {
    expect(parseCoefficients('10 orang x 2 hari')).toEqual([{ quantity: '10', unit: 'orang' }, { quantity: '2', unit: 'hari' }]);
    expect(parseCoefficients('2,5 kg × 3 kali')).toEqual([{ quantity: '2.5', unit: 'kg' }, { quantity: '3', unit: 'kali' }]);
    expect(parseCoefficients('12 box')).toEqual([{ quantity: '12', unit: 'box' }]);
    expect(parseCoefficients('sepuluh orang')).toBeNull();
    expect(parseCoefficients('0 orang')).toBeNull();
    expect(parseCoefficients('')).toBeNull();
  });

  it('reads money and yes/no strictly', () => {
    expect(moneyCell(' 55000 ')).toBe('55000');
    expect(moneyCell('55.000,00')).toBeNull();
    expect(moneyCell('-5')).toBeNull();
    expect(boolCell('Ya')).toBe(true);
    expect(boolCell('')).toBe(false);
    expect(boolCell('mungkin')).toBeNull();
  });
});
