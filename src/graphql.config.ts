import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { execute, ExecutionArgs, GraphQLError, OperationDefinitionNode, specifiedRules, validate, ValidationRule } from 'graphql';
import type { Logger as Pino } from 'pino';
import { DataSource } from 'typeorm';
import { AuditEntry, AuditLog } from './audit/audit-log.js';
import { mutationAuditEntry, operationScope } from './audit/operation-audit.js';
import { GqlContext } from './auth/gql-context.js';
import { Principal } from './auth/principal.js';
import { TokenService } from './auth/token.service.js';
import { AppConfig } from './config/app-config.js';
import { ContextLoaders } from './common/context-loaders.js';
import { Metrics } from './observability/metrics.js';
import { DomainError, formatGraphQLError } from './common/errors.js';
import { sharedParse, sharedSubscribe, sharedValidate } from './common/pubsub/shared-execution.js';
import { costLimitPlugin, executionDeadlinePlugin, operationCost, QueryTooComplexError } from './common/query-limits.js';

interface WsExtra {
  principal?: Principal;
  /** The upgrade request; dropped once the connection is accepted (nothing reads it later). */
  request?: unknown;
  socket?: { close(code: number, reason: string): void; once(event: 'close', fn: () => void): void };
}

function connectionToken(params: Record<string, unknown> | undefined): string | undefined {
  const raw = params?.authorization ?? params?.Authorization ?? params?.token;
  return TokenService.extract(raw);
}

/**
 * One audit row per operation and kind of confidential read, listing every entity read: a
 * coordinator's query over all requests stays one readable row, and still says who read which.
 */
