import type { PeriodValue } from '../model/entities.js';
import { PHASE_STATUSES, type PhaseStatus } from '../model/codes.js';

/** What a ministry reports of a phase in a round (DOMAIN.md, phase status). */
export const PHASE_REPORT_STATES = [
  'not_started',
  'in_progress',
  'done',
  'delayed',
  'under_revision',
] as const;
/** What a ministry reports of a phase: 未着手, 実施中, 完了, 遅延, 見直し中. */
export type PhaseReportState = (typeof PHASE_REPORT_STATES)[number];

/** A phase's state as shown at a date (codes.ts: PHASE_STATUSES). */
export const PHASE_STATES_SHOWN = PHASE_STATUSES;
/** A phase's state as shown at a date. */
export type PhaseStateShown = PhaseStatus;

/** A phase's state as reported in an approved part. */
export interface PhaseReport {
  state: PhaseReportState;
  /** The as-of date of the round it was reported in. */
  asOfDate: string;
}

/**
 * A phase's state at `date`: from the latest approved report as of that date, or from the calendar where there is
 * none. A phase nobody reported on is never called overdue — the plan would look like a failure only because no
 * one has said the work is done — it is `unreported`, apart.
 */
export function phaseStateAt(
  period: Pick<PeriodValue, 'start' | 'end'>,
  reports: readonly PhaseReport[],
  date: string,
): PhaseStateShown {
  let latest: PhaseReport | null = null;
  for (const report of reports) {
    if (report.asOfDate <= date && (latest === null || report.asOfDate > latest.asOfDate)) latest = report;
  }
  const isPast = period.end !== null && period.end < date;
  if (latest !== null) {
    if (latest.state === 'done') return 'done';
    return isPast ? 'overdue' : latest.state;
  }
  if (isPast) return 'unreported';
  return period.start <= date ? 'in_progress' : 'not_started';
}
