import { ACCOUNTS, NOMENCLATURE, unpadAccountCode } from './code-lists';
import { validateCodeList } from './reference-import.service';

describe('unpadAccountCode', () => {
  it('reads the SIPD-RI print form as the regulation\'s code: one zero less in each of the last two segments', () => {
    expect(unpadAccountCode('5.1.02.01.001.00024')).toBe('5.1.02.01.01.0024');
    expect(unpadAccountCode(' 5.2.02.10.001.00001 ')).toBe('5.2.02.10.01.0001');
  });

  it('refuses anything that is not exactly that form: no digit but a zero is ever dropped', () => {
    for (const c of ['5.1.02.01.01.0024', '5.1.02.01.101.00024', '5.1.02.01.001.10024', '5.1.02.01.001.0024', '5.1.02.01.001', '']) {
      expect(unpadAccountCode(c)).toBeNull();
    }
  });
});

describe('validateCodeList', () => {
  it('takes the parent from the code when the file has no parent_code column, and carries indicator and unit', () => {
    const { rows, errors } = validateCodeList(NOMENCLATURE, [
      { code: '1', name: 'URUSAN WAJIB', level: '1', indicator: '', unit: '' },
      { code: '1.01', name: 'PENDIDIKAN', level: '2', indicator: '', unit: '' },
      { code: '1.01.02', name: 'PROGRAM PENGELOLAAN PENDIDIKAN', level: '3', indicator: '', unit: '' },
      { code: '1.01.02.1.01', name: 'Pengelolaan Pendidikan SMA', level: '4', indicator: '', unit: '' },
      { code: '1.01.02.1.01.0072', name: 'Pembangunan Ruang Kelas Baru', level: '5', indicator: 'Jumlah Ruang Kelas Baru  yang Bertambah', unit: 'Ruang' },
    ]);
    expect(errors).toEqual([]);
    expect(rows[4]).toMatchObject({ parentCode: '1.01.02.1.01', level: 5, indicator: 'Jumlah Ruang Kelas Baru yang Bertambah', unit: 'Ruang' });
  });

  it('names every bad row: shape, level, missing parent, duplicates', () => {
    const { errors } = validateCodeList(ACCOUNTS, [
      { code: '5', name: 'BELANJA', level: '1' },
      { code: '5.1.02.01.01.00024', name: 'too long', level: '6' },
      { code: '5.1', name: 'BELANJA OPERASI', level: '3' },
      { code: '5.1.02.01.01.0024', name: 'ATK', level: '6' },
      { code: '5', name: 'again', level: '1' },
    ]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([[3, 'code'], [4, 'level'], [5, 'parent_code'], [6, 'code']]);
  });
});
