import { useId, useState } from 'react';
import { api, send } from '../../api/client';
import type { PartSummary, RoundBoard } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';

const UNSUBMITTED: readonly PartSummary['state'][] = ['not_started', 'draft', 'returned'];

/** Whether a part may be reminded: its round is open and it is not submitted yet. */
export function isRemindable(board: RoundBoard, part: PartSummary): boolean {
  return board.mayManage && board.round.state === 'open' && UNSUBMITTED.includes(part.state);
}

/** Send a reminder (one part, or every part not submitted) and say what happened in a sentence. */
function useSendReminder(board: RoundBoard, onDone: (message: string) => void) {
  const { t } = useI18n();
  const [isBusy, setIsBusy] = useState(false);
  async function remind(partId?: string): Promise<void> {
    setIsBusy(true);
    try {
      const result = await send(
        api.POST('/api/plans/{slug}/rounds/{roundId}/reminders', {
          params: { path: { slug: board.plan.slug, roundId: board.round.id } },
          body: partId === undefined ? {} : { partId },
        }),
      );
      const sentences = [t('round.remind.done', { count: result.reminded.length })];
      if (result.tooSoon.length > 0)
        sentences.push(t('round.remind.tooSoon', { count: result.tooSoon.length }));
      onDone(sentences.join(' '));
    } catch {
      onDone(t('round.error.generic'));
    } finally {
      setIsBusy(false);
    }
  }
  return { isBusy, remind };
}

/** The board's reminder to every part not yet submitted (once an hour per part, the server decides). */
export function RemindAll({ board, onDone }: { board: RoundBoard; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const { isBusy, remind } = useSendReminder(board, onDone);
  if (!board.parts.some((part) => isRemindable(board, part))) return null;
  return (
    <section aria-labelledby={headingId} className="round-section">
      <h2 id={headingId}>{t('round.remind.title')}</h2>
      <p>{t('round.remind.lead')}</p>
      <button
        type="button"
        className="button"
        disabled={isBusy}
        onClick={() => {
          void remind();
        }}
      >
        {t('round.remind.all')}
      </button>
    </section>
  );
}

/** A row's reminder to one part. */
export function RemindOne({
  board,
  part,
  onDone,
}: {
  board: RoundBoard;
  part: PartSummary;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const { isBusy, remind } = useSendReminder(board, onDone);
  return (
    <button
      type="button"
      className="button button--quiet"
      disabled={isBusy}
      aria-label={t('round.remind.oneLabel', { measure: part.measure.title, ministry: part.ministry })}
      onClick={() => {
        void remind(part.id);
      }}
    >
      {t('round.remind.one')}
    </button>
  );
}
