import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canActForShelter, Principal } from '../auth/principal.js';
import { PlaceCategory, PlaceStatus } from '../common/enums.js';
import { DomainError } from '../common/errors.js';
import { decodeCursor, Page, pageOf } from '../common/pagination.js';
import { MAX_PLACES_PER_SHELTER } from '../common/query-limits.js';
import { Actor, Transactions, Tx } from '../database/transactions.js';
import { changeOf, lockPlaces } from './place-locks.js';
import {
  CreateOrganisationInput, CreatePlacesInput, CreateShelterInput, SetPlaceStatusInput, UpdateShelterInput,
} from './dto/network.inputs.js';
import { OrganisationEntity } from './organisation.entity.js';
import { PlaceEntity } from './place.entity.js';
import { RegionEntity } from './region.entity.js';
import { ShelterEntity } from './shelter.entity.js';

export function actorOf(principal: Principal, requestId?: string): Actor {
  return { sub: principal.sub, role: principal.role, requestId };
}

const UPKEEP_TRANSITIONS: Record<string, PlaceStatus[]> = {
  [PlaceStatus.AVAILABLE]: [PlaceStatus.OUT_OF_SERVICE],
  [PlaceStatus.OUT_OF_SERVICE]: [PlaceStatus.AVAILABLE],
};

