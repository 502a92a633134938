// A coordinator's review of the links between the plan's budget projects and RS projects: confirm or reject a
// suggestion (with its confidence), link by hand by 予算事業ID, or undo. The server checks the role again.
import { useId, useState, type SubmitEvent } from 'react';
import { api, ApiError, send } from '../../api/client';
import type { RsPlanLinks } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';

type Decision = 'confirm' | 'reject' | 'undo';
type Project = RsPlanLinks['projects'][number];

function HandLink({
  project,
  decide,
}: {
  project: Project;
  decide: (rsId: number, d: Decision) => Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState('');
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const rsId = Number(value);
    if (Number.isInteger(rsId) && rsId > 0) void decide(rsId, 'confirm');
  };
  return (
    <form
      className="rs-review__hand"
      onSubmit={submit}
      aria-label={t('rs.review.handForm', { name: project.name })}
    >
      <label htmlFor={id}>{t('rs.review.handLabel')}</label>{' '}
      <input
        id={id}
        inputMode="numeric"
        pattern="[0-9]+"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
        }}
        size={8}
      />{' '}
      <button type="submit">{t('rs.review.handSubmit')}</button>
    </form>
  );
}

function ProjectReview({
  slug,
  project,
  onDone,
}: {
  slug: string;
  project: Project;
  onDone: (message: string, links: RsPlanLinks | null) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const decide = async (rsId: number, decision: Decision): Promise<void> => {
    try {
      const links = await send(
        api.POST('/api/plans/{slug}/rs-links', {
          params: { path: { slug } },
          body: { budgetProjectId: project.budgetProjectId, rsId, decision },
        }),
      );
      onDone(t(`rs.review.done.${decision}`, { id: String(rsId), name: project.name }), links);
    } catch (caught) {
      onDone(caught instanceof ApiError ? caught.message : String(caught), null);
    }
  };
  return (
    <li>
      <section aria-labelledby={headingId}>
        <h4 id={headingId} lang={CONTENT_LANG}>
          {project.name}
        </h4>
        <ul>
          {project.linked.map((p) => (
            <li key={`l${p.rsId}`}>
              <span lang={CONTENT_LANG}>{t('rs.review.linked', { id: String(p.rsId), name: p.name })}</span>{' '}
              <button type="button" onClick={() => void decide(p.rsId, 'undo')}>
                {t('rs.review.undo')}
                <span className="visually-hidden">: {p.rsId}</span>
              </button>
            </li>
          ))}
          {project.suggestions.map((s) => (
            <li key={`s${s.rsId}`}>
              <span lang={CONTENT_LANG}>
                {t('rs.review.suggestion', {
                  id: String(s.rsId),
                  name: s.name,
                  confidence: (s.confidence * 100).toFixed(0),
                })}
              </span>{' '}
              <button type="button" onClick={() => void decide(s.rsId, 'confirm')}>
                {t('rs.review.confirm')}
                <span className="visually-hidden">: {s.rsId}</span>
              </button>{' '}
              <button type="button" onClick={() => void decide(s.rsId, 'reject')}>
                {t('rs.review.reject')}
                <span className="visually-hidden">: {s.rsId}</span>
              </button>
            </li>
          ))}
        </ul>
        <HandLink project={project} decide={decide} />
      </section>
    </li>
  );
}

/** Every budget project of the plan with its links and suggestions, for a coordinator to decide. */
export function RsLinkReview({
  slug,
  links,
  onChange,
}: {
  slug: string;
  links: RsPlanLinks;
  onChange: (links: RsPlanLinks) => void;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const onDone = (text: string, changed: RsPlanLinks | null) => {
    setMessage(text);
    if (changed !== null) onChange(changed);
  };
  return (
    <details className="rs-review">
      <summary>{t('rs.review.title')}</summary>
      <p role="status">{message}</p>
      <ul className="rs-review__projects">
        {links.projects.map((project) => (
          <ProjectReview key={project.budgetProjectId} slug={slug} project={project} onDone={onDone} />
        ))}
      </ul>
    </details>
  );
}
