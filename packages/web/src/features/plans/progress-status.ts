import type { StatusSummary } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';

/** A KPI's progress status (methods/progress-status.md), as the API computes it. */
export type ProgressStatus = StatusSummary['status'];

/** Every status, best first, in the order legends and counts list them. */
export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'achieved',
  'on_track',
  'moderate',
  'limited',
  'deteriorating',
  'no_data',
];

/** A shape per status, printed with the word so that status never rests on colour alone. */
export const PROGRESS_STATUS_SYMBOL: Record<ProgressStatus, string> = {
  achieved: '◎',
  on_track: '○',
  moderate: '△',
  limited: '▽',
  deteriorating: '✕',
  no_data: '－',
};

/** The catalogue key of a status's word. */
export const PROGRESS_STATUS_KEY: Record<ProgressStatus, MessageKey> = {
  achieved: 'status.achieved',
  on_track: 'status.on_track',
  moderate: 'status.moderate',
  limited: 'status.limited',
  deteriorating: 'status.deteriorating',
  no_data: 'status.no_data',
};
