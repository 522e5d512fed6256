import { readableLine } from './readable-log';

describe('readable log lines', () => {
  it('turns a pino request line into one short line', () => {
    const json = JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 2, 3, 4, 5), msg: 'request completed', req: { method: 'GET', url: '/api/v1/budget-lines' }, res: { statusCode: 200 }, responseTime: 12 });
    expect(readableLine(json, false)).toBe('03:04:05 INFO  request completed GET /api/v1/budget-lines 200 12ms');
  });

  it('hides the framework start-up chatter below debug, keeps warnings', () => {
    const mapped = JSON.stringify({ level: 30, context: 'RouterExplorer', msg: 'Mapped {/api/v1/users, GET} route' });
    expect(readableLine(mapped, false)).toBeNull();
    expect(readableLine(mapped, true)).toContain('[RouterExplorer] Mapped');
    expect(readableLine(JSON.stringify({ level: 40, context: 'RouterExplorer', msg: 'x' }), false)).toContain('WARN');
  });

  it('passes a line that is not JSON through', () => {
    expect(readableLine('plain text', false)).toBe('plain text');
  });
});
