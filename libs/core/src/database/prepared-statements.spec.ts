import { createHash } from 'node:crypto';
import { MAX_PREPARED_PER_CONNECTION, preparedName, prepareStatementsOn } from './prepared-statements';

class FakeConnection {
  readonly sent: unknown[][] = [];
  query(...args: unknown[]): string {
    this.sent.push(args);
    return 'result';
  }
}

describe('prepared statements on one connection (decision 0027)', () => {
  it('sends a statement with parameters as a named statement whose name is a hash of its text, and restores the connection', () => {
    const c = new FakeConnection();
    const unprepare = prepareStatementsOn(c);
    expect(c.query('SELECT * FROM spm WHERE id = $1', ['a'])).toBe('result');
    c.query('SELECT * FROM spm WHERE id = $1', ['b']);
    c.query('SELECT * FROM spp WHERE id = $1', ['c']);
    expect(c.sent).toEqual([
      [{ name: preparedName('SELECT * FROM spm WHERE id = $1'), text: 'SELECT * FROM spm WHERE id = $1', values: ['a'] }],
      [{ name: preparedName('SELECT * FROM spm WHERE id = $1'), text: 'SELECT * FROM spm WHERE id = $1', values: ['b'] }],
      [{ name: preparedName('SELECT * FROM spp WHERE id = $1'), text: 'SELECT * FROM spp WHERE id = $1', values: ['c'] }],
    ]);
    expect(preparedName('SELECT * FROM spm WHERE id = $1')).not.toBe(preparedName('SELECT * FROM spp WHERE id = $1'));
    expect(preparedName('x').length).toBeLessThan(64); // PostgreSQL's NAMEDATALEN
    unprepare();
    c.query('SELECT * FROM spm WHERE id = $1', ['d']);
    expect(c.sent[3]).toEqual(['SELECT * FROM spm WHERE id = $1', ['d']]);
    expect(Object.prototype.hasOwnProperty.call(c, 'query')).toBe(false);
  });

  it('leaves statements without parameters (BEGIN, COMMIT, SAVEPOINT) and callback calls as they were', () => {
    const c = new FakeConnection();
    const unprepare = prepareStatementsOn(c);
    const cb = (): void => undefined;
    c.query('COMMIT');
    c.query('SELECT 1', undefined);
    c.query('SELECT 1', []);
    c.query('SELECT $1', [1], cb);
    expect(c.sent).toEqual([['COMMIT'], ['SELECT 1', undefined], ['SELECT 1', []], ['SELECT $1', [1], cb]]);
    unprepare();
  });

  it('keeps at most MAX_PREPARED_PER_CONNECTION names per connection, across transactions; beyond, statements go unnamed', () => {
    const c = new FakeConnection();
    let unprepare = prepareStatementsOn(c);
    for (let i = 0; i < MAX_PREPARED_PER_CONNECTION; i++) c.query(`SELECT $1 + ${i}`, [i]);
    unprepare();
    unprepare = prepareStatementsOn(c);
    c.query('SELECT $1 + 0', [0]);
    c.query('SELECT $1 - 1', [1]);
    unprepare();
    const last = c.sent.slice(-2);
    expect(last[0]).toEqual([{ name: preparedName('SELECT $1 + 0'), text: 'SELECT $1 + 0', values: [0] }]);
    expect(last[1]).toEqual(['SELECT $1 - 1', [1]]);
  });

  it('sends a prepared statement\'s messages in one write: the socket is corked while the driver writes them', () => {
    const events: string[] = [];
    const c = new FakeConnection() as FakeConnection & { connection: { stream: { cork(): void; uncork(): void } } };
    c.connection = { stream: { cork: () => events.push('cork'), uncork: () => events.push('uncork') } };
    const query = c.query.bind(c);
    c.query = (...args: unknown[]) => { events.push('query'); return query(...args); };
    const unprepare = prepareStatementsOn(c);
    c.query('SELECT $1', [1]);
    c.query('COMMIT');
    unprepare();
    expect(events).toEqual(['cork', 'query', 'uncork', 'query']);
  });

  it('names a text by its SHA-1 every time, from the memo or afresh, past the memo\'s bound too', () => {
    const sha1 = (t: string): string => `grms_${createHash('sha1').update(t).digest('hex')}`;
    for (let i = 0; i < 2500; i++) expect(preparedName(`SELECT $1 + ${i % 1200}`)).toBe(sha1(`SELECT $1 + ${i % 1200}`));
  });

  it('restores a query function that was the connection\'s own', () => {
    const c = new FakeConnection();
    const own = function (this: FakeConnection, ...args: unknown[]): string { this.sent.push(['own', ...args]); return 'own'; };
    (c as unknown as { query: unknown }).query = own;
    prepareStatementsOn(c)();
    expect((c as unknown as { query: unknown }).query).toBe(own);
  });
});
