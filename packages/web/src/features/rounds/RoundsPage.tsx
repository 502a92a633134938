import { useId, useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, send } from '../../api/client';
import type { Round } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { formatDate } from '../../lib/date-format';
import { planPath, roundPath } from '../../ui/paths';
import { ResourceView } from '../../ui/status';
import { canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import './rounds.css';

type Field = 'title' | 'asOfDate' | 'deadline';

function fieldOfPath(path: string): Field | null {
  if (path.startsWith('title')) return 'title';
  if (path.startsWith('asOfDate')) return 'asOfDate';
  if (path.startsWith('deadline')) return 'deadline';
  return null;
}

/** The coordinator's form to open a round on every measure of the plan. */
function OpenRoundForm({ slug }: { slug: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const headingId = useId();
  const errorId = useId();
  const ids = { title: useId(), asOfDate: useId(), deadline: useId() };
  const [values, setValues] = useState({ title: '', asOfDate: '', deadline: '' });
  const [error, setError] = useState<{ message: string; fields: Field[] } | null>(null);
  const [isSending, setIsSending] = useState(false);

  async function submit(): Promise<void> {
    const missing: Field[] = [];
    if (values.title.trim() === '') missing.push('title');
    if (values.asOfDate === '') missing.push('asOfDate');
    if (missing.length > 0) {
      setError({ message: t('round.open.error.required'), fields: missing });
      return;
    }
    setIsSending(true);
    try {
      const round = await send(
        api.POST('/api/plans/{slug}/rounds', {
          params: { path: { slug } },
          body: {
            title: values.title.trim(),
            asOfDate: values.asOfDate,
            deadline: values.deadline === '' ? null : values.deadline,
          },
        }),
      );
      void navigate(roundPath(slug, round.id));
    } catch (caught) {
      const details = caught instanceof ApiError ? caught.details : [];
      const fields = details.map((d) => fieldOfPath(d.path)).filter((f): f is Field => f !== null);
      const message =
        caught instanceof ApiError && caught.status === 403
          ? t('round.error.forbidden')
          : details.length > 0
            ? details.map((d) => `${d.path}: ${d.message}`).join(' ')
            : t('round.error.generic');
      setError({ message, fields });
    } finally {
      setIsSending(false);
    }
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };
  const fields: { field: Field; label: string; type: string }[] = [
    { field: 'title', label: t('round.open.titleField'), type: 'text' },
    { field: 'asOfDate', label: t('round.open.asOfDate'), type: 'date' },
    { field: 'deadline', label: t('round.open.deadline'), type: 'date' },
  ];
  return (
    <section aria-labelledby={headingId} className="round-section">
      <h2 id={headingId}>{t('round.open.title')}</h2>
      <p>{t('round.open.lead')}</p>
      <div id={errorId} role="alert" className={error ? 'notice notice--error' : undefined}>
        {error?.message}
      </div>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        {fields.map(({ field, label, type }) => {
          const isInvalid = error?.fields.includes(field) === true;
          return (
            <div className="form__field" key={field}>
              <label htmlFor={ids[field]}>{label}</label>
              <input
                id={ids[field]}
                type={type}
                required={field !== 'deadline'}
                aria-invalid={isInvalid ? true : undefined}
                aria-describedby={isInvalid ? errorId : undefined}
                value={values[field]}
                onChange={(event) => {
                  setValues((current) => ({ ...current, [field]: event.target.value }));
                }}
              />
            </div>
          );
        })}
        <button type="submit" className="button button--primary" disabled={isSending}>
          {t('round.open.submit')}
        </button>
      </form>
    </section>
  );
}

function RoundList({ slug, rounds }: { slug: string; rounds: Round[] }) {
  const { t, lang } = useI18n();
  if (rounds.length === 0) return <p>{t('round.list.empty')}</p>;
  return (
    <ul className="round-list">
      {rounds.map((round) => (
        <li key={round.id}>
          <Link to={roundPath(slug, round.id)}>{round.title}</Link>{' '}
          <span className="round-state" data-state={round.state}>
            {t(`round.state.${round.state}`)}
          </span>{' '}
          <span>{t('round.asOf', { date: formatDate(round.asOfDate, lang) })}</span>
          {round.deadline && (
            <span> · {t('round.deadline', { date: formatDate(round.deadline, lang) })}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** /plans/:slug/rounds: the rounds the caller may see, and for a coordinator a form to open one. */
export default function RoundsPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  useDocumentTitle(t('round.list.title'));
  const { resource, reload } = useApi(`rounds:${slug}`, (signal) =>
    send(api.GET('/api/plans/{slug}/rounds', { params: { path: { slug } }, signal })),
  );
  return (
    <div className="rounds">
      <h1>{t('round.list.title')}</h1>
      <p>
        <Link to={planPath(slug)}>{t('round.backToPlan')}</Link>
      </p>
      <ResourceView resource={resource} reload={reload}>
        {(data) => <RoundList slug={slug} rounds={data.rounds} />}
      </ResourceView>
      {canImport(user) && <OpenRoundForm slug={slug} />}
    </div>
  );
}
