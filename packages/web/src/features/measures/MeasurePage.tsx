import { MeasureCorrections } from './MeasureCorrections';
import { RevisionPicker, TimeTravelBanner } from '../../ui/TimeTravel';
import { readTimeTravel, timeTravelKey } from '../../ui/time-travel';
import { OriginalTargets } from './OriginalTargets';
import { CorrectionForm } from './CorrectionForm';
import { ProposeForm } from './ProposeForm';
import { Link, useParams, useSearchParams } from 'react-router';
import type { MeasureDetail } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Breadcrumbs } from '../../app/Breadcrumbs';
import { ResourceView } from '../../ui/status';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, circledNumber } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { MinistryTags } from '../../ui/MinistryTag';
import { PhaseStatusBadge } from '../../ui/PhaseStatusBadge';
import { readReferenceDateParam, withReferenceDate } from '../../ui/reference-date-param';
import { SampleNotice } from '../../ui/SampleBadge';
import { SheetName } from '../../ui/SheetName';
import { useReference } from '../../ui/useReference';
import { MeasureKpis } from './MeasureKpis';
import { statusMethodKey } from '../../ui/StatusMethod';
import { useState } from 'react';
import { MeasureProgress } from './MeasureProgress';
import { MeasureRoundDiff } from './MeasureRoundDiff';
import { MeasureProjects } from './MeasureProjects';
import { RsLinksSection } from '../rs/RsLinks';
import './measure.css';

function SourceText({ source }: { source: MeasureDetail['source'] }) {
  const { t } = useI18n();
  return (
    <aside className="measure-source" aria-labelledby="measure-source-heading">
      <h2 id="measure-source-heading">{t('measure.source.title')}</h2>
      {source === null ? (
        <p>
          <span className="badge badge--manual">{t('measure.source.manual')}</span>{' '}
          {t('measure.source.manualBody')}
        </p>
      ) : (
        <figure className="measure-source__figure">
          <figcaption>
            {t('measure.source.title')}:{' '}
            {t('measure.source.lines', { from: source.lineFrom, to: source.lineTo })}
          </figcaption>
          <pre lang={CONTENT_LANG}>{source.rawText}</pre>
        </figure>
      )}
    </aside>
  );
}

/** The sheets a measure stands on (再掲 marked), each with a link to its timeline. */
function Placements({
  detail,
  planPath,
  timelineOf,
}: {
  detail: MeasureDetail;
  planPath: string;
  timelineOf: (sheetNumber: number) => string;
}) {
  const { t } = useI18n();
  return (
    <ul className="placements">
      {detail.placements.map((placement) => (
        <li key={`${placement.sheetNumber}:${String(placement.isRepost)}`}>
          <Link to={`${planPath}#sheet-${placement.sheetNumber}`}>
            <SheetName sheet={{ number: placement.sheetNumber, title: placement.sheetTitle }} />
          </Link>
          {placement.isRepost && (
            <>
              {' '}
              <span className="badge badge--repost">{t('plan.measure.repost')}</span>
            </>
          )}{' '}
          (
          <Link to={timelineOf(placement.sheetNumber)}>
            {t('measure.placement.timeline')}
            <span className="visually-hidden">
              : {t('plan.sheet.number', { number: circledNumber(placement.sheetNumber) })}
            </span>
          </Link>
          )
        </li>
      ))}
    </ul>
  );
}

/** A measure's phases with their statuses and periods. */
function PhaseList({ phases }: { phases: MeasureDetail['measure']['phases'] }) {
  const { t } = useI18n();
  if (phases.length === 0) return <p className="muted">{t('measure.phases.none')}</p>;
  return (
    <ol className="phase-list">
      {phases.map((phase) => (
        <li key={phase.id} className="phase-item">
          <PhaseStatusBadge status={phase.status} />
          <span className="phase-item__text" lang={CONTENT_LANG}>
            {phase.text}
          </span>
          <span className="phase-item__period">
            <span lang={CONTENT_LANG}>{phase.period.label}</span> (
            <time dateTime={phase.period.start}>{phase.period.start}</time> –{' '}
            {phase.period.end === null ? (
              t('timeline.table.openEnd')
            ) : (
              <time dateTime={phase.period.end}>{phase.period.end}</time>
            )}
            )
          </span>
        </li>
      ))}
    </ol>
  );
}

/** The measure's KPIs, with a switch to compare the other status method. */
function KpiSection({ detail }: { detail: MeasureDetail }) {
  const { t } = useI18n();
  const { plan, measure } = detail;
  const [compare, setCompare] = useState(false);
  return (
    <section aria-labelledby="measure-kpis-heading">
      <h2 id="measure-kpis-heading">{t('measure.kpis.title')}</h2>
      {measure.kpis.length > 0 && (
        <p className="kpi-compare">
          <input
            type="checkbox"
            id="kpi-compare"
            checked={compare}
            onChange={(event) => {
              setCompare(event.target.checked);
            }}
          />{' '}
          <label htmlFor="kpi-compare">
            {t('abnf.compare.toggle', {
              method: t(statusMethodKey(plan.statusMethod === 'abnf' ? 'open-sdg' : 'abnf')),
            })}
          </label>
        </p>
      )}
      <OriginalTargets kpis={measure.kpis} originals={detail.originals} />
      <MeasureKpis kpis={measure.kpis} method={plan.statusMethod} compare={compare} />
    </section>
  );
}

interface MeasureViewProps {
  detail: MeasureDetail;
  at: string | null;
  /** A correction was just registered (the page was loaded again after it). */
  justCorrected: boolean;
  onCorrected: () => void;
}

