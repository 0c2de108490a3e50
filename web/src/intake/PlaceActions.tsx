import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, type CombinedError } from 'urql';
import { describeField } from '../common/describeField';
import { ErrorSummary } from '../common/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../common/fields';
import { useFormProblems } from '../common/formProblems';
import { checkHousehold, HouseholdFields, householdInput, type MemberDraft } from '../common/HouseholdFields';
import { useErrorText, type ErrorContext } from '../common/useErrorText';
import { useRegions } from '../common/useRegions';
import { graphql } from '../gql';
import { errorCode } from '../graphql/errors';
import type { RowHousehold } from './PlaceRow';

export type ActionKind = 'claim' | 'release' | 'admit' | 'outOfService' | 'backInService' | 'ready' | 'transfer' | 'discharge';
export interface BoardAction {
  kind: ActionKind;
  placeId: string;
}

interface ActionPlace {
  id: string;
  label: string;
  beds: number;
  status: string;
  version: number;
}

const ClaimPlace = graphql(`
  mutation BoardClaimPlace($input: ClaimPlaceInput!) {
    claimPlace(input: $input) {
      id
      status
      expiresAt
    }
  }
`);
const ReleaseClaim = graphql(`
  mutation BoardReleaseClaim($input: ReleaseClaimInput!) {
    releaseClaim(input: $input) {
      id
      status
    }
  }
`);
const Admit = graphql(`
  mutation BoardAdmit($input: AdmitInput!) {
    admit(input: $input) {
      id
      householdSize
    }
  }
`);
const SetPlaceStatus = graphql(`
  mutation BoardSetPlaceStatus($input: SetPlaceStatusInput!) {
    setPlaceStatus(input: $input) {
      id
      status
      version
    }
  }
`);
const MarkReady = graphql(`
  mutation BoardMarkReady($input: MarkReadyForOutflowInput!) {
    markReadyForOutflow(input: $input) {
      id
      readyForOutflowAt
      outflowBlockers
    }
  }
`);
const Transfer = graphql(`
  mutation BoardTransfer($input: TransferStayInput!) {
    transferStay(input: $input) {
      id
    }
  }
`);
const Discharge = graphql(`
  mutation BoardDischarge($input: DischargeInput!) {
    discharge(input: $input) {
      id
      status
    }
  }
`);

const REFERRER_TYPES = ['POLICE', 'VEILIG_THUIS', 'PUBLIC_PROSECUTOR', 'GGD', 'SHELTER', 'TRAFFICKING_COORDINATION', 'HONOUR_VIOLENCE_CENTRE'] as const;
const BLOCKERS = ['HOUSING', 'DEBTS', 'BENEFITS', 'RESIDENCE_STATUS', 'OTHER'] as const;
const DESTINATIONS = [
  'INDEPENDENT_HOUSING',
  'RETURN_HOME_SAFE',
  'FAMILY_OR_NETWORK',
  'OTHER_SHELTER',
  'SOCIAL_SHELTER',
  'CARE_INSTITUTION',
  'UNKNOWN',
  'OTHER',
] as const;

function newKey(): string {
  return crypto.randomUUID();
}

/**
 * The form for one action on one place. What was typed stays when the action fails; a conflict
 * (someone else was first, or the place changed) re-fetches the board and says so in plain words.
 */
