import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { AppModule, AppOptions } from './app.module.js';
import { withOperationScope } from './audit/operation-audit.js';
import { PinoNestLogger } from './observability/logger.js';
import { consoleStatic } from './console/static.js';
import { startMetricsServer } from './observability/metrics-access.js';
import { Metrics } from './observability/metrics.js';

export interface RunningService {
  app: INestApplication;
  port: number;
  url: string;
  /** Where /metrics is served when METRICS_PORT is set (otherwise on `url`). */
  metricsUrl?: string;
  /** Stop taking requests, finish those in flight, close sockets and the database pool. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function createApp(options: AppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    logger: new PinoNestLogger(options.log),
    bodyParser: false,
  });
  app.use(
    pinoHttp({
      logger: options.log,
      // Honour a caller's request id (a proxy's) when it is sane, else make one.
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      // One "request completed" line per request at info; at warn and above nothing would be
      // written, so pino-http does not build the lines at all.
      autoLogging: options.log.isLevelEnabled('info') ? { ignore: (req) => req.url === '/health' || req.url === '/metrics' } : false,
    }),
  );
  // Helmet's default policy for the API's own HTML (flow exports); the console sets a stricter one.
  app.use(helmet({ crossOriginEmbedderPolicy: false }));
  // The web console at `/` (and the bundled GraphiQL outside production): nothing from another origin.
  app.use(
    consoleStatic({
      dir: options.config.CONSOLE_DIR,
      graphiql: !options.config.isProduction,
      identityProvider: options.config.AUTH_ISSUER ? new URL(options.config.AUTH_ISSUER).origin : undefined,
    }),
  );
  app.useBodyParser('json', { limit: '100kb' });
  // Body parser failures (too large, malformed JSON) answer in the GraphQL error shape, never a stack.
  app.use((err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!err?.status || err.status >= 500) return next(err);
    const code = err.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
    res.status(err.status).json({ errors: [{ message: err.type === 'entity.too.large' ? 'Request body too large (limit 100 kB)' : 'Malformed request body', extensions: { code } }] });
  });
  // After the body is read: the rest of each request runs in its own operation scope, which lets a
  // mutation's audit row commit with its transaction (audit/operation-audit.ts).
  app.use((_req: Request, _res: Response, next: NextFunction) => withOperationScope(next));
  return app;
}

export async function startService(options: AppOptions & { port: number; host?: string }): Promise<RunningService> {
  const app = await createApp(options);
  const host = options.host ?? '0.0.0.0';
  await app.listen(options.port, host);
  const server = app.getHttpServer() as Server;
  const port = (server.address() as AddressInfo).port;
  const metricsPort = options.config.METRICS_PORT;
  const metricsServer =
    metricsPort === undefined
      ? undefined
      : await startMetricsServer(options.config, app.get(Metrics), metricsPort, host).catch(async (err) => {
          await app.close();
          throw err;
        });
  let closing: Promise<void> | undefined;
  return {
    app,
    port,
    url: `http://127.0.0.1:${port}`,
    metricsUrl: metricsServer && `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}`,
    close() {
      closing ??= (async () => {
        // Keep-alive sockets would hold server.close() open; in-flight requests still finish.
        server.closeIdleConnections?.();
        const force = setTimeout(() => server.closeAllConnections?.(), 10_000);
        force.unref();
        metricsServer?.closeAllConnections();
        const metricsClosed = metricsServer && new Promise((done) => metricsServer.close(done));
        await app.close();
        await metricsClosed;
        clearTimeout(force);
      })();
      return closing;
    },
  };
}
