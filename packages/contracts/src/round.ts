import { z } from 'zod';
import * as domain from '@kotei/domain';
import { ACTUAL_FLAG_CODES, PART_STATES, PHASE_REPORT_STATES, PHASE_STATUSES } from '@kotei/domain';
import { Id, InputDate, IsoDate, Text, staleVersionBody } from './common.js';
import { PeriodValue, Round } from './plan.js';

/** A data-quality flag on a reported actual: the field, what was expected and the sentence in ja and en. */
export const ActualFlag = z
  .object({
    code: z.enum(ACTUAL_FLAG_CODES),
    field: z.enum(['value', 'unit', 'period']),
    expected: z.string(),
    message: z.object({ ja: z.string(), en: z.string() }),
  })
  .meta({ id: 'ActualFlag' });
/** A data-quality flag on a reported actual. */
export type ActualFlag = domain.ActualFlag;

/** An actual a part reports, as saved: the period read by the calendar, its flags, the reporter's note. */
export const ReportedActual = z
  .object({
    kpiId: Id,
    value: z.number(),
    unit: z.string(),
    period: PeriodValue,
    sourceNote: z.string(),
    note: z.string(),
    flags: z.array(ActualFlag),
  })
  .meta({ id: 'ReportedActual' });
/** An actual a part reports. */
export type ReportedActual = z.infer<typeof ReportedActual>;

/** What a part states of one phase. */
export const PhaseReportEntry = z
  .object({ phaseId: Id, state: z.enum(PHASE_REPORT_STATES), note: z.string() })
  .meta({ id: 'PhaseReportEntry' });
/** What a part states of one phase. */
export type PhaseReportEntry = z.infer<typeof PhaseReportEntry>;

/** A comment in a part's thread. */
export const PartComment = z
  .object({ id: Id, author: z.string(), body: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'PartComment' });
/** A comment in a part's thread. */
export type PartComment = z.infer<typeof PartComment>;

/** A part as the coordinator's board lists it. */
export const PartSummary = z
  .object({
    id: Id,
    measure: z.object({ id: Id, title: z.string(), sheetNumbers: z.array(z.int()) }),
    ministry: z.string(),
    state: z.enum(PART_STATES),
    version: z.int(),
    updatedAt: z.iso.datetime().nullable(),
    flags: z.int().meta({ description: 'Flagged actuals in the part' }),
    unnotedFlags: z.int().meta({ description: 'Flagged actuals that still have no note' }),
    returnReason: z.string().nullable(),
    remindedAt: z.iso.datetime().nullable().meta({ description: 'When its ministry was last reminded' }),
  })
  .meta({ id: 'PartSummary' });
/** A part as the coordinator's board lists it. */
export type PartSummary = z.infer<typeof PartSummary>;

/** A round with its state, embargo and the parts the caller may see. */
export const RoundBoard = z
  .object({
    plan: z.object({ slug: z.string(), title: z.string() }),
    round: Round,
    counts: z.record(z.enum(PART_STATES), z.int()),
    parts: z.array(PartSummary),
    mayManage: z.boolean(),
  })
  .meta({ id: 'RoundBoard' });
/** A round with its parts. */
export type RoundBoard = z.infer<typeof RoundBoard>;

/** One part in full: what its reporter writes and what the form needs to write it. */
export const RoundPart = PartSummary.extend({
  plan: z.object({ slug: z.string(), title: z.string() }),
  round: Round,
  bullets: z.array(z.string()),
  actuals: z.array(ReportedActual),
  phases: z.array(PhaseReportEntry),
  comments: z.array(PartComment),
  kpis: z.array(
    z.object({
      id: Id,
      name: z.string(),
      unit: z.string(),
      lastActual: z.object({ value: z.number(), period: PeriodValue }).nullable(),
    }),
  ),
  schedule: z.array(z.object({ id: Id, text: z.string(), period: PeriodValue })),
  mayEdit: z.boolean(),
  mayDecide: z.boolean(),
}).meta({ id: 'RoundPart' });
/** One part in full. */
export type RoundPart = z.infer<typeof RoundPart>;

