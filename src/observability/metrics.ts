import type { ApolloServerPlugin } from '@apollo/server';
import { DataSource } from 'typeorm';
import { queryCounter } from '../database/data-source.js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Prometheus metrics: per-operation GraphQL counts and latencies, connection pool usage. */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation' | 'type' | 'outcome'>;
  private readonly latency: Histogram<'operation' | 'type'>;

  constructor(dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'opvangnet_' });
    this.requests = new Counter({
      name: 'opvangnet_graphql_requests_total',
      help: 'GraphQL operations by name, type and outcome (ok or the error code).',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'opvangnet_graphql_request_duration_seconds',
      help: 'GraphQL operation latency.',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    new Counter({
      name: 'opvangnet_db_queries_total',
      help: 'SQL statements sent through the ORM connection pool.',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(queryCounter.total);
      },
    });
    const pool = () => (dataSource.driver as unknown as { master?: PgPool }).master;
    const gauge = (name: string, help: string, read: (p: PgPool) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = pool();
          this.set(p ? read(p) : 0);
        },
      });
    gauge('opvangnet_db_pool_connections', 'Open connections in the pool.', (p) => p.totalCount);
    gauge('opvangnet_db_pool_idle', 'Idle connections in the pool.', (p) => p.idleCount);
    gauge('opvangnet_db_pool_waiting', 'Queries waiting for a connection.', (p) => p.waitingCount);
  }

  apolloPlugin(): ApolloServerPlugin {
    const metrics = this;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async willSendResponse(ctx) {
            const operation = ctx.operationName ?? ctx.operation?.name?.value ?? 'anonymous';
            const type = ctx.operation?.operation ?? 'unknown';
            const firstError = ctx.errors?.[0] as { extensions?: { code?: unknown } } | undefined;
            const outcome = firstError ? String(firstError.extensions?.code ?? 'ERROR') : 'ok';
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            metrics.requests.inc({ operation, type, outcome });
            metrics.latency.observe({ operation, type }, seconds);
          },
        };
      },
    };
  }
}
