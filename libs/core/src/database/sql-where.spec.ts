import { SqlWhere } from './sql-where';

describe('SqlWhere', () => {
  it('numbers parameters, skips empty filters and repeats a placeholder', () => {
    const w = new SqlWhere().scope('s.organization_id', ['a']).add('s.year = ?', 2026).add('s.status = ?', undefined).add('(c = ? OR c LIKE ? || \'.%\')', '5.1');
    expect(w.clause).toBe("WHERE s.organization_id = ANY($1::uuid[]) AND s.year = $2 AND (c = $3 OR c LIKE $3 || '.%')");
    expect(w.params).toEqual([['a'], 2026, '5.1']);
    expect(w.page(50, 100)).toEqual({ sql: 'LIMIT $4 OFFSET $5', params: [['a'], 2026, '5.1', 50, 100] });
  });

  it('is empty without filters and without scope for province-wide users', () => {
    expect(new SqlWhere().scope('x', null).clause).toBe('');
  });
});
