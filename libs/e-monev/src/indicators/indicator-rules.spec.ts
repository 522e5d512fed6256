import { percentErrors, targetErrors } from './indicators.service';

describe('e-monev indicator rules', () => {
  it('names every quantity of a % indicator above 100, and none of another unit', () => {
    expect(percentErrors('%', { target: '100', 'quarterlyTargets.3': '100.0001', baseline: undefined, renstraTarget: null }))
      .toEqual([{ field: 'quarterlyTargets.3', message: '100.0001 % is above 100' }]);
    expect(percentErrors('Dokumen', { target: '250' })).toEqual([]);
  });

  it('wants SUM targets never decreasing, and SUM and LAST to end at the annual target', () => {
    expect(targetErrors('10', ['3', '2', '8', '10'], 'SUM')).toEqual([{ field: 'quarterlyTargets.1', message: expect.stringContaining('below') }]);
    expect(targetErrors('10', ['3', '5', '8', '9.0000'], 'SUM')).toEqual([{ field: 'quarterlyTargets.3', message: 'TW IV 9.0000 is not the annual target 10.0000' }]);
    expect(targetErrors('90', ['92', '88', '90', '90'], 'LAST')).toEqual([]);
    expect(targetErrors('90', ['92', '88', '90', '80'], 'AVERAGE')).toEqual([]);
  });
});
