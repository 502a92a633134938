import { useId, useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, send } from '../../api/client';
import type { PartState, RoundBoard } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { formatDate } from '../../lib/date-format';
import { formatInstant } from '../../lib/instant-format';
import { partPath, roundsPath } from '../../ui/paths';
import { ResourceView } from '../../ui/status';
import { isRemindable, RemindAll, RemindOne } from './ReminderControls';
import './rounds.css';

const STATES: PartState[] = ['not_started', 'draft', 'submitted', 'returned', 'approved', 'published'];

/** Publish now, or at a date and time (an embargo); the server's refusal names the parts not yet approved. */
function PublishForm({ board, onPublished }: { board: RoundBoard; onPublished: (message: string) => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const errorId = useId();
  const atId = useId();
  const [when, setWhen] = useState<'now' | 'at'>('now');
  const [at, setAt] = useState('');
  const [error, setError] = useState<{ message: string; details: string[]; isAt: boolean } | null>(null);

  async function publish(): Promise<void> {
    if (when === 'at' && at === '') {
      setError({ message: t('round.publish.error.at'), details: [], isAt: true });
      return;
    }
    try {
      const body = when === 'at' ? { at: `${at.length === 16 ? `${at}:00` : at}+09:00` } : {};
      const round = await send(
        api.POST('/api/plans/{slug}/rounds/{roundId}/publish', {
          params: { path: { slug: board.plan.slug, roundId: board.round.id } },
          body,
        }),
      );
      setError(null);
      onPublished(round.state === 'published' ? t('round.publish.done') : t('round.publish.scheduled'));
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : null;
      const message =
        apiError?.code === 'parts_not_approved'
          ? t('round.publish.error.notApproved')
          : t('round.error.generic');
      setError({
        message,
        details: apiError?.details.map((d) => d.message) ?? [],
        isAt: apiError?.details.some((d) => d.path === 'at') === true,
      });
    }
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void publish();
  };
  return (
    <section aria-labelledby={headingId} className="round-section">
      <h2 id={headingId}>{t('round.publish.title')}</h2>
      <div id={errorId} role="alert" className={error ? 'notice notice--error' : undefined}>
        {error && (
          <>
            <p>{error.message}</p>
            {error.details.length > 0 && (
              <ul className="notice__detail">
                {error.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <fieldset className="round-fieldset">
          <legend>{t('round.publish.when')}</legend>
          <label>
            <input
              type="radio"
              name="publish-when"
              checked={when === 'now'}
              onChange={() => {
                setWhen('now');
              }}
            />{' '}
            {t('round.publish.now')}
          </label>
          <label>
            <input
              type="radio"
              name="publish-when"
              checked={when === 'at'}
              onChange={() => {
                setWhen('at');
              }}
            />{' '}
            {t('round.publish.atOption')}
          </label>
        </fieldset>
        {when === 'at' && (
          <div className="form__field">
            <label htmlFor={atId}>{t('round.publish.at')}</label>
            <input
              id={atId}
              type="datetime-local"
              value={at}
              aria-invalid={error?.isAt === true ? true : undefined}
              aria-describedby={error?.isAt === true ? errorId : undefined}
              onChange={(event) => {
                setAt(event.target.value);
              }}
            />
          </div>
        )}
        <button type="submit" className="button button--primary">
          {t('round.publish.submit')}
        </button>
      </form>
    </section>
  );
}

function BoardView({
  board,
  onPublished,
  onReminded,
}: {
  board: RoundBoard;
  onPublished: (message: string) => void;
  onReminded: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const { round, plan } = board;
  const isPublished = round.state === 'published';
  return (
    <>
      <h1>
        <span className="page-kicker">{t('round.board.kicker')}</span>
        {round.title}
      </h1>
      <p>
        <Link to={roundsPath(plan.slug)}>{t('round.backToRounds')}</Link>
      </p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('round.stateLabel')}</dt>
          <dd data-round-state={round.state}>{t(`round.state.${round.state}`)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('round.open.asOfDate')}</dt>
          <dd>{formatDate(round.asOfDate, lang)}</dd>
        </div>
        {round.deadline && (
          <div className="facts__item">
            <dt>{t('round.open.deadline')}</dt>
            <dd>{formatDate(round.deadline, lang)}</dd>
          </div>
        )}
        {round.publishAt && !isPublished && (
          <div className="facts__item">
            <dt>{t('round.publish.at')}</dt>
            <dd>{formatInstant(round.publishAt, lang)}</dd>
          </div>
        )}
      </dl>
      <ul className="round-counts" aria-label={t('round.board.counts')}>
        {STATES.map((state) => (
          <li key={state} data-state={state}>
            {t(`round.partState.${state}`)}: <strong>{board.counts[state] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <div className="round-table-wrap" role="region" aria-label={t('round.board.table')} tabIndex={0}>
        <table className="data-table round-table">
          <caption>{t('round.board.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('round.board.measure')}</th>
              <th scope="col">{t('round.board.ministry')}</th>
              <th scope="col">{t('round.board.state')}</th>
              <th scope="col">{t('round.board.flags')}</th>
              <th scope="col">{t('round.board.updatedAt')}</th>
              <th scope="col">{t('round.board.returnReason')}</th>
              <th scope="col">{t('round.board.remindedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {board.parts.map((part) => (
              <tr key={part.id} data-part-id={part.id} data-state={part.state}>
                <th scope="row">
                  <Link to={partPath(plan.slug, round.id, part.id)}>{part.measure.title}</Link>
                </th>
                <td>{part.ministry}</td>
                <td>{t(`round.partState.${part.state}`)}</td>
                <td data-flags={part.flags}>
                  {t('round.board.flagCount', { flags: part.flags, unnoted: part.unnotedFlags })}
                </td>
                <td>{part.updatedAt ? formatInstant(part.updatedAt, lang) : t('common.noValue')}</td>
                <td>{part.returnReason ?? t('common.noValue')}</td>
                <td data-reminded-at={part.remindedAt ?? ''}>
                  {part.remindedAt ? formatInstant(part.remindedAt, lang) : t('common.noValue')}{' '}
                  {isRemindable(board, part) && <RemindOne board={board} part={part} onDone={onReminded} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {board.parts.length === 0 && <p>{t('round.board.noParts')}</p>}
      <RemindAll board={board} onDone={onReminded} />
      {board.mayManage && !isPublished && <PublishForm board={board} onPublished={onPublished} />}
    </>
  );
}

/** /plans/:slug/rounds/:roundId: the coordinator's board (a reporter sees its own parts). */
export default function RoundBoardPage() {
  const { slug = '', roundId = '' } = useParams();
  const { t } = useI18n();
  useDocumentTitle(t('round.board.kicker'));
  const { resource, reload } = useApi(`round:${slug}:${roundId}`, (signal) =>
    send(api.GET('/api/plans/{slug}/rounds/{roundId}', { params: { path: { slug, roundId } }, signal })),
  );
  const [published, setPublished] = useState<string | null>(null);
  return (
    <div className="rounds">
      <div role="status">{published && <p className="notice">{published}</p>}</div>
      <ResourceView
        resource={resource}
        reload={reload}
        back={{ to: roundsPath(slug), label: t('round.backToRounds') }}
      >
        {(board) => (
          <BoardView
            board={board}
            onPublished={(message) => {
              setPublished(message);
              reload();
            }}
            onReminded={(message) => {
              setPublished(message);
              reload();
            }}
          />
        )}
      </ResourceView>
    </div>
  );
}
