import { useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, send } from '../../api/client';
import type { RoundPart } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { formatInstant } from '../../lib/instant-format';
import { roundPath } from '../../ui/paths';
import { ResourceView } from '../../ui/status';
import { useSession } from '../auth/useSession';
import { ConflictPanel } from './ConflictPanel';
import { PartDecisions } from './PartDecisions';
import { ActualFields, BulletFields, PhaseFields } from './PartFields';
import { PartThread } from './PartThread';
import { NoGrantNotice } from './NoGrantNotice';
import { PartWorkbook } from './PartWorkbook';
import { usePartDraft, type SaveStatus } from './usePartDraft';
import './rounds.css';

function SaveStatusText({ status, isDirty }: { status: SaveStatus; isDirty: boolean }) {
  const { t, lang } = useI18n();
  if (status.kind === 'saving') return <>{t('round.part.saving')}</>;
  if (status.kind === 'failed' && status.error.status === 403) return <>{t('round.part.saveForbidden')}</>;
  if (status.kind === 'failed') return <>{t('round.part.saveFailed', { code: status.error.code })}</>;
  if (status.kind === 'invalid') return <>{t('round.part.saveInvalid')}</>;
  if (isDirty) return <>{t('round.part.unsaved')}</>;
  if (status.kind === 'saved') return <>{t('round.part.savedAt', { at: formatInstant(status.at, lang) })}</>;
  return null;
}

/** The part's measure, round and ministry, its state and the reason it was returned. */
function PartHeader({ part }: { part: RoundPart }) {
  const { t } = useI18n();
  return (
    <>
      <h1>
        <span className="page-kicker">
          {part.round.title} · {part.ministry}
        </span>
        {part.measure.title}
      </h1>
      <p>
        <Link to={roundPath(part.plan.slug, part.round.id)}>{t('round.backToBoard')}</Link>
      </p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('round.board.state')}</dt>
          <dd data-part-state={part.state}>{t(`round.partState.${part.state}`)}</dd>
        </div>
        {part.returnReason && (
          <div className="facts__item">
            <dt>{t('round.board.returnReason')}</dt>
            <dd data-return-reason="">{part.returnReason}</dd>
          </div>
        )}
      </dl>
    </>
  );
}

function PartEditor({
  initial,
  address,
}: {
  initial: RoundPart;
  address: { slug: string; roundId: string; partId: string };
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const errorId = useId();
  const editor = usePartDraft(initial, address);
  const { part, draft, status, conflict } = editor;
  const [refusal, setRefusal] = useState<{ message: string; paths: string[] } | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const invalid = new Set([...(status.kind === 'invalid' ? status.paths : []), ...(refusal?.paths ?? [])]);
  const problems =
    status.kind === 'invalid'
      ? [...new Set(status.keys)].map((key) => t(key as 'round.part.error.value'))
      : [];
  return (
    <>
      <PartHeader part={part} />
      {!part.mayEdit && <p className="notice">{t('round.part.readOnly')}</p>}
      {user !== null && (
        <PartWorkbook
          address={address}
          mayUpload={part.mayEdit && conflict === null}
          onUploaded={(uploaded) => {
            setRefusal(null);
            editor.replace(uploaded);
          }}
        />
      )}
      <div
        role="status"
        className="round-save-status"
        data-save-status={status.kind}
        data-dirty={editor.isDirty}
      >
        <SaveStatusText status={status} isDirty={editor.isDirty} />
        {decided && <p className="notice">{decided}</p>}
      </div>
      <div
        id={errorId}
        role="alert"
        className={refusal || problems.length > 0 ? 'notice notice--error' : undefined}
      >
        {refusal && <p>{refusal.message}</p>}
        {problems.map((problem) => (
          <p key={problem}>{problem}</p>
        ))}
      </div>
      {conflict && (
        <ConflictPanel
          mine={draft}
          current={conflict.current}
          onTakeTheirs={editor.takeTheirs}
          onKeepMine={editor.keepMine}
        />
      )}
      <form
        className="form round-part-form"
        aria-label={t('round.part.form')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void editor.save();
        }}
      >
        <fieldset className="round-fieldset round-fieldset--plain" disabled={!part.mayEdit}>
          <legend className="visually-hidden">{t('round.part.form')}</legend>
          <BulletFields draft={draft} onChange={editor.change} />
          <ActualFields
            part={part}
            draft={draft}
            onChange={editor.change}
            invalid={invalid}
            errorId={errorId}
          />
          <PhaseFields part={part} draft={draft} onChange={editor.change} />
          {part.mayEdit && (
            <button type="submit" className="button" disabled={conflict !== null}>
              {t('round.part.save')}
            </button>
          )}
        </fieldset>
      </form>
      <PartDecisions
        part={part}
        address={address}
        saveFirst={editor.save}
        onRefused={(message, paths) => {
          setDecided(null);
          setRefusal({ message, paths });
        }}
        onDone={(write, message) => {
          setRefusal(null);
          if (write.kind === 'stale') {
            editor.setConflict({ mine: draft, current: write.current });
            return;
          }
          editor.replace(write.part);
          setDecided(message);
        }}
      />
      <PartThread
        comments={part.comments}
        address={address}
        mayWrite={user !== null && part.state !== 'published'}
      />
    </>
  );
}

/** /plans/:slug/rounds/:roundId/parts/:partId: a part's editor (read-only when the caller may not edit it). */
export default function PartPage() {
  const { slug = '', roundId = '', partId = '' } = useParams();
  const { t } = useI18n();
  useDocumentTitle(t('round.part.title'));
  const address = useMemo(() => ({ slug, roundId, partId }), [slug, roundId, partId]);
  const { resource, reload } = useApi(`part:${slug}:${roundId}:${partId}`, (signal) =>
    send(
      api.GET('/api/plans/{slug}/rounds/{roundId}/parts/{partId}', {
        params: { path: { slug, roundId, partId } },
        signal,
      }),
    ),
  );
  return (
    <div className="rounds">
      <NoGrantNotice />
      <ResourceView
        resource={resource}
        reload={reload}
        back={{ to: roundPath(slug, roundId), label: t('round.backToBoard') }}
      >
        {(part) => <PartEditor key={part.id} initial={part} address={address} />}
      </ResourceView>
    </div>
  );
}
