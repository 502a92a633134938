import type { ProgressStatus } from '@kotei/domain/status';
import type { MessageKey } from '../i18n/ja';

/** The catalogue key of a progress status's word (the statuses and their symbols are the domain's). */
export function progressStatusKey(status: ProgressStatus): MessageKey {
  return `status.${status}`;
}
