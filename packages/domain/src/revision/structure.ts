import type { Direction, KpiLevel, KpiShape } from '../model/codes.js';
import type { Id, PeriodValue } from '../model/entities.js';
import type { BudgetNode } from './budget.js';

/**
 * The plan as a revision fixes it (見直し): what it aims at and how, without what was reported against it.
 * Every entity keeps its id through every revision, so actuals, progress and evaluations recorded before a
 * revision stay attached; an entity taken out is kept `retired`, never deleted.
 */
export interface PlanStructure {
  plan: PlanHead;
  goals: GoalNode[];
  sheets: SheetNode[];
  measures: MeasureNode[];
  phases: PhaseNode[];
  kpis: KpiNode[];
  /** 該当事業; absent from structures kept before revisions held budget projects. */
  budgets?: BudgetNode[];
}

/** The plan's own fields. The horizon (fiscal years, inclusive) bounds every phase; null where none is set. */
export interface PlanHead {
  title: string;
  owner: string;
  policyFields: string[];
  horizon: { from: number; to: number } | null;
}

/** Fields every entity of a structure has. */
export interface Node {
  id: Id;
  /** Position among its siblings, from 0. */
  order: number;
  retired: boolean;
}

/** 戦略目標. */
export interface GoalNode extends Node {
  number: number;
  title: string;
}

/** 工程表. */
export interface SheetNode extends Node {
  number: number;
  title: string;
}

/** 施策: on its sheet, with its responsible ministries. */
export interface MeasureNode extends Node {
  sheetId: Id;
  title: string;
  ministries: string[];
  /** Another measure this one was merged into: its history stays under its own id. */
  mergedInto: Id | null;
  /** The measure this one was split from (the original id stays with the first part). */
  splitFrom: Id | null;
}

/** 工程: text over a period. */
export interface PhaseNode extends Node {
  measureId: Id;
  text: string;
  period: PeriodValue;
}

/** A baseline or target: a value (null for a qualitative one) with its period. */
export interface StructurePoint {
  value: number | null;
  period: PeriodValue;
}

/** An output KPI of a measure or an outcome target of a goal. */
export interface KpiNode extends Node {
  level: KpiLevel;
  measureId: Id | null;
  goalId: Id | null;
  name: string;
  unit: string;
  shape: KpiShape;
  direction: Direction;
  baseline: StructurePoint | null;
  target: StructurePoint | null;
  mergedInto: Id | null;
}

/** The kinds of entity a structure holds. */
export type EntityKind = 'goal' | 'sheet' | 'measure' | 'phase' | 'kpi';

/** Live (not retired) entities, in order. */
export function liveNodes<T extends Node>(nodes: readonly T[]): T[] {
  return nodes.filter((n) => !n.retired).sort((a, b) => a.order - b.order);
}

/** A structure with nothing in it: a plan created from scratch before its first edit. */
export function emptyStructure(plan: PlanHead): PlanStructure {
  return { plan, goals: [], sheets: [], measures: [], phases: [], kpis: [], budgets: [] };
}

/** Each kind of entity as the policy's documents name it. */
export const ENTITY_KIND_JA: Record<EntityKind, string> = {
  goal: '戦略目標',
  sheet: '工程表',
  measure: '施策',
  phase: '工程',
  kpi: 'KPI',
};