/** A save of a part's draft: the version it was based on and the whole content. */
export const SavePartBody = z
  .object({
    version: z.int().min(0),
    bullets: z.array(Text({ max: 4000, isMultiline: true })).max(100),
    actuals: z
      .array(
        z
          .object({
            kpiId: Id,
            value: z.number(),
            unit: Text({ max: 40, mayBeBlank: true }).optional(),
            period: Text({ max: 60 }).meta({ description: 'As written: "2024年度", "R6", "2025年3月末"' }),
            sourceNote: Text({ max: 1000, mayBeBlank: true }).optional(),
            note: Text({ max: 2000, isMultiline: true, mayBeBlank: true }).optional(),
          })
          .strict(),
      )
      .max(200),
    phases: z
      .array(
        z
          .object({
            phaseId: Id,
            state: z.enum(PHASE_REPORT_STATES),
            note: Text({ max: 2000, isMultiline: true, mayBeBlank: true }).optional(),
          })
          .strict(),
      )
      .max(200),
  })
  .strict()
  .meta({ id: 'SavePartBody' });
/** A save of a part's draft. */
export type SavePartBody = z.infer<typeof SavePartBody>;

/** Submit, approve or return a part: the version it was based on; a return needs its reason. */
export const PartDecisionBody = z
  .object({
    version: z.int().min(0),
    reason: Text({ max: 2000, isMultiline: true }).optional(),
  })
  .strict()
  .meta({ id: 'PartDecisionBody' });
/** Submit, approve or return a part. */
export type PartDecisionBody = z.infer<typeof PartDecisionBody>;

/** A comment on a part. */
export const CreatePartCommentBody = z
  .object({ body: Text({ max: 4000, isMultiline: true }) })
  .strict()
  .meta({ id: 'CreatePartCommentBody' });
/** A comment on a part. */
export type CreatePartCommentBody = z.infer<typeof CreatePartCommentBody>;

/** Publish a round now, or at a set time (embargo). */
export const PublishRoundBody = z
  .object({
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'Embargo: publish at this instant; now when absent' }),
  })
  .strict()
  .meta({ id: 'PublishRoundBody' });
/** Publish a round now or at a set time. */
export type PublishRoundBody = z.infer<typeof PublishRoundBody>;

/** A stale write: the part as it now stands, so the client can show both and merge. */
export const PartConflictBody = staleVersionBody(RoundPart).meta({ id: 'PartConflict' });
/** A stale write. */
export type PartConflictBody = z.infer<typeof PartConflictBody>;

/** A reporter's or coordinator's open work: parts due, returned, overdue or handed over. */
export const MyTasks = z
  .object({
    today: IsoDate,
    tasks: z.array(
      PartSummary.extend({
        plan: z.object({ slug: z.string(), title: z.string() }),
        round: Round,
        isOverdue: z.boolean(),
        handedOverFrom: z.string().nullable().meta({
          description:
            'Handed over (引き継ぎ): the predecessor whose grant for this ministry ended as yours began, when the round was opened before your first day',
        }),
      }),
    ),
  })
  .meta({ id: 'MyTasks' });
/** Open work. */
export type MyTasks = z.infer<typeof MyTasks>;

/** Opening a follow-up round. */
export const CreateRoundBody = z
  .object({
    title: Text({ max: 200 }),
    asOfDate: InputDate,
    deadline: InputDate.nullable().optional(),
    measureIds: z
      .array(Id)
      .min(1)
      .max(5000)
      .optional()
      .meta({ description: 'The measures in scope; every measure of the plan when absent' }),
  })
  .strict()
  .meta({ id: 'CreateRoundBody' });
/** Opening a follow-up round. */
export type CreateRoundBody = z.infer<typeof CreateRoundBody>;

const TextPiece = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });

/** What changed in one measure from one published round to another: progress, actuals, phase states. */
export const MeasureRoundDiff = z
  .object({
    measure: z.object({ id: Id, title: z.string() }),
    from: Round,
    to: Round,
    progress: z.array(
      z.object({
        ministry: z.string().nullable(),
        bullets: z.array(
          z.object({
            kind: z.enum(['same', 'added', 'removed', 'changed']),
            text: z.string(),
            before: z.string().optional(),
            pieces: z.array(TextPiece).optional(),
          }),
        ),
      }),
    ),
    actuals: z.array(
      z.object({
        kpiId: Id,
        name: z.string(),
        unit: z.string(),
        before: z.array(z.object({ value: z.number(), period: PeriodValue })),
        after: z.array(z.object({ value: z.number(), period: PeriodValue })),
      }),
    ),
    phases: z.array(
      z.object({
        phaseId: Id,
        text: z.string(),
        period: PeriodValue,
        before: z.enum(PHASE_STATUSES),
        after: z.enum(PHASE_STATUSES),
      }),
    ),
  })
  .meta({ id: 'MeasureRoundDiff' });
/** What changed in one measure from one published round to another. */
export type MeasureRoundDiff = z.infer<typeof MeasureRoundDiff>;
