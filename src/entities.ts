import { OrganisationEntity } from './network/organisation.entity.js';
import { PlaceEntity } from './network/place.entity.js';
import { RegionEntity } from './network/region.entity.js';
import { ShelterEntity } from './network/shelter.entity.js';
import { ClaimEntity, StayEntity } from './placement/placement.entity.js';

export const ENTITIES = [RegionEntity, OrganisationEntity, ShelterEntity, PlaceEntity, ClaimEntity, StayEntity];
