import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { AppLink } from '../common/AppLink';
import { AuditPage } from '../coordinator/AuditPage';
import { CoordinatorHome } from '../coordinator/CoordinatorHome';
import { RegionPage } from '../coordinator/RegionPage';
import { IntakeHome } from '../intake/IntakeHome';
import { IntakeRequestPage } from '../intake/IntakeRequestPage';
import { EmergencyPage } from '../referrer/EmergencyPage';
import { MyRequestsPage } from '../referrer/MyRequestsPage';
import { NewRequestPage } from '../referrer/NewRequestPage';
import { RequestPage } from '../referrer/RequestPage';
import { match } from './router';

// The dashboard brings its charting library; only those who open it load it.
const FlowDashboard = lazy(() => import('../flows/FlowDashboard'));

function Dashboard() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Paragraph role="status">{t('app.loading')}</Paragraph>}>
      <FlowDashboard />
    </Suspense>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <Heading1 tabIndex={-1}>{t('notFound.title')}</Heading1>
      <AppLink to="/">{t('notFound.home')}</AppLink>
    </>
  );
}

/** The screens of each role. */
export function Routes({ path }: { path: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const role = session?.person.role;
  let m: Record<string, string> | null;
  if (role === 'INTAKE' || role === 'COORDINATOR' || role === 'ADMIN') {
    if (path === '/') return role === 'COORDINATOR' ? <CoordinatorHome /> : <IntakeHome />;
    if (role === 'COORDINATOR' && path === '/coordinator/audit') return <AuditPage />;
    if (role === 'COORDINATOR' && path === '/coordinator/stromen') return <Dashboard />;
    if (role === 'COORDINATOR' && (m = match('/coordinator/regio/:id', path))) return <RegionPage key={m.id} regionId={m.id} />;
    if ((m = match('/intake/opvang/:id', path))) return <IntakeHome key={m.id} shelterId={m.id} />;
    if ((m = match('/intake/verzoek/:id', path))) return <IntakeRequestPage key={m.id} id={m.id} />;
    return <NotFound />;
  }
  if (role === 'REFERRER') {
    if (path === '/') return <MyRequestsPage />;
    if (path === '/verwijzer/nieuw') return <NewRequestPage />;
    if (path === '/verwijzer/spoed') return <EmergencyPage />;
    if ((m = match('/verwijzer/verzoek/:id', path))) return <RequestPage key={m.id} id={m.id} />;
    return <NotFound />;
  }
  if (role === 'MUNICIPALITY') {
    if (path === '/' || path === '/gemeente/stromen') return <Dashboard />;
    return <NotFound />;
  }
  return (
    <>
      <Heading1 tabIndex={-1}>{t('municipality.title')}</Heading1>
      <Paragraph>{t('municipality.comingNext')}</Paragraph>
    </>
  );
}
