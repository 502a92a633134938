import { useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, send } from '../../api/client';
import type { PlanTree, RevisionList } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { formatDate } from '../../lib/date-format';
import { CONTENT_LANG } from '../../lib/format';
import { planPath, revisionsPath } from '../../ui/paths';
import { ResourceView } from '../../ui/status';
import { ChangeList } from './ChangeList';
import './authoring.css';

// A revision number the address asks for (?from=&to=, as an applied workbook links), if the plan has it.
function wanted(list: RevisionList, value: string | null): number | null {
  const number = Number(value);
  return list.revisions.some((r) => r.number === number) ? number : null;
}

function DiffView({ slug, list, sheets }: { slug: string; list: RevisionList; sheets: PlanTree['sheets'] }) {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const [from, setFrom] = useState(wanted(list, search.get('from')) ?? Math.max(1, list.current - 1));
  const [to, setTo] = useState(wanted(list, search.get('to')) ?? list.current);
  const ids = { from: useId(), to: useId() };
  const { resource, reload } = useApi(
    `/api/plans/${slug}/revisions/diff?${String(from)}-${String(to)}`,
    (signal) =>
      send(
        api.GET('/api/plans/{slug}/revisions/diff', {
          params: { path: { slug }, query: { from, to } },
          signal,
        }),
      ),
  );
  const options = list.revisions.map((r) => (
    <option key={r.number} value={r.number}>
      {t('revision.number', { number: r.number })}
    </option>
  ));
  return (
    <section aria-labelledby="diff-title" className="revision-diff">
      <h2 id="diff-title">{t('revision.diff.title')}</h2>
      <p className="revision-diff__pickers">
        <label htmlFor={ids.from}>{t('revision.diff.from')}</label>
        <select
          id={ids.from}
          value={from}
          onChange={(e) => {
            setFrom(Number(e.target.value));
          }}
        >
          {options}
        </select>
        <label htmlFor={ids.to}>{t('revision.diff.to')}</label>
        <select
          id={ids.to}
          value={to}
          onChange={(e) => {
            setTo(Number(e.target.value));
          }}
        >
          {options}
        </select>
      </p>
      <p>
        <Link
          className="button"
          to={`${revisionsPath(slug)}/print?from=${String(from)}&to=${String(to)}`}
          data-print-diff
        >
          {t('revision.print')}
        </Link>
      </p>
      <ResourceView resource={resource} reload={reload}>
        {(diff) => <ChangeList changes={diff.changes} sheets={sheets} />}
      </ResourceView>
    </section>
  );
}

/** `/plans/:slug/revisions`: the adopted revisions (見直し), each viewable as it stood, and the diff of any two. */
export default function RevisionsPage() {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  useDocumentTitle(t('revision.title'));
  const { resource, reload } = useApi(`/api/plans/${slug}/revisions`, async (signal) => {
    const [list, plan] = await Promise.all([
      send(api.GET('/api/plans/{slug}/revisions', { params: { path: { slug } }, signal })),
      send(api.GET('/api/plans/{slug}', { params: { path: { slug } }, signal })),
    ]);
    return { list, plan };
  });
  return (
    <ResourceView resource={resource} reload={reload}>
      {({ list, plan }) => (
        <article className="revisions">
          <p>
            <Link to={planPath(slug)} lang={CONTENT_LANG}>
              {plan.title}
            </Link>
          </p>
          <h1>{t('revision.title')}</h1>
          <p>{t('revision.lead')}</p>
          <ol className="revision-list" reversed>
            {list.revisions.map((r) => (
              <li key={r.number}>
                <strong>{t('revision.number', { number: r.number })}</strong>{' '}
                <span lang={CONTENT_LANG}>{r.reason}</span> ({formatDate(r.createdAt.slice(0, 10), lang)},{' '}
                {t('revision.changes', { count: r.changeCount })}){' '}
                <Link to={`${planPath(slug)}?revision=${String(r.number)}`}>{t('revision.view')}</Link>
              </li>
            ))}
          </ol>
          {list.revisions.length > 1 && <DiffView slug={slug} list={list} sheets={plan.sheets} />}
        </article>
      )}
    </ResourceView>
  );
}
