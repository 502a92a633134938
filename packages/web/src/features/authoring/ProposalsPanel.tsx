import { useId, useState } from 'react';
import { ApiError, api, detailText, send } from '../../api/client';
import type { Proposal } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { ResourceView } from '../../ui/status';
import { useSession } from '../auth/useSession';
import { canImport } from '../auth/can-import';

const detailsOf = (caught: unknown): string =>
  caught instanceof ApiError
    ? caught.details.map((d) => `${d.path}: ${detailText(d)}`).join(' / ') || caught.message
    : String(caught);

/** A proposal's changes in the reader's language (user text inert). */
function Changes({ proposal }: { proposal: Proposal }) {
  const { t, lang } = useI18n();
  return (
    <ul className="proposal__changes" aria-label={t('proposal.changes')}>
      {proposal.changes.map((change, i) => (
        <li key={`${change.entityId ?? 'plan'}-${change.kind}-${String(i)}`} data-kind={change.kind}>
          <span lang={CONTENT_LANG}>{change.name}</span>
          {': '}
          <span lang={lang === 'ja' ? CONTENT_LANG : undefined}>{lang === 'ja' ? change.ja : change.en}</span>
        </li>
      ))}
    </ul>
  );
}

/** The office's decision on an open proposal: accept into the draft, or decline with a note. */
function Decide({
  slug,
  proposal,
  onDone,
}: {
  slug: string;
  proposal: Proposal;
  onDone: (p: Proposal) => void;
}) {
  const { t } = useI18n();
  const noteId = useId();
  const hintId = useId();
  const errorId = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<string | null>(null);
  const decide = async (decision: 'accept' | 'decline') => {
    try {
      const decided = await send(
        api.POST('/api/plans/{slug}/proposals/{id}/decision', {
          params: { path: { slug, id: proposal.id } },
          body: { decision, ...(note.trim() ? { note } : {}) },
        }),
      );
      setError(null);
      setNoteError(null);
      onDone(decided);
    } catch (caught) {
      const onNote = caught instanceof ApiError ? caught.details.find((d) => d.path === 'note') : undefined;
      setNoteError(onNote ? onNote.message : null);
      const conflict = caught instanceof ApiError && caught.code === 'proposal_conflict';
      setError(
        onNote
          ? null
          : t(conflict ? 'proposal.conflictDetail' : 'proposal.error', { details: detailsOf(caught) }),
      );
    }
  };
  return (
    <div className="form proposal__decide">
      <div role="alert" className={error ? 'notice notice--error' : undefined}>
        {error}
      </div>
      <div className="form__field">
        <label htmlFor={noteId}>{t('proposal.note')}</label>
        <p id={hintId} className="form__hint">
          {t('proposal.noteHint')}
        </p>
        <textarea
          id={noteId}
          rows={2}
          value={note}
          aria-describedby={noteError ? `${hintId} ${errorId}` : hintId}
          {...(noteError ? { 'aria-invalid': true } : {})}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
        {noteError && (
          <p id={errorId} role="alert" className="authoring-field-error">
            {noteError}
          </p>
        )}
      </div>
      <button type="button" className="button button--primary" onClick={() => void decide('accept')}>
        {t('proposal.accept')}
      </button>{' '}
      <button type="button" className="button" onClick={() => void decide('decline')}>
        {t('proposal.decline')}
      </button>
    </div>
  );
}

function ProposalItem({
  slug,
  proposal,
  mayDecide,
  mayWithdraw,
  onChanged,
}: {
  slug: string;
  proposal: Proposal;
  mayDecide: boolean;
  mayWithdraw: boolean;
  onChanged: (p: Proposal) => void;
}) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const withdraw = async () => {
    try {
      onChanged(
        await send(
          api.POST('/api/plans/{slug}/proposals/{id}/withdraw', {
            params: { path: { slug, id: proposal.id } },
          }),
        ),
      );
    } catch (caught) {
      setError(t('proposal.error', { details: detailsOf(caught) }));
    }
  };
  return (
    <li className="proposal" data-proposal-id={proposal.id} data-state={proposal.state}>
      <p>
        <span className={`badge proposal__state proposal__state--${proposal.state}`}>
          {t(`proposal.state.${proposal.state}`)}
        </span>{' '}
        <span lang={CONTENT_LANG}>
          {t('proposal.by', {
            ministry: proposal.ministry,
            author: proposal.authorName,
            date: formatDate(proposal.createdAt.slice(0, 10), lang),
          })}
        </span>
      </p>
      <p>
        {t('proposal.reason')}: <span lang={CONTENT_LANG}>{proposal.reason}</span>
      </p>
      <Changes proposal={proposal} />
      {proposal.note !== null && (
        <p>
          {t('proposal.note')}: <span lang={CONTENT_LANG}>{proposal.note}</span>
        </p>
      )}
      <div role="alert">{error}</div>
      {proposal.state === 'open' && mayDecide && (
        <Decide slug={slug} proposal={proposal} onDone={onChanged} />
      )}
      {proposal.state === 'open' && mayWithdraw && (
        <button type="button" className="button" onClick={() => void withdraw()}>
          {t('proposal.withdraw')}
        </button>
      )}
    </li>
  );
}

/**
 * A plan's proposals (変更提案): the coordinating office sees all and decides the open ones (an accepted one goes
 * into the draft revision: `onAccepted`); a reporter sees its ministry's and withdraws its own while open.
 */
export function ProposalsPanel({ slug, onAccepted }: { slug: string; onAccepted?: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const { resource, reload } = useApi(`/api/plans/${slug}/proposals`, (signal) =>
    send(api.GET('/api/plans/{slug}/proposals', { params: { path: { slug } }, signal })),
  );
  const mayDecide = canImport(user);
  return (
    <section aria-labelledby="proposals-title" className="proposals">
      <h2 id="proposals-title">{t('proposal.title')}</h2>
      <div role="status">{message}</div>
      <ResourceView resource={resource} reload={reload}>
        {({ proposals }) =>
          proposals.length === 0 ? (
            <p>{t('proposal.none')}</p>
          ) : (
            <ol className="proposal-list">
              {proposals.map((proposal) => (
                <ProposalItem
                  key={proposal.id}
                  slug={slug}
                  proposal={proposal}
                  mayDecide={mayDecide}
                  mayWithdraw={user?.id === proposal.authorId}
                  onChanged={(changed) => {
                    if (changed.state === 'accepted') {
                      setMessage(t('proposal.accepted'));
                      onAccepted?.();
                    }
                    reload();
                  }}
                />
              ))}
            </ol>
          )
        }
      </ResourceView>
    </section>
  );
}
