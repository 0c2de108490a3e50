import {
  Button,
  Document,
  Heading1,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Provider } from 'urql';
import { oidcManager, type OidcSettings } from '../auth/oidc';
import { loadDevSession, personFromToken, saveDevSession, SessionContext, type Session } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { AppLink } from '../common/AppLink';
import { createConsoleClient } from '../graphql/client';
import { ConnectionContext } from '../graphql/ConnectionContext';
import { SettingsContext } from './config';
import { ConnectionBanner } from './ConnectionBanner';
import { navigate, usePath } from './router';
import { Routes } from './Routes';

export interface ConsoleConfig {
  signIn: 'development' | 'oidc';
  oidc: OidcSettings | null;
  graphiql: boolean;
  staleAfterHours: number;
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'nl' : 'en';
  return (
    <Button appearance="subtle-button" lang={next} onClick={() => void i18n.changeLanguage(next)}>
      {t('language.switchTo')}
    </Button>
  );
}

export function App() {
  const { t } = useTranslation();
  const path = usePath();
  const [config, setConfig] = useState<ConsoleConfig | null>(null);
  const [configFailed, setConfigFailed] = useState(false);
  const [session, setSession] = useState<Session | null>(null);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetch('/console/config')
        .then((r) => (r.ok ? (r.json() as Promise<ConsoleConfig>) : Promise.reject(new Error(String(r.status)))))
        .then((c) => {
          if (cancelled) return;
          setConfigFailed(false);
          setConfig(c);
          if (c.signIn === 'development') setSession((s) => s ?? loadDevSession());
        })
        .catch(() => {
          if (cancelled) return;
          setConfigFailed(true);
          timer = setTimeout(load, 2000);
        });
    void load();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, []);

  // OIDC: finish the redirect, keep the (in-memory) token fresh, follow silent renewals.
  useEffect(() => {
    if (config?.signIn !== 'oidc' || !config.oidc) return;
    const manager = oidcManager(config.oidc);
    if (!manager) return;
    let current: string | undefined;
    const adopt = (accessToken: string, label: string) => {
      current = accessToken;
      setSession({ kind: 'oidc', person: personFromToken(accessToken, label), token: () => current });
    };
    const onLoaded = (user: { access_token: string; profile: { name?: string; sub: string } }) => adopt(user.access_token, user.profile.name ?? user.profile.sub);
    manager.events.addUserLoaded(onLoaded);
    if (location.pathname === '/aanmelden/stil') void manager.signinSilentCallback();
    else if (location.pathname === '/aanmelden/terug') {
      void manager.signinRedirectCallback().then((user) => {
        onLoaded(user);
        navigate('/');
      });
    }
    return () => manager.events.removeUserLoaded(onLoaded);
  }, [config]);

  const signOut = useCallback(() => {
    setSession((s) => {
      if (s?.kind === 'oidc' && config?.oidc) void oidcManager(config.oidc)?.signoutRedirect();
      return null;
    });
    saveDevSession(null);
    navigate('/');
  }, [config]);

  const consoleClient = useMemo(() => (session ? createConsoleClient(session.token, signOut) : null), [session, signOut]);
  useEffect(() => () => consoleClient?.dispose(), [consoleClient]);

  const sessionApi = useMemo(
    () => ({
      session,
      signIn: (s: Session) => {
        setSession(s);
        navigate('/');
      },
      signOut,
    }),
    [session, signOut],
  );

  const main = !config ? (
    <Paragraph role="status">{configFailed ? t('connection.unavailableTitle') : t('app.loading')}</Paragraph>
  ) : !session || !consoleClient ? (
    <SignInPage config={config} />
  ) : (
    <Routes path={path} />
  );

  const content = (
    <Document>
    <Page>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <PageHeader>
        <div className="opvangnet-header">
          <span className="opvangnet-header__brand">
            <AppLink to="/">opvangnet</AppLink>
          </span>
          <div className="opvangnet-header__tools">
            {session ? (
              <span>
                {t('app.signedInAs')} <strong>{session.person.label}</strong>
              </span>
            ) : null}
            <LanguageSwitch />
            {session ? (
              <Button appearance="secondary-action-button" onClick={signOut}>
                {t('app.signOut')}
              </Button>
            ) : null}
          </div>
        </div>
      </PageHeader>
      <PageContent>
        <main id="main" tabIndex={-1} className="opvangnet-stack">
          {consoleClient ? <ConnectionBanner /> : null}
          {config && !session ? <Heading1 tabIndex={-1}>{t('signIn.title')}</Heading1> : null}
          {main}
        </main>
      </PageContent>
      <PageFooter>
        <Paragraph>{t('app.footer')}</Paragraph>
      </PageFooter>
    </Page>
    </Document>
  );

  return (
    <SettingsContext.Provider value={{ staleAfterHours: config?.staleAfterHours ?? 24 }}>
    <SessionContext.Provider value={sessionApi}>
      {consoleClient ? (
        <ConnectionContext.Provider value={consoleClient.status}>
          <Provider value={consoleClient.client}>{content}</Provider>
        </ConnectionContext.Provider>
      ) : (
        content
      )}
    </SessionContext.Provider>
    </SettingsContext.Provider>
  );
}
