import { useId } from 'react';
import { api, send } from '../../api/client';
import type { MeasureRoundDiff as Diff } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, formatNumber } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { MinistryTag } from '../../ui/MinistryTag';
import { PhaseStatusBadge } from '../../ui/PhaseStatusBadge';
import type { ReferenceLookup } from '../../ui/useReference';

type BulletChange = Diff['progress'][number]['bullets'][number];

// A rewritten bullet: what was removed struck through, what was added underlined, both named for screen readers.
function Changed({ change }: { change: BulletChange }) {
  const { t } = useI18n();
  return (
    <span lang={CONTENT_LANG}>
      {(change.pieces ?? []).map((piece, i) =>
        piece.kind === 'same' ? (
          <span key={i}>{piece.text}</span>
        ) : piece.kind === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">{t('measure.diff.inserted')}</span>
            {piece.text}
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">{t('measure.diff.deleted')}</span>
            {piece.text}
          </del>
        ),
      )}
    </span>
  );
}

function Bullet({ change }: { change: BulletChange }) {
  const { t } = useI18n();
  return (
    <li className={`diff-bullet diff-bullet--${change.kind}`} data-change={change.kind}>
      <span className="badge">{t(`measure.diff.kind.${change.kind}`)}</span>{' '}
      {change.kind === 'changed' ? (
        <Changed change={change} />
      ) : change.kind === 'removed' ? (
        <del lang={CONTENT_LANG}>{change.text}</del>
      ) : (
        <span lang={CONTENT_LANG}>{change.text}</span>
      )}
    </li>
  );
}

function DiffBody({ diff, reference }: { diff: Diff; reference: ReferenceLookup }) {
  const { t, lang } = useI18n();
  const changes = diff.progress.map((p) => ({ ...p, bullets: p.bullets.filter((b) => b.kind !== 'same') }));
  const anything =
    changes.some((p) => p.bullets.length > 0) || diff.actuals.length > 0 || diff.phases.length > 0;
  return (
    <>
      <p>
        {t('measure.diff.lead', {
          from: formatDate(diff.from.asOfDate, lang),
          to: formatDate(diff.to.asOfDate, lang),
        })}
      </p>
      {!anything && <p>{t('measure.diff.none')}</p>}
      {changes
        .filter((p) => p.bullets.length > 0)
        .map((p) => (
          <div key={p.ministry ?? ''} className="diff-ministry">
            <h3>
              {p.ministry === null ? (
                t('measure.progress.untagged')
              ) : (
                <MinistryTag code={p.ministry} reference={reference} />
              )}
            </h3>
            <ul>
              {p.bullets.map((change, i) => (
                <Bullet key={i} change={change} />
              ))}
            </ul>
          </div>
        ))}
      {diff.actuals.length > 0 && (
        <table className="data-table">
          <caption>{t('measure.diff.actuals')}</caption>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">{formatDate(diff.from.asOfDate, lang)}</th>
              <th scope="col">{formatDate(diff.to.asOfDate, lang)}</th>
            </tr>
          </thead>
          <tbody>
            {diff.actuals.map((a) => (
              <tr key={a.kpiId}>
                <th scope="row" lang={CONTENT_LANG}>
                  {a.name}
                </th>
                {[a.before, a.after].map((points, i) => (
                  <td key={i}>
                    {points.length === 0
                      ? '－'
                      : points
                          .map((p) => `${formatNumber(p.value)}${a.unit}（${p.period.label}）`)
                          .join('、')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {diff.phases.length > 0 && (
        <ul className="diff-phases">
          {diff.phases.map((phase) => (
            <li key={phase.phaseId} data-phase={phase.phaseId}>
              <span lang={CONTENT_LANG}>
                {phase.period.label} {phase.text}
              </span>
              : <PhaseStatusBadge status={phase.before} /> → <PhaseStatusBadge status={phase.after} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * 前回との比較: what changed in the measure from the published round before the latest one, in the policy's own
 * terms. Nothing is shown where there is no earlier round to compare with.
 */
export function MeasureRoundDiff({
  slug,
  measureId,
  reference,
}: {
  slug: string;
  measureId: string;
  reference: ReferenceLookup;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const { resource } = useApi(`/api/plans/${slug}/measures/${measureId}/round-diff`, (signal) =>
    send(
      api.GET('/api/plans/{slug}/measures/{measureId}/round-diff', {
        params: { path: { slug, measureId } },
        signal,
      }),
    ),
  );
  if (resource.status !== 'success') return null;
  return (
    <section aria-labelledby={headingId} className="measure-diff">
      <h2 id={headingId}>{t('measure.diff.title')}</h2>
      <DiffBody diff={resource.data} reference={reference} />
    </section>
  );
}
