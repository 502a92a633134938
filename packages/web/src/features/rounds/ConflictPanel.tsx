import { useEffect, useId, useRef } from 'react';
import type { RoundPart } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { draftOf, type PartDraft } from './part-model';

function DraftSummary({ draft, part, title }: { draft: PartDraft; part: RoundPart; title: string }) {
  const { t } = useI18n();
  const kpiName = (id: string) => part.kpis.find((k) => k.id === id)?.name ?? id;
  return (
    <section className="round-conflict__side" aria-label={title}>
      <h3>{title}</h3>
      <h4>{t('round.part.bullets')}</h4>
      <ul>
        {draft.bullets.map((b, i) => (
          <li key={i}>{b}</li>
        ))}
      </ul>
      <h4>{t('round.part.actuals')}</h4>
      <ul>
        {draft.actuals.map((a, i) => (
          <li key={i}>
            {kpiName(a.kpiId)}: {a.value} {a.unit} ({a.period}) {a.note}
          </li>
        ))}
      </ul>
      <h4>{t('round.part.phases')}</h4>
      <ul>
        {part.schedule.map((phase) => {
          const state = draft.phases[phase.id]?.state ?? '';
          return state === '' ? null : (
            <li key={phase.id}>
              {phase.text}: {t(`phase.status.${state}`)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * A stale save: the user's version and the one saved meanwhile side by side; take theirs, or keep yours on top
 * of theirs (their additions kept) and go on editing from the current version. The user's text is never dropped.
 */
export function ConflictPanel({
  mine,
  current,
  onTakeTheirs,
  onKeepMine,
}: {
  mine: PartDraft;
  current: RoundPart;
  onTakeTheirs: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="round-conflict notice notice--error" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('round.conflict.title')}
      </h2>
      <p>{t('round.conflict.lead', { version: current.version })}</p>
      <div className="round-conflict__sides">
        <DraftSummary draft={mine} part={current} title={t('round.conflict.mine')} />
        <DraftSummary draft={draftOf(current)} part={current} title={t('round.conflict.theirs')} />
      </div>
      <p className="round-actions">
        <button type="button" className="button button--primary" onClick={onKeepMine}>
          {t('round.conflict.keepMine')}
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          {t('round.conflict.takeTheirs')}
        </button>
      </p>
    </section>
  );
}
