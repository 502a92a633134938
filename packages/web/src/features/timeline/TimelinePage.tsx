import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PlanTree } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Breadcrumbs } from '../../app/Breadcrumbs';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ResourceView } from '../../ui/status';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { PlanNotFound } from '../../ui/PlanNotFound';
import { InvalidReferenceDateNotice, ReferenceDateForm } from '../../ui/ReferenceDateForm';
import { CONTENT_LANG, circledNumber, formatNumber } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { phaseStatusKey } from '../../ui/phase-status';
import { PHASE_STATUS_SYMBOL, PHASE_STATUSES, type PhaseStatus } from '@kotei/domain/status';
import { PhaseStatusBadge } from '../../ui/PhaseStatusBadge';
import { readReferenceDateParam, withReferenceDate } from '../../ui/reference-date-param';
import { SampleNotice } from '../../ui/SampleBadge';
import { SheetName } from '../../ui/SheetName';
import { ChartErrorBoundary } from './ChartErrorBoundary';
import { buildTimelineSheets, drawnPhases, type TimelineSheet } from './timeline-rows';
import { readZoom, type TimelineZoom } from './timeline-zoom';
import './timeline.css';

// Observable Plot and the chart's geometry load only when a timeline is shown, never with the first page.
const TimelineChart = lazy(() => import('./TimelineChart'));

