import { z } from 'zod';
import type * as domain from '@kotei/domain';
import { BUDGET_TYPES, DIRECTIONS, KPI_LEVELS, KPI_SHAPES } from '@kotei/domain';
import { describes, Id, Text } from './common.js';
import { PeriodValue, PolicyFieldCode } from './plan.js';

// Plan authoring and revisions (見直し, #13): a plan's structure as a revision fixes it, the edits a draft
// collects, and the semantic diff between two revisions.

const Horizon = z
  .object({ from: z.int().min(1900).max(2200), to: z.int().min(1900).max(2200) })
  .meta({ description: 'Fiscal years, inclusive: every phase lies within them' });
const Order = z.int().min(0);
const node = { id: Id, order: Order, retired: z.boolean() };

const StructurePoint = z.object({ value: z.number().nullable(), period: PeriodValue });
const Yen = z
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: 'Integer yen: 30億円 is 3000000000' });
const FiscalYear = z.int().min(1900).max(2200);
const BudgetNode = z.object({
  ...node,
  measureIds: z.array(Id),
  name: z.string(),
  ministry: z.string().nullable(),
  lines: z.array(
    z.object({
      id: Id,
      amountYen: Yen.nullable(),
      fiscalYear: FiscalYear.nullable(),
      type: z.enum(BUDGET_TYPES),
      isPartOf: z.boolean(),
      label: z.string(),
    }),
  ),
});

/** A plan as one revision fixes it: every entity with its stable id, order and retired flag. */
export const PlanStructure = describes<domain.PlanStructure>()(
  z
    .object({
      plan: z.object({
        title: z.string(),
        owner: z.string(),
        policyFields: z.array(z.string()),
        horizon: Horizon.nullable(),
      }),
      goals: z.array(z.object({ ...node, number: z.int(), title: z.string() })),
      sheets: z.array(z.object({ ...node, number: z.int(), title: z.string() })),
      measures: z.array(
        z.object({
          ...node,
          sheetId: Id,
          title: z.string(),
          ministries: z.array(z.string()),
          mergedInto: Id.nullable(),
          splitFrom: Id.nullable(),
        }),
      ),
      phases: z.array(z.object({ ...node, measureId: Id, text: z.string(), period: PeriodValue })),
      kpis: z.array(
        z.object({
          ...node,
          level: z.enum(KPI_LEVELS),
          measureId: Id.nullable(),
          goalId: Id.nullable(),
          name: z.string(),
          unit: z.string(),
          shape: z.enum(KPI_SHAPES),
          direction: z.enum(DIRECTIONS),
          baseline: StructurePoint.nullable(),
          target: StructurePoint.nullable(),
          mergedInto: Id.nullable(),
        }),
      ),
      budgets: z
        .array(BudgetNode)
        .optional()
        .meta({ description: '該当事業; absent from revisions kept before budget projects were' }),
    })
    .meta({ id: 'PlanStructure' }),
);
/** A plan as one revision fixes it. */
export type PlanStructure = domain.PlanStructure;

const Title = Text({ max: 300 });
const Label = Text({ max: 60 }).meta({
  description: 'A period as the documents write it: 2025年度, R10, 2024年度末',
});
const PointInput = z.object({ value: z.number().nullable(), period: Label }).nullable();
const Ministries = z.array(Text({ max: 10 })).max(20);
const Kind = z.enum(['goal', 'sheet', 'measure', 'phase', 'kpi']);

/** One edit of a draft revision; ids of new entities are UUIDs the client makes. */
export const PlanEdit = describes<domain.PlanEdit>()(
  z
    .discriminatedUnion('op', [
      z.object({
        op: z.literal('plan.update'),
        title: Title.optional(),
        owner: Title.optional(),
        horizon: Horizon.nullable().optional(),
      }),
      z.object({ op: z.literal('goal.add'), id: Id, number: z.int().min(1).max(999), title: Title }),
      z.object({ op: z.literal('goal.update'), id: Id, title: Title }),
      z.object({ op: z.literal('sheet.add'), id: Id, number: z.int().min(1).max(999), title: Title }),
      z.object({ op: z.literal('sheet.update'), id: Id, title: Title }),
      z.object({ op: z.literal('measure.add'), id: Id, sheetId: Id, title: Title, ministries: Ministries }),
      z.object({
        op: z.literal('measure.update'),
        id: Id,
        title: Title.optional(),
        ministries: Ministries.optional(),
      }),
      z.object({ op: z.literal('measure.move'), id: Id, sheetId: Id }),
      z.object({
        op: z.literal('measure.split'),
        id: Id,
        parts: z
          .array(
            z.object({
              id: Id,
              title: Title,
              ministries: Ministries,
              kpiIds: z.array(Id).max(200),
              phaseIds: z.array(Id).max(200),
            }),
          )
          .max(20),
      }),
      z.object({ op: z.literal('measure.merge'), id: Id, into: Id }),
      z.object({ op: z.literal('phase.add'), id: Id, measureId: Id, text: Title, period: Label }),
      z.object({ op: z.literal('phase.update'), id: Id, text: Title.optional(), period: Label.optional() }),
      z.object({ op: z.literal('phase.move'), id: Id, period: Label }),
      z.object({
        op: z.literal('kpi.add'),
        id: Id,
        measureId: Id.nullable(),
        goalId: Id.nullable(),
        name: Title,
        unit: Text({ max: 30, mayBeBlank: true }),
        shape: z.enum(KPI_SHAPES),
        direction: z.enum(DIRECTIONS),
        baseline: PointInput,
        target: PointInput,
      }),
      z.object({
        op: z.literal('kpi.update'),
        id: Id,
        name: Title.optional(),
        unit: Text({ max: 30, mayBeBlank: true }).optional(),
        shape: z.enum(KPI_SHAPES).optional(),
        direction: z.enum(DIRECTIONS).optional(),
        baseline: PointInput.optional(),
        target: PointInput.optional(),
      }),
      z.object({ op: z.literal('kpi.merge'), id: Id, into: Id }),
      z.object({ op: z.literal('reorder'), kind: Kind, id: Id, order: Order.max(10_000) }),
      z.object({ op: z.literal('retire'), kind: Kind, id: Id }),
      z.object({
        op: z.literal('budget.add'),
        id: Id,
        measureId: Id,
        name: Title,
        ministry: Text({ max: 10 }).nullable(),
        line: z.object({
          id: Id,
          amountYen: Yen.nullable(),
          fiscalYear: FiscalYear.nullable(),
          type: z.enum(BUDGET_TYPES),
        }),
      }),
      z.object({
        op: z.literal('budget.update'),
        id: Id,
        name: Title.optional(),
        lineId: Id.optional(),
        amountYen: Yen.nullable().optional(),
        fiscalYear: FiscalYear.nullable().optional(),
        type: z.enum(BUDGET_TYPES).optional(),
      }),
      z.object({ op: z.literal('budget.retire'), id: Id }),
    ])
    .meta({ id: 'PlanEdit' }),
);
/** One edit of a draft revision. */
export type PlanEdit = domain.PlanEdit;

