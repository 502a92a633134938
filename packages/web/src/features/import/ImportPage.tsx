import { useId, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import type { ImportBody, ImportPreview, ImportResult } from '../../api/types';
import { ApiError, api, send } from '../../api/client';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { bytesToBase64 } from '../../lib/base64';
import { formatNumber } from '../../lib/format';
import { canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import { ColumnMappingView, withRole, type ColumnRoles } from './ColumnMapping';
import { IntoPlanPanel } from './IntoPlanPanel';
import './import.css';

/** The document as read in the browser, sent again unchanged on commit. */
type ReadDocument = ImportBody;

type ImportState =
  | { step: 'idle' }
  | { step: 'previewing' }
  | { step: 'preview'; document: ReadDocument; preview: ImportPreview }
  | { step: 'committing'; document: ReadDocument; preview: ImportPreview }
  | { step: 'done'; result: ImportResult };

const ACTION_KEY: Record<ImportPreview['action'], MessageKey> = {
  create: 'import.action.create',
  new_round: 'import.action.new_round',
  unchanged: 'import.action.unchanged',
};

const SEVERITY_KEY: Record<ImportPreview['issues'][number]['severity'], MessageKey> = {
  error: 'import.severity.error',
  warning: 'import.severity.warning',
  info: 'import.severity.info',
};

const SEVERITY_SYMBOL: Record<ImportPreview['issues'][number]['severity'], string> = {
  error: '✕',
  warning: '⚠',
  info: 'ℹ',
};

const COUNT_KEYS = [
  ['sheets', 'import.counts.sheets'],
  ['measures', 'import.counts.measures'],
  ['kpis', 'import.counts.kpis'],
  ['outcomes', 'import.counts.outcomes'],
  ['bullets', 'import.counts.bullets'],
  ['projects', 'import.counts.projects'],
  ['budgetLines', 'import.counts.budgetLines'],
  ['actuals', 'import.counts.actuals'],
] as const satisfies readonly (readonly [keyof ImportPreview['counts'], MessageKey])[];

/** A file as bytes: Blob.arrayBuffer where the browser has it, FileReader otherwise. */
function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function')
    return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read'));
    };
    reader.readAsArrayBuffer(file);
  });
}

function toApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught));
}

