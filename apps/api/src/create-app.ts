import { INestApplication, Logger, LogLevel, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, createValidationPipe, inputGuard, noStore, SMALL_BODY_ROUTES, verifyJsonText } from '@grms/core';
import { json } from 'express';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';

export const API_PREFIX = 'api/v1';

function logLevels(level: string): LogLevel[] | false {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const map: Record<string, number> = { fatal: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };
  if (level === 'silent') return false;
  return order.slice(0, (map[level] ?? 3) + 1);
}

/** Builds the HTTP application (not yet listening): used by main and by the end-to-end tests. */
export async function createApp(config: AppConfig, databaseUrl: string): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, databaseUrl }), {
    logger: logLevels(config.logLevel),
    bodyParser: false,
    bufferLogs: config.logLevel !== 'silent',
  });
  app.useLogger(app.get(PinoLogger));
  app.use(`/${API_PREFIX}`, noStore);
  // Routes that take a few fields get a small limit, parsed first (a parsed
  // body is not parsed again); every other route the configured upper limit.
  // The raw text's shape is checked before JSON.parse builds anything.
  for (const route of SMALL_BODY_ROUTES) app.use(`/${API_PREFIX}${route.path}`, json({ limit: route.limit, verify: verifyJsonText }));
  app.useBodyParser('json', { limit: config.upperBodyLimit, verify: verifyJsonText });
  app.useBodyParser('urlencoded', { limit: config.upperBodyLimit, extended: false });
  // Bounded shape, no NUL, no prototype keys: checked before any DTO work.
  app.use(inputGuard());
  if (config.trustProxy) app.set('trust proxy', true);
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());

  const doc = new DocumentBuilder()
    .setTitle('GRMS API')
    .setDescription('Government Resources Management System: standard prices, budgeting, project planning, contracts, payments, controlling and performance, over one budget-line ledger. Money is a decimal string with two decimals; errors are RFC 9457 problem details.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, doc);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', swaggerOptions: { persistAuthorization: true } });
  new Logger('GRMS').debug?.('application created');
  return app;
}
