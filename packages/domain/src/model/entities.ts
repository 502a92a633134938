import type { Breakdown } from './breakdown.js';
import type {
  BudgetType,
  Direction,
  EvaluationRating,
  KpiLevel,
  KpiShape,
  ObservationOrigin,
  PhaseStatus,
  Role,
  RoundState,
} from './codes.js';
import type { PartState } from '../cycle/round-part.js';
import { phaseStateAt, type PhaseReport } from '../cycle/phase-state.js';

/**
 * Ids are UUIDs made once and kept through every revision, so a measure or KPI can be followed across
 * follow-up rounds and plan revisions.
 */
export type Id = string;

/** Where an imported item came from: its line range in the source document and its raw text. */
export interface SourceRef {
  lineFrom: number;
  lineTo: number;
  rawText: string;
}

/**
 * A period as the documents write it, reduced to a canonical interval. `fiscalYear` is the year that stands
 * for the period (the end fiscal year of a range) and `label` keeps the original text.
 */
export interface PeriodValue {
  start: string;
  end: string | null;
  fiscalYear: number | null;
  label: string;
}

/** 政策目標と工程表: the whole document. */
export interface Plan {
  id: Id;
  slug: string;
  title: string;
  owner: string;
  adoptedOn: string | null;
  description: string;
  policyFields: string[];
  /** Marks demonstration data so nobody mistakes it for an official record. */
  isSample: boolean;
}

/** 戦略目標. */
export interface StrategicGoal {
  id: Id;
  planId: Id;
  number: number;
  title: string;
  note: string;
}

/** 工程表①…⑫: one roadmap table of a plan. */
export interface Sheet {
  id: Id;
  planId: Id;
  number: number;
  title: string;
}

/** 施策. One entity even where a sheet reposts it (再掲). */
export interface Measure {
  id: Id;
  planId: Id;
  /** The sheet that owns the measure; other sheets show it as a repost. */
  sheetId: Id;
  title: string;
  ministries: string[];
  /** Sheets that show this measure again (再掲). */
  repostedOnSheetIds: Id[];
  source: SourceRef | null;
}

/** 工程: text placed over a period; may span several period columns. */
export interface Phase {
  id: Id;
  measureId: Id;
  text: string;
  period: PeriodValue;
  /** Completion as the imported document states it (its own round's report). */
  isDone: boolean;
  /** What published rounds reported of the phase, each with its round's as-of date. */
  reports: PhaseReport[];
  source: SourceRef | null;
}

/** A value with the period it applies to. */
export interface KpiPoint {
  value: number | null;
  period: PeriodValue;
  /** The value by prefecture, sex …; `value` stays the KPI's own figure and is never their sum. */
  breakdown?: Breakdown | null;
}

/** An output KPI of a measure, or an outcome target of a strategic goal: both are judged alike. */
export interface Kpi {
  id: Id;
  planId: Id;
  level: KpiLevel;
  measureId: Id | null;
  goalId: Id | null;
  name: string;
  unit: string;
  shape: KpiShape;
  direction: Direction;
  baseline: KpiPoint | null;
  target: KpiPoint | null;
  /**
   * The line each unit must meet, for a share-meeting-bar KPI (後発品数量シェア 全都道府県で80%以上 → 80): with a
   * breakdown, the units below it are counted from the breakdown.
   */
  bar: number | null;
  note: string;
  source: SourceRef | null;
}

/** 実績: one actual of a KPI. */
export interface Observation {
  id: Id;
  kpiId: Id;
  value: number;
  period: PeriodValue;
  /** The actual by prefecture, sex …; `value` stays the KPI's own figure and is never their sum. */
  breakdown?: Breakdown | null;
  sourceNote: string;
  origin: ObservationOrigin;
  roundId: Id | null;
  source: SourceRef | null;
}

/** 該当事業. */
export interface BudgetProject {
  id: Id;
  planId: Id;
  name: string;
  ministry: string | null;
  measureIds: Id[];
  sheetIds: Id[];
  lines: BudgetLine[];
}

/** One budget of a project in one fiscal year. */
export interface BudgetLine {
  id: Id;
  /** Integer yen; 30億円 is 3,000,000,000. Null where the document gives no amount (基金事業). */
  amountYen: number | null;
  fiscalYear: number | null;
  type: BudgetType;
  /** 内数: a share of a larger budget, shown but never added to totals. */
  isPartOf: boolean;
  label: string;
}

/** フォローアップ: one reporting cycle with an as-of date. */
export interface FollowUpRound {
  id: Id;
  planId: Id;
  title: string;
  asOfDate: string;
  deadline: string | null;
  state: RoundState;
  /** A scheduled publication (embargo): the instant the round becomes public. */
  publishAt: string | null;
  /** When the round was published; null until then. */
  publishedAt: string | null;
}

/** 進捗状況 of one ministry for one measure (or sheet) in one round. */
export interface ProgressReport {
  id: Id;
  roundId: Id;
  measureId: Id | null;
  sheetId: Id | null;
  /** Null where the document tags no ministry. */
  ministry: string | null;
  state: PartState;
  bullets: ProgressBullet[];
}

/** One bullet of a progress report. */
export interface ProgressBullet {
  id: Id;
  text: string;
  ministry: string | null;
  source: SourceRef | null;
}

/** 有識者による総合評価: an expert's rating and comment on a goal or sheet in a round. */
export interface Evaluation {
  id: Id;
  roundId: Id;
  goalId: Id | null;
  sheetId: Id | null;
  evaluatorId: Id;
  rating: EvaluationRating;
  comment: string;
  createdAt: string;
}

/** 見直し: a recorded change to the plan, with its reason and the state it produced. */
export interface Revision {
  id: Id;
  planId: Id;
  number: number;
  reason: string;
  summary: string;
  createdBy: Id | null;
  createdAt: string;
}

/** One entry of the audit trail: who did what to which entity, when. */
export interface AuditEvent {
  id: Id;
  at: string;
  actorId: Id | null;
  action: string;
  entityType: string;
  entityId: Id | null;
  detail: Record<string, unknown>;
  requestId: string | null;
}

/** A person who signs in. Ministry staff carry their organisation's code. */
export interface User {
  id: Id;
  login: string;
  displayName: string;
  /**
   * The role the user holds today, from the role grant in force (担当（任期）, `userOn`); null when no grant
   * holds (an ended grant): the account then reads only what the public reads and writes nothing.
   */
  role: Role | null;
  /** The ministry the grant in force reports for (a reporter's), else null. */
  ministry: string | null;
  isActive: boolean;
}

/**
 * A phase's state at a reference date (ISO, Japan time), from the reports of published rounds (phaseStateAt). A
 * document that marks the phase done counts as a report from the start, which any later report supersedes.
 */
export function phaseStatusAt(
  phase: Pick<Phase, 'isDone' | 'period' | 'reports'>,
  referenceDate: string,
): PhaseStatus {
  const reports = phase.isDone ? [{ state: 'done' as const, asOfDate: '' }, ...phase.reports] : phase.reports;
  return phaseStateAt(phase.period, reports, referenceDate);
}
