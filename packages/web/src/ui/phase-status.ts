import type { PhaseStatus } from '@kotei/domain/status';
import type { MessageKey } from '../i18n/ja';

/** The catalogue key of a phase status's word (the statuses and their symbols are the domain's). */
export function phaseStatusKey(status: PhaseStatus): MessageKey {
  return `phase.status.${status}`;
}
