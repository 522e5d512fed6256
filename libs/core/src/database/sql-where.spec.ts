import { SqlWhere } from './sql-where';

describe('SqlWhere', () => {
  it('numbers parameters, skips empty filters and repeats a placeholder', () => {
    const w = new SqlWhere().scope('s.organization_id', ['a', 'b']).add('s.year = ?', 2026).add('s.status = ?', undefined).add('(c = ? OR c LIKE ? || \'.%\')', '5.1');
    expect(w.clause).toBe("WHERE s.organization_id = ANY($1::uuid[]) AND s.year = $2 AND (c = $3 OR c LIKE $3 || '.%')");
    expect(w.params).toEqual([['a', 'b'], 2026, '5.1']);
    expect(w.page(50, 100)).toEqual({ sql: 'LIMIT $4 OFFSET $5', params: [['a', 'b'], 2026, '5.1', 50, 100] });
  });

  it('makes a scope of one organization an equality, and of several a list', () => {
    expect(new SqlWhere().scope('b.organization_id', ['a']).add('b.year = ?', 2026).clause).toBe('WHERE b.organization_id = $1::uuid AND b.year = $2');
    expect(new SqlWhere().scope('b.organization_id', ['a']).params).toEqual(['a']);
    expect(new SqlWhere().scope('b.organization_id', ['a', 'b']).clause).toBe('WHERE b.organization_id = ANY($1::uuid[])');
    expect(new SqlWhere().scope('b.organization_id', []).clause).toBe('WHERE b.organization_id = ANY($1::uuid[])');
  });

  it('is empty without filters and without scope for province-wide users', () => {
    expect(new SqlWhere().scope('x', null).clause).toBe('');
  });
});