@Injectable()
export class NetworkService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  regions(): Promise<RegionEntity[]> {
    return this.dataSource.getRepository(RegionEntity).find({ order: { name: 'ASC' } });
  }

  organisations(first: number): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({ order: { name: 'ASC', id: 'ASC' }, take: first });
  }

  /** A page of shelters by (name, id), after the cursor's shelter. */
  async shelters(args: { regionId?: string; category?: PlaceCategory; first: number; after?: string }): Promise<Page<ShelterEntity>> {
    const query = this.dataSource.getRepository(ShelterEntity).createQueryBuilder('s').orderBy('s.name', 'ASC').addOrderBy('s.id', 'ASC');
    if (args.regionId) query.andWhere('s.region_id = :regionId', { regionId: args.regionId });
    if (args.category) query.andWhere(':category = ANY(s.categories)', { category: args.category });
    const after = decodeCursor(args.after, 2);
    if (after) query.andWhere('(s.name, s.id) > (:afterName, CAST(:afterId AS uuid))', { afterName: after[0], afterId: after[1] });
    const rows = await query.take(args.first + 1).getMany();
    return pageOf(rows, args.first, (s) => [s.name, s.id]);
  }

  /** A page of places by (shelter, label, id). */
  async places(args: { shelterId?: string; regionId?: string; category?: PlaceCategory; first: number; after?: string }): Promise<Page<PlaceEntity>> {
    const query = this.dataSource
      .getRepository(PlaceEntity)
      .createQueryBuilder('p')
      .orderBy('p.shelter_id', 'ASC')
      .addOrderBy('p.label', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (args.shelterId) query.andWhere('p.shelter_id = :shelterId', { shelterId: args.shelterId });
    if (args.regionId) query.andWhere('p.shelter_id IN (SELECT id FROM shelter WHERE region_id = :regionId)', { regionId: args.regionId });
    if (args.category) query.andWhere('p.category = :category', { category: args.category });
    const after = decodeCursor(args.after, 3);
    if (after) {
      query.andWhere('(p.shelter_id, p.label, p.id) > (CAST(:afterShelter AS uuid), :afterLabel, CAST(:afterId AS uuid))', {
        afterShelter: after[0], afterLabel: after[1], afterId: after[2],
      });
    }
    const rows = await query.take(args.first + 1).getMany();
    return pageOf(rows, args.first, (p) => [p.shelterId, p.label, p.id]);
  }

  async shelter(id: string): Promise<ShelterEntity> {
    const shelter = await this.dataSource.getRepository(ShelterEntity).findOneBy({ id });
    if (!shelter) throw DomainError.notFound('Shelter', id);
    return shelter;
  }

  async place(id: string): Promise<PlaceEntity> {
    const place = await this.dataSource.getRepository(PlaceEntity).findOneBy({ id });
    if (!place) throw DomainError.notFound('Place', id);
    return place;
  }

  /** AVAILABLE <-> OUT_OF_SERVICE with optimistic concurrency on `version`, under a row lock. */
  async setPlaceStatus(principal: Principal, input: SetPlaceStatusInput, requestId?: string): Promise<PlaceEntity> {
    const placeId = await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      const [place] = await lockPlaces(tx, [input.placeId]);
      if (!place) throw DomainError.notFound('Place', input.placeId);
      if (!canActForShelter(principal, place.shelterId)) throw DomainError.forbidden('Not a place of your shelters');
      if (place.version !== input.expectedVersion) {
        throw DomainError.conflict(
          `Place ${place.label} changed since you read it (version ${input.expectedVersion}, now ${place.version}); reload and try again`,
          { currentVersion: place.version, currentStatus: place.status },
        );
      }
      const target = input.status as unknown as PlaceStatus;
      if (!(UPKEEP_TRANSITIONS[place.status] ?? []).includes(target)) {
        throw DomainError.conflict(
          place.status === target
            ? `Place ${place.label} is already ${target}`
            : `Place ${place.label} is ${place.status}; only AVAILABLE and OUT_OF_SERVICE can be switched here`,
          { currentStatus: place.status },
        );
      }
      await tx.query(
        `UPDATE place SET status = $2, out_of_service_reason = $3, version = version + 1, status_changed_at = now()
          WHERE id = $1`,
        [place.id, target, target === PlaceStatus.OUT_OF_SERVICE ? input.reason : null],
      );
      tx.audit({
        action: 'place.status_set',
        entityType: 'place',
        entityId: place.id,
        statusBefore: place.status,
        statusAfter: target,
        // The reason is kept on the place itself, not copied into the append-only log.
      });
      tx.placesChanged([changeOf(place)]);
      return place.id;
    });
    return this.place(placeId);
  }

  /** "Our places are as shown": clears the stale ("no information") state of the shelter's rows. */
  async confirmShelterStatus(principal: Principal, shelterId: string, requestId?: string): Promise<ShelterEntity> {
    await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      const [shelter] = await tx.query<{ id: string; region_id: string }>(
        `UPDATE shelter SET status_confirmed_at = now() WHERE id = $1 RETURNING id, region_id`,
        [shelterId],
      );
      if (!shelter) throw DomainError.notFound('Shelter', shelterId);
      if (!canActForShelter(principal, shelterId)) throw DomainError.forbidden('Not one of your shelters');
      tx.audit({ action: 'shelter.status_confirmed', entityType: 'shelter', entityId: shelterId });
      await this.announceShelter(tx, shelterId);
    });
    return this.shelter(shelterId);
  }

  async createOrganisation(principal: Principal, input: CreateOrganisationInput, requestId?: string) {
    const id = await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      const [row] = await tx.query<{ id: string }>(`INSERT INTO organisation (name) VALUES ($1) RETURNING id`, [input.name]);
      tx.audit({ action: 'organisation.created', entityType: 'organisation', entityId: row.id });
      return row.id;
    });
    return this.dataSource.getRepository(OrganisationEntity).findOneByOrFail({ id });
  }

  async createShelter(principal: Principal, input: CreateShelterInput, requestId?: string): Promise<ShelterEntity> {
    const id = await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      await this.assertExists(tx, 'organisation', input.organisationId, 'Organisation');
      await this.assertExists(tx, 'region', input.regionId, 'Region');
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO shelter (organisation_id, region_id, name, categories, intake_phone, meeting_instructions,
            admitted_sexes, min_age, max_age, max_boy_age, wheelchair_accessible, pets_allowed, languages,
            address_street, address_postcode, address_city, latitude, longitude,
            locality_name, locality_latitude, locality_longitude)
         SELECT $1,$2,$3,$4::place_category[],$5,$6,$7::sex[],$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,
                coalesce($19, r.centre_municipality), coalesce($20, r.latitude), coalesce($21, r.longitude)
           FROM region r WHERE r.id = $2
         RETURNING id`,
        [
          input.organisationId, input.regionId, input.name, input.categories, input.intakePhone,
          input.meetingInstructions ?? null, input.admittedSexes, input.minAge, input.maxAge ?? null,
          input.maxBoyAge ?? null, input.wheelchairAccessible, input.petsAllowed, input.languages,
          input.address.street, input.address.postcode, input.address.city, input.latitude, input.longitude,
          input.locality?.name ?? null, input.locality?.latitude ?? null, input.locality?.longitude ?? null,
        ],
      );
      tx.audit({ action: 'shelter.created', entityType: 'shelter', entityId: row.id, detail: { name: input.name } });
      return row.id;
    });
    return this.shelter(id);
  }

  async updateShelter(principal: Principal, input: UpdateShelterInput, requestId?: string): Promise<ShelterEntity> {
    const columns: Record<string, [string, unknown]> = {
      name: ['name', input.name],
      regionId: ['region_id', input.regionId],
      categories: ['categories', input.categories],
      intakePhone: ['intake_phone', input.intakePhone],
      meetingInstructions: ['meeting_instructions', input.meetingInstructions],
      admittedSexes: ['admitted_sexes', input.admittedSexes],
      minAge: ['min_age', input.minAge],
      maxAge: ['max_age', input.maxAge],
      maxBoyAge: ['max_boy_age', input.maxBoyAge],
      wheelchairAccessible: ['wheelchair_accessible', input.wheelchairAccessible],
      petsAllowed: ['pets_allowed', input.petsAllowed],
      languages: ['languages', input.languages],
      addressStreet: ['address_street', input.address?.street],
      addressPostcode: ['address_postcode', input.address?.postcode],
      addressCity: ['address_city', input.address?.city],
      latitude: ['latitude', input.latitude],
      longitude: ['longitude', input.longitude],
      localityName: ['locality_name', input.locality?.name],
      localityLatitude: ['locality_latitude', input.locality?.latitude],
      localityLongitude: ['locality_longitude', input.locality?.longitude],
    };
    const set = Object.entries(columns).filter(([, [, value]]) => value !== undefined);
    if (set.length === 0) throw DomainError.badInput('Nothing to update');
    const casts: Record<string, string> = { categories: '::place_category[]', admitted_sexes: '::sex[]' };
    await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      if (input.regionId) await this.assertExists(tx, 'region', input.regionId, 'Region');
      const assignments = set.map(([, [column]], i) => `${column} = $${i + 2}${casts[column] ?? ''}`);
      const updated = await tx.query(
        `UPDATE shelter SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1 RETURNING id`,
        [input.id, ...set.map(([, [, value]]) => value)],
      );
      if (updated.length === 0) throw DomainError.notFound('Shelter', input.id);
      // Field names only: the audit log must not become a second copy of the secret address.
      tx.audit({ action: 'shelter.updated', entityType: 'shelter', entityId: input.id, detail: { fields: set.map(([f]) => f) } });
      await this.announceShelter(tx, input.id);
    });
    return this.shelter(input.id);
  }

  async createPlaces(principal: Principal, input: CreatePlacesInput, requestId?: string): Promise<PlaceEntity[]> {
    const ids = await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      const [shelter] = await tx.query<{ region_id: string; categories: string }>(
        `SELECT region_id, categories::text[] AS categories FROM shelter WHERE id = $1 FOR UPDATE`,
        [input.shelterId],
      );
      if (!shelter) throw DomainError.notFound('Shelter', input.shelterId);
      const offered = new Set(shelter.categories as unknown as string[]);
      const foreign = input.places.filter((p) => !offered.has(p.category));
      if (foreign.length > 0) {
        throw DomainError.badInput(`The shelter does not offer ${[...new Set(foreign.map((p) => p.category))].join(', ')}`, [
          { field: 'places.category', problems: ['category not offered by this shelter'] },
        ]);
      }
      const [{ existing }] = await tx.query<{ existing: number }>(`SELECT count(*)::int AS existing FROM place WHERE shelter_id = $1`, [input.shelterId]);
      if (existing + input.places.length > MAX_PLACES_PER_SHELTER) {
        // Shelter.places is a bounded list (the query cost counts on it): a location never grows past this.
        throw DomainError.badInput(`A shelter has at most ${MAX_PLACES_PER_SHELTER} places (it has ${existing})`, [
          { field: 'places', problems: [`at most ${MAX_PLACES_PER_SHELTER - existing} more places`] },
        ]);
      }
      const labels = input.places.map((p) => p.label);
      if (new Set(labels).size !== labels.length) {
        throw DomainError.badInput('Labels must be unique', [{ field: 'places.label', problems: ['duplicate label'] }]);
      }
      const rows = await tx.query<{ id: string; category: PlaceCategory }>(
        `INSERT INTO place (shelter_id, category, label, beds, national_reserve)
         SELECT $1, x.category::place_category, x.label, x.beds, x.national_reserve
           FROM jsonb_to_recordset($2::jsonb) AS x(category text, label text, beds int, national_reserve boolean)
         RETURNING id, category`,
        [
          input.shelterId,
          JSON.stringify(input.places.map((p) => ({ category: p.category, label: p.label, beds: p.beds, national_reserve: p.nationalReserve }))),
        ],
      );
      for (const row of rows) tx.audit({ action: 'place.created', entityType: 'place', entityId: row.id, statusAfter: 'AVAILABLE' });
      tx.placesChanged(rows.map((r) => ({ placeId: r.id, shelterId: input.shelterId, regionId: shelter.region_id, category: r.category })));
      return rows.map((r) => r.id);
    });
    return this.dataSource.getRepository(PlaceEntity).find({ where: ids.map((id) => ({ id })), order: { label: 'ASC' } });
  }

  private async assertExists(tx: Tx, table: 'organisation' | 'region', id: string, entity: string): Promise<void> {
    const rows = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    if (rows.length === 0) throw DomainError.notFound(entity, id);
  }

  /** Announces one place per category of the shelter, so its region rows are refreshed live. */
  private async announceShelter(tx: Tx, shelterId: string): Promise<void> {
    const rows = await tx.query<{ id: string; category: PlaceCategory; region_id: string }>(
      `SELECT DISTINCT ON (p.category) p.id, p.category, s.region_id
         FROM place p JOIN shelter s ON s.id = p.shelter_id WHERE p.shelter_id = $1 ORDER BY p.category, p.id`,
      [shelterId],
    );
    tx.placesChanged(rows.map((r) => ({ placeId: r.id, shelterId, regionId: r.region_id, category: r.category })));
  }
}
