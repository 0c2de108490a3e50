import {
  Alert,
  Button,
  ButtonGroup,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useClient } from 'urql';
import { useSession } from '../auth/session';
import { AppLink } from '../common/AppLink';
import { ErrorSummary, type ShownProblem } from '../common/ErrorSummary';
import { useFormProblems } from '../common/formProblems';
import { SelectField, TextField } from '../common/fields';
import { useErrorText } from '../common/useErrorText';
import { graphql } from '../gql';
import type { CoordinatorAuditEventsQuery } from '../gql/graphql';
import { errorCode } from '../graphql/errors';
import { useFormat } from '../i18n/format';
import { amsterdamToIso } from './amsterdamTime';
import { exportErrorCode, saveBlob } from '../common/download';

const AuditEvents = graphql(`
  query CoordinatorAuditEvents($actor: String, $action: String, $entityType: String, $entityId: String, $from: DateTime, $to: DateTime, $after: String) {
    auditEvents(actor: $actor, action: $action, entityType: $entityType, entityId: $entityId, from: $from, to: $to, first: 50, after: $after) {
      nodes {
        id
        at
        actor
        actorRole
        action
        entityType
        entityId
        statusBefore
        statusAfter
        detail
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type AuditEvent = CoordinatorAuditEventsQuery['auditEvents']['nodes'][number];

/** What `read_shelter_secrets` writes for every read of a secret address, exact location or meeting instructions. */
const SECRET_READ_PREFIX = 'read Shelter.';
const SECRET_READS = `${SECRET_READ_PREFIX}*`;

interface Filters {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

interface Draft {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { actor: '', action: '', entityType: '', entityId: '', from: '', to: '' };
const BOUNDS: Record<'actor' | 'action' | 'entityType' | 'entityId', number> = { actor: 200, action: 200, entityType: 100, entityId: 100 };

/** Short, safe words for an event's detail: counts for id lists, no free text longer than a line. */
function detailText(event: AuditEvent, t: TFunction): string {
  const parts: string[] = [];
  if (event.statusBefore || event.statusAfter) parts.push(`${event.statusBefore ?? '–'} → ${event.statusAfter ?? '–'}`);
  const detail = event.detail as Record<string, unknown> | null;
  if (detail && typeof detail === 'object' && !Array.isArray(detail)) {
    for (const [key, value] of Object.entries(detail)) {
      if (Array.isArray(value)) parts.push(key === 'entityIds' ? t('audit.entities', { count: value.length }) : `${key}: ${value.length <= 3 ? value.join(', ') : t('audit.items', { count: value.length })}`);
      else if (value !== null && typeof value === 'object') parts.push(`${key}: ${Object.keys(value).join(', ')}`);
      else parts.push(`${key}: ${String(value)}`);
    }
  }
  const text = parts.join('; ');
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

/** The filters as query-string values for GET /exports/audit.csv (the same names as the GraphQL arguments). */
function exportQuery(filters: Filters, separator: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (separator === 'semicolon') params.set('sep', 'semicolon');
  return params.toString();
}

function fileNameOf(disposition: string | null): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? 'audit.csv';
}

/** The coordinator's audit search: who did what to which entity when; reads of secret addresses stand out; CSV download. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useClient();
  const { session } = useSession();
  const errorText = useErrorText();
  const form = useFormProblems('audit', (field, problems) => t('validation.generic', { field, problem: problems.join(', ') }));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [applied, setApplied] = useState<Filters>({});
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CombinedError | 'unexpected' | null>(null);
  const [separator, setSeparator] = useState<'semicolon' | 'comma'>('semicolon');
  const [download, setDownload] = useState<{ busy: boolean; message: string | null; failure: string | null }>({ busy: false, message: null, failure: null });
  const latest = useRef(0);

  const load = useCallback(
    async (filters: Filters, after: string | null) => {
      const call = ++latest.current;
      setBusy(true);
      setFailure(null);
      const result = await client.query(AuditEvents, { ...filters, after }, { requestPolicy: 'network-only' }).toPromise();
      if (call !== latest.current) return;
      setBusy(false);
      if (result.error || !result.data) {
        if (result.error && errorCode(result.error) === 'BAD_USER_INPUT') form.fromError(result.error, 'audit-actor', errorText(result.error));
        else setFailure(result.error ?? 'unexpected');
        return;
      }
      const page = result.data.auditEvents;
      setEvents((shown) => (after && shown ? [...shown, ...page.nodes] : page.nodes));
      setNext(page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
    },
    // form and errorText are new objects each render; their behaviour does not change. Not on t:
    // switching the language must not reload the list without its filters.
    [client],
  );

  useEffect(() => {
    void load({}, null);
  }, [load]);

  const check = (values: Draft): { problems: ShownProblem[]; filters: Filters } => {
    const problems: ShownProblem[] = [];
    const filters: Filters = {};
    for (const [name, max] of Object.entries(BOUNDS) as [keyof typeof BOUNDS, number][]) {
      const value = values[name].trim();
      if (value.length > max) problems.push({ fieldId: `audit-${name}`, message: t('audit.tooLong', { field: t(`audit.field.${name}`), max }) });
      else if (value) filters[name] = value;
    }
    if (filters.action && filters.action.indexOf('*') !== -1 && filters.action.indexOf('*') !== filters.action.length - 1) {
      problems.push({ fieldId: 'audit-action', message: t('audit.starAtEnd') });
    }
    for (const name of ['from', 'to'] as const) {
      const input = document.getElementById(`audit-${name}`) as HTMLInputElement | null;
      const value = values[name];
      const iso = value ? amsterdamToIso(value) : null;
      if (input?.validity.badInput || (value && !iso)) problems.push({ fieldId: `audit-${name}`, message: t('audit.badDate', { field: t(`audit.field.${name}`) }) });
      else if (iso) filters[name] = iso;
    }
    if (filters.from && filters.to && filters.from > filters.to) problems.push({ fieldId: 'audit-to', message: t('audit.toBeforeFrom') });
    return { problems, filters };
  };

  const search = (values: Draft) => {
    const { problems, filters } = check(values);
    form.set(problems);
    if (problems.length) return;
    setApplied(filters);
    setDownload({ busy: false, message: null, failure: null });
    void load(filters, null);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    search(draft);
  };

  const onlySecretReads = () => {
    const values = { ...draft, action: SECRET_READS };
    setDraft(values);
    search(values);
  };

  const onReset = () => {
    setDraft(EMPTY);
    form.clear();
    setApplied({});
    void load({}, null);
  };

  const onDownload = async () => {
    setDownload({ busy: true, message: null, failure: null });
    try {
      const res = await fetch(`/exports/audit.csv?${exportQuery(applied, separator)}`, { headers: { Authorization: `Bearer ${session?.token() ?? ''}` } });
      if (!res.ok) {
        const code = await exportErrorCode(res);
        const key = code === 'RATE_LIMITED' ? 'errors.rateLimited' : code === 'UNAUTHENTICATED' ? 'errors.unauthenticated' : code === 'FORBIDDEN' ? 'audit.downloadForbidden' : 'errors.unexpected';
        setDownload({ busy: false, message: null, failure: t(key) });
        return;
      }
      const name = fileNameOf(res.headers.get('Content-Disposition'));
      saveBlob(await res.blob(), name);
      const rows = Number(res.headers.get('X-Export-Rows') ?? 0);
      const truncated = res.headers.get('X-Export-Truncated') === 'true';
      setDownload({ busy: false, message: t(truncated ? 'audit.downloadedTruncated' : 'audit.downloaded', { count: rows, name }), failure: null });
    } catch {
      setDownload({ busy: false, message: null, failure: t('errors.unavailable') });
    }
  };

  const field = (name: keyof Draft) => ({
    id: `audit-${name}`,
    label: t(`audit.field.${name}`),
    value: draft[name],
    onChange: (value: string) => setDraft((d) => ({ ...d, [name]: value })),
    error: form.errorFor(`audit-${name}`),
  });

  return (
    <div className="opvangnet-stack">
      <AppLink to="/">{t('coordinator.back')}</AppLink>
      <Heading1 tabIndex={-1}>{t('audit.title')}</Heading1>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <ErrorSummary problems={form.problems} />
      <form onSubmit={onSubmit} onReset={onReset} noValidate className="opvangnet-stack" aria-labelledby="audit-search-heading">
        <Heading2 id="audit-search-heading">{t('audit.searchTitle')}</Heading2>
        <div className="opvangnet-audit-fields">
          <TextField {...field('actor')} description={t('audit.help.actor')} />
          <TextField {...field('action')} description={t('audit.help.action')} />
          <TextField {...field('entityType')} description={t('audit.help.entityType')} />
          <TextField {...field('entityId')} description={t('audit.help.entityId')} />
          <TextField {...field('from')} type="datetime-local" description={t('audit.help.from')} />
          <TextField {...field('to')} type="datetime-local" description={t('audit.help.to')} />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('audit.search')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onlySecretReads} disabled={busy}>
            {t('audit.onlySecretReads')}
          </Button>
          <Button type="reset" appearance="subtle-button" disabled={busy}>
            {t('audit.reset')}
          </Button>
        </ButtonGroup>
      </form>
      {failure ? (
        <Alert type="error" role="alert">
          <Paragraph>{failure === 'unexpected' ? t('errors.unexpected') : errorText(failure, 'generic', t('audit.search'))}</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="audit-results-heading" className="opvangnet-stack">
        <Heading2 id="audit-results-heading">{t('audit.resultsTitle')}</Heading2>
        <Paragraph role="status">
          {events === null ? t('app.loading') : events.length === 0 ? '' : t('audit.shown', { count: events.length, more: next ? t('audit.moreExist') : '' })}
        </Paragraph>
        {events !== null && events.length === 0 ? (
          <Paragraph className="opvangnet-audit-empty">{t('audit.empty')}</Paragraph>
        ) : null}
        {events !== null && events.length > 0 ? (
          <div className="opvangnet-table-scroll">
            <Table className="opvangnet-audit-table">
              <TableCaption>{t('audit.caption', { count: events.length })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('audit.col.at')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.col.actor')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.col.role')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.col.action')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.col.entity')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.col.detail')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {events.map((e) => {
                  const secret = e.action.startsWith(SECRET_READ_PREFIX);
                  return (
                    <TableRow key={e.id} className={secret ? 'opvangnet-secret-read-row' : undefined} data-event-id={e.id}>
                      <TableHeaderCell scope="row">
                        <time dateTime={e.at}>{format.dateTime(e.at)}</time>
                      </TableHeaderCell>
                      <TableCell>{e.actor}</TableCell>
                      <TableCell>{e.actorRole}</TableCell>
                      <TableCell>
                        {secret ? (
                          <>
                            <span className="opvangnet-secret-read">
                              <span aria-hidden="true">⚠ </span>
                              {t('audit.secretRead', { what: t(`audit.secret.${e.action.slice(SECRET_READ_PREFIX.length)}`, { defaultValue: e.action }) })}
                            </span>
                            <br />
                          </>
                        ) : null}
                        <code>{e.action}</code>
                      </TableCell>
                      <TableCell>
                        {e.entityType} <code>{e.entityId}</code>
                      </TableCell>
                      <TableCell>{detailText(e, t)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </div>
        ) : null}
        {next ? (
          <Button type="button" appearance="secondary-action-button" busy={busy} disabled={busy} onClick={() => void load(applied, next)}>
            {t('audit.loadMore')}
          </Button>
        ) : null}
      </section>
      <section aria-labelledby="audit-download-heading" className="opvangnet-stack">
        <Heading2 id="audit-download-heading">{t('audit.downloadTitle')}</Heading2>
        <Paragraph>{t('audit.downloadIntro')}</Paragraph>
        <SelectField
          id="audit-separator"
          label={t('audit.separator')}
          value={separator}
          options={[
            { value: 'semicolon', label: t('audit.semicolon') },
            { value: 'comma', label: t('audit.comma') },
          ]}
          onChange={setSeparator}
        />
        <div>
          <Button type="button" appearance="primary-action-button" busy={download.busy} disabled={download.busy} onClick={() => void onDownload()}>
            {t('audit.download')}
          </Button>
        </div>
        <div role="status">{download.message ? <Paragraph>{download.message}</Paragraph> : null}</div>
        {download.failure ? (
          <Alert type="error" role="alert">
            <Paragraph>{download.failure}</Paragraph>
          </Alert>
        ) : null}
      </section>
    </div>
  );
}
