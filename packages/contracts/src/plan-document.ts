import { z } from 'zod';
import { BREAKDOWN_DIMENSIONS, BUDGET_TYPES, DIRECTIONS, KPI_SHAPES, PHASE_STATUSES } from '@kotei/domain';
import { IsoDate } from './common.js';

const Text = z.string().trim().min(1);

/** Where an item was read from, kept so every imported value can be traced to its source line. */
export const SourceInput = z.object({
  lineFrom: z.int().min(1),
  lineTo: z.int().min(1),
  rawText: z.string(),
});

/**
 * What a period label means, resolved once where it is read (the importer): its first and last day and the
 * fiscal year that stands for it. A document written by hand may leave it out; the label is then read when the
 * document is stored.
 */
export const PeriodDates = z
  .object({
    start: IsoDate,
    end: IsoDate.nullable().meta({ description: 'Last day, inclusive; null when open ended (R10～)' }),
    fiscalYear: z.int().nullable(),
  })
  .meta({ id: 'PeriodDates' });
/** What a period label means: first and last day, fiscal year. */
export type PeriodDates = z.infer<typeof PeriodDates>;

/** A value by sex, age group, prefecture or ministry (内訳), as a document gives it beside the KPI's own figure. */
export const BreakdownInput = z.object({
  dimension: z.enum(BREAKDOWN_DIMENSIONS),
  values: z.array(z.object({ member: Text, value: z.number().nullable() })).min(1),
});

/** A KPI value as the document writes it: the number and the period text (R10, 2024-2028年度累積 …). */
export const KpiPointInput = z.object({
  value: z.number().nullable(),
  label: Text.meta({ description: 'Period as written, e.g. "R10" or "(R3～R5平均)"' }),
  dates: PeriodDates.optional(),
  breakdown: BreakdownInput.nullable()
    .default(null)
    .meta({ description: 'The members of the value (男性:10.2% 女性:3.0%); the KPI value stays its own' }),
});

/** A KPI or outcome target to be written. */
export const KpiInput = z.object({
  key: Text.optional().meta({ description: 'Stable key to match the KPI on a later import' }),
  name: Text,
  unit: z.string(),
  shape: z.enum(KPI_SHAPES),
  direction: z.enum(DIRECTIONS),
  baseline: KpiPointInput.nullable(),
  target: KpiPointInput.nullable(),
  bar: z
    .number()
    .nullable()
    .default(null)
    .meta({ description: 'Floor each unit must meet (share-meeting-bar), e.g. 80 in 全都道府県で80%以上' }),
  note: z.string().default(''),
  actuals: z
    .array(
      z.object({
        value: z.number(),
        label: Text,
        dates: PeriodDates.optional(),
        origin: z.enum(['reported', 'imported', 'extracted_from_text']).default('imported'),
        sourceNote: z.string().default(''),
        breakdown: BreakdownInput.nullable().default(null),
      }),
    )
    .default([]),
  source: SourceInput.optional(),
});
/** A KPI or outcome target to be written. */
export type KpiInput = z.infer<typeof KpiInput>;
/** A KPI as written by hand or by an importer, defaults not yet applied. */
export type KpiDraft = z.input<typeof KpiInput>;

/** A budget project to be written. */
export const ProjectInput = z.object({
  name: Text,
  ministry: z.string().nullable(),
  lines: z
    .array(
      z.object({
        amountYen: z.int().nonnegative().nullable(),
        fiscalYear: z.int().min(1900).max(2200).nullable(),
        type: z.enum(BUDGET_TYPES),
        isPartOf: z.boolean().default(false),
        label: z.string(),
      }),
    )
    .default([]),
  source: SourceInput.optional(),
});
/** A budget project to be written. */
export type ProjectInput = z.infer<typeof ProjectInput>;
/** A budget project as written, defaults not yet applied. */
export type ProjectDraft = z.input<typeof ProjectInput>;

/** A progress bullet to be written; ministry null where the document tags none. */
export const ProgressInput = z.object({
  ministry: z.string().nullable(),
  text: Text,
  source: SourceInput.optional(),
});

/** A measure to be written. A repost names the sheet number and title of the measure it shows again. */
export const MeasureInput = z.object({
  title: Text,
  ministries: z.array(Text).default([]),
  repostOf: z.object({ sheet: z.int(), title: Text }).optional(),
  phases: z
    .array(
      z.object({
        text: Text,
        period: Text.meta({ description: 'Period column(s) as written, e.g. "2024年夏" or "2025-2028年度"' }),
        dates: PeriodDates.optional(),
        status: z.enum(PHASE_STATUSES).optional(),
        source: SourceInput.optional(),
      }),
    )
    .default([]),
  kpis: z.array(KpiInput).default([]),
  progress: z.array(ProgressInput).default([]),
  projects: z.array(ProjectInput).default([]),
  source: SourceInput.optional(),
});
/** A measure to be written. */
export type MeasureInput = z.infer<typeof MeasureInput>;
/** A measure as written, defaults not yet applied. */
export type MeasureDraft = z.input<typeof MeasureInput>;

/**
 * A whole plan as an importer reads it or a fixture states it, before it has ids: the one shape that the
 * store writes in a single transaction.
 */
export const PlanDocument = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
      .max(80),
    title: Text,
    owner: Text,
    adoptedOn: IsoDate.nullable(),
    description: z.string().default(''),
    policyFields: z.array(Text).default([]),
    isSample: z.boolean().default(false),
    round: z.object({ title: Text, asOfDate: IsoDate }).nullable().default(null),
    strategicGoals: z
      .array(
        z.object({
          number: z.int().min(1),
          title: Text,
          note: z.string().default(''),
          outcomes: z.array(KpiInput).default([]),
          source: SourceInput.optional(),
        }),
      )
      .default([]),
    sheets: z
      .array(
        z.object({
          number: z.int().min(1),
          title: Text,
          measures: z.array(MeasureInput).default([]),
          progress: z.array(ProgressInput).default([]),
          projects: z.array(ProjectInput).default([]),
          source: SourceInput.optional().meta({ description: 'The sheet heading' }),
        }),
      )
      .default([]),
  })
  .meta({ id: 'PlanDocument' });
/** A whole plan before it has ids (the parsed form). */
export type PlanDocument = z.infer<typeof PlanDocument>;
/** A whole plan as written by hand, defaults not yet applied. */
export type PlanDocumentInput = z.input<typeof PlanDocument>;
/** A strategic goal as written, defaults not yet applied. */
export type GoalDraft = NonNullable<PlanDocumentInput['strategicGoals']>[number];
/** A sheet as written, defaults not yet applied. */
export type SheetDraft = NonNullable<PlanDocumentInput['sheets']>[number];
/** A roadmap phase as written, defaults not yet applied. */
export type PhaseDraft = NonNullable<MeasureDraft['phases']>[number];
/** A progress bullet as written. */
export type ProgressDraft = z.input<typeof ProgressInput>;
/** Where an item was read from. */
export type SourceDraft = z.input<typeof SourceInput>;
