import { useEffect, useRef } from 'react';
import type { MeasureDetail } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { formatDate } from '../../lib/date-format';

type Correction = MeasureDetail['corrections'][number];

/**
 * 正誤: each correction of a published round's bullet or actual, the original as published beside the corrected
 * value and the reason. The progress and KPIs above already show the corrected values. Text is rendered as text.
 */
export function MeasureCorrections({
  corrections,
  rounds,
  justSaved = false,
}: {
  corrections: readonly Correction[];
  rounds: MeasureDetail['rounds'];
  /** A correction was just registered: say so and bring the list into focus. */
  justSaved?: boolean;
}) {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (justSaved) heading.current?.focus();
  }, [justSaved]);
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="measure-corrections-heading" className="measure-corrections">
      <h2 id="measure-corrections-heading" ref={heading} tabIndex={-1}>
        {t('measure.corrections.title')}
      </h2>
      <div role="status" className={justSaved ? 'notice' : undefined}>
        {justSaved ? t('measure.correct.saved') : null}
      </div>
      <ul>
        {corrections.map((c) => (
          <li key={c.id} data-correction-kind={c.kind}>
            <p>
              <strong>{t('measure.corrections.mark')}</strong>{' '}
              {t(c.kind === 'bullet' ? 'measure.corrections.bullet' : 'measure.corrections.actual')} ·{' '}
              {rounds.find((r) => r.id === c.roundId)?.title ?? ''} ·{' '}
              {formatDate(c.createdAt.slice(0, 10), lang)}
            </p>
            <dl>
              <dt>{t('measure.corrections.original')}</dt>
              <dd lang={CONTENT_LANG}>
                <del>{c.original}</del>
              </dd>
              <dt>{t('measure.corrections.corrected')}</dt>
              <dd lang={CONTENT_LANG}>
                <ins>{c.corrected}</ins>
              </dd>
              <dt>{t('measure.corrections.reason')}</dt>
              <dd lang={CONTENT_LANG}>{c.reason}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
