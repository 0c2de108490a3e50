import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { DATABASE_URL, ROOT_LOGGER } from './tokens.js';

export type SweepJob = () => Promise<number>;

/**
 * Background work that must happen without anyone acting (expiring holds, escalating requests).
 * Every CLAIM_SWEEP_INTERVAL_MS, and once right after start so work due while the service was
 * down is caught up. Each job must be safe with several instances running it at the same time.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly jobs: [string, SweepJob][] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string | undefined,
    @Inject(ROOT_LOGGER) private readonly log: Pino,
  ) {}

  register(name: string, job: SweepJob): void {
    this.jobs.push([name, job]);
  }

  onApplicationBootstrap(): void {
    if (!this.databaseUrl) return;
    const tick = () => {
      this.running = this.runAll().finally(() => {
        this.running = undefined;
        if (this.timer) this.timer = setTimeout(tick, this.config.CLAIM_SWEEP_INTERVAL_MS).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async runAll(): Promise<void> {
    for (const [name, job] of this.jobs) {
      try {
        const done = await job();
        if (done > 0) this.log.info({ job: name, done }, 'background sweep');
      } catch (err) {
        this.log.warn({ job: name, err: (err as Error).message }, 'background sweep failed; will retry');
      }
    }
  }
}