/** One change between two structures, in the policy's own words (ja and en), placed on its sheet and measure. */
export const StructureChange = describes<domain.StructureChange>()(
  z
    .object({
      entity: z.enum(['plan', 'goal', 'sheet', 'measure', 'phase', 'kpi', 'budget']),
      entityId: Id.nullable(),
      kind: z.enum([
        'added',
        'retired',
        'renamed',
        'target',
        'baseline',
        'unit',
        'shape',
        'direction',
        'period',
        'text',
        'moved',
        'split',
        'merged',
        'ministries',
        'reordered',
        'horizon',
        'amount',
        'fiscalYear',
        'budgetType',
      ]),
      sheetId: Id.nullable(),
      measureId: Id.nullable(),
      goalId: Id.nullable(),
      name: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
      ja: z.string(),
      en: z.string(),
    })
    .meta({ id: 'StructureChange' }),
);
/** One change between two structures. */
export type StructureChange = domain.StructureChange;

/** One adopted revision, without its structure. */
export const RevisionSummary = z
  .object({
    number: z.int(),
    reason: z.string(),
    summary: z.string(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    changeCount: z.int(),
  })
  .meta({ id: 'RevisionSummary' });
/** One adopted revision, without its structure. */
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** A plan's revisions, newest first, and the one in force. */
export const RevisionList = z
  .object({ current: z.int(), revisions: z.array(RevisionSummary) })
  .meta({ id: 'RevisionList' });
/** A plan's revisions. */
export type RevisionList = z.infer<typeof RevisionList>;

/** One revision with the structure it fixed and what it changed from the one before. */
export const RevisionDetail = RevisionSummary.extend({
  structure: PlanStructure,
  changes: z.array(StructureChange),
}).meta({ id: 'RevisionDetail' });
/** One revision with its structure. */
export type RevisionDetail = z.infer<typeof RevisionDetail>;

/** The changes between two revisions. */
export const RevisionDiff = z
  .object({ from: z.int(), to: z.int(), changes: z.array(StructureChange) })
  .meta({ id: 'RevisionDiff' });
/** The changes between two revisions. */
export type RevisionDiff = z.infer<typeof RevisionDiff>;

/** The draft revision of a plan: its structure, what it changes from the revision it is based on, its version. */
export const RevisionDraft = z
  .object({
    baseNumber: z.int(),
    version: z.int(),
    structure: PlanStructure,
    changes: z.array(StructureChange),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'RevisionDraft' });
/** The draft revision of a plan. */
export type RevisionDraft = z.infer<typeof RevisionDraft>;

/** Edits to apply to the draft in order, all or none; `version` (when given) must be the draft's. */
export const DraftEditsBody = z
  .object({ version: z.int().min(0).optional(), edits: z.array(PlanEdit).min(1).max(200) })
  .strict()
  .meta({ id: 'DraftEditsBody' });
/** Edits to apply to the draft. */
export type DraftEditsBody = z.infer<typeof DraftEditsBody>;

/** Adopt the draft as the next revision, with its reason (e.g. 「令和7年6月 見直し」). */
export const AdoptDraftBody = z
  .object({
    reason: Text({ max: 200 }),
    summary: Text({ max: 4000, isMultiline: true, mayBeBlank: true }).optional(),
    version: z.int().min(0).meta({ description: 'The draft version the adopter saw' }),
  })
  .strict()
  .meta({ id: 'AdoptDraftBody' });
/** Adopt the draft. */
export type AdoptDraftBody = z.infer<typeof AdoptDraftBody>;

/** A plan created from scratch (no import): its first revision (策定) has no goals or sheets yet. */
export const CreatePlanBody = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$/u, 'lower-case letters, digits and hyphens (3–80)'),
    title: Title,
    owner: Title,
    policyFields: z.array(PolicyFieldCode).max(20),
    horizon: Horizon,
  })
  .strict()
  .meta({ id: 'CreatePlanBody' });
/** A plan created from scratch. */
export type CreatePlanBody = z.infer<typeof CreatePlanBody>;
