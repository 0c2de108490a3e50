import { Alert, Button, Fieldset, FieldsetLegend, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { navigate } from '../app/router';
import { describeField } from '../common/describeField';
import { ErrorSummary } from '../common/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../common/fields';
import { useFormProblems } from '../common/formProblems';
import { checkHousehold, HouseholdFields, householdInput, type MemberDraft } from '../common/HouseholdFields';
import { useErrorText } from '../common/useErrorText';
import { useRegions } from '../common/useRegions';
import { graphql } from '../gql';
import { errorCode } from '../graphql/errors';
import { RegionChoice } from './RegionChoice';

const CreateRequest = graphql(`
  mutation ReferrerCreateRequest($input: CreatePlacementRequestInput!) {
    createPlacementRequest(input: $input) {
      id
      status
    }
  }
`);

const URGENCIES = ['IMMEDIATE', 'WITHIN_24H', 'PLANNED'] as const;
const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'SEVERE'] as const;
const FLAGS = ['honourRelated', 'trafficking', 'perpetratorNetwork', 'policeCoDecision', 'firearmAccess'] as const;
type Flag = (typeof FLAGS)[number];

export function splitLanguages(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A new placement request: who, how urgent, how dangerous, where not, what is needed, consent. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const regions = useRegions();
  const form = useFormProblems('req', (field, problems) => describeField(t, field, problems));
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateRequest);

  const [clientReference, setClientReference] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>([{ sex: '', age: '' }]);
  const [homeRegionId, setHomeRegionId] = useState('');
  const [urgency, setUrgency] = useState<(typeof URGENCIES)[number] | ''>('');
  const [level, setLevel] = useState<(typeof LEVELS)[number] | ''>('');
  const [flags, setFlags] = useState<Record<Flag, boolean>>({ honourRelated: false, trafficking: false, perpetratorNetwork: false, policeCoDecision: false, firearmAccess: false });
  const [avoid, setAvoid] = useState<string[]>([]);
  const [preferred, setPreferred] = useState<string[]>([]);
  const [wheelchair, setWheelchair] = useState(false);
  const [pets, setPets] = useState(false);
  const [languages, setLanguages] = useState('');
  const [consent, setConsent] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const problems = [
      ...checkHousehold('req', members, t),
      ...(homeRegionId ? [] : [{ fieldId: 'req-homeRegionId', message: t('validation.homeRegion') }]),
      ...(urgency ? [] : [{ fieldId: 'req-urgency', message: t('validation.urgency') }]),
      ...(level ? [] : [{ fieldId: 'req-risk-level', message: t('validation.riskLevel') }]),
      ...(consent ? [] : [{ fieldId: 'req-consentToShare', message: t('validation.consent') }]),
    ];
    form.set(problems);
    if (problems.length || !urgency || !level) return;
    const result = await create({
      input: {
        clientReference: clientReference.trim() || undefined,
        household: householdInput(members),
        homeRegionId,
        urgency,
        risk: { level, ...flags },
        avoidRegionIds: avoid,
        preferredRegionIds: preferred,
        needs: { wheelchair, pets, languages: splitLanguages(languages) },
        consentToShare: consent,
      },
    });
    if (result.error) {
      if (errorCode(result.error) === 'BAD_USER_INPUT') form.fromError(result.error, 'req-clientReference', errorText(result.error, 'request'));
      else setFailure(errorText(result.error, 'request', t('newRequest.title')));
      return;
    }
    if (result.data) navigate(`/verwijzer/verzoek/${result.data.createPlacementRequest.id}`);
  };

  return (
    <div className="opvangnet-stack">
      <Heading1 tabIndex={-1}>{t('newRequest.title')}</Heading1>
      <Paragraph>{t('newRequest.intro')}</Paragraph>
      {failure ? (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary problems={form.problems} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="opvangnet-stack">
        <TextField id="req-clientReference" label={t('newRequest.clientReference')} description={t('newRequest.clientReferenceHelp')} value={clientReference} onChange={setClientReference} error={form.errorFor('req-clientReference')} />
        <HouseholdFields prefix="req" members={members} onChange={setMembers} errorFor={form.errorFor} />
        <SelectField id="req-homeRegionId" label={t('newRequest.homeRegion')} value={homeRegionId} placeholder={t('signIn.choose')} options={regions.map((r) => ({ value: r.id, label: r.name }))} onChange={setHomeRegionId} error={form.errorFor('req-homeRegionId')} />
        <SelectField id="req-urgency" label={t('request.urgency')} value={urgency} placeholder={t('signIn.choose')} options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} onChange={setUrgency} error={form.errorFor('req-urgency')} />
        <Fieldset>
          <FieldsetLegend>{t('request.risk')}</FieldsetLegend>
          <SelectField id="req-risk-level" label={t('newRequest.riskLevel')} value={level} placeholder={t('signIn.choose')} options={LEVELS.map((l) => ({ value: l, label: t(`riskLevel.${l}`) }))} onChange={setLevel} error={form.errorFor('req-risk-level')} />
          {FLAGS.map((f) => (
            <CheckboxField key={f} id={`req-risk-${f}`} label={t(`risk.${f}`)} checked={flags[f]} onChange={(on) => setFlags({ ...flags, [f]: on })} />
          ))}
        </Fieldset>
        <RegionChoice id="req-avoid" legend={t('newRequest.avoidRegions')} regions={regions} chosen={avoid} onChange={setAvoid} />
        <RegionChoice id="req-preferred" legend={t('newRequest.preferredRegions')} regions={regions} chosen={preferred} onChange={setPreferred} />
        <Fieldset>
          <FieldsetLegend>{t('request.needs')}</FieldsetLegend>
          <CheckboxField id="req-needs-wheelchair" label={t('needs.wheelchair')} checked={wheelchair} onChange={setWheelchair} />
          <CheckboxField id="req-needs-pets" label={t('needs.pets')} checked={pets} onChange={setPets} />
          <TextField id="req-needs-languages" label={t('newRequest.languages')} description={t('newRequest.languagesHelp')} value={languages} onChange={setLanguages} error={form.errorFor('req-needs-languages')} />
        </Fieldset>
        <CheckboxField id="req-consentToShare" label={t('newRequest.consent')} checked={consent} onChange={setConsent} error={form.errorFor('req-consentToShare')} />
        <Button type="submit" appearance="primary-action-button" busy={fetching} disabled={fetching}>
          {t('newRequest.submit')}
        </Button>
      </form>
    </div>
  );
}
