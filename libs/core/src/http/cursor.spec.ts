import { keysetAfter, Keyset } from './cursor';

// The row comparison of a cursor page leaves out the leading key columns the
// list's WHERE fixes to the cursor's own value (decision 0023), so the index
// range starts at the cursor instead of at the first row of the year.
describe('keysetAfter', () => {
  const keyset: Keyset<{ year: number; code: string; id: string }> = {
    name: 't', parts: [{ sql: 'b.fiscal_year', type: 'int', field: 'year' }, { sql: 'b.code', type: 'text', field: 'code' }, { sql: 'b.id', type: 'uuid', field: 'id' }],
  };
  const id = '00000000-0000-4000-8000-000000000001';

  it('compares every key column when nothing is pinned', () => {
    expect(keysetAfter(keyset, [2026, 'X', id], 2)).toEqual({ sql: '(b.fiscal_year, b.code, b.id) > ($3::int, $4::text, $5::uuid)', params: [2026, 'X', id] });
  });

  it('leaves out a leading column pinned to the cursor\'s value, renumbering the parameters', () => {
    expect(keysetAfter(keyset, [2026, 'X', id], 2, { 'b.fiscal_year': 2026 })).toEqual({ sql: '(b.code, b.id) > ($3::text, $4::uuid)', params: ['X', id] });
  });

  it('keeps it when the cursor was taken under another value, or the filter is absent', () => {
    expect(keysetAfter(keyset, [2025, 'X', id], 0, { 'b.fiscal_year': 2026 }).sql).toBe('(b.fiscal_year, b.code, b.id) > ($1::int, $2::text, $3::uuid)');
    expect(keysetAfter(keyset, [2026, 'X', id], 0, { 'b.fiscal_year': undefined }).sql).toBe('(b.fiscal_year, b.code, b.id) > ($1::int, $2::text, $3::uuid)');
  });

  it('never leaves out the last (unique) column, and keeps the direction of a descending list', () => {
    const desc = { ...keyset, descending: true };
    expect(keysetAfter(desc, [2026, 'X', id], 0, { 'b.fiscal_year': 2026, 'b.code': 'X', 'b.id': id })).toEqual({ sql: '(b.id) < ($1::uuid)', params: [id] });
  });
});
