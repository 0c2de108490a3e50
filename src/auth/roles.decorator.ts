import { SetMetadata } from '@nestjs/common';
import { Role } from '../common/enums.js';

export const ALLOWED_ROLES = 'opvangnet:allowedRoles';

/** The roles that may call this operation. An operation without it is refused (deny by default). */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const EVERY_ROLE = Object.values(Role);
