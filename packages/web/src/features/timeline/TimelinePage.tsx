import { useMemo } from 'react';
import { RevisionPicker, TimeTravelBanner } from '../../ui/TimeTravel';
import { readTimeTravel, timeTravelKey } from '../../ui/time-travel';
import { OriginalsContext } from './timeline-originals';
import { useParams, useSearchParams } from 'react-router';
import type { PlanTree } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Breadcrumbs } from '../../app/Breadcrumbs';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { PlanResourceView } from '../../ui/PlanNotFound';
import { InvalidReferenceDateNotice } from '../../ui/ReferenceDateForm';
import { CONTENT_LANG, formatNumber } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { readReferenceDateParam, withReferenceDate } from '../../ui/reference-date-param';
import { SampleNotice } from '../../ui/SampleBadge';
import { SheetName } from '../../ui/SheetName';
import { buildTimelineSheets, drawnPhases } from './timeline-rows';
import { readZoom } from './timeline-zoom';
import { sheetLabel } from './timeline-paths';
import { Controls, Legend } from './TimelineControls';
import { SheetTimeline } from './SheetTimeline';
import { SheetNav, SheetNotFound } from './SheetNav';
import './timeline.css';

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
  const unreported = phases.filter((phase) => phase.status === 'unreported').length;

  return (
    <article className="timeline-page">
      <Breadcrumbs
        trail={[
          { label: t('app.nav.plans'), to: '/' },
          { label: plan.title, to: planPath, lang: CONTENT_LANG },
        ]}
        current={title}
      />
      <TimeTravelBanner revision={plan.revision} />
      <RevisionPicker slug={plan.slug} />
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
          <div className="facts__item">
            <dt>{t('timeline.facts.unreported')}</dt>
            <dd>{t('common.count', { count: formatNumber(unreported) })}</dd>
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

/**
 * `/plans/:slug/timeline` and `/plans/:slug/sheets/:number/timeline`: the roadmap as a Gantt chart on a
 * fiscal-year axis, with `?at=YYYY-MM-DD` for the reference date and `?scale=quarter|year` for the zoom.
 */
export function TimelinePage() {
  const { slug = '', number } = useParams();
  const [searchParams] = useSearchParams();
  const { at, invalid } = readReferenceDateParam(searchParams.get('at'));
  const choice = readTimeTravel(searchParams);
  const { resource, reload } = useApi(
    `${withReferenceDate(`/api/plans/${encodeURIComponent(slug)}`, at)}#${timeTravelKey(choice)}&base=1`,
    (signal) =>
      send(
        api.GET('/api/plans/{slug}', {
          params: { path: { slug }, query: { at: at ?? undefined, base: 1, ...choice } },
          signal,
        }),
      ),
  );

  return (
    <PlanResourceView slug={slug} resource={resource} reload={reload}>
      {(plan) => {
        let sheetNumber: number | null = null;
        if (number !== undefined) {
          sheetNumber = /^\d{1,3}$/.test(number) ? Number(number) : Number.NaN;
          if (!plan.sheets.some((sheet) => sheet.number === sheetNumber)) {
            return <SheetNotFound plan={plan} number={number} />;
          }
        }
        return (
          <OriginalsContext value={plan.originals}>
            <TimelineView plan={plan} sheetNumber={sheetNumber} at={at} invalidAt={invalid} />
          </OriginalsContext>
        );
      }}
    </PlanResourceView>
  );
}