export function PlaceActions(props: {
  action: BoardAction;
  place: ActionPlace;
  household?: RowHousehold;
  shelterRegionId: string;
  freePlaces: ActionPlace[];
  onDone(message: string): void;
  onCancel(): void;
  onStale(): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { action, place, household, shelterRegionId, freePlaces, onDone, onCancel, onStale } = props;
  const regions = useRegions();
  const prefix = `act-${action.kind}`;
  const form = useFormProblems(prefix, (field, problems) => describeField(t, field, problems));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useMemo(newKey, []);
  const heading = useRef<HTMLHeadingElement>(null);
  // Optimistic concurrency: the version the person saw when opening the form, not the live one;
  // after a refused stale edit, the next attempt uses the version the refreshed board shows.
  const seenVersion = useRef<number | null>(place.version);
  useEffect(() => heading.current?.focus(), []);

  // Every form's typed values live here, so a failed attempt never loses them.
  const [householdSize, setHouseholdSize] = useState(household?.kind === 'hold' ? String(household.householdSize) : String(place.beds));
  const [holdMinutes, setHoldMinutes] = useState('120');
  const [reason, setReason] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>(() =>
    Array.from({ length: household?.kind === 'hold' ? household.householdSize : 1 }, () => ({ sex: '', age: '' })),
  );
  const [blockers, setBlockers] = useState<string[]>([]);
  const [destination, setDestination] = useState<(typeof DESTINATIONS)[number] | ''>('');
  const [targetPlace, setTargetPlace] = useState('');
  const [originRegionId, setOriginRegionId] = useState(shelterRegionId);
  const [referrerType, setReferrerType] = useState<(typeof REFERRER_TYPES)[number] | ''>('');

  const [, claim] = useMutation(ClaimPlace);
  const [, release] = useMutation(ReleaseClaim);
  const [, admit] = useMutation(Admit);
  const [, setStatus] = useMutation(SetPlaceStatus);
  const [, markReady] = useMutation(MarkReady);
  const [, transfer] = useMutation(Transfer);
  const [, discharge] = useMutation(Discharge);

  const firstField = `${prefix}-first`;
  const handle = async (context: ErrorContext, run: () => Promise<{ error?: CombinedError }>, doneMessage: string) => {
    setBusy(true);
    setFailure(null);
    form.clear();
    const result = await run();
    setBusy(false);
    if (!result.error) {
      onDone(doneMessage);
      return;
    }
    const code = errorCode(result.error);
    if (code === 'BAD_USER_INPUT') {
      form.fromError(result.error, firstField, errorText(result.error, context));
      return;
    }
    setFailure(errorText(result.error, context, t(`actions.${action.kind}`, { label: place.label })));
    if (code === 'CONFLICT') {
      seenVersion.current = null;
      onStale();
    }
  };

  let fields: ReactNode = null;
  let submit: () => void = () => undefined;
  const stayId = household?.kind === 'stay' ? (household.stay.id as string) : '';
  switch (action.kind) {
    case 'claim':
      fields = (
        <>
          <TextField id={firstField} label={t('forms.householdSize')} type="number" value={householdSize} onChange={setHouseholdSize} error={form.errorFor(firstField) ?? form.errorFor(`${prefix}-householdSize`)} />
          <TextField id={`${prefix}-holdMinutes`} label={t('forms.holdMinutes')} description={t('forms.holdMinutesHelp')} type="number" value={holdMinutes} onChange={setHoldMinutes} error={form.errorFor(`${prefix}-holdMinutes`)} />
        </>
      );
      submit = () => {
        if (!/^\d+$/.test(householdSize) || !/^\d+$/.test(holdMinutes)) {
          form.set([{ fieldId: firstField, message: t('validation.wholeNumbers') }]);
          return;
        }
        void handle(
          'claim',
          () => claim({ input: { placeIds: [place.id], householdSize: Number(householdSize), holdMinutes: Number(holdMinutes), idempotencyKey } }),
          t('done.claim', { label: place.label }),
        );
      };
      break;
    case 'release':
    case 'outOfService':
    case 'backInService':
      fields = <TextField id={firstField} label={t('forms.reason')} value={reason} onChange={setReason} error={form.errorFor(firstField) ?? form.errorFor(`${prefix}-reason`)} />;
      submit = () => {
        if (!reason.trim()) {
          form.set([{ fieldId: firstField, message: t('validation.reasonRequired') }]);
          return;
        }
        if (action.kind === 'release' && household?.kind === 'hold') {
          void handle('generic', () => release({ input: { claimId: household.claimId, reason } }), t('done.release', { label: place.label }));
        } else {
          const status = action.kind === 'outOfService' ? 'OUT_OF_SERVICE' : 'AVAILABLE';
          void handle(
            'placeEdit',
            () => setStatus({ input: { placeId: place.id, status, reason, expectedVersion: seenVersion.current ?? place.version } }),
            t(`done.${action.kind}`, { label: place.label }),
          );
        }
      };
      break;
    case 'admit':
      fields = (
        <>
          <HouseholdFields prefix={prefix} members={members} onChange={setMembers} errorFor={form.errorFor} fixedCount />
          <SelectField
            id={`${prefix}-originRegionId`}
            label={t('forms.originRegion')}
            description={t('forms.originRegionHelp')}
            value={originRegionId}
            options={regions.map((r) => ({ value: r.id, label: r.name }))}
            onChange={setOriginRegionId}
            error={form.errorFor(`${prefix}-originRegionId`)}
          />
          <SelectField
            id={`${prefix}-referrerType`}
            label={t('forms.referrerType')}
            value={referrerType}
            placeholder={t('forms.unknown')}
            options={REFERRER_TYPES.map((r) => ({ value: r, label: t(`referrerType.${r}`) }))}
            onChange={setReferrerType}
          />
        </>
      );
      submit = () => {
        const problems = checkHousehold(prefix, members, t);
        if (problems.length) {
          form.set(problems);
          return;
        }
        if (household?.kind !== 'hold') return;
        void handle('generic', () => admit({ input: { claimId: household.claimId, household: householdInput(members), originRegionId, referrerType: referrerType || undefined } }), t('done.admit', { label: place.label }));
      };
      break;
    case 'ready':
      fields = (
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t('forms.blockers')}</legend>
          {BLOCKERS.map((b, i) => (
            <CheckboxField
              key={b}
              id={i === 0 ? firstField : `${prefix}-blocker-${b}`}
              label={t(`blocker.${b}`)}
              checked={blockers.includes(b)}
              onChange={(on) => setBlockers(on ? [...blockers, b] : blockers.filter((x) => x !== b))}
            />
          ))}
        </fieldset>
      );
      submit = () =>
        void handle('generic', () => markReady({ input: { stayId, blockers: blockers as (typeof BLOCKERS)[number][] } }), t('done.ready', { label: place.label }));
      break;
    case 'transfer':
      fields = (
        <>
          <SelectField
            id={firstField}
            label={t('forms.targetPlace')}
            value={targetPlace}
            placeholder={t('signIn.choose')}
            options={freePlaces.filter((p) => p.id !== place.id).map((p) => ({ value: p.id, label: t('forms.placeOption', { label: p.label, beds: p.beds }) }))}
            onChange={setTargetPlace}
            error={form.errorFor(firstField)}
          />
          <TextField id={`${prefix}-reason`} label={t('forms.reason')} value={reason} onChange={setReason} error={form.errorFor(`${prefix}-reason`)} />
        </>
      );
      submit = () => {
        const problems = [
          ...(targetPlace ? [] : [{ fieldId: firstField, message: t('validation.targetPlace') }]),
          ...(reason.trim() ? [] : [{ fieldId: `${prefix}-reason`, message: t('validation.reasonRequired') }]),
        ];
        if (problems.length) {
          form.set(problems);
          return;
        }
        void handle('placeEdit', () => transfer({ input: { stayId, toPlaceIds: [targetPlace], reason } }), t('done.transfer', { label: place.label }));
      };
      break;
    case 'discharge':
      fields = (
        <SelectField
          id={firstField}
          label={t('forms.destination')}
          value={destination}
          placeholder={t('signIn.choose')}
          options={DESTINATIONS.map((d) => ({ value: d, label: t(`destination.${d}`) }))}
          onChange={setDestination}
          error={form.errorFor(firstField)}
        />
      );
      submit = () => {
        if (!destination) {
          form.set([{ fieldId: firstField, message: t('validation.destination') }]);
          return;
        }
        void handle('generic', () => discharge({ input: { stayId, destination } }), t('done.discharge', { label: place.label }));
      };
      break;
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  return (
    <section className="opvangnet-panel" aria-labelledby={`${prefix}-title`}>
      <Heading2 id={`${prefix}-title`} ref={heading} tabIndex={-1}>{t(`actions.${action.kind}Title`, { label: place.label })}</Heading2>
      {failure ? (
        <Alert type="error" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary problems={form.problems} />
      <form onSubmit={onSubmit} noValidate className="opvangnet-stack">
        {fields}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t(`actions.${action.kind}Submit`)}
          </Button>
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {t('forms.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
