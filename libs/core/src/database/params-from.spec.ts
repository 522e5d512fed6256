import { paramsFrom } from './transaction.service';

// A statement that rides in another's parameter list (the audit tail, decision 0021; the cash book's entries and the
// budget lines' lock of an SP2D, decision 0029) has its parameters renumbered after the host's.
describe('paramsFrom', () => {
  it('renumbers every parameter from the base, multi-digit ones whole', () => {
    expect(paramsFrom('SELECT $1::uuid[], $2, $10, $1', 10)).toBe('SELECT $11::uuid[], $12, $20, $11');
    expect(paramsFrom('INSERT INTO t VALUES ($3)', 0)).toBe('INSERT INTO t VALUES ($3)');
  });

  it('leaves a statement without parameters as it is', () => {
    expect(paramsFrom(`SELECT 'a' || current_date::text`, 7)).toBe(`SELECT 'a' || current_date::text`);
  });
});
