import { z } from 'zod';
import { Correction } from './correction.js';
import type * as domain from '@kotei/domain';
import {
  STATUS_METHODS,
  BREAKDOWN_DIMENSIONS,
  BUDGET_TYPES,
  POLICY_FIELDS,
  DIRECTIONS,
  KPI_SHAPES,
  PHASE_STATUSES,
  PROGRESS_STATUSES,
  ROUND_STATES,
  OBSERVATION_ORIGINS,
} from '@kotei/domain';
import { describes, Id, IsoDate, Text } from './common.js';
import { KpiStatus, StatusSummary } from './status.js';

/** Where an imported item came from in its source document. */
export const SourceRef = describes<domain.SourceRef>()(
  z.object({ lineFrom: z.int(), lineTo: z.int(), rawText: z.string() }).meta({ id: 'SourceRef' }),
);
/** Where an imported item came from. */
export type SourceRef = domain.SourceRef;

/** A period as written, with its canonical interval and the fiscal year that stands for it. */
export const PeriodValue = describes<domain.PeriodValue>()(
  z
    .object({
      start: IsoDate,
      end: IsoDate.nullable().meta({ description: 'Inclusive; null when open-ended' }),
      fiscalYear: z.int().nullable().meta({ description: 'End fiscal year of the period' }),
      label: z.string().meta({ description: 'The original text, e.g. "R3～R5平均"' }),
    })
    .meta({ id: 'PeriodValue' }),
);
/** A period as written, with its canonical interval. */
export type PeriodValue = domain.PeriodValue;

/** A value by prefecture, sex, age group or ministry (内訳); the KPI's own figure is kept apart, never summed. */
export const Breakdown = describes<domain.Breakdown>()(
  z
    .object({
      dimension: z.enum(BREAKDOWN_DIMENSIONS),
      values: z.array(
        z.object({
          member: z.string().meta({ description: 'Member code: JIS X 0401 for prefectures (01–47)' }),
          value: z.number().nullable(),
        }),
      ),
    })
    .meta({ id: 'Breakdown' }),
);
/** A value by a dimension. */
export type Breakdown = domain.Breakdown;

/** A KPI's baseline or target on the wire: the domain's point, its breakdown null rather than absent. */
export type KpiPoint = Required<domain.KpiPoint>;
/** A KPI's baseline or target: a value with its period and, where the source gives one, its breakdown. */
export const KpiPoint = describes<KpiPoint>()(
  z
    .object({
      value: z.number().nullable(),
      period: PeriodValue,
      breakdown: Breakdown.nullable(),
    })
    .meta({ id: 'KpiPoint' }),
);

/** An actual on the wire: the domain's observation without its bookkeeping, and whose it is when borrowed. */
export type KpiActual = Pick<domain.Observation, 'value' | 'period' | 'origin'> & {
  breakdown: Breakdown | null;
  borrowedFrom: domain.Id | null;
};
/** One actual (実績) of a KPI. */
export const KpiActual = describes<KpiActual>()(
  z
    .object({
      value: z.number(),
      period: PeriodValue,
      origin: z.enum(OBSERVATION_ORIGINS),
      breakdown: Breakdown.nullable(),
      borrowedFrom: Id.nullable().meta({
        description:
          'The KPI this actual belongs to, when an outcome target and a sheet KPI measure the same thing and share their actuals',
      }),
    })
    .meta({ id: 'KpiActual' }),
);

/** A KPI on the wire: the domain's KPI without its placement and source, with its actuals and status. */
export type Kpi = Pick<domain.Kpi, 'id' | 'name' | 'unit' | 'shape' | 'direction' | 'bar' | 'note'> & {
  baseline: KpiPoint | null;
  target: KpiPoint | null;
  actuals: KpiActual[];
  status: KpiStatus;
};
/** An output KPI or an outcome target. */
export const Kpi = describes<Kpi>()(
  z
    .object({
      id: Id,
      name: z.string(),
      unit: z.string(),
      shape: z.enum(KPI_SHAPES),
      direction: z.enum(DIRECTIONS),
      baseline: KpiPoint.nullable(),
      target: KpiPoint.nullable(),
      bar: z
        .number()
        .nullable()
        .meta({ description: 'Floor each unit must meet (share-meeting-bar): 80 in 全都道府県で80%以上' }),
      note: z.string(),
      actuals: z.array(KpiActual),
      status: KpiStatus,
    })
    .meta({ id: 'Kpi' }),
);

