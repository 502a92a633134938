import { useId, useState, type SubmitEvent } from 'react';
import { ApiError, api, send } from '../../api/client';
import type { PartComment } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { formatInstant } from '../../lib/instant-format';

/** The part's thread between its reporter and the coordinator, with a form to add to it. */
export function PartThread({
  comments,
  address,
  mayWrite,
}: {
  comments: PartComment[];
  address: { slug: string; roundId: string; partId: string };
  mayWrite: boolean;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const bodyId = useId();
  const errorId = useId();
  const [added, setAdded] = useState<PartComment[]>([]);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const all = [...comments, ...added.filter((a) => !comments.some((c) => c.id === a.id))];

  async function post(): Promise<void> {
    setDone(false);
    if (body.trim() === '') {
      setError(t('round.thread.error.empty'));
      return;
    }
    try {
      const comment = await send(
        api.POST('/api/plans/{slug}/rounds/{roundId}/parts/{partId}/comments', {
          params: { path: address },
          body: { body: body.trim() },
        }),
      );
      setAdded((list) => [...list, comment]);
      setBody('');
      setError(null);
      setDone(true);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 403
          ? t('round.error.forbidden')
          : t('round.error.generic'),
      );
    }
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void post();
  };
  return (
    <section aria-labelledby={headingId} className="round-section">
      <h2 id={headingId}>{t('round.thread.title')}</h2>
      {all.length === 0 ? (
        <p>{t('round.thread.empty')}</p>
      ) : (
        <ol className="round-thread">
          {all.map((comment) => (
            <li key={comment.id}>
              <p className="round-thread__meta">
                {comment.author} · {formatInstant(comment.createdAt, lang)}
              </p>
              <p className="round-thread__body">{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      <div role="status">{done && <p className="notice">{t('round.thread.done')}</p>}</div>
      {mayWrite && (
        <form className="form" onSubmit={onSubmit} noValidate aria-label={t('round.thread.form')}>
          <div className="form__field">
            <label htmlFor={bodyId}>{t('round.thread.body')}</label>
            <textarea
              id={bodyId}
              rows={3}
              required
              value={body}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => {
                setBody(event.target.value);
              }}
            />
            {error && (
              <p id={errorId} role="alert" className="round-field-error">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="button">
            {t('round.thread.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
