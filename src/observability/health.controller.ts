import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { answerMetrics } from './metrics-access.js';
import { Metrics } from './metrics.js';

@Controller()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Liveness (the process answers) and readiness (the database answers), as JSON. */
  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    let database: 'up' | 'down' = 'down';
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      database = 'up';
    } catch {
      database = 'down';
    }
    res.status(database === 'up' ? 200 : 503).json({
      status: database === 'up' ? 'ok' : 'degraded',
      live: true,
      ready: database === 'up',
      database,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    });
  }

  /** Prometheus, with METRICS_TOKEN when set; absent here when it has its own METRICS_PORT. */
  @Get('metrics')
  async prometheus(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    if (this.config.METRICS_PORT !== undefined) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found' } });
      return;
    }
    const answer = await answerMetrics(this.config, this.metrics, authorization);
    res.status(answer.status).set(answer.headers).send(answer.body);
  }
}
