import fc from 'fast-check';
import { compareCodes, SourceEntry, sourceTree, totalsOf } from './source-tree';
import { cardTotals, withRemaining } from './control-card.service';

const LIST: SourceEntry[] = [
  { code: '1', name: 'DANA UMUM', level: 1, parentCode: null },
  { code: '1.1', name: 'PAD', level: 2, parentCode: '1' },
  { code: '1.1.1', name: 'Pajak Daerah', level: 3, parentCode: '1.1' },
  { code: '1.1.1.01', name: 'PKB', level: 4, parentCode: '1.1.1' },
  { code: '1.1.1.10', name: 'PPJ', level: 4, parentCode: '1.1.1' },
  { code: '2', name: 'DANA KHUSUS', level: 1, parentCode: null },
  { code: '2.2.1.01.03', name: 'DAK Fisik', level: 5, parentCode: '2' },
  { code: '2.2.1.01.03.01', name: 'DAK Fisik SD', level: 6, parentCode: '2.2.1.01.03' },
  { code: '2.2.1.01.03.11', name: 'DAK Fisik Jalan', level: 6, parentCode: '2.2.1.01.03' },
];
const LEAVES = ['1.1.1.01', '1.1.1.10', '2.2.1.01.03.01', '2.2.1.01.03.11'];
const sen = (s: string) => BigInt(s.replace('.', ''));
const amount = fc.bigInt({ min: 0n, max: 10n ** 15n }).map((n) => `${n / 100n}.${(n % 100n).toString().padStart(2, '0')}`);

describe('realisation per funding source: the tree of subtotals', () => {
  it('orders codes segment by segment, numerically', () => {
    expect(['1.1.1.10', '2', '1.1.1.01', '1.1', '1', '1.1.1.9'].sort(compareCodes)).toEqual(['1', '1.1', '1.1.1.01', '1.1.1.9', '1.1.1.10', '2']);
  });

  it('every parent is the exact sum of its sources; the totals split general + earmarked exactly', () => {
    fc.assert(fc.property(fc.array(fc.record({ code: fc.constantFrom(...LEAVES), budget: amount, realized: amount }), { maxLength: 12 }), (raw) => {
      const amounts = [...new Map(raw.map((a) => [a.code, a])).values()];
      const rows = sourceTree(amounts, LIST);
      for (const r of rows.filter((x) => !x.leaf)) {
        const under = amounts.filter((a) => a.code.startsWith(`${r.code}.`));
        expect(sen(r.budget)).toBe(under.reduce((s, a) => s + sen(a.budget), 0n));
        expect(sen(r.realized)).toBe(under.reduce((s, a) => s + sen(a.realized), 0n));
      }
      for (const r of rows) expect(sen(r.remaining)).toBe(sen(r.budget) - sen(r.realized));
      const all = totalsOf(amounts), general = totalsOf(amounts, (c) => c.startsWith('1')), earmarked = totalsOf(amounts, (c) => c.startsWith('2'));
      expect(sen(general.budget) + sen(earmarked.budget)).toBe(sen(all.budget));
      expect(sen(general.realized) + sen(earmarked.realized)).toBe(sen(all.realized));
      expect(rows.filter((r) => r.earmarked).every((r) => r.code.startsWith('2'))).toBe(true);
    }));
  });

  it('names each row from the list, marks earmarked funds, and keeps an unknown code as its own row', () => {
    const rows = sourceTree([{ code: '2.2.1.01.03.11', budget: '300.00', realized: '100.00' }, { code: '9.9', budget: '1.00', realized: '0.00' }], LIST);
    expect(rows.map((r) => [r.code, r.name, r.leaf, r.earmarked, r.budget, r.percent])).toEqual([
      ['2', 'DANA KHUSUS', false, true, '300.00', '33.33'],
      ['2.2.1.01.03', 'DAK Fisik', false, true, '300.00', '33.33'],
      ['2.2.1.01.03.11', 'DAK Fisik Jalan', true, true, '300.00', '33.33'],
      ['9.9', '9.9', true, false, '1.00', '0.00'],
    ]);
  });
});

describe('control card arithmetic', () => {
  it('remaining budget and SPD are exact, and the totals are the column sums', () => {
    fc.assert(fc.property(fc.array(fc.tuple(amount, amount, amount, amount, amount), { maxLength: 8 }), (raw) => {
      const rows = raw.map(([budget, spd, ls, upGu, tu]) => {
        const realized = `${(sen(ls) + sen(upGu) + sen(tu)) / 100n}.${((sen(ls) + sen(upGu) + sen(tu)) % 100n).toString().padStart(2, '0')}`;
        return withRemaining({ budget, spd, realizedLs: ls, realizedUpGu: upGu, realizedTu: tu, realized });
      });
      for (const r of rows) {
        expect(sen(r.remainingBudget)).toBe(sen(r.budget) - sen(r.realized));
        expect(sen(r.remainingSpd)).toBe(sen(r.spd) - sen(r.realized));
      }
      const t = cardTotals(rows);
      expect(sen(t.realized)).toBe(sen(t.realizedLs) + sen(t.realizedUpGu) + sen(t.realizedTu));
      expect(sen(t.budget)).toBe(rows.reduce((s, r) => s + sen(r.budget), 0n));
      expect(sen(t.remainingSpd)).toBe(sen(t.spd) - sen(t.realized));
    }));
  });
});