/** A phase on the wire: the domain's phase with its status at the reference date. */
export type Phase = Pick<domain.Phase, 'id' | 'text' | 'period'> & { status: domain.PhaseStatus };
/** A phase of a measure's schedule, with its status at the tree's reference date. */
export const Phase = describes<Phase>()(
  z
    .object({
      id: Id,
      text: z.string(),
      period: PeriodValue,
      status: z.enum(PHASE_STATUSES),
    })
    .meta({ id: 'Phase' }),
);

/** A progress bullet on the wire: the domain's bullet with the round it was reported in. */
export type ProgressBullet = Pick<domain.ProgressBullet, 'id' | 'text' | 'ministry'> & { roundId: domain.Id };
/** One progress bullet, tagged with a ministry or untagged. */
export const ProgressBullet = describes<ProgressBullet>()(
  z
    .object({
      id: Id,
      roundId: Id,
      ministry: z.string().nullable(),
      text: z.string(),
    })
    .meta({ id: 'ProgressBullet' }),
);

/** A budget project on the wire: the domain's project with its lines, without the links the page already shows. */
export type BudgetProject = Pick<domain.BudgetProject, 'id' | 'name' | 'ministry'> & {
  lines: Omit<domain.BudgetLine, 'id'>[];
};
/** A budget project with its budget lines. */
export const BudgetProject = describes<BudgetProject>()(
  z
    .object({
      id: Id,
      name: z.string(),
      ministry: z.string().nullable(),
      lines: z.array(
        z.object({
          amountYen: z.number().int().nullable(),
          fiscalYear: z.int().nullable(),
          type: z.enum(BUDGET_TYPES),
          isPartOf: z.boolean(),
          label: z.string(),
        }),
      ),
    })
    .meta({ id: 'BudgetProject' }),
);

/** A measure on the wire: the domain's measure as placed on one sheet, with its content and statuses. */
export type Measure = Pick<domain.Measure, 'id' | 'title' | 'ministries'> & {
  isRepost: boolean;
  phases: Phase[];
  kpis: Kpi[];
  progress: ProgressBullet[];
  projects: BudgetProject[];
  statusSummary: StatusSummary;
};
/** A measure as placed on a sheet; a repost carries the same id as the original. */
export const Measure = describes<Measure>()(
  z
    .object({
      id: Id,
      title: z.string(),
      ministries: z.array(z.string()),
      isRepost: z.boolean(),
      phases: z.array(Phase),
      kpis: z.array(Kpi),
      progress: z.array(ProgressBullet),
      projects: z.array(BudgetProject),
      statusSummary: StatusSummary,
    })
    .meta({ id: 'Measure' }),
);

/** A sheet on the wire: the domain's sheet with its measures and what is tied to the sheet itself. */
export type Sheet = Pick<domain.Sheet, 'id' | 'number' | 'title'> & {
  measures: Measure[];
  progress: ProgressBullet[];
  projects: BudgetProject[];
  statusSummary: StatusSummary;
};
/** One roadmap table (工程表). */
export const Sheet = describes<Sheet>()(
  z
    .object({
      id: Id,
      number: z.int(),
      title: z.string(),
      measures: z.array(Measure),
      progress: z
        .array(ProgressBullet)
        .meta({ description: 'Progress tied to the sheet, not to one measure' }),
      projects: z
        .array(BudgetProject)
        .meta({ description: 'Projects tied to the sheet, not to one measure' }),
      statusSummary: StatusSummary.meta({
        description: 'KPIs of the measures the sheet shows, reposts included',
      }),
    })
    .meta({ id: 'Sheet' }),
);

/** A strategic goal on the wire: the domain's goal with its outcome targets. */
export type StrategicGoal = Pick<domain.StrategicGoal, 'id' | 'number' | 'title' | 'note'> & {
  outcomes: Kpi[];
  statusSummary: StatusSummary;
};
/** 戦略目標 with its outcome targets. */
export const StrategicGoal = describes<StrategicGoal>()(
  z
    .object({
      id: Id,
      number: z.int(),
      title: z.string(),
      note: z.string(),
      outcomes: z.array(Kpi),
      statusSummary: StatusSummary,
    })
    .meta({ id: 'StrategicGoal' }),
);

/** A follow-up round on the wire: the domain's round without its plan. */
export type Round = Omit<domain.FollowUpRound, 'planId'>;
/** A follow-up round. */
export const Round = describes<Round>()(
  z
    .object({
      id: Id,
      title: z.string(),
      asOfDate: IsoDate,
      deadline: IsoDate.nullable(),
      state: z.enum(ROUND_STATES),
      publishAt: z.iso
        .datetime()
        .nullable()
        .meta({ description: 'A scheduled publication (embargo), if set' }),
      publishedAt: z.iso.datetime().nullable(),
    })
    .meta({ id: 'Round' }),
);

