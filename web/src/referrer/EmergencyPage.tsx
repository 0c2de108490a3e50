import { Alert, Button, Fieldset, FieldsetLegend, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AppLink } from '../common/AppLink';
import { describeField } from '../common/describeField';
import { ErrorSummary } from '../common/ErrorSummary';
import { CheckboxField, SelectField } from '../common/fields';
import { useFormProblems } from '../common/formProblems';
import { checkHousehold, HouseholdFields, householdInput, type MemberDraft } from '../common/HouseholdFields';
import { useErrorText } from '../common/useErrorText';
import { useRegions } from '../common/useRegions';
import { graphql } from '../gql';
import { errorCode } from '../graphql/errors';
import { ReceivingShelterCard } from './ReceivingShelterCard';

const RequestEmergency = graphql(`
  mutation ReferrerEmergency($input: EmergencyPlacementInput!) {
    requestEmergencyPlacement(input: $input) {
      claim {
        id
        expiresAt
      }
      receivingShelter {
        ...ReceivingShelterCard_shelter
      }
      request {
        id
        status
      }
    }
  }
`);

const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'SEVERE'] as const;

/** Spoedplaatsing: one button that holds the best emergency bed, or escalates and says what happens next. */
export function EmergencyPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const regions = useRegions();
  const form = useFormProblems('spoed', (field, problems) => describeField(t, field, problems));
  const [{ fetching, data }, request] = useMutation(RequestEmergency);
  const [failure, setFailure] = useState<string | null>(null);
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  const [members, setMembers] = useState<MemberDraft[]>([{ sex: '', age: '' }]);
  const [homeRegionId, setHomeRegionId] = useState('');
  const [level, setLevel] = useState<(typeof LEVELS)[number] | ''>('HIGH');
  const [honourRelated, setHonourRelated] = useState(false);
  const [perpetratorNetwork, setPerpetratorNetwork] = useState(false);
  const [consent, setConsent] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const problems = [
      ...checkHousehold('spoed', members, t),
      ...(homeRegionId ? [] : [{ fieldId: 'spoed-homeRegionId', message: t('validation.homeRegion') }]),
      ...(level ? [] : [{ fieldId: 'spoed-risk-level', message: t('validation.riskLevel') }]),
      ...(consent ? [] : [{ fieldId: 'spoed-consentToShare', message: t('validation.consent') }]),
    ];
    form.set(problems);
    if (problems.length || !level) return;
    const result = await request({
      input: {
        household: householdInput(members),
        homeRegionId,
        risk: { level, honourRelated, perpetratorNetwork },
        consentToShare: consent,
        idempotencyKey,
      },
    });
    if (result.error) {
      if (errorCode(result.error) === 'BAD_USER_INPUT') form.fromError(result.error, 'spoed-household-0-sex', errorText(result.error, 'request'));
      else setFailure(errorText(result.error, 'request', t('emergency.submit')));
    }
  };

  const placement = data?.requestEmergencyPlacement;
  if (placement) {
    return (
      <div className="opvangnet-stack">
        <Heading1 tabIndex={-1}>{placement.claim ? t('emergency.heldTitle') : t('emergency.escalatedTitle')}</Heading1>
        {placement.claim && placement.receivingShelter ? (
          <>
            <ReceivingShelterCard shelter={placement.receivingShelter} showHold />
            <Paragraph>{t('emergency.heldNext')}</Paragraph>
          </>
        ) : (
          <Alert type="warning">
            <Heading2>{t('emergency.escalatedHeading')}</Heading2>
            <Paragraph>{t('emergency.escalatedNext')}</Paragraph>
          </Alert>
        )}
        <AppLink to={`/verwijzer/verzoek/${placement.request.id}`}>{t('emergency.followRequest')}</AppLink>
      </div>
    );
  }

  return (
    <div className="opvangnet-stack">
      <Heading1 tabIndex={-1}>{t('emergency.title')}</Heading1>
      <Paragraph>{t('emergency.intro')}</Paragraph>
      {failure ? (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary problems={form.problems} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="opvangnet-stack">
        <HouseholdFields prefix="spoed" members={members} onChange={setMembers} errorFor={form.errorFor} />
        <SelectField id="spoed-homeRegionId" label={t('newRequest.homeRegion')} value={homeRegionId} placeholder={t('signIn.choose')} options={regions.map((r) => ({ value: r.id, label: r.name }))} onChange={setHomeRegionId} error={form.errorFor('spoed-homeRegionId')} />
        <Fieldset>
          <FieldsetLegend>{t('request.risk')}</FieldsetLegend>
          <SelectField id="spoed-risk-level" label={t('newRequest.riskLevel')} value={level} options={LEVELS.map((l) => ({ value: l, label: t(`riskLevel.${l}`) }))} onChange={setLevel} error={form.errorFor('spoed-risk-level')} />
          <CheckboxField id="spoed-risk-honourRelated" label={t('risk.honourRelated')} checked={honourRelated} onChange={setHonourRelated} />
          <CheckboxField id="spoed-risk-perpetratorNetwork" label={t('risk.perpetratorNetwork')} checked={perpetratorNetwork} onChange={setPerpetratorNetwork} />
        </Fieldset>
        <CheckboxField id="spoed-consentToShare" label={t('newRequest.consent')} checked={consent} onChange={setConsent} error={form.errorFor('spoed-consentToShare')} />
        <Button type="submit" appearance="primary-action-button" busy={fetching} disabled={fetching}>
          {t('emergency.submit')}
        </Button>
      </form>
    </div>
  );
}
