import type { Notification } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';
import type { MessageParams } from '../../i18n/catalogue';
import { partPath, proposalsPath, roundPath } from '../../ui/paths';

/** The catalogue key and placeholders of a notice's sentence; the texts it names are the server's, as data. */
export function notificationMessage(notice: Notification): { key: MessageKey; params: MessageParams } {
  return {
    key: `notification.kind.${notice.kind}`,
    params: {
      plan: notice.plan?.title ?? '',
      round: notice.round?.title ?? '',
      measure: notice.part?.measureTitle ?? '',
      ministry: notice.part?.ministry ?? '',
    },
  };
}

/** Where a notice leads: its part, its round's board, or the plan's proposals. */
export function notificationLink(notice: Notification): string | null {
  if (notice.kind.startsWith('proposal.')) return notice.plan && proposalsPath(notice.plan.slug);
  if (notice.plan === null || notice.round === null) return null;
  return notice.part === null
    ? roundPath(notice.plan.slug, notice.round.id)
    : partPath(notice.plan.slug, notice.round.id, notice.part.id);
}
