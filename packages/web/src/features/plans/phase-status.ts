import type { Phase } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';

/** A phase's schedule status at the reference date, as the API computes it. */
export type PhaseStatus = Phase['status'];

/** Every status, in the order a legend lists them. */
export const PHASE_STATUSES: readonly PhaseStatus[] = ['not_started', 'in_progress', 'done', 'overdue'];

/** A symbol per status, printed with the word so that status never rests on colour alone. */
export const PHASE_STATUS_SYMBOL: Record<PhaseStatus, string> = {
  not_started: '○',
  in_progress: '▶',
  done: '✓',
  overdue: '⚠',
};

/** The catalogue key of a status's word. */
export const PHASE_STATUS_KEY: Record<PhaseStatus, MessageKey> = {
  not_started: 'phase.status.not_started',
  in_progress: 'phase.status.in_progress',
  done: 'phase.status.done',
  overdue: 'phase.status.overdue',
};
