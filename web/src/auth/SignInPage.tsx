import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleConfig } from '../app/App';
import { SelectField } from '../common/fields';
import { oidcManager } from './oidc';
import { personFromToken, saveDevSession, useSession, type Role } from './session';

interface DevPerson {
  id: string;
  role: Role;
  label: string;
  featured: boolean;
  shelterName?: string;
  regionName?: string;
}

/** Development: pick a demo person. Production: sign in at the organisation's identity provider. */
export function SignInPage({ config }: { config: ConsoleConfig }) {
  return config.signIn === 'development' ? <DevSignIn /> : <OidcSignIn config={config} />;
}

function OidcSignIn({ config }: { config: ConsoleConfig }) {
  const { t } = useTranslation();
  const manager = config.oidc ? oidcManager(config.oidc) : undefined;
  if (!manager) {
    return (
      <Alert type="error">
        <Paragraph>{t('signIn.oidcMissing')}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <Paragraph>{t('signIn.oidcIntro')}</Paragraph>
      <Button appearance="primary-action-button" onClick={() => void manager.signinRedirect()}>
        {t('signIn.oidcButton')}
      </Button>
    </>
  );
}

function DevSignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [people, setPeople] = useState<DevPerson[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [intakeId, setIntakeId] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');

  useEffect(() => {
    fetch('/dev/people')
      .then((r) => (r.ok ? (r.json() as Promise<DevPerson[]>) : Promise.reject(new Error(String(r.status)))))
      .then(setPeople)
      .catch(() => setFailed(true));
  }, []);

  const signInAs = async (personId: string) => {
    const res = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId }),
    });
    if (!res.ok) {
      setFailed(true);
      return;
    }
    const { token, person } = (await res.json()) as { token: string; person: DevPerson };
    saveDevSession(token, person.label);
    signIn({ kind: 'development', person: personFromToken(token, person.label), token: () => token });
  };

  if (failed) {
    return (
      <Alert type="error">
        <Paragraph>{t('signIn.devFailed')}</Paragraph>
      </Alert>
    );
  }
  if (!people) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const featured = people.filter((p) => p.featured);
  const intakes = people.filter((p) => p.role === 'INTAKE');
  const municipalities = people.filter((p) => p.role === 'MUNICIPALITY');
  return (
    <div className="opvangnet-stack">
      <Alert type="info">
        <Paragraph>{t('signIn.devIntro')}</Paragraph>
      </Alert>
      <Heading2>{t('signIn.demoPeople')}</Heading2>
      <ul className="opvangnet-nav">
        {featured.map((p) => (
          <li key={p.id}>
            <Button appearance="primary-action-button" onClick={() => void signInAs(p.id)}>
              {p.label}
            </Button>
          </li>
        ))}
      </ul>
      <Heading2>{t('signIn.otherIntake')}</Heading2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (intakeId) void signInAs(intakeId);
        }}
      >
        <SelectField
          id="intake-person"
          label={t('signIn.shelter')}
          value={intakeId}
          placeholder={t('signIn.choose')}
          options={intakes.map((p) => ({ value: p.id, label: `${p.shelterName} (${p.regionName})` }))}
          onChange={setIntakeId}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('signIn.asIntake')}
        </Button>
      </form>
      <Heading2>{t('signIn.otherMunicipality')}</Heading2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (municipalityId) void signInAs(municipalityId);
        }}
      >
        <SelectField
          id="municipality-person"
          label={t('signIn.region')}
          value={municipalityId}
          placeholder={t('signIn.choose')}
          options={municipalities.map((p) => ({ value: p.id, label: p.regionName ?? p.label }))}
          onChange={setMunicipalityId}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('signIn.asMunicipality')}
        </Button>
      </form>
    </div>
  );
}
