import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import pino from 'pino';
import { Writable } from 'node:stream';
import { requestLogRoutes, requestLogSerializers } from './request-log';

function request(): IncomingMessage & { id: string; originalUrl: string } {
  const req = new IncomingMessage(new Socket()) as IncomingMessage & { id: string; originalUrl: string };
  req.method = 'GET';
  req.url = '/budget-lines?page=2';
  req.originalUrl = '/api/v1/budget-lines?page=2';
  req.headers = { authorization: 'Bearer secret-token', cookie: 'sid=secret-cookie', 'user-agent': 'curl/8' };
  req.id = 'req-1';
  return req;
}

describe('request log lines', () => {
  it('carry the request id, method, URL, agent and status, and no credential', () => {
    const req = request();
    const res = new ServerResponse(req);
    const lines: string[] = [];
    const out = new Writable({ write(chunk, _e, done) { lines.push(String(chunk)); done(); } });
    const log = pino({ serializers: requestLogSerializers }, out);
    log.child({ req }).info({ res, responseTime: 3 }, 'request completed');
    const line = JSON.parse(lines[0]);
    expect(line.req).toEqual({ id: 'req-1', method: 'GET', url: '/api/v1/budget-lines?page=2', userAgent: 'curl/8' });
    expect(line.res).toEqual({ statusCode: null });
    expect(line.responseTime).toBe(3);
    expect(lines[0]).not.toMatch(/secret/);
  });

  it('mount no request logger when nothing can be logged', () => {
    expect(requestLogRoutes('silent', ['*path'])).toEqual([]);
    expect(requestLogRoutes('info', ['*path'])).toEqual(['*path']);
    expect(requestLogRoutes('error', ['*path'])).toEqual(['*path']);
  });
});