/** A plan as listed: enough to choose one. */
export const PlanSummary = z
  .object({
    id: Id,
    slug: z.string(),
    title: z.string(),
    owner: z.string(),
    adoptedOn: IsoDate.nullable(),
    policyFields: z.array(z.string()),
    isSample: z.boolean(),
    counts: z.object({ goals: z.int(), sheets: z.int(), measures: z.int(), kpis: z.int() }),
    latestRound: Round.nullable(),
    nextDeadline: IsoDate.nullable().meta({ description: 'Earliest deadline of a round not yet published' }),
    statusMethod: z
      .enum(STATUS_METHODS)
      .meta({ description: 'The status method the plan is judged by: Open SDG or the A/B/N/F grades' }),
    statusSummary: StatusSummary.meta({ description: 'Every KPI and outcome target, at today in Japan' }),
  })
  .meta({ id: 'PlanSummary' });
/** A plan as listed. */
export type PlanSummary = z.infer<typeof PlanSummary>;

/** Which revision (見直し) a plan read shows: its number, the latest number, its reason and adoption time. */
export const RevisionShown = z
  .object({
    number: z.int(),
    latest: z.int(),
    reason: z.string(),
    adoptedAt: z.string(),
  })
  .meta({ id: 'RevisionShown' });
/** Which revision a plan read shows. */
export type RevisionShown = z.infer<typeof RevisionShown>;

const TargetPoint = z.object({ value: z.number().nullable(), period: PeriodValue }).nullable();

/** Originally adopted vs current: the domain's originals, with the base revision (当初) they are taken from. */
export type Originals = domain.Originals & { base: RevisionShown };
/** Originally adopted vs current: what a base revision (当初) fixed otherwise than the revision shown (現在). */
export const Originals = describes<Originals>()(
  z
    .object({
      base: RevisionShown.meta({ description: 'The base revision (当初), usually revision 1 (策定)' }),
      phases: z.array(z.object({ phaseId: Id, original: PeriodValue, current: PeriodValue })),
      kpis: z.array(z.object({ kpiId: Id, original: TargetPoint, current: TargetPoint })),
    })
    .meta({ id: 'Originals' }),
);

/** The whole plan: the project's open-data plan JSON and the API's plan read. */
export const PlanTree = z
  .object({
    id: Id,
    slug: z.string(),
    title: z.string(),
    owner: z.string(),
    adoptedOn: IsoDate.nullable(),
    description: z.string(),
    policyFields: z.array(z.string()),
    isSample: z.boolean(),
    statusMethod: z.enum(STATUS_METHODS).meta({ description: 'The status method the plan is judged by' }),
    referenceDate: IsoDate.meta({ description: 'Date the statuses were computed at (Japan time)' }),
    statusSummary: StatusSummary.meta({ description: 'Every KPI and outcome target once' }),
    rounds: z.array(Round),
    strategicGoals: z.array(StrategicGoal),
    sheets: z.array(Sheet),
    revision: RevisionShown.nullable().optional().meta({
      description:
        'The revision shown (見直し): the latest unless ?revision= or ?revisionOn= asked for another',
    }),
    originals: Originals.optional().meta({
      description: 'With ?base=N: the phases and KPIs revision N fixed otherwise than the revision shown',
    }),
  })
  .meta({ id: 'PlanTree' });
/** The whole plan. */
export type PlanTree = z.infer<typeof PlanTree>;

/** A policy field's code, one of the bureau's fields (POLICY_FIELDS): an unknown code would drop the plan out. */
export const PolicyFieldCode = z
  .enum(POLICY_FIELDS.map((field) => field.code))
  .meta({ description: "One of the bureau's policy fields (GET /api/reference)" });