/** Paths of the timeline views, keeping the reference date and the zoom chosen. */
function timelinePath(slug: string, sheetNumber: number | null, search: URLSearchParams): string {
  const base =
    sheetNumber === null
      ? `/plans/${encodeURIComponent(slug)}/timeline`
      : `/plans/${encodeURIComponent(slug)}/sheets/${sheetNumber}/timeline`;
  const kept = new URLSearchParams();
  for (const key of ['at', 'scale']) {
    const value = search.get(key);
    if (value) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `${base}?${query}` : base;
}

function sheetLabel(t: ReturnType<typeof useI18n>['t'], sheet: { number: number }): string {
  return t('plan.sheet.number', { number: circledNumber(sheet.number) });
}

function Controls({ referenceDate, hasChosenDate }: { referenceDate: string; hasChosenDate: boolean }) {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const zoom = readZoom(searchParams.get('scale'));
  // The radio follows the click at once; the address (and the chart) follow when the navigation lands.
  const [chosenZoom, setChosenZoom] = useState(zoom);
  const [addressZoom, setAddressZoom] = useState(zoom);
  if (addressZoom !== zoom) {
    setAddressZoom(zoom);
    setChosenZoom(zoom);
  }

  return (
    <section className="timeline-controls" aria-label={t('timeline.controls.label')}>
      <ReferenceDateForm
        referenceDate={referenceDate}
        hasChosenDate={hasChosenDate}
        id="timeline-at"
        hint={t('timeline.at.hint')}
        classes={{
          form: 'timeline-controls__date',
          hint: 'timeline-controls__hint',
          row: 'timeline-controls__row',
        }}
      />
      <fieldset className="timeline-controls__zoom">
        <legend>{t('timeline.zoom.legend')}</legend>
        {(['quarter', 'year'] as const).map((level) => (
          <label key={level} className="radio">
            <input
              type="radio"
              name="timeline-zoom"
              value={level}
              checked={chosenZoom === level}
              onChange={() => {
                setChosenZoom(level);
                setSearchParams(
                  (params) => {
                    params.set('scale', level);
                    return params;
                  },
                  { replace: true },
                );
              }}
            />
            {t(level === 'quarter' ? 'timeline.zoom.quarter' : 'timeline.zoom.year')}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="button button--quiet timeline-controls__print"
        onClick={() => {
          window.print();
        }}
      >
        {t('timeline.print')}
      </button>
    </section>
  );
}

const LEGEND_KEY: Record<PhaseStatus, MessageKey> = {
  not_started: 'timeline.legend.not_started',
  in_progress: 'timeline.legend.in_progress',
  done: 'timeline.legend.done',
  overdue: 'timeline.legend.overdue',
};

function Legend() {
  const { t } = useI18n();
  return (
    <figure className="timeline-legend" aria-labelledby="timeline-legend-title">
      <figcaption id="timeline-legend-title" className="timeline-legend__title">
        {t('timeline.legend.title')}
      </figcaption>
      <ul>
        {PHASE_STATUSES.map((status) => (
          <li key={status}>
            <span className={`timeline-swatch timeline-swatch--${status}`} aria-hidden="true">
              {PHASE_STATUS_SYMBOL[status]}
            </span>
            <span>
              <strong>{t(phaseStatusKey(status))}</strong>: {t(LEGEND_KEY[status])}
            </span>
          </li>
        ))}
        <li>
          <span className="timeline-swatch timeline-swatch--reference" aria-hidden="true" />
          <span>{t('timeline.legend.reference')}</span>
        </li>
        <li>
          <span className="timeline-swatch timeline-swatch--open" aria-hidden="true">
            ▶
          </span>
          <span>{t('timeline.legend.open')}</span>
        </li>
      </ul>
    </figure>
  );
}

function PhaseTable({
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
                    <td lang={CONTENT_LANG} className="nowrap">
                      {phase.period.label}
                    </td>
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

function SheetTimeline({
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
  const headingId = `timeline-sheet-${sheet.number}-heading`;
  const hasReposts = sheet.measures.some((measure) => measure.repostOf !== null);

  const chartLabel = t('timeline.chart.label', {
    sheet: name,
    count: formatNumber(phases.length),
    overdue: formatNumber(overdue),
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

function SheetNav({ plan, current }: { plan: PlanTree; current: number | null }) {
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  return (
    <nav className="timeline-nav" aria-labelledby="timeline-nav-title">
      <p id="timeline-nav-title" className="timeline-nav__title">
        {t('timeline.nav.sheets')}
      </p>
      <ul>
        <li>
          <Link
            to={timelinePath(plan.slug, null, searchParams)}
            aria-current={current === null ? 'page' : undefined}
          >
            {t('timeline.nav.wholePlan')}
          </Link>
        </li>
        {plan.sheets.map((sheet) => (
          <li key={sheet.id}>
            <Link
              to={timelinePath(plan.slug, sheet.number, searchParams)}
              aria-current={current === sheet.number ? 'page' : undefined}
            >
              <SheetName sheet={sheet} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TimelineView({
  plan,
  sheetNumber,
  at,
  invalidAt,
}: {
  plan: PlanTree;
  sheetNumber: number | null;
  at: string | null;
  invalidAt: string | null;
}) {
  const { t, lang } = useI18n();
  const [searchParams] = useSearchParams();
  const zoom = readZoom(searchParams.get('scale'));
  const sheets = useMemo(() => buildTimelineSheets(plan, sheetNumber), [plan, sheetNumber]);
  const sheet = sheetNumber === null ? null : (plan.sheets.find((s) => s.number === sheetNumber) ?? null);
  const planPath = `/plans/${encodeURIComponent(plan.slug)}`;
  const title =
    sheet === null
      ? t('timeline.docTitle.plan')
      : t('timeline.docTitle.sheet', { sheet: sheetLabel(t, sheet) });
  useDocumentTitle(title);

  const phases = drawnPhases(sheets);
  const overdue = phases.filter((phase) => phase.status === 'overdue').length;

  return (
    <article className="timeline-page">
      <Breadcrumbs
        trail={[
          { label: t('app.nav.plans'), to: '/' },
          { label: plan.title, to: planPath, lang: CONTENT_LANG },
        ]}
        current={title}
      />
      <header className="timeline-page__header">
        <h1>
          <span className="page-kicker">
            {t(sheet === null ? 'timeline.kicker.plan' : 'timeline.kicker.sheet')}
          </span>
          {sheet === null ? <span lang={CONTENT_LANG}>{plan.title}</span> : <SheetName sheet={sheet} />}
        </h1>
        {plan.isSample && <SampleNotice />}
        {invalidAt !== null && <InvalidReferenceDateNotice value={invalidAt} />}
        <p className="timeline-page__lead">{t('timeline.lead')}</p>
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('plan.referenceDate')}</dt>
            <dd data-reference-date={plan.referenceDate}>{formatDate(plan.referenceDate, lang)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('timeline.facts.phases')}</dt>
            <dd>{t('common.count', { count: formatNumber(phases.length) })}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('timeline.facts.overdue')}</dt>
            <dd>{t('common.count', { count: formatNumber(overdue) })}</dd>
          </div>
        </dl>
      </header>

      <SheetNav plan={plan} current={sheetNumber} />
      <Controls referenceDate={plan.referenceDate} hasChosenDate={at !== null} />
      <Legend />

      {sheets.length === 0 ? (
        <p className="empty">{t('timeline.noSheets')}</p>
      ) : (
        sheets.map((timelineSheet) => (
          <SheetTimeline
            key={timelineSheet.id}
            sheet={timelineSheet}
            domainSheets={sheets}
            referenceDate={plan.referenceDate}
            zoom={zoom}
            slug={plan.slug}
            at={at}
            isWholePlan={sheetNumber === null}
          />
        ))
      )}
    </article>
  );
}

function SheetNotFound({ plan, number }: { plan: PlanTree; number: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('timeline.sheet.notFound.title'));
  return (
    <>
      <h1>{t('timeline.sheet.notFound.title')}</h1>
      <p>{t('timeline.sheet.notFound.body', { number })}</p>
      <p>
        <Link to={`/plans/${encodeURIComponent(plan.slug)}/timeline`}>{t('timeline.nav.wholePlan')}</Link>
      </p>
    </>
  );
}

/**
 * `/plans/:slug/timeline` and `/plans/:slug/sheets/:number/timeline`: the roadmap as a Gantt chart on a
 * fiscal-year axis, with `?at=YYYY-MM-DD` for the reference date and `?scale=quarter|year` for the zoom.
 */
export function TimelinePage() {
  const { slug = '', number } = useParams();
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const { at, invalid } = readReferenceDateParam(searchParams.get('at'));
  const { resource, reload } = useApi(
    withReferenceDate(`/api/plans/${encodeURIComponent(slug)}`, at),
    (signal) =>
      send(
        api.GET('/api/plans/{slug}', { params: { path: { slug }, query: { at: at ?? undefined } }, signal }),
      ),
  );

  return (
    <ResourceView
      resource={resource}
      reload={reload}
      notFound={{ view: <PlanNotFound slug={slug} /> }}
      back={{ to: '/', label: t('plan.backToList') }}
    >
      {(plan) => {
        let sheetNumber: number | null = null;
        if (number !== undefined) {
          sheetNumber = /^\d{1,3}$/.test(number) ? Number(number) : Number.NaN;
          if (!plan.sheets.some((sheet) => sheet.number === sheetNumber)) {
            return <SheetNotFound plan={plan} number={number} />;
          }
        }
        return <TimelineView plan={plan} sheetNumber={sheetNumber} at={at} invalidAt={invalid} />;
      }}
    </ResourceView>
  );
}
