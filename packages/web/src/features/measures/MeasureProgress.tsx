import { useId } from 'react';
import type { ProgressBullet, Round } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import type { ReferenceLookup } from '../../ui/useReference';
import { MinistryTag } from '../../ui/MinistryTag';

function BulletList({
  bullets,
  reference,
}: {
  bullets: readonly ProgressBullet[];
  reference: ReferenceLookup;
}) {
  const { t } = useI18n();
  return (
    <ul className="progress-list">
      {bullets.map((bullet) => (
        <li key={bullet.id} className="progress-item">
          <span className="progress-item__text" lang={CONTENT_LANG}>
            {bullet.text}
          </span>{' '}
          {bullet.ministry ? (
            <MinistryTag code={bullet.ministry} reference={reference} />
          ) : (
            <span className="badge badge--untagged">{t('measure.progress.untagged')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function RoundSection({
  round,
  bullets,
  reference,
}: {
  round: Round;
  bullets: readonly ProgressBullet[];
  reference: ReferenceLookup;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  return (
    <section className="progress-round" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span lang={CONTENT_LANG}>{round.title}</span>{' '}
        <span className="progress-round__date">
          ({t('plans.asOf', { date: formatDate(round.asOfDate, lang) })})
        </span>
      </h3>
      {bullets.length === 0 ? (
        <p className="muted">{t('measure.progress.none')}</p>
      ) : (
        <BulletList bullets={bullets} reference={reference} />
      )}
    </section>
  );
}

/** Progress bullets grouped by follow-up round, newest round first, each with its ministry tag. */
export function MeasureProgress({
  progress,
  rounds,
  reference,
}: {
  progress: readonly ProgressBullet[];
  rounds: readonly Round[];
  reference: ReferenceLookup;
}) {
  const { t } = useI18n();
  const ordered = [...rounds].sort((a, b) => b.asOfDate.localeCompare(a.asOfDate));
  const known = new Set(rounds.map((round) => round.id));
  const orphans = progress.filter((bullet) => !known.has(bullet.roundId));
  if (ordered.length === 0 && orphans.length === 0) {
    return <p className="muted">{t('measure.progress.noRounds')}</p>;
  }
  return (
    <>
      {ordered.map((round) => (
        <RoundSection
          key={round.id}
          round={round}
          bullets={progress.filter((bullet) => bullet.roundId === round.id)}
          reference={reference}
        />
      ))}
      {orphans.length > 0 && (
        <section className="progress-round" aria-labelledby="progress-unknown-round">
          <h3 id="progress-unknown-round">{t('measure.progress.unknownRound')}</h3>
          <BulletList bullets={orphans} reference={reference} />
        </section>
      )}
    </>
  );
}
