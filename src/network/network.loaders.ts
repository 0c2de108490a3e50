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
    placesByShelter: new DataLoader<string, PlaceEntity[]>(async (shelterIds) => {
      const places = await dataSource
        .getRepository(PlaceEntity)
        .find({ where: { shelterId: In([...shelterIds]) }, order: { label: 'ASC' } });
      const grouped = new Map<string, PlaceEntity[]>(shelterIds.map((id) => [id, []]));
      for (const place of places) grouped.get(place.shelterId)?.push(place);
      return shelterIds.map((id) => grouped.get(id) ?? []);
    }),
    sheltersByRegion: new DataLoader<string, ShelterEntity[]>(async (regionIds) => {
      const shelters = await dataSource
        .getRepository(ShelterEntity)
        .find({ where: { regionId: In([...regionIds]) }, order: { name: 'ASC' } });
      const grouped = new Map<string, ShelterEntity[]>(regionIds.map((id) => [id, []]));
      for (const shelter of shelters) grouped.get(shelter.regionId)?.push(shelter);
      return regionIds.map((id) => grouped.get(id) ?? []);
    }),
  };
}

export type NetworkLoaders = ReturnType<typeof createNetworkLoaders>;
