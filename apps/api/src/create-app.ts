import { INestApplication, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, bodyLimits, createValidationPipe, declaredBodyLimits, DEFAULT_BODY_LIMIT, finishDocument, FiscalYearExistsPipe, inputGuard, jsonShapeStream, noStore, verifyJsonText } from '@grms/core';
import { JsonTextExpressAdapter } from '@grms/core';
import { DataSource } from 'typeorm';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';

import { API_PREFIX, PREFIX_EXCLUDE } from './prefix';
import { webApp, webAppDir } from './web-app';

export { API_PREFIX, PREFIX_EXCLUDE };

function logLevels(level: string): LogLevel[] | false {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const map: Record<string, number> = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };
  if (level === 'silent') return false;
  return order.slice(0, (map[level] ?? 3) + 1);
}

/** The tags of the document, one per area, in the order a reader meets them. */
export const API_TAGS: Array<[string, string]> = [
  ['auth', 'Log in and the signed-in user. Every other route needs the bearer token that login returns.'],
  ['users', 'User accounts and their roles (ADMIN).'],
  ['reference data', 'Fiscal years, organizations (OPD), nomenclature, accounts, funding sources and the tax table.'],
  ['budget lines and ledger', 'The budget lines of the one ledger, their entries, and the proof that every balance equals its entries.'],
  ['e-HSB', 'Standard unit prices (SSH, HSPK, ASB, SBU) per fiscal year: catalogue, versions, imports and locks.'],
  ['e-budgeting', 'Ceilings, budget documents (RKA to DPA), items, cash plans, revisions, reviews and exports.'],
  ['e-project-planning', 'Work packages (paket) on DPA lines, procurement method thresholds, S-curves and financial plans, the RUP and the RKO.'],
  ['e-delivery', 'Vendors, contracts and their commitment, addenda, termins, progress reports, handovers, the contract register and OCDS open data.'],
  ['e-penatausahaan', 'Budget execution: SPD, SPP, SPM, SP2D, advances and SPJ, taxes, UP limits and the cash book (BKU).'],
  ['e-controlling', 'Plan against actual: S-curve against verified progress, kontrak kritis status and escalation, absorption (serapan), the monthly RFK frozen per month, early warnings.'],
  ['reports', 'Reports from the ledger: the budget realisation report (LRA) in the statutory structure.'],
  ['e-monev', 'Performance: indicators and targets per row of the nomenclature, quarterly realisations verified by Bappeda, the quarterly evaluation report (Permendagri 86/2017) beside the ledger.'],
  ['audit', 'The hash-chained audit trail: every change, who made it and in which request.'],
  ['operations', 'Health of the API and its database.'],
];

/** The OpenAPI document of the application (no server needs to listen). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('GRMS API')
    .setDescription('Government Resources Management System: standard prices, budgeting, project planning, contracts, payments, controlling and performance, over one budget-line ledger. Money is a decimal string with two decimals; errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`.')
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'this server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const [name, description] of API_TAGS) builder.addTag(name, description);
  const config = builder.build();
  config.info.contact = { name: 'GRMS maintainers' };
  return finishDocument(SwaggerModule.createDocument(app, config));
}

const DOCUMENTS = new WeakMap<INestApplication, OpenAPIObject>();

/** The OpenAPI document an application built by createApp serves at /docs-json. */
export function openApiDocumentOf(app: INestApplication): OpenAPIObject {
  const document = DOCUMENTS.get(app);
  if (!document) throw new Error('not an application built by createApp');
  return document;
}

export interface CreateAppOptions {
  /**
   * The OpenAPI document, when the caller already holds the one this code
   * builds (the end-to-end tests build it once per run, not once per file:
   * it only depends on the code).
   */
  openApi?: OpenAPIObject;
}

/** Builds the HTTP application (not yet listening): used by main and by the end-to-end tests. */
export async function createApp(config: AppConfig, databaseUrl: string, options: CreateAppOptions = {}): Promise<INestApplication> {
  // the adapter also sends bodies that are already JSON text as they are (decision 0237)
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, databaseUrl }), new JsonTextExpressAdapter(), {
    logger: logLevels(config.logLevel),
    bodyParser: false,
    bufferLogs: config.logLevel !== 'silent',
  });
  app.useLogger(app.get(PinoLogger));
  app.use(`/${API_PREFIX}`, noStore);
  // Every route takes at most DEFAULT_BODY_LIMIT unless it declares more with
  // @BodyLimit; the limit is enforced before the body is read (decision 0015).
  // The raw text's shape is checked before JSON.parse builds anything.
  // A JSON body's shape is scanned chunk by chunk while it arrives (decision 0050).
  const limits = bodyLimits({ routes: declaredBodyLimits(API_PREFIX), defaultLimit: DEFAULT_BODY_LIMIT, ceiling: config.upperBodyLimit, verify: verifyJsonText });
  app.use(limits.check);
  app.use(jsonShapeStream());
  app.use(limits.parse);
  // Bounded shape, no NUL, no prototype keys: checked before any DTO work.
  app.use(inputGuard());
  if (config.trustProxy) app.set('trust proxy', true);
  // No ETag on a sent body: every API response is `no-store`, so nobody revalidates it, and the SHA-1
  // of each body was CPU for nothing (decision 0067). The web app's files keep theirs (express.static).
  app.set('etag', false);
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  // The web app (apps/web, built into dist/web) at `/` for browsers; the JSON index stays for API clients.
  const web = webAppDir();
  if (web) app.use(webApp(web));
  app.setGlobalPrefix(API_PREFIX, { exclude: PREFIX_EXCLUDE });
  // validation first; then an unknown fiscal year in the query or path is 404 FISCAL_YEAR_NOT_FOUND on every route
  app.useGlobalPipes(createValidationPipe(), new FiscalYearExistsPipe(app.get(DataSource)));

  const document = options.openApi ?? buildOpenApiDocument(app);
  DOCUMENTS.set(app, document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', swaggerOptions: { persistAuthorization: true } });
  new Logger('GRMS').debug?.('application created');
  return app;
}
