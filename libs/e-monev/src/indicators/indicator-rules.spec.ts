import { percentErrors, targetErrors, verifiedFieldChanges } from './indicators.service';

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

  it('names what a verified quarter was measured against, and nothing before a verification', () => {
    const m = { unit: 'Ruang', direction: 'HIGHER_IS_BETTER', aggregation: 'SUM', quarterly: ['1.0000', '3.0000', '6.0000', '8.0000'] };
    expect(verifiedFieldChanges([], m, { ...m, unit: 'Unit', quarterly: ['2', '3', '6', '8'] })).toEqual([]);
    expect(verifiedFieldChanges([1], m, { ...m, quarterly: ['1', '4', '7', '10'] })).toEqual([]);
    expect(verifiedFieldChanges([1, 2], m, { ...m, aggregation: 'LAST', quarterly: ['1', '3.5', '6', '8'] }).map((e) => e.field)).toEqual(['aggregation', 'quarterlyTargets.1']);
  });
});
