// The timeline's controls (reference date, zoom, print) and its legend of phase statuses.
import { useState } from 'react';
import { useOriginalPeriods } from './timeline-originals';
import { useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { ReferenceDateForm } from '../../ui/ReferenceDateForm';
import { phaseStatusKey } from '../../ui/phase-status';
import { PHASE_STATUS_SYMBOL, PHASE_STATUSES, type PhaseStatus } from '@kotei/domain/status';
import { readZoom } from './timeline-zoom';

export function Controls({
  referenceDate,
  hasChosenDate,
}: {
  referenceDate: string;
  hasChosenDate: boolean;
}) {
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
  delayed: 'timeline.legend.delayed',
  under_revision: 'timeline.legend.under_revision',
  overdue: 'timeline.legend.overdue',
  unreported: 'timeline.legend.unreported',
};

export function Legend() {
  const { t } = useI18n();
  const { base } = useOriginalPeriods();
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
        {base !== null && (
          <li data-legend="original">
            <span className="timeline-swatch timeline-swatch--original" aria-hidden="true" />
            <span>{t('timeTravel.legend', { number: base })}</span>
          </li>
        )}
      </ul>
    </figure>
  );
}
