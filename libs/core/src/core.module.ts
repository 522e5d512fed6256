import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit/audit.controller';
import { AuditQueryService } from './audit/audit-query.service';
import { AuditService } from './audit/audit.service';
import { AUDIT_KEYS, loadAuditKeys } from './audit/audit-keys';
import { AuditSequencer } from './audit/audit-sequencer';
import { AccessService } from './auth/access.service';
import { AuthController } from './auth/auth.controller';
import { GrmsAuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { BearerTokenVerifier } from './auth/bearer-token';
import { JwtStrategy } from './auth/jwt.strategy';
import { AuthUserCache } from './auth/auth-user-cache';
import { LoginThrottleService } from './auth/login-throttle.service';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { TransactionService } from './database/transaction.service';
import { PoolErrorGuard } from './database/pool-error-guard';
import { ReadRouter } from './database/replica/read-router';
import { ReplicaMonitor } from './database/replica/replica-monitor';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { requestIdOf, RequestContextMiddleware } from './http/request-context.middleware';
import { RequestContext } from './context/request-context';
import { LoggerModule } from 'nestjs-pino';
import { logDestination } from './logging/readable-log';
import { requestLogRoutes, requestLogSerializers } from './logging/request-log';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import './dto-examples'; // request-body examples of the OpenAPI document

export interface CoreModuleOptions {
  config: AppConfig;
  databaseUrl: string;
}

@Global()
@Module({})
export class CoreModule implements NestModule {
  static forRoot(opts: CoreModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: opts.databaseUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          logging: ['debug', 'trace'].includes(opts.config.logLevel) ? ['query', 'error'] : false,
          extra: { max: opts.config.dbPoolSize, connectionTimeoutMillis: 30000, application_name: 'grms-api', options: '-c default_transaction_isolation=read\\ committed' },
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        LoggerModule.forRoot({
          // the named wildcard of path-to-regexp 8 (a bare '*' is converted with a warning at start); none when silent (decision 0065)
          forRoutes: requestLogRoutes(opts.config.logLevel, [{ path: '*path', method: RequestMethod.ALL }]),
          pinoHttp: [{
            level: opts.config.logLevel,
            genReqId: (req, res) => requestIdOf(req as never, res as never),
            // lean fields read straight off the request, no headers (decision 0065)
            wrapSerializers: false,
            serializers: requestLogSerializers,
            customProps: () => ({ userId: RequestContext.user()?.id }),
            autoLogging: { ignore: (req) => req.url === '/health' },
          }, logDestination(opts.config.logLevel)],
        }),
        PassportModule,
        JwtModule.register({ secret: opts.config.jwtSecret, signOptions: { algorithm: 'HS256' } }),
        TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false }),
      ],
      controllers: [AuthController, UsersController, AuditController, HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: opts.config },
        {
          provide: AUDIT_KEYS,
          useFactory: () => loadAuditKeys({ dataDir: opts.config.dataDir, generate: opts.config.nodeEnv !== 'production' || opts.config.databaseUrl === null }),
        },
        AuditSequencer, PoolErrorGuard,
        TransactionService, AuditService, AuditQueryService, AccessService, AuthService, BearerTokenVerifier, JwtStrategy, AuthUserCache,
        LoginThrottleService, UsersService,
        ReplicaMonitor, ReadRouter,
        { provide: APP_GUARD, useClass: GrmsAuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [APP_CONFIG, AUDIT_KEYS, AuditSequencer, TransactionService, AuditService, AuditQueryService, AccessService, UsersService, ReadRouter, ReplicaMonitor],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
