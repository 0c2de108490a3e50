import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useSettings } from '../app/config';
import { useErrorText } from '../common/useErrorText';
import { useNow } from '../common/useNow';
import { graphql } from '../gql';
import { useFormat } from '../i18n/format';

const ConfirmStatus = graphql(`
  mutation BoardConfirmStatus($shelterId: ID!) {
    confirmShelterStatus(shelterId: $shelterId) {
      id
      statusConfirmedAt
    }
  }
`);

/** Since when the board is confirmed; when older than the stale limit, a banner asks to confirm in one click. */
export function StatusConfirmation({ shelterId, confirmedAt, onConfirmed }: { shelterId: string; confirmedAt: string; onConfirmed(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const now = useNow(60_000);
  const { staleAfterHours } = useSettings();
  const [{ fetching }, confirm] = useMutation(ConfirmStatus);
  const [failure, setFailure] = useState<string | null>(null);
  const stale = now - new Date(confirmedAt).getTime() > staleAfterHours * 3_600_000;
  const onConfirm = async () => {
    const result = await confirm({ shelterId });
    if (result.error) setFailure(errorText(result.error, 'generic', t('status.confirmAction')));
    else {
      setFailure(null);
      onConfirmed();
    }
  };
  const since = t('status.confirmedSince', { when: format.dateTime(confirmedAt), relative: format.relative(confirmedAt, now) });
  return (
    <>
      {stale ? (
        <Alert type="warning">
          <Paragraph>
            <strong>{t('status.staleTitle')}</strong> {since}
          </Paragraph>
          <Button appearance="primary-action-button" busy={fetching} onClick={() => void onConfirm()}>
            {t('status.confirm')}
          </Button>
        </Alert>
      ) : (
        <Paragraph>
          {since}{' '}
          <Button appearance="subtle-button" onClick={() => void onConfirm()}>
            {t('status.confirmAgain')}
          </Button>
        </Paragraph>
      )}
      {failure ? (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}
