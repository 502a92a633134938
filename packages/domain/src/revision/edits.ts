import type { Direction, KpiShape } from '../model/codes.js';
import type { Id } from '../model/entities.js';
import type { BudgetEdit } from './budget.js';

/** A baseline or target as an editor writes it: the value and the period's label (2024年度, R10). */
export interface PointInput {
  value: number | null;
  period: string;
}

/** One edit of a draft revision. Ids of new entities are given by the caller (the server makes UUIDs). */
export type PlanEdit =
  | { op: 'plan.update'; title?: string; owner?: string; horizon?: { from: number; to: number } | null }
  | { op: 'goal.add'; id: Id; number: number; title: string }
  | { op: 'goal.update'; id: Id; title: string }
  | { op: 'sheet.add'; id: Id; number: number; title: string }
  | { op: 'sheet.update'; id: Id; title: string }
  | { op: 'measure.add'; id: Id; sheetId: Id; title: string; ministries: string[] }
  | { op: 'measure.update'; id: Id; title?: string; ministries?: string[] }
  | { op: 'measure.move'; id: Id; sheetId: Id }
  | { op: 'measure.split'; id: Id; parts: SplitPart[] }
  | { op: 'measure.merge'; id: Id; into: Id }
  | { op: 'phase.add'; id: Id; measureId: Id; text: string; period: string }
  | { op: 'phase.update'; id: Id; text?: string; period?: string }
  | { op: 'phase.move'; id: Id; period: string }
  | {
      op: 'kpi.add';
      id: Id;
      measureId: Id | null;
      goalId: Id | null;
      name: string;
      unit: string;
      shape: KpiShape;
      direction: Direction;
      baseline: PointInput | null;
      target: PointInput | null;
    }
  | {
      op: 'kpi.update';
      id: Id;
      name?: string;
      unit?: string;
      shape?: KpiShape;
      direction?: Direction;
      baseline?: PointInput | null;
      target?: PointInput | null;
    }
  | { op: 'kpi.merge'; id: Id; into: Id }
  | { op: 'reorder'; kind: 'goal' | 'sheet' | 'measure' | 'phase' | 'kpi'; id: Id; order: number }
  | { op: 'retire'; kind: 'goal' | 'sheet' | 'measure' | 'phase' | 'kpi'; id: Id }
  | BudgetEdit;

/**
 * One part of a split measure. The first part keeps the measure's id (and so its history); the others are new
 * measures, each taking the KPIs and phases listed (their ids, and so their actuals, unchanged).
 */
export interface SplitPart {
  id: Id;
  title: string;
  ministries: string[];
  kpiIds: Id[];
  phaseIds: Id[];
}

/** The edit operations, for schemas and menus. */
export const PLAN_EDIT_OPS = [
  'plan.update',
  'goal.add',
  'goal.update',
  'sheet.add',
  'sheet.update',
  'measure.add',
  'measure.update',
  'measure.move',
  'measure.split',
  'measure.merge',
  'phase.add',
  'phase.update',
  'phase.move',
  'kpi.add',
  'kpi.update',
  'kpi.merge',
  'reorder',
  'retire',
  'budget.add',
  'budget.update',
  'budget.retire',
] as const satisfies readonly PlanEdit['op'][];
