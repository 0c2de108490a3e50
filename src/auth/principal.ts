import { ReferrerType, Role } from '../common/enums.js';

/** Who is calling, as stated by a verified token. */
export interface Principal {
  sub: string;
  role: Role;
  shelterIds: string[];
  organisationId?: string;
  regionId?: string;
  referrerType?: ReferrerType;
  expiresAt?: Date;
}

/** INTAKE acts for its own shelters only; COORDINATOR and ADMIN for every shelter. */
export function canActForShelter(principal: Principal, shelterId: string): boolean {
  if (principal.role === Role.ADMIN || principal.role === Role.COORDINATOR) return true;
  return principal.role === Role.INTAKE && principal.shelterIds.includes(shelterId);
}

/** May see a shelter's secret address and exact coordinates. */
export function canSeeShelterAddress(principal: Principal | undefined, shelterId: string): boolean {
  return principal !== undefined && canActForShelter(principal, shelterId);
}