function MeasureView({ detail, at, justCorrected, onCorrected }: MeasureViewProps) {
  const { t, lang } = useI18n();
  const reference = useReference();
  const { plan, measure } = detail;
  useDocumentTitle(measure.title);
  const planPath = `/plans/${encodeURIComponent(plan.slug)}`;
  const home = detail.placements.find((placement) => !placement.isRepost) ?? detail.placements[0];
  const timelineOf = (sheetNumber: number): string =>
    withReferenceDate(`${planPath}/sheets/${sheetNumber}/timeline`, at);

  return (
    <article className="measure-page">
      <Breadcrumbs
        trail={[
          { label: t('app.nav.plans'), to: '/' },
          { label: plan.title, to: planPath, lang: CONTENT_LANG },
        ]}
        current={t('breadcrumbs.measure')}
      />
      <TimeTravelBanner revision={detail.revision} />
      <RevisionPicker slug={plan.slug} />
      <header className="measure-page__header">
        <h1>
          <span className="page-kicker">{t('measure.kicker')}</span>
          <span lang={CONTENT_LANG}>{measure.title}</span>
        </h1>
        {plan.isSample && <SampleNotice />}
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('measure.facts.ministries')}</dt>
            <dd>
              {measure.ministries.length === 0 ? (
                t('common.noValue')
              ) : (
                <MinistryTags codes={measure.ministries} reference={reference} />
              )}
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t('measure.facts.sheets')}</dt>
            <dd>
              <Placements detail={detail} planPath={planPath} timelineOf={timelineOf} />
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t('plan.referenceDate')}</dt>
            <dd>{formatDate(detail.referenceDate, lang)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('abnf.method.label')}</dt>
            <dd data-status-method={plan.statusMethod}>{t(statusMethodKey(plan.statusMethod))}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('measure.facts.source')}</dt>
            <dd>
              {detail.source === null
                ? t('measure.source.manual')
                : t('measure.source.imported', { from: detail.source.lineFrom, to: detail.source.lineTo })}
            </dd>
          </div>
        </dl>
      </header>

      <div className="measure-page__body">
        <div className="measure-page__main">
          <section aria-labelledby="measure-phases-heading">
            <h2 id="measure-phases-heading">{t('measure.phases.title')}</h2>
            <PhaseList phases={measure.phases} />
            {home && (
              <p>
                <Link to={timelineOf(home.sheetNumber)}>{t('measure.phases.timelineLink')}</Link>
              </p>
            )}
          </section>

          <KpiSection detail={detail} />

          <section aria-labelledby="measure-progress-heading">
            <h2 id="measure-progress-heading">{t('measure.progress.title')}</h2>
            <MeasureProgress progress={measure.progress} rounds={detail.rounds} reference={reference} />
          </section>
          <MeasureCorrections
            corrections={detail.corrections}
            rounds={detail.rounds}
            justSaved={justCorrected}
          />
          {at === null && detail.revision === undefined && (
            <CorrectionForm detail={detail} onSaved={onCorrected} />
          )}
          {at === null && detail.revision === undefined && <ProposeForm detail={detail} />}
          <MeasureRoundDiff slug={plan.slug} measureId={measure.id} reference={reference} />

          <section aria-labelledby="measure-projects-heading">
            <h2 id="measure-projects-heading">{t('measure.projects.title')}</h2>
            <MeasureProjects projects={measure.projects} reference={reference} />
          </section>
          <RsLinksSection slug={plan.slug} measureId={measure.id} />
        </div>
        <SourceText source={detail.source} />
      </div>
    </article>
  );
}

function MeasureNotFound({ slug }: { slug: string }) {
  const { t } = useI18n();
  useDocumentTitle(t('measure.notFound.title'));
  return (
    <>
      <h1>{t('measure.notFound.title')}</h1>
      <p>{t('measure.notFound.body')}</p>
      <p>
        <Link to={`/plans/${encodeURIComponent(slug)}`}>{t('measure.backToPlan')}</Link>
      </p>
    </>
  );
}

/**
 * `/plans/:slug/measures/:measureId`: one measure with its phases, KPIs and actuals, progress by round, budget
 * projects and the source text it was imported from. `?at=YYYY-MM-DD` sets the reference date.
 */
export default function MeasurePage() {
  const { slug = '', measureId = '' } = useParams();
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const { at } = readReferenceDateParam(searchParams.get('at'));
  const [justCorrected, setJustCorrected] = useState(false);
  const choice = readTimeTravel(searchParams);
  const { resource, reload } = useApi(
    `${withReferenceDate(`/api/plans/${encodeURIComponent(slug)}/measures/${encodeURIComponent(measureId)}`, at)}#${timeTravelKey(choice)}`,
    (signal) =>
      send(
        api.GET('/api/plans/{slug}/measures/{measureId}', {
          params: { path: { slug, measureId }, query: { at: at ?? undefined, base: 1, ...choice } },
          signal,
        }),
      ),
  );

  return (
    <ResourceView
      resource={resource}
      reload={reload}
      // 400 here means the id is not one kotei could have issued (the date is checked before asking).
      notFound={{
        when: (error) => error.status === 404 || error.status === 400,
        view: <MeasureNotFound slug={slug} />,
      }}
      back={{ to: `/plans/${encodeURIComponent(slug)}`, label: t('measure.backToPlan') }}
    >
      {(detail) => (
        <MeasureView
          detail={detail}
          at={at}
          justCorrected={justCorrected}
          onCorrected={() => {
            setJustCorrected(true);
            reload();
          }}
        />
      )}
    </ResourceView>
  );
}