export function groupConfidentialReads(entries: AuditEntry[]): AuditEntry[] {
  const groups = new Map<string, { first: AuditEntry; ids: string[] }>();
  for (const entry of entries) {
    const key = `${entry.action}|${entry.entityType}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { first: entry, ids: [entry.entityId] });
    else if (!group.ids.includes(entry.entityId)) group.ids.push(entry.entityId);
  }
  return [...groups.values()].map(({ first, ids }) => ({
    action: first.action,
    entityType: first.entityType,
    entityId: ids.length === 1 ? ids[0] : `${ids.length} ${first.entityType}s`,
    detail: { entityIds: ids },
  }));
}

const rootFields = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.map((s) => ('name' in s && s.name ? s.name.value : '?'));

/**
 * Mutations go over HTTP only, where the audit plugin records every attempt and its outcome (and a
 * success commits its row with the change); the socket is for subscriptions and reads.
 */
const noMutationsOverWebSocket: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation !== 'mutation') return;
    context.reportError(
      new GraphQLError('Mutations are sent over HTTP (POST /graphql), not over the live connection', {
        nodes: [node],
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    );
  },
});

const AUDIT_UNAVAILABLE = {
  message: 'The audit log could not be written, so nothing confidential was sent. Try again shortly.',
  extensions: { code: 'UNAVAILABLE' },
};

/**
 * Writes what a request revealed and, for mutations, the attempt and its outcome. Fails closed:
 * when the audit row of a confidential read cannot be written, the response is replaced by an
 * error and the secret never leaves.
 */
function auditPlugin(audit: AuditLog, log: Pino): ApolloServerPlugin<GqlContext> {
  return {
    async requestDidStart() {
      return {
        // A mutation's attempt row rides in its own transaction when that commits (operation-audit.ts).
        async didResolveOperation({ contextValue, operation }) {
          const scope = operationScope();
          if (operation?.operation !== 'mutation' || !scope || !contextValue.principal) return;
          const { sub, role } = contextValue.principal;
          scope.mutation = { sub, role, fields: rootFields(operation), recorded: false };
        },
        async willSendResponse({ contextValue, operation, errors, response }) {
          const principal = contextValue.principal;
          if (!principal) return;
          const reads = groupConfidentialReads(contextValue.confidentialReads.splice(0));
          const entries = [...reads];
          if (operation?.operation === 'mutation') {
            const recorded = operationScope()?.mutation?.recorded ?? false;
            const first = errors?.[0] as GraphQLError | undefined;
            const code = first?.extensions?.code ?? (first?.originalError as { code?: unknown } | undefined)?.code;
            // Written here unless a committed transaction carried it; an error after that commit gets its own row.
            if (!recorded || errors?.length) {
              entries.push(mutationAuditEntry(rootFields(operation), errors?.length ? String(code ?? 'ERROR') : 'OK', recorded));
            }
          }
          const actor = { sub: principal.sub, role: principal.role, requestId: contextValue.requestId };
          try {
            await audit.write(actor, entries);
          } catch (err) {
            log.error({ err }, 'audit write failed');
            if (reads.length > 0 && response.body.kind === 'single') {
              response.body.singleResult = { errors: [AUDIT_UNAVAILABLE] } as typeof response.body.singleResult;
              response.http.status = 503;
            }
          }
        },
      };
    },
  };
}

/** Apollo + graphql-ws configuration: auth for both transports, limits, one error mapping, audit, metrics. */
export function graphqlConfig(deps: {
  config: AppConfig;
  tokens: TokenService;
  dataSource: DataSource;
  metrics: Metrics;
  audit: AuditLog;
  contextLoaders: ContextLoaders;
  log: Pino;
}): ApolloDriverConfig {
  const { config, tokens, dataSource, metrics, audit, contextLoaders, log } = deps;
  const loaders = (principal: Principal | undefined, requestId: string) =>
    contextLoaders.create(dataSource, principal && { sub: principal.sub, role: principal.role, requestId });
  // Depth, aliases, directives and tokens are bounded before execution; batching is off. Armor's
  // cost limit does not multiply by list sizes: the list-aware cost (costLimitPlugin) replaces it.
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_QUERY_DEPTH },
    costLimit: { enabled: false },
    maxAliases: { n: config.MAX_ALIASES },
    maxDirectives: { n: 20 },
    // Armor's token limit re-parses in a plugin and turns a syntax error into a 500; the 100 kB body
    // limit bounds the parser's work instead.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.isProduction },
  }).protect();

  // graphql-ws runs operations without Apollo's plugins and validation rules: the same limits here.
  const wsRules = [...specifiedRules, ...(armor.validationRules as unknown as ValidationRule[]), noMutationsOverWebSocket];
  const tooComplex = (args: ExecutionArgs) => {
    let cost: number;
    try {
      cost = operationCost(args.schema, args.document, args.operationName ?? undefined, (args.variableValues ?? {}) as Record<string, unknown>);
    } catch (err) {
      if (err instanceof GraphQLError) return undefined; // bad variables: execution reports them
      throw err;
    }
    return cost > config.MAX_QUERY_COST ? { errors: [new QueryTooComplexError(cost, config.MAX_QUERY_COST)] } : undefined;
  };

  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !config.isProduction,
    // Apollo's landing page loads GraphiQL from a CDN; the console bundles its own (/graphiql.html).
    graphiql: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: armor.validationRules,
    // Armor is typed against the CommonJS build of @apollo/server; the plugin objects are the same.
    plugins: [
      ...(armor.plugins as unknown as ApolloServerPlugin[]),
      costLimitPlugin(config.MAX_QUERY_COST),
      executionDeadlinePlugin(config.GRAPHQL_EXECUTION_TIMEOUT_MS),
      metrics.apolloPlugin(),
      auditPlugin(audit, log) as ApolloServerPlugin,
    ],
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, (err) => log.error({ err }, 'unexpected error in a GraphQL operation')),
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        connectionInitWaitTimeout: 10_000,
        // graphql-ws ServerOptions that Nest's config type leaves out; Nest passes them through to useServer.
        ...({
          // Clients sending the same text share one parsed, validated document; the indexed feeds
          // execute each event once per distinct query and share the result (issue 11).
          parse: sharedParse,
          validate: sharedValidate((schema, document) => validate(schema, document, wsRules)),
          execute: (args: ExecutionArgs) => tooComplex(args) ?? execute(args),
          subscribe: (args: ExecutionArgs) => tooComplex(args) ?? sharedSubscribe(args),
        } as object),
        // Errors on the socket get the same mapping (codes, no internals) as over HTTP; what an event
        // revealed is audited like an HTTP response.
        onNext: async (_ctx, _id, _payload, args, result) => {
          const context = args.contextValue as GqlContext | undefined;
          if (context?.principal && context.confidentialReads.length) {
            const actor = { sub: context.principal.sub, role: context.principal.role, requestId: context.requestId };
            try {
              await audit.write(actor, groupConfidentialReads(context.confidentialReads.splice(0)));
            } catch (err) {
              log.error({ err }, 'audit write failed');
              return { errors: [AUDIT_UNAVAILABLE] } as unknown as typeof result;
            }
          }
          return result.errors
            ? {
                ...result,
                errors: result.errors.map((err) =>
                  formatGraphQLError(err.toJSON(), err, (e) => log.error({ err: e }, 'unexpected error in a subscription')),
                ),
              }
            : result;
        },
        // A subscription needs a valid token in connection_init; without one the socket is closed (4403).
        onConnect: async (ctx) => {
          const token = connectionToken(ctx.connectionParams as Record<string, unknown> | undefined);
          if (!token) return false;
          try {
            const principal = await tokens.verify(token);
            const extra = ctx.extra as WsExtra;
            extra.principal = principal;
            // The HTTP upgrade request is not needed after this point; at ten thousand subscribers,
            // keeping each one costs more heap than the subscription itself (issue 11).
            extra.request = undefined;
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
        return { req: arg.req, res: arg.res, principal, authError, requestId, loaders: loaders(principal, requestId), confidentialReads: [] };
      }
      // A subscription lives for hours and most never load anything: its loaders are made on first
      // use, not held by each of ten thousand subscribers from the start (issue 11).
      const requestId = randomUUID();
      const principal = arg.extra?.principal;
      let made: Record<string, unknown> | undefined;
      const context = { principal, requestId, confidentialReads: [] } as unknown as GqlContext;
      Object.defineProperty(context, 'loaders', { enumerable: true, get: () => (made ??= loaders(principal, requestId)) });
      return context;
    },
  };
}
