import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { TestApp } from './test-app';

/** The test app's HTTP server listening on a free loopback port, for raw HTTP clients (bodies sent piece by piece). */
export async function listening(t: TestApp): Promise<{ server: Server; port: number }> {
  const server = t.app.getHttpServer() as Server;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, port: (server.address() as AddressInfo).port };
}
