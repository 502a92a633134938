import { Link, useParams, useSearchParams } from 'react-router';
import { api, send } from '../../api/client';
import type { RevisionDetail, StructureChange } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { japanDateOf, japaneseDate } from '../../ui/time-travel';
import { revisionsPath } from '../../ui/paths';
import { ResourceView } from '../../ui/status';
import './authoring.css';

/** The changes grouped by sheet (plan-wide ones first), then by measure within each, in the diff's order. */
export function groupChanges(changes: readonly StructureChange[]): {
  sheetId: string | null;
  measures: { measureId: string | null; changes: StructureChange[] }[];
}[] {
  const sheets = new Map<string | null, Map<string | null, StructureChange[]>>();
  for (const change of changes) {
    const byMeasure = sheets.get(change.sheetId) ?? new Map<string | null, StructureChange[]>();
    byMeasure.set(change.measureId, [...(byMeasure.get(change.measureId) ?? []), change]);
    sheets.set(change.sheetId, byMeasure);
  }
  return [...sheets]
    .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : 0))
    .map(([sheetId, byMeasure]) => ({
      sheetId,
      measures: [...byMeasure].map(([measureId, list]) => ({ measureId, changes: list })),
    }));
}

function RevisionLine({ revision }: { revision: RevisionDetail }) {
  const { t } = useI18n();
  return (
    <li data-annex-revision={revision.number}>
      <strong>{t('revision.number', { number: revision.number })}</strong>{' '}
      <span lang={CONTENT_LANG}>{revision.reason}</span> ({japaneseDate(japanDateOf(revision.createdAt))})
    </li>
  );
}

function Annex({
  from,
  to,
  changes,
}: {
  from: RevisionDetail;
  to: RevisionDetail;
  changes: StructureChange[];
}) {
  const { t, lang } = useI18n();
  const names = new Map<string, string>();
  for (const s of [from.structure, to.structure]) {
    for (const sheet of s.sheets)
      names.set(sheet.id, t('revision.diff.sheet', { number: String(sheet.number), title: sheet.title }));
    for (const measure of s.measures) names.set(measure.id, measure.title);
  }
  return (
    <article className="diff-annex">
      <h1>
        <span className="page-kicker">{t('revision.print.title')}</span>
        <span lang={CONTENT_LANG}>{to.structure.plan.title}</span>
      </h1>
      <p>{t('revision.print.lead', { from: from.number, to: to.number })}</p>
      <h2>{t('revision.print.revisions')}</h2>
      <ul className="diff-annex__revisions">
        <RevisionLine revision={from} />
        <RevisionLine revision={to} />
      </ul>
      {changes.length === 0 && <p>{t('revision.diff.none')}</p>}
      {groupChanges(changes).map((group) => (
        <section key={group.sheetId ?? 'plan'} className="diff-annex__sheet">
          <h2 lang={CONTENT_LANG}>
            {group.sheetId === null ? t('revision.diff.plan') : (names.get(group.sheetId) ?? '')}
          </h2>
          <table className="diff-annex__table">
            <thead>
              <tr>
                <th scope="col">{t('revision.print.measure')}</th>
                <th scope="col">{t('revision.print.change')}</th>
              </tr>
            </thead>
            {group.measures.map((m) => (
              <tbody key={m.measureId ?? 'sheet'}>
                {m.changes.map((change, i) => (
                  <tr
                    key={`${change.entityId ?? 'plan'}-${change.kind}-${String(i)}`}
                    data-kind={change.kind}
                  >
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={m.changes.length} lang={CONTENT_LANG}>
                        {m.measureId === null ? t('common.noValue') : (names.get(m.measureId) ?? '')}
                      </th>
                    )}
                    <td>
                      <span lang={CONTENT_LANG}>{change.name}</span>
                      {': '}
                      <span lang={lang === 'ja' ? CONTENT_LANG : undefined}>
                        {lang === 'ja' ? change.ja : change.en}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </section>
      ))}
    </article>
  );
}

/**
 * `/plans/:slug/revisions/print?from=&to=`: the diff of two revisions as a printable annex (A4), per sheet and
 * measure, with the plan's title and both revisions' numbers, reasons and dates.
 */
export default function DiffAnnexPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const [search] = useSearchParams();
  const from = Math.max(1, Number(search.get('from')) || 1);
  const to = Math.max(1, Number(search.get('to')) || 1);
  useDocumentTitle(t('revision.print.title'));
  const { resource, reload } = useApi(
    `/api/plans/${slug}/revisions/print?${String(from)}-${String(to)}`,
    async (signal) => {
      const revision = (number: number) =>
        send(api.GET('/api/plans/{slug}/revisions/{number}', { params: { path: { slug, number } }, signal }));
      const [a, b, diff] = await Promise.all([
        revision(from),
        revision(to),
        send(
          api.GET('/api/plans/{slug}/revisions/diff', {
            params: { path: { slug }, query: { from, to } },
            signal,
          }),
        ),
      ]);
      return { a, b, changes: diff.changes };
    },
  );
  return (
    <>
      <p className="diff-annex__tools">
        <Link to={revisionsPath(slug)}>{t('revision.title')}</Link>{' '}
        <button
          type="button"
          className="button"
          onClick={() => {
            window.print();
          }}
        >
          {t('revision.print.button')}
        </button>
      </p>
      <ResourceView resource={resource} reload={reload}>
        {({ a, b, changes }) => <Annex from={a} to={b} changes={changes} />}
      </ResourceView>
    </>
  );
}
