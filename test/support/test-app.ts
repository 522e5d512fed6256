import { INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '@grms/core';
import { createApp, buildOpenApiDocument } from '../../apps/api/src/create-app';
import { asAppRole, withDatabase } from './database';
import { OpenApiValidator } from './openapi-validator';
import { testDataDir } from './run-folder';

export const PASSWORD = 'grms-demo';
export const DEMO = ['admin', 'price-admin', 'planner-a', 'planner-b', 'verifier', 'project-officer-a', 'treasurer-a', 'finance-officer-a', 'cash-authority', 'auditor'] as const;
export type DemoUser = (typeof DEMO)[number];

export interface TestApp {
  app: INestApplication;
  /** The test database as the API's least-privileged role. */
  url: string;
  /** The same database as the cluster superuser (what an attacker with full database access holds). */
  ownerUrl: string;
  dbName: string;
  db: DataSource;
  token(user: DemoUser | string, password?: string): Promise<string>;
  req(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string, opts?: { user?: string; body?: unknown; headers?: Record<string, string> }): Promise<request.Response>;
  get(path: string, user?: DemoUser | string): Promise<request.Response>;
  post(path: string, body: unknown, user?: DemoUser | string, headers?: Record<string, string>): Promise<request.Response>;
  patch(path: string, body: unknown, user?: DemoUser | string): Promise<request.Response>;
  put(path: string, body: unknown, user?: DemoUser | string): Promise<request.Response>;
  del(path: string, user?: DemoUser | string): Promise<request.Response>;
  /** SQL on the API's own connection pool, i.e. as the API's role. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** SQL as the cluster superuser, on a connection of its own. */
  superSql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  orgId(demoKey: 'A' | 'B' | 'C'): Promise<string>;
  close(): Promise<void>;
}

const ORG_CODES = { A: '1.01.0.00.0.00.01.0000', B: '1.02.0.00.0.00.01.0000', C: '1.03.0.00.0.00.01.0000' };

/** A fresh database copied from the migrated and seeded template, and the app over it. */
export async function createTestDatabase(): Promise<{ url: string; ownerUrl: string; name: string }> {
  const adminUrl = process.env.GRMS_TEST_ADMIN_URL!;
  const template = process.env.GRMS_TEST_TEMPLATE!;
  const name = `grms_t_${template.replace('grms_template_', '')}_${randomBytes(4).toString('hex')}`;
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await c.end();
  const ownerUrl = withDatabase(adminUrl, name);
  return { url: asAppRole(ownerUrl), ownerUrl, name };
}

async function superSql<T>(url: string, query: string, params?: unknown[]): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(query, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** `env` may depend on the name of the test database (a replica URL names it). */
export async function startTestApp(env: Record<string, string> | ((dbName: string) => Record<string, string>) = {}): Promise<TestApp> {
  const { url, ownerUrl, name } = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test', JWT_SECRET: 'test-secret-test-secret-test-secret-0123', DATABASE_URL: url, LOG_LEVEL: 'silent',
    GRMS_DATA_DIR: testDataDir(), ...(typeof env === 'function' ? env(name) : env),
  });
  const documentFile = process.env.GRMS_TEST_OPENAPI_FILE;
  const openApi = documentFile ? (JSON.parse(readFileSync(documentFile, 'utf8')) as OpenAPIObject) : undefined;
  const app = await createApp(config, url, { openApi });
  await app.init();
  const server = app.getHttpServer();
  // every response is checked against the OpenAPI document (status, content type, body)
  const violations: string[] = [];
  const document = documentFile ? JSON.parse(readFileSync(documentFile, 'utf8')) : buildOpenApiDocument(app);
  new OpenApiValidator(document as never).watch(server, violations);
  const failOnViolations = () => {
    if (violations.length) throw new Error(`responses that break the OpenAPI document:\n${violations.splice(0).join('\n')}`);
  };
  const db = app.get(DataSource);
  const tokens = new Map<string, string>();
  const token = async (user: string, password = PASSWORD) => {
    const key = `${user}\u0000${password}`;
    if (!tokens.has(key)) {
      const res = await request(server).post('/api/v1/auth/login').send({ username: user, password });
      if (res.status !== 200) throw new Error(`login ${user} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(key, res.body.accessToken);
    }
    return tokens.get(key)!;
  };
  const api = (p: string) => (p === '/' || p.startsWith('/health') || p.startsWith('/docs') ? p : `/api/v1${p}`);
  const req: TestApp['req'] = async (method, path, opts = {}) => {
    let t = request(server)[method](api(path));
    if (opts.user) t = t.set('Authorization', `Bearer ${await token(opts.user)}`);
    for (const [k, v] of Object.entries(opts.headers ?? {})) t = t.set(k, v);
    if (opts.body !== undefined) t = t.send(opts.body as object);
    const res = await t;
    failOnViolations();
    return res;
  };
  return {
    app, url, ownerUrl, dbName: name, db, token, req,
    get: (path, user) => req('get', path, { user }),
    post: (path, body, user, headers) => req('post', path, { user, body, headers }),
    patch: (path, body, user) => req('patch', path, { user, body }),
    put: (path, body, user) => req('put', path, { user, body }),
    del: (path, user) => req('delete', path, { user }),
    sql: (q, p) => db.query(q, p),
    superSql: (q, p) => superSql(ownerUrl, q, p),
    orgId: async (k) => (await db.query(`SELECT id FROM organizations WHERE code = $1`, [ORG_CODES[k]]))[0].id,
    close: async () => {
      await app.close();
      failOnViolations();
      if (process.env.DATABASE_URL) {
        const c = new Client({ connectionString: process.env.GRMS_TEST_ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      }
    },
  };
}
