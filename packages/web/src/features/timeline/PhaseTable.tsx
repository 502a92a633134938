// A sheet's phases as a table: the same schedule as the chart, for every reader and for print.
import { Link, useSearchParams } from 'react-router';
import { useOriginalPeriods } from './timeline-originals';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, formatNumber } from '../../lib/format';
import { PhaseStatusBadge } from '../../ui/PhaseStatusBadge';
import { withReferenceDate } from '../../ui/reference-date-param';
import { drawnPhases, type TimelineSheet } from './timeline-rows';
import { sheetLabel, timelinePath } from './timeline-paths';

/** 「当初: 2024年度末 → 現在: 2025年度」 beside a phase a revision moved, for every reader. */
function PeriodCell({ phase }: { phase: { id: string; period: { label: string } } }) {
  const { t } = useI18n();
  const was = useOriginalPeriods().byPhase.get(phase.id);
  return (
    <td lang={CONTENT_LANG} className="nowrap">
      {phase.period.label}
      {was && (
        <span className="timeline-original-text" data-original-period={phase.id}>
          {' '}
          {t('timeTravel.original', { original: was.original.label, current: phase.period.label })}
        </span>
      )}
    </td>
  );
}

export function PhaseTable({
  sheet,
  slug,
  at,
  isWholePlan,
}: {
  sheet: TimelineSheet;
  slug: string;
  at: string | null;
  isWholePlan: boolean;
}) {
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const name = sheetLabel(t, sheet);
  const caption = t('timeline.table.caption', { sheet: name });
  const count = drawnPhases([sheet]).length;
  return (
    <details className="timeline-table">
      <summary>{t('timeline.table.summary', { count: formatNumber(count) })}</summary>
      <ScrollRegion label={t('common.scrollRegion', { name: caption })}>
        <table className="data-table">
          <caption>
            {t('timeline.table.caption', { sheet: name })}
            <span className="visually-hidden">
              {' '}
              <span lang={CONTENT_LANG}>{sheet.title}</span>
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.table.measure')}</th>
              <th scope="col">{t('timeline.table.phase')}</th>
              <th scope="col">{t('timeline.table.period')}</th>
              <th scope="col">{t('timeline.table.start')}</th>
              <th scope="col">{t('timeline.table.end')}</th>
              <th scope="col">{t('timeline.table.status')}</th>
            </tr>
          </thead>
          {sheet.measures.map((measure) => {
            const measureLink = (
              <Link
                to={withReferenceDate(
                  `/plans/${encodeURIComponent(slug)}/measures/${encodeURIComponent(measure.measureId)}`,
                  at,
                )}
                lang={CONTENT_LANG}
              >
                {measure.title}
              </Link>
            );
            if (measure.repostOf) {
              const original = measure.repostOf;
              return (
                <tbody key={measure.key}>
                  <tr>
                    <th scope="row">{measureLink}</th>
                    <td colSpan={5}>
                      <Link
                        to={
                          isWholePlan
                            ? `#timeline-sheet-${original.sheetNumber}`
                            : timelinePath(slug, original.sheetNumber, searchParams)
                        }
                        className="timeline-table__repost"
                      >
                        {t('timeline.repost.see', { sheet: sheetLabel(t, { number: original.sheetNumber }) })}
                      </Link>
                    </td>
                  </tr>
                </tbody>
              );
            }
            if (measure.phases.length === 0) {
              return (
                <tbody key={measure.key}>
                  <tr>
                    <th scope="row">{measureLink}</th>
                    <td colSpan={5} className="muted">
                      {t('timeline.table.noPhases')}
                    </td>
                  </tr>
                </tbody>
              );
            }
            return (
              <tbody key={measure.key}>
                {measure.phases.map((phase, index) => (
                  <tr key={phase.id} data-phase-id={phase.id}>
                    {index === 0 && (
                      <th scope="rowgroup" rowSpan={measure.phases.length}>
                        {measureLink}
                      </th>
                    )}
                    <td lang={CONTENT_LANG}>{phase.text}</td>
                    <PeriodCell phase={phase} />
                    <td className="nowrap">
                      <time dateTime={phase.period.start}>{phase.period.start}</time>
                    </td>
                    <td className="nowrap">
                      {phase.period.end === null ? (
                        t('timeline.table.openEnd')
                      ) : (
                        <time dateTime={phase.period.end}>{phase.period.end}</time>
                      )}
                    </td>
                    <td className="nowrap">
                      <PhaseStatusBadge status={phase.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </ScrollRegion>
    </details>
  );
}
