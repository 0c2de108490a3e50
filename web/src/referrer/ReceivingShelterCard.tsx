import { Alert, DataList, DataListItem, DataListKey, DataListValue, Heading2, Link } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../common/Countdown';
import { graphql, useFragment, type FragmentType } from '../gql';

export const ReceivingShelterFragment = graphql(`
  fragment ReceivingShelterCard_shelter on ReceivingShelter {
    name
    intakePhone
    meetingInstructions
    holdExpiresAt
  }
`);

/** Where to bring the client: name, 24/7 intake phone, meeting instructions, hold countdown. Never an address. */
export function ReceivingShelterCard(props: { shelter: FragmentType<typeof ReceivingShelterFragment>; showHold: boolean }) {
  const { t } = useTranslation();
  const s = useFragment(ReceivingShelterFragment, props.shelter);
  return (
    <Alert type="ok">
      <Heading2>{t('receiving.title', { shelter: s.name })}</Heading2>
      <DataList>
        <DataListItem>
          <DataListKey>{t('receiving.phone')}</DataListKey>
          <DataListValue>
            <Link href={`tel:${s.intakePhone.replace(/[^\d+]/g, '')}`}>{s.intakePhone}</Link>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('receiving.meeting')}</DataListKey>
          <DataListValue>{s.meetingInstructions ?? t('receiving.callFirst')}</DataListValue>
        </DataListItem>
        {props.showHold && s.holdExpiresAt ? (
          <DataListItem>
            <DataListKey>{t('receiving.heldUntil')}</DataListKey>
            <DataListValue>
              <Countdown until={s.holdExpiresAt} />
            </DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
    </Alert>
  );
}
