import type { AbnfGrade, ProgressStatus } from '@kotei/domain';
import type { PlanStatusSet } from './plan-status.js';

/** A status and an A/B/N/F grade to filter by; either may be absent. */
export type StatusFilter = { status?: ProgressStatus | undefined; grade?: AbnfGrade | undefined };

// The KPIs and measures whose status is `status` and whose grade is `grade` (a measure: one of its KPIs has it;
// grades are counted, not rolled into one).
export function statusesIn(sets: readonly PlanStatusSet[], { status, grade }: StatusFilter) {
  return {
    kpis: sets.flatMap((set) =>
      [...set.kpis]
        .filter(
          ([id, kpi]) =>
            (status === undefined || kpi.effective.status === status) &&
            (grade === undefined || set.grades.get(id)?.grade === grade),
        )
        .map(([id]) => id),
    ),
    measures: sets.flatMap((set) =>
      [...set.byMeasure]
        .filter(
          ([, rollUp]) =>
            (status === undefined || rollUp.status === status) &&
            (grade === undefined || rollUp.grades[grade] > 0),
        )
        .map(([id]) => id),
    ),
  };
}
