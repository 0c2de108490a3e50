import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ErrorMappingInterceptor } from './common/error-mapping.interceptor.js';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as Pino } from 'pino';
import { DataSource } from 'typeorm';
import { AuthModule } from './auth/auth.module.js';
import { AuditLog } from './audit/audit-log.js';
import { AuditModule } from './audit/audit.module.js';
import { TokenService } from './auth/token.service.js';
import { graphqlConfig } from './graphql.config.js';
import { createValidationPipe, RejectControlCharactersPipe } from './common/validation.js';
import { DATABASE_URL, LIVE_EVENTS, ROOT_LOGGER } from './common/tokens.js';
import { LivePubSub } from './common/pubsub/live-pubsub.js';
import { ContextLoaders } from './common/context-loaders.js';
import { ENTITIES } from './entities.js';
import { PlacementModule } from './placement/placement.module.js';
import { PostgresPubSub } from './common/pubsub/postgres-pubsub.js';
import { Sweeper } from './common/sweeper.js';
import { ReferralModule } from './referral/referral.module.js';
import { FlowsModule } from './flows/flows.module.js';
import { AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { Transactions } from './database/transactions.js';
import { NetworkModule } from './network/network.module.js';
import { HealthController } from './observability/health.controller.js';
import { ConsoleConfigController } from './console/console-config.controller.js';
import { DevSignInController } from './console/dev-sign-in.controller.js';
import { Metrics } from './observability/metrics.js';


export interface AppOptions {
  config: AppConfig;
  /** Absent only when printing the schema: nothing connects and no background job starts. */
  databaseUrl?: string;
  log: Pino;
}

@Global()
@Module({})
class CoreModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: options.config },
        { provide: ROOT_LOGGER, useValue: options.log },
        { provide: DATABASE_URL, useValue: options.databaseUrl },
        { provide: LIVE_EVENTS, useFactory: () => new LivePubSub() },
        {
          // One LISTEN connection per instance, shared by every live feed; none when only printing the schema.
          provide: PostgresPubSub,
          useFactory: () =>
            options.databaseUrl ? new PostgresPubSub({ connectionString: options.databaseUrl, log: options.log }) : null,
        },
        { provide: Metrics, useFactory: (ds: DataSource) => new Metrics(ds), inject: [DataSource] },
        Transactions,
        Sweeper,
        AuditLog,
        ContextLoaders,
      ],
      exports: [AppConfig, ROOT_LOGGER, DATABASE_URL, LIVE_EVENTS, PostgresPubSub, Metrics, Transactions, Sweeper, AuditLog, ContextLoaders],
    };
  }
}

/** Wiring only: every capability lives in its own module. */
@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.databaseUrl ?? 'postgres://schema-only', options.config.DATABASE_POOL_SIZE, {
            serviceRole: true,
            entities: ENTITIES,
            statementTimeoutMs: options.config.DB_STATEMENT_TIMEOUT_MS,
          }),
          manualInitialization: !options.databaseUrl,
        }),
        CoreModule.register(options),
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AppConfig, TokenService, DataSource, Metrics, AuditLog, ContextLoaders, ROOT_LOGGER],
          useFactory: (
            config: AppConfig,
            tokens: TokenService,
            dataSource: DataSource,
            metrics: Metrics,
            audit: AuditLog,
            contextLoaders: ContextLoaders,
            log: Pino,
          ) => graphqlConfig({ config, tokens, dataSource, metrics, audit, contextLoaders, log }),
        }),
        NetworkModule,
        PlacementModule,
        ReferralModule,
        FlowsModule,
        AuditModule,
      ],
      // The development sign-in exists only outside production and without an OIDC issuer.
      controllers: [
        HealthController,
        ConsoleConfigController,
        ...(!options.config.isProduction && !options.config.usesOidc ? [DevSignInController] : []),
      ],
      providers: [
        { provide: APP_PIPE, useClass: RejectControlCharactersPipe },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ErrorMappingInterceptor },
      ],
    };
  }
}
