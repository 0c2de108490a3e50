import { ApolloDriverConfig } from '@nestjs/apollo';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Logger as Pino } from 'pino';
import { DataSource } from 'typeorm';
import { GqlContext } from '../auth/gql-context.js';
import { Principal } from '../auth/principal.js';
import { TokenService } from '../auth/token.service.js';
import { AppConfig } from '../config/app-config.js';
import { createNetworkLoaders } from '../network/network.loaders.js';
import { Metrics } from '../observability/metrics.js';
import { DomainError, formatGraphQLError } from './errors.js';

interface WsExtra {
  principal?: Principal;
  socket?: { close(code: number, reason: string): void; once(event: 'close', fn: () => void): void };
}

function connectionToken(params: Record<string, unknown> | undefined): string | undefined {
  const raw = params?.authorization ?? params?.Authorization ?? params?.token;
  return TokenService.extract(raw);
}

/** Apollo + graphql-ws configuration: auth for both transports, one error mapping, metrics. */
export function graphqlConfig(deps: {
  config: AppConfig;
  tokens: TokenService;
  dataSource: DataSource;
  metrics: Metrics;
  log: Pino;
}): ApolloDriverConfig {
  const { config, tokens, dataSource, metrics, log } = deps;
  const loaders = () => ({ network: createNetworkLoaders(dataSource) });

  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !config.isProduction,
    graphiql: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    plugins: [metrics.apolloPlugin()],
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, (err) => log.error({ err }, 'unexpected error in a GraphQL operation')),
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        connectionInitWaitTimeout: 10_000,
        // Errors on the socket get the same mapping (codes, no internals) as over HTTP.
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors
            ? {
                ...result,
                errors: result.errors.map((err) =>
                  formatGraphQLError(err.toJSON(), err, (e) => log.error({ err: e }, 'unexpected error in a subscription')),
                ),
              }
            : result,
        // A subscription needs a valid token in connection_init; without one the socket is closed (4403).
        onConnect: async (ctx) => {
          const token = connectionToken(ctx.connectionParams as Record<string, unknown> | undefined);
          if (!token) return false;
          try {
            const principal = await tokens.verify(token);
            const extra = ctx.extra as WsExtra;
            extra.principal = principal;
            if (principal.expiresAt && extra.socket) {
              const ms = Math.max(0, principal.expiresAt.getTime() - Date.now());
              const timer = setTimeout(() => extra.socket?.close(4401, 'Token expired'), Math.min(ms, 2 ** 31 - 1));
              extra.socket.once('close', () => clearTimeout(timer));
            }
            return true;
          } catch {
            return false;
          }
        },
      },
    },
    context: async (arg: { req?: Request; res?: Response; extra?: WsExtra }): Promise<GqlContext> => {
      if (arg.req) {
        const requestId = String((arg.req as Request & { id?: unknown }).id ?? randomUUID());
        const token = TokenService.extract(arg.req.headers.authorization);
        let principal: Principal | undefined;
        let authError: DomainError | undefined;
        if (token) {
          try {
            principal = await tokens.verify(token);
          } catch (err) {
            authError = err instanceof DomainError ? err : DomainError.unauthenticated();
          }
        }
        return { req: arg.req, res: arg.res, principal, authError, requestId, loaders: loaders() };
      }
      return { principal: arg.extra?.principal, requestId: randomUUID(), loaders: loaders() };
    },
  };
}
