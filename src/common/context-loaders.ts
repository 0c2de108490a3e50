// Per-request DataLoaders for the GraphQL context, contributed by the capabilities that own them.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Who the request acts for, when signed in (the loaders of confidential fields audit with it). */
export interface LoaderCaller {
  sub: string;
  role: string;
  requestId?: string;
}

export type LoaderFactory = (dataSource: DataSource, caller: LoaderCaller | undefined) => unknown;

/**
 * Filled by the modules at start-up (NetworkModule contributes `network`), read by the GraphQL
 * context for every request: common wires loaders without knowing any capability.
 */
@Injectable()
export class ContextLoaders {
  private readonly factories = new Map<string, LoaderFactory>();

  contribute(name: string, factory: LoaderFactory): void {
    if (this.factories.has(name)) throw new Error(`context loaders "${name}" contributed twice`);
    this.factories.set(name, factory);
  }

  /** A fresh set for one request (DataLoader caches must not outlive it). */
  create(dataSource: DataSource, caller: LoaderCaller | undefined): Record<string, unknown> {
    const loaders: Record<string, unknown> = {};
    for (const [name, factory] of this.factories) loaders[name] = factory(dataSource, caller);
    return loaders;
  }
}
