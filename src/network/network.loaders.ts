import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';
import { PlaceEntity } from './place.entity.js';
import { RegionEntity } from './region.entity.js';
import { ShelterEntity } from './shelter.entity.js';
import type { AuditActor } from '../audit/audit-log.js';
import { createSecretLoaders } from './shelter-secrets.js';

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const grouped = new Map<string, T[]>(keys.map((id) => [id, []]));
  for (const row of rows) grouped.get(keyOf(row))?.push(row);
  return keys.map((id) => grouped.get(id) ?? []);
}

/** One loader per page size asked for, so siblings with the same `first` share a batch. */
function perLimit<V>(make: (first: number) => DataLoader<string, V>): (first: number) => DataLoader<string, V> {
  const loaders = new Map<number, DataLoader<string, V>>();
  return (first) => {
    let loader = loaders.get(first);
    if (!loader) loaders.set(first, (loader = make(first)));
    return loader;
  };
}

/** Per-request batching: a nested list costs one query per level, not one per row. */
export function createNetworkLoaders(dataSource: DataSource, actor?: AuditActor) {
  return {
    secrets: createSecretLoaders((sql, params) => dataSource.query(sql, params), actor),
    region: new DataLoader<string, RegionEntity | null>(async (ids) =>
      byId(await dataSource.getRepository(RegionEntity).findBy({ id: In([...ids]) }), ids),
    ),
    organisation: new DataLoader<string, OrganisationEntity | null>(async (ids) =>
      byId(await dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) }), ids),
    ),
    shelter: new DataLoader<string, ShelterEntity | null>(async (ids) =>
      byId(await dataSource.getRepository(ShelterEntity).findBy({ id: In([...ids]) }), ids),
    ),
    // The first N of each parent, read with a LIMIT per parent: rows read never exceed rows returned.
    placesByShelter: perLimit((first) =>
      new DataLoader<string, PlaceEntity[]>(async (shelterIds) => {
        const places = await dataSource
          .getRepository(PlaceEntity)
          .createQueryBuilder('p')
          .where(
            `p.id IN (SELECT x.id FROM unnest(CAST(:ids AS uuid[])) AS s(id)
                        CROSS JOIN LATERAL (SELECT id FROM place WHERE shelter_id = s.id ORDER BY label, id LIMIT :first) x)`,
            { ids: [...shelterIds], first },
          )
          .orderBy('p.label', 'ASC')
          .addOrderBy('p.id', 'ASC')
          .getMany();
        return groupBy(shelterIds, places, (p) => p.shelterId);
      }),
    ),
    sheltersByRegion: perLimit((first) =>
      new DataLoader<string, ShelterEntity[]>(async (regionIds) => {
        const shelters = await dataSource
          .getRepository(ShelterEntity)
          .createQueryBuilder('s')
          .where(
            `s.id IN (SELECT x.id FROM unnest(CAST(:ids AS uuid[])) AS r(id)
                        CROSS JOIN LATERAL (SELECT id FROM shelter WHERE region_id = r.id ORDER BY name, id LIMIT :first) x)`,
            { ids: [...regionIds], first },
          )
          .orderBy('s.name', 'ASC')
          .addOrderBy('s.id', 'ASC')
          .getMany();
        return groupBy(regionIds, shelters, (s) => s.regionId);
      }),
    ),
  };
}

export type NetworkLoaders = ReturnType<typeof createNetworkLoaders>;
