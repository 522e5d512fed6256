import { Agent, createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { checkApproved, postUntilLastByte } from './rka-approval.bench';

// The RKA approval row times the API in its own process until the answer's
// last byte has arrived and checks the answer after (decision 0238).
describe('RKA approval row: the client of the API in its own process', () => {
  let server: Server;
  let url: string;
  let seen: { method?: string; auth?: string; body: string };
  let ended: boolean;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => {
        seen = { method: req.method, auth: req.headers.authorization, body };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"id":"d1","status":"APPR');
        // the last byte comes later: the time must not stop at the headers or the first chunk
        setTimeout(() => { ended = true; res.end('OVED","items":[]}'); }, 30);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/approve`;
  });
  afterAll(async () => {
    agent.destroy();
    await new Promise((r) => server.close(r));
  });

  it('sends what the bench sends to the in-process API and resolves only after the last byte, with the bytes unparsed', async () => {
    ended = false;
    const res = await postUntilLastByte(url, 'tok', agent);
    expect(ended).toBe(true);
    expect(seen).toEqual({ method: 'POST', auth: 'Bearer tok', body: '{}' });
    expect(res.status).toBe(200);
    expect(Buffer.isBuffer(res.body)).toBe(true);
    expect(res.body.toString()).toBe('{"id":"d1","status":"APPROVED","items":[]}');
    expect(res.ms).toBeGreaterThan(0);
  });

  it('accepts only the approved document\'s detail with its 500 items', () => {
    const detail = (o: object) => Buffer.from(JSON.stringify(o));
    const items = Array.from({ length: 500 }, (_, i) => ({ lineNo: i + 1 }));
    expect(() => checkApproved('d1', 200, detail({ id: 'd1', status: 'APPROVED', items }))).not.toThrow();
    expect(() => checkApproved('d1', 422, detail({ code: 'EXCEEDS_CEILING' }))).toThrow(/422 .*EXCEEDS_CEILING/);
    expect(() => checkApproved('d1', 200, detail({ id: 'd2', status: 'APPROVED', items }))).toThrow();
    expect(() => checkApproved('d1', 200, detail({ id: 'd1', status: 'SUBMITTED', items }))).toThrow();
    expect(() => checkApproved('d1', 200, detail({ id: 'd1', status: 'APPROVED', items: items.slice(1) }))).toThrow();
  });
});
