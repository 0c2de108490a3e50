import { DataSource } from 'typeorm';
import { TokenClaims } from '../auth/token.service.js';
import { ReferrerType, Role } from '../common/enums.js';

/** Someone from the demo network a developer can sign in as. */
export interface DevPerson {
  id: string;
  role: Role;
  /** Dutch description shown on the development sign-in page. */
  label: string;
  /** Shown first, as a button; the others are picked from a list. */
  featured: boolean;
  shelterName?: string;
  regionName?: string;
  claims: TokenClaims;
}

interface ShelterRow {
  id: string;
  name: string;
  organisation_id: string;
  region_id: string;
  region_name: string;
}

interface RegionRow {
  id: string;
  name: string;
}

/**
 * The people of the development sign-in page, derived from what is in the database: an intake
 * worker per shelter, a municipality per region, and one police officer, Veilig Thuis worker,
 * coordinator and admin.
 */
export async function listDevPeople(dataSource: DataSource): Promise<DevPerson[]> {
  const shelters: ShelterRow[] = await dataSource.query(
    `SELECT s.id, s.name, s.organisation_id, r.id AS region_id, r.name AS region_name
       FROM shelter s JOIN region r ON r.id = s.region_id
      ORDER BY r.name, s.name`,
  );
  const regions: RegionRow[] = await dataSource.query('SELECT id, name FROM region ORDER BY name');
  const people: DevPerson[] = [];
  const first = shelters[0];
  if (first) {
    people.push({
      id: `intake:${first.id}`,
      role: Role.INTAKE,
      label: `Intakemedewerker van ${first.name}`,
      featured: true,
      shelterName: first.name,
      regionName: first.region_name,
      claims: { sub: `dev-intake-${first.id.slice(0, 8)}`, role: Role.INTAKE, shelterIds: [first.id], organisationId: first.organisation_id },
    });
  }
  people.push(
    {
      id: 'police',
      role: Role.REFERRER,
      label: 'Politieagent (basisteam)',
      featured: true,
      claims: { sub: 'dev-police', role: Role.REFERRER, referrerType: ReferrerType.POLICE },
    },
    {
      id: 'veilig-thuis',
      role: Role.REFERRER,
      label: 'Medewerker Veilig Thuis',
      featured: true,
      claims: { sub: 'dev-veilig-thuis', role: Role.REFERRER, referrerType: ReferrerType.VEILIG_THUIS },
    },
  );
  const municipality = regions.find((r) => r.name === first?.region_name) ?? regions[0];
  if (municipality) {
    people.push({
      id: `municipality:${municipality.id}`,
      role: Role.MUNICIPALITY,
      label: `Centrumgemeente ${municipality.name}`,
      featured: true,
      regionName: municipality.name,
      claims: { sub: `dev-municipality-${municipality.id.slice(0, 8)}`, role: Role.MUNICIPALITY, regionId: municipality.id },
    });
  }
  people.push(
    { id: 'coordinator', role: Role.COORDINATOR, label: 'Landelijk coördinator', featured: true, claims: { sub: 'dev-coordinator', role: Role.COORDINATOR } },
    { id: 'admin', role: Role.ADMIN, label: 'Beheerder', featured: true, claims: { sub: 'dev-admin', role: Role.ADMIN } },
  );
  for (const shelter of shelters.slice(1)) {
    people.push({
      id: `intake:${shelter.id}`,
      role: Role.INTAKE,
      label: `Intakemedewerker van ${shelter.name}`,
      featured: false,
      shelterName: shelter.name,
      regionName: shelter.region_name,
      claims: { sub: `dev-intake-${shelter.id.slice(0, 8)}`, role: Role.INTAKE, shelterIds: [shelter.id], organisationId: shelter.organisation_id },
    });
  }
  for (const region of regions) {
    if (region.id === municipality?.id) continue;
    people.push({
      id: `municipality:${region.id}`,
      role: Role.MUNICIPALITY,
      label: `Centrumgemeente ${region.name}`,
      featured: false,
      regionName: region.name,
      claims: { sub: `dev-municipality-${region.id.slice(0, 8)}`, role: Role.MUNICIPALITY, regionId: region.id },
    });
  }
  return people;
}
