import { lazy, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useI18n } from '../../i18n/useI18n';
import { formatNumber } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { SheetName } from '../../ui/SheetName';
import { ChartErrorBoundary } from '../../ui/ChartErrorBoundary';
import { drawnPhases, type TimelineSheet } from './timeline-rows';
import { type TimelineZoom } from './timeline-zoom';
import { sheetLabel, timelinePath } from './timeline-paths';
import { PhaseTable } from './PhaseTable';

// Observable Plot and the chart's geometry load only when a timeline is shown, never with the first page.
const TimelineChart = lazy(() => import('./TimelineChart'));

export function SheetTimeline({
  sheet,
  domainSheets,
  referenceDate,
  zoom,
  slug,
  at,
  isWholePlan,
}: {
  sheet: TimelineSheet;
  domainSheets: readonly TimelineSheet[];
  referenceDate: string;
  zoom: TimelineZoom;
  slug: string;
  at: string | null;
  isWholePlan: boolean;
}) {
  const { t, lang } = useI18n();
  const [searchParams] = useSearchParams();
  const name = sheetLabel(t, sheet);
  const phases = drawnPhases([sheet]);
  const overdue = phases.filter((phase) => phase.status === 'overdue').length;
  const unreported = phases.filter((phase) => phase.status === 'unreported').length;
  const headingId = `timeline-sheet-${sheet.number}-heading`;
  const hasReposts = sheet.measures.some((measure) => measure.repostOf !== null);

  const chartLabel = t('timeline.chart.label', {
    sheet: name,
    count: formatNumber(phases.length),
    overdue: formatNumber(overdue),
    unreported: formatNumber(unreported),
    date: formatDate(referenceDate, lang),
  });

  return (
    <section
      className="timeline-sheet"
      id={`timeline-sheet-${sheet.number}`}
      aria-labelledby={isWholePlan ? headingId : undefined}
      aria-label={isWholePlan ? undefined : name}
    >
      {isWholePlan && (
        <div className="timeline-sheet__heading">
          <h2 id={headingId}>
            <SheetName sheet={sheet} />
          </h2>
          <Link to={timelinePath(slug, sheet.number, searchParams)}>
            {t('timeline.sheet.showOnly')}
            <span className="visually-hidden"> ({name})</span>
          </Link>
        </div>
      )}
      <figure className="timeline-figure">
        <figcaption className="timeline-figure__caption">
          {t('timeline.chart.caption', { sheet: name })}
        </figcaption>
        <ScrollRegion label={t('timeline.chart.region', { sheet: name })} className="timeline-scroll">
          <ChartErrorBoundary
            fallback={
              <p role="alert" className="notice notice--error">
                {t('timeline.chart.loadError')}
              </p>
            }
          >
            <Suspense
              fallback={
                <p role="status" className="status status--loading timeline-chart-placeholder">
                  {t('timeline.chart.loading')}
                </p>
              }
            >
              <TimelineChart
                sheet={sheet}
                domainSheets={domainSheets}
                referenceDate={referenceDate}
                zoom={zoom}
                ariaLabel={chartLabel}
              />
            </Suspense>
          </ChartErrorBoundary>
        </ScrollRegion>
      </figure>
      {hasReposts && <p className="muted timeline-sheet__note">{t('timeline.repost.notice')}</p>}
      <PhaseTable sheet={sheet} slug={slug} at={at} isWholePlan={isWholePlan} />
    </section>
  );
}
