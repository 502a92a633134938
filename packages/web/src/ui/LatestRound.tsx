import type { PlanSummary } from '../api/types';
import { useI18n } from '../i18n/useI18n';
import { formatDate } from '../lib/date-format';
import { CONTENT_LANG } from '../lib/format';

/** A plan's latest follow-up round with its as-of date, or a word saying there is none yet. */
export function LatestRound({ round }: { round: PlanSummary['latestRound'] }) {
  const { t, lang } = useI18n();
  if (!round) return t('portfolio.noRound');
  return (
    <>
      <span lang={CONTENT_LANG}>{round.title}</span> (
      {t('plans.asOf', { date: formatDate(round.asOfDate, lang) })})
    </>
  );
}
