import { Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createSocket } from 'graphql-ws';
import { ConnectionStatus } from './connection';
import { errorCode } from './errors';
import i18n from '../i18n';

export interface ConsoleClient {
  client: Client;
  status: ConnectionStatus;
  dispose(): void;
}

/**
 * One urql client per signed-in session: HTTP for queries and mutations, graphql-ws for
 * subscriptions (same origin, token in connection_init, reconnects forever with back-off).
 * `token()` is read on every request, so a silently renewed OIDC token is used at once.
 */
export function createConsoleClient(token: () => string | undefined, onUnauthenticated: () => void): ConsoleClient {
  const status = new ConnectionStatus();
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const socket = createSocket({
    url: wsUrl,
    lazy: true,
    connectionParams: () => ({ authorization: `Bearer ${token() ?? ''}` }),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** retries, 5000)));
    },
    on: {
      connected: (_socket, _payload, wasRetry) => status.socketConnected(wasRetry),
      // 1000 is the client's own lazy close after the last subscription ended: idle, not down.
      closed: (event) => ((event as { code?: number } | undefined)?.code === 1000 ? status.socketIdle() : status.socketClosed()),
    },
  });

  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: (): RequestInit => {
      const bearer = token();
      // The API words matching reasons and waiting-list positions in the console's language.
      const headers: Record<string, string> = { 'accept-language': i18n.language === 'en' ? 'en' : 'nl' };
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      return { headers };
    },
    exchanges: [
      mapExchange({
        onResult(result) {
          const code = result.error ? errorCode(result.error) : undefined;
          if (code === 'UNAVAILABLE' || (result.error?.networkError && !result.error.graphQLErrors.length)) status.markUnavailable();
          else if (code === 'UNAUTHENTICATED') onUnauthenticated();
          else if (result.operation.kind !== 'subscription') status.markAvailable();
          return result;
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = socket.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return {
    client,
    status,
    dispose() {
      status.dispose();
      void socket.dispose();
    },
  };
}
