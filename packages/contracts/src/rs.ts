import { z } from 'zod';
import { Id } from './common.js';

// The RS system's (行政事業レビュー) open data as a plan shows it: each budget project (該当事業) with the RS
// projects a coordinator linked to it (budget and execution per fiscal year, the logic model with its targets
// and actuals, the evaluation) and the suggestions not yet decided. Amounts are yen.

const Yen = z.number().nullable();

/** One 予算年度 of an RS project (2-1 summary row). */
export const RsBudgetYear = z
  .object({
    budgetYear: z.int(),
    initial: Yen,
    supplementary: Yen,
    carriedIn: Yen,
    reserve: Yen,
    total: Yen,
    executed: Yen,
    executionRate: z.number().nullable().meta({ description: '執行率 as a fraction (0.83686)' }),
  })
  .meta({ id: 'RsBudgetYear' });

/** An activity, output or outcome of the RS logic model, with its targets and actuals per year as written. */
export const RsNode = z
  .object({
    nodeType: z.string().meta({ description: 'アクティビティ, アウトプット or アウトカム' }),
    number: z.int(),
    period: z.string().nullable(),
    goal: z.string().nullable(),
    indicator: z.string().nullable(),
    unit: z.string().nullable(),
    targetYears: z.array(z.int()),
    years: z.array(
      z.object({
        year: z.int(),
        target: z.string().nullable(),
        actual: z.string().nullable(),
        achievement: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'RsNode' });

/** An edge of the logic model. */
export const RsEdge = z
  .object({
    fromType: z.string(),
    fromNumber: z.int(),
    toType: z.string(),
    toNumber: z.int(),
    explanation: z.string().nullable(),
  })
  .meta({ id: 'RsEdge' });

/** An RS project, from its latest sheet year. */
export const RsProject = z
  .object({
    rsId: z.int().meta({ description: '予算事業ID' }),
    sheetYear: z.int().meta({ description: '事業年度 of the sheet shown' }),
    name: z.string(),
    ministry: z.string(),
    unit: z.string(),
    url: z.string().nullable(),
    purpose: z.string().nullable(),
    budgetYears: z.array(RsBudgetYear),
    nodes: z.array(RsNode),
    edges: z.array(RsEdge),
    evaluation: z
      .object({
        selfCheck: z.string().nullable(),
        direction: z.string().nullable(),
        teamFinding: z.string().nullable(),
        teamFindingDetail: z.string().nullable(),
        reflection: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'RsProject' });
/** An RS project with its budget, logic model and evaluation. */
export type RsProject = z.infer<typeof RsProject>;

/** An RS project the matcher proposes for a budget project. */
export const RsSuggestion = z
  .object({
    rsId: z.int(),
    name: z.string(),
    ministry: z.string(),
    confidence: z.number().min(0).max(1),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'RsSuggestion' });

/** A plan's budget project with its RS links. */
export const RsBudgetProjectLinks = z
  .object({
    budgetProjectId: Id,
    name: z.string(),
    ministry: z.string().nullable(),
    measureIds: z.array(Id),
    linked: z.array(RsProject),
    suggestions: z.array(RsSuggestion),
    rejected: z.array(z.int()),
  })
  .meta({ id: 'RsBudgetProjectLinks' });

/** A plan's budget projects and their RS links, with linked budget totals per ministry and fiscal year. */
export const RsPlanLinks = z
  .object({
    projects: z.array(RsBudgetProjectLinks),
    totals: z.array(
      z.object({
        ministry: z.string(),
        budgetYear: z.int(),
        initial: z.number(),
        supplementary: z.number(),
        executed: z.number(),
      }),
    ),
  })
  .meta({ id: 'RsPlanLinks' });
/** A plan's RS links. */
export type RsPlanLinks = z.infer<typeof RsPlanLinks>;

/** A coordinator's decision: confirm a suggestion or link by hand, reject a suggestion, or undo a decision. */
export const RsLinkDecisionBody = z
  .object({
    budgetProjectId: Id,
    rsId: z.int().min(1),
    decision: z.enum(['confirm', 'reject', 'undo']),
  })
  .strict()
  .meta({ id: 'RsLinkDecisionBody' });
/** A coordinator's decision on a link. */
export type RsLinkDecisionBody = z.infer<typeof RsLinkDecisionBody>;