/** Fields of a plan a coordinator may edit directly. */
export const UpdatePlanBody = z
  .object({
    title: Text({ max: 300 }).optional(),
    owner: Text({ max: 200 }).optional(),
    description: Text({ max: 10_000, isMultiline: true, mayBeBlank: true }).optional(),
    policyFields: z.array(PolicyFieldCode).max(20).optional(),
    statusMethod: z
      .enum(STATUS_METHODS)
      .optional()
      .meta({ description: 'open-sdg or abnf (the Cabinet Office A/B/N/F grades)' }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change' })
  .meta({ id: 'UpdatePlanBody' });
/** Fields of a plan a coordinator may edit directly. */
export type UpdatePlanBody = z.infer<typeof UpdatePlanBody>;

/** A coordinator setting a KPI's status by hand; the reason is required. */
export const SetStatusOverrideBody = z
  .object({
    status: z.enum(PROGRESS_STATUSES),
    reason: Text({ max: 2000, isMultiline: true }),
  })
  .strict()
  .meta({ id: 'SetStatusOverrideBody' });
/** A coordinator setting a KPI's status by hand. */
export type SetStatusOverrideBody = z.infer<typeof SetStatusOverrideBody>;

/** One measure with where it appears, its source text and the plan's rounds: what the measure page shows. */
export const MeasureDetail = z
  .object({
    plan: z.object({
      slug: z.string(),
      title: z.string(),
      isSample: z.boolean(),
      statusMethod: z.enum(STATUS_METHODS),
    }),
    referenceDate: IsoDate,
    measure: Measure,
    placements: z.array(z.object({ sheetNumber: z.int(), sheetTitle: z.string(), isRepost: z.boolean() })),
    source: SourceRef.nullable().meta({ description: 'Where the measure was read from, when imported' }),
    rounds: z.array(Round),
    corrections: z.array(Correction).meta({
      description:
        "正誤 of the measure's bullets and actuals in published rounds, oldest first; the bullets and actuals above show the corrected values",
    }),
    revision: RevisionShown.optional().meta({
      description: 'The revision shown when ?revision= or ?revisionOn= asked for one (time travel)',
    }),
    originals: Originals.optional().meta({
      description: 'With ?base=N: the phases and KPIs revision N fixed otherwise than the revision shown',
    }),
  })
  .meta({ id: 'MeasureDetail' });
/** One measure with where it appears and its source. */
export type MeasureDetail = z.infer<typeof MeasureDetail>;

/** The bureau's view: every policy field with its stated aim and its plans. */
export const Portfolio = z
  .object({
    referenceDate: IsoDate,
    fields: z.array(
      z.object({
        code: z.string(),
        nameJa: z.string(),
        nameEn: z.string(),
        aimJa: z.string(),
        plans: z.array(PlanSummary),
      }),
    ),
    otherPlans: z.array(PlanSummary).meta({ description: 'Plans tagged with no known policy field' }),
  })
  .meta({ id: 'Portfolio' });
/** The bureau's view of every plan by policy field. */
export type Portfolio = z.infer<typeof Portfolio>;

const YenTotal = z.object({ yen: z.number(), lines: z.int() });

/** A plan's dashboard: statuses, outcome trajectories, where it lags, and its budget. */
export const PlanDashboard = z
  .object({
    plan: PlanSummary,
    referenceDate: IsoDate,
    goals: z.array(
      z.object({
        id: Id,
        number: z.int(),
        title: z.string(),
        statusSummary: StatusSummary,
        outcomes: z.array(
          z.object({
            kpi: Kpi,
            path: z
              .array(z.object({ year: z.int(), value: z.number() }))
              .meta({ description: 'Required path from baseline to target, one point a year' }),
          }),
        ),
      }),
    ),
    sheets: z.array(
      z.object({
        id: Id,
        number: z.int(),
        title: z.string(),
        statusSummary: StatusSummary,
        measures: z.int(),
        overduePhases: z.int(),
        unreportedPhases: z
          .int()
          .meta({ description: 'Past phases no published round reported on (未報告)' }),
      }),
    ),
    worstKpis: z.array(z.object({ kpi: Kpi, measureId: Id, measureTitle: z.string(), sheetNumber: z.int() })),
    overduePhases: z.array(
      z.object({ measureId: Id, measureTitle: z.string(), sheetNumber: z.int(), phase: Phase }),
    ),
    budget: z.object({
      byMinistry: z.array(z.object({ ministry: z.string().nullable(), total: YenTotal })),
      byTypeAndYear: z.array(
        z.object({ type: z.enum(BUDGET_TYPES), fiscalYear: z.int().nullable(), total: YenTotal }),
      ),
      total: YenTotal,
      partOf: YenTotal.meta({ description: '内数 lines: shown apart, never added' }),
      withoutAmount: z.int(),
      projects: z.int(),
    }),
    revision: RevisionShown.optional().meta({
      description: 'The revision shown when ?revision= or ?revisionOn= asked for one (time travel)',
    }),
    originals: Originals.optional().meta({
      description:
        'With ?base=N: what revision N (当初) fixed otherwise; the dashboard draws the original outcome targets',
    }),
  })
  .meta({ id: 'PlanDashboard' });
/** A plan's dashboard. */
export type PlanDashboard = z.infer<typeof PlanDashboard>;