function ErrorNotice({ error }: { error: ApiError }) {
  const { t } = useI18n();
  return (
    <div className="notice notice--error">
      <p>{t(error.code === 'file_unreadable' ? 'import.error.file' : 'import.error.api')}</p>
      <p className="notice__detail">
        {t('common.errorCode', { code: error.code })}: {error.message}
      </p>
      {error.details.length > 0 && (
        <ul className="notice__detail">
          {error.details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              {detail.path}: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PreviewView({ preview, caption }: { preview: ImportPreview; caption: string }) {
  const { t } = useI18n();
  const errors = preview.issues.filter((issue) => issue.severity === 'error').length;
  return (
    <section aria-labelledby="import-preview-title" className="import-preview">
      <h2 id="import-preview-title">{t('import.preview.title')}</h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('import.preview.action')}</dt>
          <dd data-action={preview.action}>
            <strong>{t(ACTION_KEY[preview.action])}</strong>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('import.preview.plan')}</dt>
          <dd lang="ja">
            {preview.plan.title} <span className="muted">({preview.plan.slug})</span>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('import.preview.encoding')}</dt>
          <dd>{preview.encoding}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('import.preview.issueCount')}</dt>
          <dd>
            {t('common.count', { count: formatNumber(preview.issues.length) })}
            {errors > 0 && ` (${t('import.preview.errorCount', { count: formatNumber(errors) })})`}
          </dd>
        </div>
      </dl>
      <dl className="counts import-counts" aria-label={t('import.counts.label')}>
        {COUNT_KEYS.map(([key, label]) => (
          <div key={key} className="counts__item">
            <dt>{t(label)}</dt>
            <dd>{formatNumber(preview.counts[key])}</dd>
          </div>
        ))}
      </dl>
      {preview.issues.length === 0 ? (
        <p className="empty">{t('import.issues.none')}</p>
      ) : (
        <ScrollRegion label={t('common.scrollRegion', { name: caption })} className="import-issues">
          <table className="data-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('import.issues.line')}
                </th>
                <th scope="col">{t('import.issues.cell')}</th>
                <th scope="col">{t('import.issues.found')}</th>
                <th scope="col">{t('import.issues.expected')}</th>
                <th scope="col">{t('import.issues.message')}</th>
                <th scope="col">{t('import.issues.severity')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.issues.map((issue, index) => (
                <tr key={`${issue.line}:${issue.code}:${index}`} data-severity={issue.severity}>
                  <th scope="row" className="num" data-line={issue.line}>
                    {formatNumber(issue.line)}
                  </th>
                  <td>{issue.cell ?? t('common.noValue')}</td>
                  <td lang="ja">{issue.found}</td>
                  <td lang="en">{issue.expected}</td>
                  <td lang="en">{issue.message}</td>
                  <td className="nowrap">
                    <span className={`import-severity import-severity--${issue.severity}`}>
                      <span aria-hidden="true">{SEVERITY_SYMBOL[issue.severity]} </span>
                      {t(SEVERITY_KEY[issue.severity])}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

/** The document to read and, optionally, the address its plan should have. */
function DocumentForm({
  isBusy,
  onSubmit,
}: {
  isBusy: boolean;
  onSubmit: (event: SubmitEvent<HTMLFormElement>) => void;
}) {
  const { t } = useI18n();
  const fileId = useId();
  const pasteId = useId();
  const slugId = useId();
  return (
    <form className="form import-form" onSubmit={onSubmit}>
      <div className="form__field">
        <label htmlFor={fileId}>{t('import.form.file')}</label>
        <p id={`${fileId}-hint`} className="form__hint">
          {t('import.form.fileHint')}
        </p>
        <input
          id={fileId}
          name="file"
          type="file"
          accept=".md,.txt,.html,.htm,.csv,.tsv,.xlsx,.pdf,text/markdown,text/plain,text/html,text/csv,application/pdf"
          aria-describedby={`${fileId}-hint`}
          disabled={isBusy}
        />
      </div>
      <div className="form__field">
        <label htmlFor={pasteId}>{t('importTable.form.paste')}</label>
        <p id={`${pasteId}-hint`} className="form__hint">
          {t('importTable.form.pasteHint')}
        </p>
        <textarea
          id={pasteId}
          name="pasted"
          rows={4}
          spellCheck={false}
          aria-describedby={`${pasteId}-hint`}
          disabled={isBusy}
        />
      </div>
      <div className="form__field">
        <label htmlFor={slugId}>{t('import.form.slug')}</label>
        <p id={`${slugId}-hint`} className="form__hint">
          {t('import.form.slugHint')}
        </p>
        <input
          id={slugId}
          name="slug"
          type="text"
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          maxLength={80}
          autoCapitalize="none"
          spellCheck={false}
          aria-describedby={`${slugId}-hint`}
          disabled={isBusy}
        />
      </div>
      <button type="submit" className="button" disabled={isBusy}>
        {t('import.form.preview')}
      </button>
    </form>
  );
}

/** What the import did, with the way to the plan. */
function ImportDone({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  return (
    <div className="notice import-done">
      <p>
        {t(ACTION_KEY[result.action])}:{' '}
        {t('import.done.body', { slug: result.slug, issues: formatNumber(result.issues) })}
      </p>
      <p>
        <Link className="button button--primary" to={`/plans/${encodeURIComponent(result.slug)}`}>
          {t('import.done.open')}
        </Link>
      </p>
    </div>
  );
}

// The chosen file, else the pasted table (text copied from Excel), else nothing.
function sourceOf(data: FormData): File | string | null {
  const file = data.get('file');
  if (file instanceof File && file.size > 0) return file;
  const pasted = data.get('pasted');
  return typeof pasted === 'string' && pasted.trim() !== '' ? pasted : null;
}

const STATUS_KEY: Partial<Record<ImportState['step'], MessageKey>> = {
  previewing: 'import.progress.previewing',
  committing: 'import.progress.committing',
  preview: 'import.progress.previewed',
  done: 'import.progress.done',
};

function statusTextOf(step: ImportState['step'], t: (key: MessageKey) => string): string {
  const key = STATUS_KEY[step];
  return key === undefined ? '' : t(key);
}

type Destination = 'new' | 'existing';

/** For a KPI table: a new plan, or KPIs added to measures of an existing plan. */
function DestinationChoice({
  value,
  onChange,
  disabled,
}: {
  value: Destination;
  onChange: (value: Destination) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="import-destination">
      <legend>{t('importInto.destination')}</legend>
      {(['new', 'existing'] as const).map((option) => (
        <label key={option}>
          <input
            type="radio"
            name="destination"
            value={option}
            checked={value === option}
            disabled={disabled}
            onChange={() => {
              onChange(option);
            }}
          />{' '}
          {t(option === 'new' ? 'importInto.destination.new' : 'importInto.destination.existing')}
        </label>
      ))}
    </fieldset>
  );
}

/** The last step: commit as a new plan (or round), or, for a KPI table, add its KPIs to an existing plan. */
function CommitStep({
  document,
  preview,
  isBusy,
  onCommit,
  onError,
}: {
  document: ReadDocument;
  preview: ImportPreview;
  isBusy: boolean;
  onCommit: () => void;
  onError: (error: ApiError | null) => void;
}) {
  const { t } = useI18n();
  const [destination, setDestination] = useState<Destination>('new');
  return (
    <>
      {preview.table && <DestinationChoice value={destination} onChange={setDestination} disabled={isBusy} />}
      {preview.table && destination === 'existing' ? (
        <IntoPlanPanel document={document} onError={onError} />
      ) : preview.action === 'unchanged' ? (
        <p className="notice">{t('import.unchanged')}</p>
      ) : (
        <p>
          <button type="button" className="button button--primary" disabled={isBusy} onClick={onCommit}>
            {t('import.form.commit')}
          </button>
        </p>
      )}
    </>
  );
}

function ImportForm() {
  const { t } = useI18n();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  const isBusy = state.step === 'previewing' || state.step === 'committing';

  async function preview(source: File | string, slug: string): Promise<void> {
    setState({ step: 'previewing' });
    setError(null);
    try {
      let bytes: Uint8Array;
      try {
        bytes = typeof source === 'string' ? new TextEncoder().encode(source) : await readBytes(source);
      } catch (caught) {
        throw new ApiError(0, 'file_unreadable', caught instanceof Error ? caught.message : String(caught));
      }
      const document: ReadDocument = {
        fileName: typeof source === 'string' ? 'pasted.tsv' : source.name,
        contentBase64: bytesToBase64(bytes),
        slug: slug === '' ? undefined : slug,
      };
      const result = await send(api.POST('/api/imports/preview', { body: document }));
      setState({ step: 'preview', document, preview: result });
    } catch (caught) {
      setError(toApiError(caught));
      setState({ step: 'idle' });
    }
  }

  // The user corrected a column (or applied a saved mapping): the same document is read again with it.
  async function remap(
    document: ReadDocument,
    shown: ImportPreview,
    columnRoles: ColumnRoles,
  ): Promise<void> {
    const next: ReadDocument = { ...document, columnRoles };
    setState({ step: 'previewing' });
    setError(null);
    try {
      const result = await send(api.POST('/api/imports/preview', { body: next }));
      setState({ step: 'preview', document: next, preview: result });
    } catch (caught) {
      setError(toApiError(caught));
      setState({ step: 'preview', document, preview: shown });
    }
  }

  async function commit(document: ReadDocument, shown: ImportPreview): Promise<void> {
    setState({ step: 'committing', document, preview: shown });
    setError(null);
    try {
      const result = await send(api.POST('/api/imports', { body: document }));
      setState({ step: 'done', result });
    } catch (caught) {
      setError(toApiError(caught));
      setState({ step: 'preview', document, preview: shown });
    }
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const source = sourceOf(data);
    const slug = data.get('slug');
    if (source === null) setError(new ApiError(0, 'file_missing', t('import.error.noFile')));
    else void preview(source, typeof slug === 'string' ? slug.trim() : '');
  };

  const statusText = statusTextOf(state.step, t);

  const shownPreview = state.step === 'preview' || state.step === 'committing' ? state : null;

  return (
    <div aria-busy={isBusy}>
      <DocumentForm isBusy={isBusy} onSubmit={onSubmit} />

      <p role="status" className="status import-status">
        {statusText}
      </p>
      <div role="alert">{error && <ErrorNotice error={error} />}</div>

      {shownPreview && (
        <>
          {shownPreview.preview.table && (
            <ColumnMappingView
              table={shownPreview.preview.table}
              isBusy={isBusy}
              onChange={(column, role) => {
                const { document, preview: shown } = shownPreview;
                void remap(document, shown, withRole(document.columnRoles, column, role));
              }}
              onApply={(roles) => {
                void remap(shownPreview.document, shownPreview.preview, roles);
              }}
            />
          )}
          <PreviewView preview={shownPreview.preview} caption={t('import.issues.caption')} />
          <CommitStep
            document={shownPreview.document}
            preview={shownPreview.preview}
            isBusy={isBusy}
            onCommit={() => {
              void commit(shownPreview.document, shownPreview.preview);
            }}
            onError={setError}
          />
        </>
      )}

      {state.step === 'done' && <ImportDone result={state.result} />}
    </div>
  );
}

/**
 * `/import`: upload a follow-up document or a KPI table (or paste one), read its parse preview with every issue and,
 * for a table, the proposed column mapping to correct; then commit.
 */
export default function ImportPage() {
  const { t } = useI18n();
  const { status, user } = useSession();
  useDocumentTitle(t('import.title'));
  return (
    <div className="import-page">
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.lead')}</p>
      {status === 'loading' ? null : canImport(user) ? (
        <ImportForm />
      ) : (
        <div className="notice">
          <p>{t(user ? 'import.forbidden.role' : 'import.forbidden.signedOut')}</p>
          {!user && (
            <p>
              <Link to="/signin">{t('auth.signIn')}</Link>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
