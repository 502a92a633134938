import type { ProgressStatus } from '../model/codes.js';
import { PROGRESS_STATUSES } from '../model/codes.js';
import type { Id } from '../model/entities.js';
import type { ErrorDetail } from '../model/errors.js';
import { DomainError } from '../model/errors.js';
import type { KpiStatus } from './evaluate-kpi.js';
import type { KpiScoredStatus } from './roll-up.js';
import { SCORE_OF_STATUS } from './shapes.js';

/** A coordinator's status for a KPI, which needs a reason; it sets qualitative KPIs and corrects computed ones. */
export interface StatusOverride {
  status: ProgressStatus;
  reason: string;
  /** The user who set it. */
  by: Id;
  /** When, as an ISO instant. */
  at: string;
}

/** The status to show and roll up, and where it came from. */
export interface EffectiveScoredStatus extends KpiScoredStatus {
  isOverridden: boolean;
}

/** A KPI's computed status and its override, both kept, and the one that counts. */
export interface EffectiveStatus {
  computed: KpiStatus;
  override: StatusOverride | null;
  effective: EffectiveScoredStatus;
}

/** What is wrong with an override, as error details; empty when it may be applied. */
export function checkOverride(override: StatusOverride): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!(PROGRESS_STATUSES as readonly string[]).includes(override.status)) {
    problems.push({ path: 'status', message: `expected one of ${PROGRESS_STATUSES.join(', ')}` });
  }
  if (override.reason.trim() === '') problems.push({ path: 'reason', message: 'a reason is required' });
  if (override.by.trim() === '') problems.push({ path: 'by', message: 'the user who sets it is required' });
  if (Number.isNaN(Date.parse(override.at)))
    problems.push({ path: 'at', message: 'expected an ISO instant' });
  return problems;
}

/**
 * Combine a computed status with a coordinator's override. The override wins for display and roll-ups; its score
 * is the computed one when the statuses agree, else the middle of the status's band (achieved 5), since a
 * status set by hand carries no finer measure. Throws DomainError (invalid_input) for an override without a
 * reason or with an unknown status.
 */
export function applyOverride(computed: KpiStatus, override: StatusOverride | null): EffectiveStatus {
  if (override === null) {
    return {
      computed,
      override: null,
      effective: {
        kpiId: computed.kpiId,
        status: computed.status,
        score: computed.score,
        isOverridden: false,
      },
    };
  }
  const problems = checkOverride(override);
  if (problems.length > 0) {
    throw new DomainError(
      'invalid_input',
      'invalid_status_override',
      'The status override is not valid.',
      problems,
    );
  }
  const score = override.status === computed.status ? computed.score : SCORE_OF_STATUS[override.status];
  return {
    computed,
    override,
    effective: { kpiId: computed.kpiId, status: override.status, score, isOverridden: true },
  };
}
