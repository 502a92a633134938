// `@kotei/domain/status`: the words of the status method, small enough for the browser (the engine itself is
// in status/ and stays on the server).
import type { PhaseStatus, ProgressStatus } from './model/codes.js';

export {
  ABNF_GRADES,
  STATUS_METHODS,
  type AbnfGrade,
  type AbnfReason,
  type StatusMethod,
  EVALUATION_RATINGS,
  PHASE_STATUSES,
  PROGRESS_STATUSES,
  type EvaluationRating,
  type PhaseStatus,
  type ProgressStatus,
} from './model/codes.js';

/** A shape per progress status, printed with its word so that status never rests on colour alone. */
export const PROGRESS_STATUS_SYMBOL: Readonly<Record<ProgressStatus, string>> = {
  achieved: '◎',
  on_track: '○',
  moderate: '△',
  limited: '▽',
  deteriorating: '✕',
  no_data: '－',
};

/** A symbol per phase status, printed with its word so that status never rests on colour alone. */
export const PHASE_STATUS_SYMBOL: Readonly<Record<PhaseStatus, string>> = {
  not_started: '○',
  in_progress: '▶',
  done: '✓',
  delayed: '⏱',
  under_revision: '↻',
  overdue: '⚠',
  unreported: '？',
};
