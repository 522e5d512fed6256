import { boolCell, moneyCell, parseCoefficients, sheetIssue } from './sheet-cells';

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
    expect(moneyCell(' 55000 ')).toEqual({ amount: '55000' });
    expect(moneyCell('55.000,00', 'id')).toEqual({ amount: '55000.00' });
    expect(moneyCell('55.000,00')).toEqual({ error: expect.stringContaining('locale=id would write 55000.00') });
    expect(moneyCell('-5')).toEqual({ error: expect.stringContaining('is not') });
    expect(boolCell('Ya')).toBe(true);
    expect(boolCell('')).toBe(false);
    expect(boolCell('mungkin')).toBeNull();
  });

  it('names an issue by the sheet\'s header and column letter, with the API field beside', () => {
    const headers = ['Kode Rekening', 'Sumber Dana', 'Uraian', 'Koefisien', 'Harga Satuan'];
    const index = { accountCode: 0, unitPrice: 4 };
    expect(sheetIssue(headers, index, 'unitPrice', 7, 'x')).toEqual({ row: 7, field: 'Harga Satuan', column: 'E', apiField: 'unitPrice', message: 'x' });
    expect(sheetIssue(headers, index, 'vat', 7, 'y')).toEqual({ row: 7, field: 'vat', apiField: 'vat', message: 'y' });
  });
});
