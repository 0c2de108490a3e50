import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { LivePubSub } from '../common/pubsub/live-pubsub.js';
import type { Logger as Pino } from 'pino';
import { DataSource, In } from 'typeorm';
import { PlaceCategory } from '../common/enums.js';
import { PLACE_CHANGES_CHANNEL, PlaceChange } from '../common/place-changes.js';
import { PostgresPubSub } from '../common/pubsub/postgres-pubsub.js';
import { LIVE_EVENTS, ROOT_LOGGER } from '../common/tokens.js';
import { AvailabilityService } from './availability.service.js';
import { AvailabilityRowModel } from './models/network.models.js';
import { PlaceEntity } from './place.entity.js';


export const AVAILABILITY_CHANGED = 'availabilityChanged';
export const SHELTER_PLACES_CHANGED = 'shelterPlacesChanged';

/** The index keys a subscriber of availabilityChanged is registered under: one per region x category it asked for. */
export function availabilityKeys(args: { regionIds?: readonly string[] | null; categories?: readonly string[] | null }): string[] {
  const regions = args.regionIds?.length ? [...new Set(args.regionIds)] : ['*'];
  const categories = args.categories?.length ? [...new Set(args.categories)] : ['*'];
  return regions.flatMap((r) => categories.map((c) => `${r}|${c}`));
}

/**
 * The keys a row matches: its own region x category and the wildcards. A subscriber's keys are all
 * specific or all wildcard in each part, so it holds exactly one of these at most.
 */
export function availabilityEventKeys(row: { regionId: string; category: string }): string[] {
  return [`${row.regionId}|${row.category}`, `${row.regionId}|*`, `*|${row.category}`, '*|*'];
}

export interface ShelterPlacesEvent {
  shelterId: string;
  places: PlaceEntity[];
}

/**
 * Turns committed place changes, heard from PostgreSQL on every instance, into the payloads the
 * subscriptions push: fresh availability rows and the changed places. Each instance computes a
 * row once and fans it out to its own subscribers through the in-process LIVE_EVENTS PubSub.
 * Batches are handled one at a time, each reading committed state, so the last push per row is
 * always the latest state.
 */
@Injectable()
export class LiveAvailabilityService implements OnApplicationBootstrap, OnModuleDestroy {
  private pending = new Map<string, PlaceChange>();
  private snapshotPending = false;
  private draining?: Promise<void>;

  constructor(
    @Inject(LIVE_EVENTS) private readonly live: LivePubSub,
    @Inject(PostgresPubSub) private readonly engine: PostgresPubSub | null,
    @Inject(ROOT_LOGGER) private readonly log: Pino,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AvailabilityService) private readonly availability: AvailabilityService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.engine) return;
    this.engine.onReconnect(() => {
      this.snapshotPending = true;
      this.kick();
    });
    await this.engine.subscribe(PLACE_CHANGES_CHANNEL, (changes) => {
      for (const change of changes as PlaceChange[]) this.pending.set(change.placeId, change);
      this.kick();
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.draining;
  }

  /** Resolves once every change heard so far has been pushed (used by tests and shutdown). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private kick(): void {
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0 || this.snapshotPending) {
      const snapshot = this.snapshotPending;
      const batch = [...this.pending.values()];
      this.snapshotPending = false;
      this.pending = new Map();
      try {
        await this.push(batch, snapshot);
      } catch (err) {
        // The database is away: the reconnect snapshot will bring subscribers up to date.
        this.log.warn({ err: (err as Error).message }, 'could not push live availability');
      }
    }
  }

  private async push(batch: PlaceChange[], snapshot: boolean): Promise<void> {
    // Nobody on this instance watches: nothing to compute (the next subscriber reads fresh rows).
    if (!this.live.hasSubscribers(AVAILABILITY_CHANGED) && !this.live.hasSubscribers(SHELTER_PLACES_CHANGED)) return;
    const keys = new Set(batch.map((c) => `${c.regionId}|${c.category}`));
    const regionIds = [...new Set(batch.map((c) => c.regionId))];
    const categories = [...new Set(batch.map((c) => c.category))] as PlaceCategory[];
    const rows: AvailabilityRowModel[] = snapshot
      ? await this.availability.rows()
      : (await this.availability.rows(regionIds, categories)).filter((r) => keys.has(`${r.regionId}|${r.category}`));
    for (const row of rows) await this.live.fanOut(AVAILABILITY_CHANGED, availabilityEventKeys(row), row);

    if (batch.length === 0) return;
    const places = await this.dataSource.getRepository(PlaceEntity).findBy({ id: In(batch.map((c) => c.placeId)) });
    const byShelter = new Map<string, PlaceEntity[]>();
    for (const place of places) byShelter.set(place.shelterId, [...(byShelter.get(place.shelterId) ?? []), place]);
    for (const [shelterId, changed] of byShelter) {
      await this.live.publish(SHELTER_PLACES_CHANGED, { shelterId, places: changed } satisfies ShelterPlacesEvent);
    }
  }
}
