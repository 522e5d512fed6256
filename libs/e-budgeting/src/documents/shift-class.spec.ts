import { classifyShift } from './shift-class';

describe('classifyShift', () => {
  it('within one objek (between rincian or sub rincian objek) needs the regional finance head', () => {
    expect(classifyShift(['5.1.02.01.01.0024', '5.1.02.01.01.0026'])).toBe('WITHIN_OBJEK');
    expect(classifyShift(['5.1.02.01.01.0024', '5.1.02.01.03.0001'])).toBe('WITHIN_OBJEK');
    expect(classifyShift([])).toBe('WITHIN_OBJEK');
  });

  it('between objek of one jenis needs the regional secretary', () => {
    expect(classifyShift(['5.1.02.01.01.0024', '5.1.02.02.01.0006'])).toBe('BETWEEN_OBJEK');
  });

  it('between jenis or kelompok is refused as a PERGESERAN, naming PERUBAHAN', () => {
    expect(() => classifyShift(['5.1.02.01.01.0024', '5.2.02.10.01.0002'])).toThrow(/SHIFT_IS_AMENDMENT: this PERGESERAN moves money between jenis 5.1.02 and 5.2.02 .*make it a PERUBAHAN/);
    expect(() => classifyShift(['5.1.01.01.01.0001', '5.1.02.01.01.0024'])).toThrow(/between jenis 5.1.01 and 5.1.02/);
  });
});
