import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config.js';
import type { Metrics } from './metrics.js';

export interface MetricsAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant time in the token's content: both sides are hashed to the same length first. */
export function metricsTokenMatches(config: AppConfig, authorization: string | undefined): boolean {
  if (!config.METRICS_TOKEN) return true;
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(config.METRICS_TOKEN)) && given.length > 0;
}

/** GET /metrics, wherever it is served: the token when one is configured, then Prometheus text. */
export async function answerMetrics(config: AppConfig, metrics: Metrics, authorization: string | undefined): Promise<MetricsAnswer> {
  if (!metricsTokenMatches(config, authorization)) {
    return {
      status: 401,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="metrics"' },
      body: JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: '/metrics needs the metrics bearer token' } }),
    };
  }
  return { status: 200, headers: { 'Content-Type': metrics.registry.contentType }, body: await metrics.registry.metrics() };
}

const notFound = (res: ServerResponse) =>
  res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Not found' } }));

/** The separate metrics listener (METRICS_PORT): /metrics only, nothing of the API. */
export async function startMetricsServer(config: AppConfig, metrics: Metrics, port: number, host: string): Promise<Server> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') return notFound(res);
    answerMetrics(config, metrics, req.headers.authorization).then(
      (answer) => res.writeHead(answer.status, answer.headers).end(answer.body),
      () => res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Metrics could not be collected' } })),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  return server;
}
