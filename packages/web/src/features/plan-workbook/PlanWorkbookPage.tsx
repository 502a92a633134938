import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, send } from '../../api/client';
import type { PlanTree, WorkbookApplied, WorkbookPreview } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { bytesToBase64 } from '../../lib/base64';
import { CONTENT_LANG } from '../../lib/format';
import { PlanResourceView } from '../../ui/PlanNotFound';
import { planPath } from '../../ui/paths';
import { canEditPlan } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import { IssueTable, ChangeTables } from './WorkbookTables';
import { AppliedNotice, RefusalNotice } from './WorkbookOutcome';
import './plan-workbook.css';

type State =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'previewed'; contentBase64: string; fileName: string; preview: WorkbookPreview }
  | { kind: 'applying'; contentBase64: string; fileName: string; preview: WorkbookPreview }
  | { kind: 'applied'; result: WorkbookApplied }
  | { kind: 'refused'; error: ApiError; preview: WorkbookPreview | null };

const asApiError = (caught: unknown): ApiError =>
  caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught));

/** Upload an edited plan workbook, see what it would change and every cell it cannot take, then apply it. */
function WorkbookUpdate({ plan }: { plan: PlanTree }) {
  const { t } = useI18n();
  const inputId = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const outcome = useRef<HTMLDivElement>(null);
  const path = { slug: plan.slug };

  // Each answer takes the focus, so a screen reader reads it and the keyboard goes on from there.
  useEffect(() => {
    if (state.kind === 'previewed' || state.kind === 'applied' || state.kind === 'refused')
      outcome.current?.focus();
  }, [state.kind]);

  async function preview(file: File): Promise<void> {
    setState({ kind: 'reading' });
    try {
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const answer = await send(
        api.POST('/api/plans/{slug}/report/workbook/preview', {
          params: { path },
          body: { contentBase64 },
        }),
      );
      setState({ kind: 'previewed', contentBase64, fileName: file.name, preview: answer });
    } catch (caught) {
      setState({ kind: 'refused', error: asApiError(caught), preview: null });
    }
  }

  async function apply(contentBase64: string, fileName: string, previewed: WorkbookPreview): Promise<void> {
    setState({ kind: 'applying', contentBase64, fileName, preview: previewed });
    try {
      const result = await send(
        api.POST('/api/plans/{slug}/report/workbook/apply', {
          params: { path },
          body: { contentBase64, dataVersion: previewed.dataVersion, digest: previewed.digest },
        }),
      );
      setState({ kind: 'applied', result });
    } catch (caught) {
      setState({ kind: 'refused', error: asApiError(caught), preview: previewed });
    }
  }

  const shown = state.kind === 'previewed' || state.kind === 'applying' ? state : null;
  const issues = shown?.preview.issues ?? [];
  const changes = shown?.preview.changes ?? [];
  return (
    <>
      <p className="plan-workbook__upload">
        <label htmlFor={inputId}>{t('workbook.upload')}</label>{' '}
        <input
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={state.kind === 'reading' || state.kind === 'applying'}
          data-plan-workbook-upload=""
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void preview(file);
          }}
        />
      </p>
      <div role="status">
        {state.kind === 'reading' && <p>{t('workbook.reading')}</p>}
        {state.kind === 'applying' && <p>{t('workbook.applying')}</p>}
      </div>
      <div ref={outcome} tabIndex={-1} className="plan-workbook__outcome">
        {shown && (
          <section aria-labelledby="workbook-preview-title">
            <h2 id="workbook-preview-title">{t('workbook.preview.title', { file: shown.fileName })}</h2>
            <p>
              {t('workbook.preview.summary', {
                round: shown.preview.round.title,
                changes: changes.length,
                issues: issues.length,
              })}
            </p>
            {issues.length > 0 && (
              <div role="alert" className="notice notice--error" data-workbook-issues="">
                <p>{t('workbook.preview.hasIssues', { count: issues.length })}</p>
                <IssueTable issues={issues} />
              </div>
            )}
            {changes.length > 0 ? (
              <ChangeTables plan={plan} changes={changes} />
            ) : (
              <p>{t('workbook.preview.noChanges')}</p>
            )}
            <p>
              <button
                type="button"
                disabled={issues.length > 0 || changes.length === 0 || state.kind === 'applying'}
                aria-describedby={issues.length > 0 ? 'workbook-apply-blocked' : undefined}
                onClick={() => {
                  void apply(shown.contentBase64, shown.fileName, shown.preview);
                }}
              >
                {t('workbook.apply')}
              </button>{' '}
              {issues.length > 0 && <span id="workbook-apply-blocked">{t('workbook.applyBlocked')}</span>}
            </p>
          </section>
        )}
        {state.kind === 'applied' && <AppliedNotice slug={plan.slug} result={state.result} />}
        {state.kind === 'refused' && <RefusalNotice error={state.error} />}
      </div>
    </>
  );
}

/** `/plans/:slug/workbook`: 「ワークブックから更新」, the coordinating office's round trip of the plan workbook. */
export default function PlanWorkbookPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const { user, status } = useSession();
  useDocumentTitle(t('workbook.title'));
  const { resource, reload } = useApi(`/api/plans/${encodeURIComponent(slug)}`, (signal) =>
    send(api.GET('/api/plans/{slug}', { params: { path: { slug } }, signal })),
  );
  return (
    <PlanResourceView slug={slug} resource={resource} reload={reload}>
      {(plan) => (
        <article className="plan-workbook">
          <p>
            <Link to={planPath(slug)} lang={CONTENT_LANG}>
              {plan.title}
            </Link>
          </p>
          <h1>{t('workbook.title')}</h1>
          <p>{t('workbook.lead')}</p>
          <p>
            <a href={`/api/plans/${encodeURIComponent(slug)}/report?format=xlsx`} download>
              {t('workbook.download')}
            </a>
          </p>
          {status === 'loading' ? null : canEditPlan(user) ? (
            <WorkbookUpdate plan={plan} />
          ) : (
            <p className="notice">{t('workbook.forbidden')}</p>
          )}
        </article>
      )}
    </PlanResourceView>
  );
}
