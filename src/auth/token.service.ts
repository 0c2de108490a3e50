import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '../config/app-config.js';
import { ReferrerType, Role } from '../common/enums.js';
import { DomainError } from '../common/errors.js';
import { Principal } from './principal.js';

const ROLES = new Set<string>(Object.values(Role));
const REFERRER_TYPES = new Set<string>(Object.values(ReferrerType));
const CLOCK_SKEW_SECONDS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Verified tokens are remembered this long at most (and never past their expiry)... */
const VERIFIED_FOR_MS = 5 * 60_000;
/** ...and only this many: a desk sends the same token with every request, an attacker's junk is never cached. */
const VERIFIED_MAX = 5000;

export interface TokenClaims {
  sub: string;
  role: Role;
  shelterIds?: string[];
  organisationId?: string;
  regionId?: string;
  referrerType?: ReferrerType;
}

/**
 * Bearer tokens, verified with jose. Production: RS256/ES256 tokens of an OIDC issuer, checked
 * against its JWKS (keys fetched and cached by jose, rotated keys picked up), with issuer and
 * audience. Development and tests: HS256 with AUTH_JWT_SECRET. Expiry and not-before are
 * enforced in both, with 30 s clock skew.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  /** Token text -> its principal, for tokens that passed every check below (signature, exp, claims). */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.key = new TextEncoder().encode(config.AUTH_JWT_SECRET);
    if (config.usesOidc) {
      const url = config.AUTH_JWKS_URL ?? `${config.AUTH_ISSUER!.replace(/\/$/, '')}/.well-known/jwks.json`;
      this.jwks = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    }
  }

  /** Development tokens only: with an OIDC issuer configured, the issuer mints tokens. */
  async sign(claims: TokenClaims, expiresIn: string | number = '12h'): Promise<string> {
    if (this.config.usesOidc) throw new Error('Tokens come from the OIDC issuer; development tokens are disabled');
    const { sub, ...rest } = claims;
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(expiresIn)
      .sign(this.key);
  }

  /**
   * Verifies signature, expiry and not-before, and that the claims have the documented shape. The
   * same token text verified in the last 5 minutes (and not expired since) is not verified again:
   * the same bytes give the same answer, and a signature check per request is measurable CPU
   * (ES256 especially). A key withdrawn from the JWKS stops its tokens within those 5 minutes.
   */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && known.until > Date.now()) return { ...known.principal, shelterIds: [...known.principal.shelterIds] };
    if (known) this.verified.delete(token);
    const principal = await this.verifyOnce(token);
    const until = Math.min(Date.now() + VERIFIED_FOR_MS, principal.expiresAt?.getTime() ?? 0);
    if (until > Date.now()) {
      if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { principal, until });
    }
    return { ...principal, shelterIds: [...principal.shelterIds] };
  }

  private async verifyOnce(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = this.jwks
        ? await jwtVerify(token, this.jwks, {
            algorithms: ['RS256', 'ES256'],
            issuer: this.config.AUTH_ISSUER,
            audience: this.config.AUTH_AUDIENCE,
            clockTolerance: CLOCK_SKEW_SECONDS,
            requiredClaims: ['sub', 'exp'],
          })
        : await jwtVerify(token, this.key, {
            algorithms: ['HS256'],
            clockTolerance: CLOCK_SKEW_SECONDS,
            requiredClaims: ['sub', 'exp'],
          }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw DomainError.unauthenticated('The token has expired');
      if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JOSEError && err.code === 'ERR_JWKS_INVALID') {
        throw DomainError.unavailable('The identity provider\'s keys could not be fetched; try again shortly');
      }
      throw DomainError.unauthenticated('The token is not valid');
    }
    const role = String(payload.role ?? '');
    if (!ROLES.has(role)) throw DomainError.unauthenticated('The token carries no known role');
    const shelterIds = Array.isArray(payload.shelterIds) ? payload.shelterIds.map(String) : [];
    if (!shelterIds.every((id) => UUID.test(id))) throw DomainError.unauthenticated('The token has malformed shelterIds');
    const referrerType = payload.referrerType === undefined ? undefined : String(payload.referrerType);
    if (referrerType !== undefined && !REFERRER_TYPES.has(referrerType)) {
      throw DomainError.unauthenticated('The token carries an unknown referrerType');
    }
    return {
      sub: String(payload.sub),
      role: role as Role,
      shelterIds,
      organisationId: payload.organisationId ? String(payload.organisationId) : undefined,
      regionId: payload.regionId ? String(payload.regionId) : undefined,
      referrerType: referrerType as ReferrerType | undefined,
      expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : undefined,
    };
  }

  /** Accepts `Bearer <jwt>` or a bare token; returns undefined when none was sent. */
  static extract(header: unknown): string | undefined {
    if (typeof header !== 'string' || header.trim() === '') return undefined;
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return (match ? match[1] : header).trim();
  }
}
