import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';

export interface OidcSettings {
  issuer: string | null;
  clientId: string | null;
  scopes: string;
}

let manager: UserManager | undefined;

/**
 * Authorization code flow with PKCE (oidc-client-ts). Tokens are kept in memory only; the
 * access token is renewed silently before it expires.
 */
export function oidcManager(settings: OidcSettings): UserManager | undefined {
  if (!settings.issuer || !settings.clientId) return undefined;
  manager ??= new UserManager({
    authority: settings.issuer,
    client_id: settings.clientId,
    scope: settings.scopes,
    response_type: 'code',
    redirect_uri: `${location.origin}/aanmelden/terug`,
    silent_redirect_uri: `${location.origin}/aanmelden/stil`,
    post_logout_redirect_uri: `${location.origin}/`,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
  });
  return manager;
}
