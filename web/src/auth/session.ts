import { createContext, useContext } from 'react';

export type Role = 'INTAKE' | 'REFERRER' | 'MUNICIPALITY' | 'COORDINATOR' | 'ADMIN';

export interface Person {
  label: string;
  role: Role;
  shelterIds: string[];
  regionId: string | null;
}

export interface Session {
  kind: 'development' | 'oidc';
  person: Person;
  /** Current bearer token (OIDC tokens are renewed silently; read it per request). */
  token(): string | undefined;
}

export interface SessionApi {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

export const SessionContext = createContext<SessionApi>({ session: null, signIn: () => undefined, signOut: () => undefined });

export function useSession(): SessionApi {
  return useContext(SessionContext);
}

/** The claims of a JWT, read without verifying (the service verifies every request). */
export function personFromToken(token: string, label: string): Person {
  const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  return {
    label,
    role: String(payload.role) as Role,
    shelterIds: Array.isArray(payload.shelterIds) ? payload.shelterIds.map(String) : [],
    regionId: typeof payload.regionId === 'string' ? payload.regionId : null,
  };
}

const DEV_KEY = 'opvangnet.dev-session';

/** Development tokens survive a reload of the tab (sessionStorage); OIDC tokens stay in memory only. */
export function saveDevSession(token: string | null, label?: string) {
  if (token) sessionStorage.setItem(DEV_KEY, JSON.stringify({ token, label }));
  else sessionStorage.removeItem(DEV_KEY);
}

export function loadDevSession(): Session | null {
  const raw = sessionStorage.getItem(DEV_KEY);
  if (!raw) return null;
  try {
    const { token, label } = JSON.parse(raw) as { token: string; label: string };
    const person = personFromToken(token, label);
    return { kind: 'development', person, token: () => token };
  } catch {
    return null;
  }
}
