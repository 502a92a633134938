import { z } from 'zod';
import type * as domain from '@kotei/domain';
import { ABNF_GRADES, ABNF_REASONS, PROGRESS_STATUSES, STATUS_REASONS } from '@kotei/domain';
import { describes } from './common.js';

// A KPI's status on the wire: the Open SDG status with its override, and the A/B/N/F grade beside it (#16).

/** A coordinator's status for a KPI, with its mandatory reason. */
export const StatusOverride = describes<domain.StatusOverride>()(
  z
    .object({
      status: z.enum(PROGRESS_STATUSES),
      reason: z.string(),
      by: z.string(),
      at: z.string().meta({ description: 'ISO instant' }),
    })
    .meta({ id: 'StatusOverride' }),
);
/** A coordinator's status for a KPI. */
export type StatusOverride = domain.StatusOverride;

/** A KPI's A/B/N/F grade as shown (#16): the domain's grade with the numbers and the sentence it rests on. */
export type AbnfStatus = Pick<
  domain.AbnfKpiStatus,
  | 'grade'
  | 'reason'
  | 'progress'
  | 'elapsed'
  | 'neededNow'
  | 'elapsedYears'
  | 'targetYears'
  | 'initial'
  | 'current'
  | 'target'
  | 'method'
  | 'methodVersion'
> & { sentence: domain.StatusSentence };
const AbnfPoint = z.object({ year: z.int(), value: z.number() });
/** A KPI's grade by the Cabinet Office's A/B/N/F method, computed beside its Open SDG status. */
export const AbnfStatus = describes<AbnfStatus>()(
  z
    .object({
      grade: z.enum(ABNF_GRADES),
      reason: z.enum(ABNF_REASONS),
      progress: z.number().nullable().meta({ description: '(current − initial) ÷ (target − initial)' }),
      elapsed: z.number().nullable().meta({ description: 'Elapsed share of the target period, at most 1' }),
      neededNow: z
        .number()
        .nullable()
        .meta({ description: 'KPI達成のために現時点で必要な値: the straight line at the current year' }),
      elapsedYears: z.int().nullable(),
      targetYears: z.int().nullable(),
      initial: AbnfPoint.nullable(),
      current: AbnfPoint.nullable(),
      target: AbnfPoint.nullable(),
      method: z.string(),
      methodVersion: z.string(),
      sentence: z.object({ ja: z.string(), en: z.string() }),
    })
    .meta({ id: 'AbnfStatus' }),
);

/** A KPI's status as shown: the domain's computed status with the override that may replace it. */
export type KpiStatus = Pick<
  domain.KpiStatus,
  | 'score'
  | 'progressValue'
  | 'reason'
  | 'valueUsed'
  | 'valueYear'
  | 'expectedValue'
  | 'forecast'
  | 'method'
  | 'methodVersion'
> & {
  status: domain.ProgressStatus;
  computedStatus: domain.ProgressStatus;
  sentence: domain.StatusSentence;
  override: StatusOverride | null;
  abnf: AbnfStatus;
};
/** A KPI's progress status at the reference date: computed by the published method, maybe overridden. */
export const KpiStatus = describes<KpiStatus>()(
  z
    .object({
      status: z
        .enum(PROGRESS_STATUSES)
        .meta({ description: 'The status that counts (the override, if any)' }),
      computedStatus: z.enum(PROGRESS_STATUSES),
      score: z.number().nullable(),
      progressValue: z.number().nullable(),
      reason: z.enum(STATUS_REASONS),
      valueUsed: z.number().nullable(),
      valueYear: z.int().nullable(),
      expectedValue: z.number().nullable().meta({ description: 'Where the KPI should be in valueYear' }),
      forecast: z.number().nullable().meta({ description: 'Value at the target year if the trend goes on' }),
      method: z.string(),
      methodVersion: z.string(),
      sentence: z.object({ ja: z.string(), en: z.string() }),
      override: StatusOverride.nullable(),
      abnf: AbnfStatus.meta({ description: 'The A/B/N/F grade, whichever method the plan uses' }),
    })
    .meta({ id: 'KpiStatus' }),
);

/** Statuses of a group of KPIs (measure, sheet, goal, plan): counts, mean score and the rolled-up status. */
export const StatusSummary = z
  .object({
    status: z.enum(PROGRESS_STATUSES),
    score: z.number().nullable(),
    counts: z.record(z.enum(PROGRESS_STATUSES), z.int()),
    total: z.int(),
    scored: z.int(),
    grades: z
      .record(z.enum(ABNF_GRADES), z.int())
      .meta({ description: 'KPIs per A/B/N/F grade (A n件 / B n件 / N n件 / F n件)' }),
  })
  .meta({ id: 'StatusSummary' });
/** Statuses of a group of KPIs. */
export type StatusSummary = z.infer<typeof StatusSummary>;
