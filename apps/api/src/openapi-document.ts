import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@grms/core';
import { AppModule } from './app.module';
import { API_PREFIX, buildOpenApiDocument, PREFIX_EXCLUDE } from './create-app';

// Writes the OpenAPI document to a file without a database or a listening
// server (`npm run openapi`), for the linters of `npm run lint`.
async function main(): Promise<void> {
  const out = process.argv[2] ?? 'dist/openapi.json';
  const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'openapi-document-only-openapi-document', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.register({ config, databaseUrl: config.databaseUrl! }), { preview: true, logger: false });
  app.setGlobalPrefix(API_PREFIX, { exclude: PREFIX_EXCLUDE });
  const doc = buildOpenApiDocument(app);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  await app.close();
  process.stdout.write(`OpenAPI document written to ${out}\n`);
}

main().catch((e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
