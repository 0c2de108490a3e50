import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../graphql/useLiveQuery';

/** Shown while the service is unavailable or the live connection is down; retries run by themselves. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { unavailable, socketDown } = useConnection();
  if (!unavailable && !socketDown) return null;
  return (
    <Alert type="warning" role="alert">
      <Paragraph>
        <strong>{unavailable ? t('connection.unavailableTitle') : t('connection.socketTitle')}</strong>{' '}
        {t('connection.retrying')}
      </Paragraph>
    </Alert>
  );
}
