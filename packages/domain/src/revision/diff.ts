import type { Id } from '../model/entities.js';
import {
  ENTITY_KIND_JA,
  type EntityKind,
  type GoalNode,
  type KpiNode,
  type MeasureNode,
  type Node,
  type PhaseNode,
  type PlanStructure,
  type SheetNode,
  type StructurePoint,
} from './structure.js';
import { diffBudgets } from './budget.js';

/** What changed of one entity, in the policy's own words. */
export type ChangeKind =
  | 'added'
  | 'retired'
  | 'renamed'
  | 'target'
  | 'baseline'
  | 'unit'
  | 'shape'
  | 'direction'
  | 'period'
  | 'text'
  | 'moved'
  | 'split'
  | 'merged'
  | 'ministries'
  | 'reordered'
  | 'horizon'
  | 'amount'
  | 'fiscalYear'
  | 'budgetType';

/** One change between two structures, placed on its sheet and measure (or goal), worded in Japanese and English. */
export interface StructureChange {
  entity: EntityKind | 'plan' | 'budget';
  entityId: Id | null;
  kind: ChangeKind;
  /** Where the change is shown: the sheet and measure (a KPI, phase or measure), or the goal (an outcome). */
  sheetId: Id | null;
  measureId: Id | null;
  goalId: Id | null;
  /** The entity's name as it reads after the change (before, for a retired one). */
  name: string;
  before: string | null;
  after: string | null;
  ja: string;
  en: string;
}

/** A value with its unit as the documents write it: 100件, 2倍, 80%. */
function valueText(point: StructurePoint | null, unit: string): string {
  if (point === null) return '—';
  return point.value === null ? point.period.label : `${point.value.toLocaleString('ja-JP')}${unit}`;
}

function pointText(point: StructurePoint | null, unit: string, withPeriod: boolean): string {
  if (point === null || !withPeriod) return valueText(point, unit);
  return `${valueText(point, unit)}（${point.period.label}）`;
}

function samePoint(a: StructurePoint | null, b: StructurePoint | null): boolean {
  if (a === null || b === null) return a === b;
  return a.value === b.value && a.period.start === b.period.start && a.period.end === b.period.end;
}

/**
 * The changes from structure `a` to structure `b` (two revisions, or a revision and its draft), entity by entity
 * through their stable ids, in the policy's own words: 「目標値 100件 → 150件」, 「工程を2024年度末から2025年度へ移動」,
 * 「施策を2つに分割」, 「KPIを廃止」. Linear in the size of the structures.
 */
export function diffStructures(a: PlanStructure, b: PlanStructure): StructureChange[] {
  return new Differ(a, b).run();
}

class Differ {
  private readonly changes: StructureChange[] = [];
  private readonly measuresA: Map<Id, MeasureNode>;
  private readonly measuresB: Map<Id, MeasureNode>;
  private readonly sheetsB: Map<Id, SheetNode>;
  private readonly sheetsA: Map<Id, SheetNode>;
  // A measure's place among the measures of its sheet live in both structures: a measure added, split off or
  // retired before it moves it without anyone reordering it.
  private readonly ranks: { a: Map<Id, number>; b: Map<Id, number> };

  constructor(
    private readonly a: PlanStructure,
    private readonly b: PlanStructure,
  ) {
    this.measuresA = byId(a.measures);
    this.measuresB = byId(b.measures);
    this.sheetsA = byId(a.sheets);
    this.sheetsB = byId(b.sheets);
    const common = (m: MeasureNode, other: Map<Id, MeasureNode>): boolean => {
      const twin = other.get(m.id);
      return !m.retired && twin !== undefined && !twin.retired && twin.sheetId === m.sheetId;
    };
    this.ranks = {
      a: ranks(a.measures.filter((m) => common(m, this.measuresB))),
      b: ranks(b.measures.filter((m) => common(m, this.measuresA))),
    };
  }

  run(): StructureChange[] {
    this.plan();
    this.pairs(this.a.goals, this.b.goals, (x, y) => {
      this.numbered('goal', x, y);
    });
    this.pairs(this.a.sheets, this.b.sheets, (x, y) => {
      this.numbered('sheet', x, y);
    });
    this.pairs(this.a.measures, this.b.measures, (x, y) => {
      this.measure(x, y);
    });
    this.pairs(this.a.phases, this.b.phases, (x, y) => {
      this.phase(x, y);
    });
    this.pairs(this.a.kpis, this.b.kpis, (x, y) => {
      this.kpi(x, y);
    });
    this.changes.push(...diffBudgets(this.a, this.b, (id) => this.measureAt(id)));
    return this.changes;
  }

  private pairs<T extends Node>(xs: T[], ys: T[], visit: (x: T | undefined, y: T) => void): void {
    const before = byId(xs);
    for (const y of ys) visit(before.get(y.id), y);
  }

  private add(
    change: Omit<StructureChange, 'before' | 'after' | 'sheetId' | 'measureId' | 'goalId'> &
      Partial<StructureChange>,
  ): void {
    this.changes.push({ before: null, after: null, sheetId: null, measureId: null, goalId: null, ...change });
  }

  private lifecycle(
    kind: EntityKind,
    x: Node | undefined,
    y: Node,
    at: Partial<StructureChange>,
    name: string,
  ): boolean {
    if ((x === undefined || x.retired) && !y.retired) {
      if (x === undefined && kind === 'measure' && (y as MeasureNode).splitFrom !== null) return true;
      this.add({
        entity: kind,
        entityId: y.id,
        kind: 'added',
        name,
        ...at,
        ja: `${ENTITY_KIND_JA[kind]}を追加`,
        en: `${kind} added`,
      });
      return true;
    }
    if (x === undefined || y.retired) {
      if (x !== undefined && !x.retired) this.retired(kind, y, at, name);
      return true;
    }
    return false;
  }

  private retired(kind: EntityKind, y: Node, at: Partial<StructureChange>, name: string): void {
    const into = (y as Partial<MeasureNode>).mergedInto ?? null;
    if (into !== null) {
      const target =
        kind === 'measure' ? this.measuresB.get(into)?.title : this.b.kpis.find((k) => k.id === into)?.name;
      const label = target ?? into;
      this.add({
        entity: kind,
        entityId: y.id,
        kind: 'merged',
        name,
        ...at,
        after: label,
        ja: `${ENTITY_KIND_JA[kind]}を「${label}」に統合`,
        en: `${kind} merged into "${label}"`,
      });
      return;
    }
    this.add({
      entity: kind,
      entityId: y.id,
      kind: 'retired',
      name,
      ...at,
      ja: `${ENTITY_KIND_JA[kind]}を廃止`,
      en: `${kind} retired`,
    });
  }

  private plan(): void {
    const [x, y] = [this.a.plan, this.b.plan];
    if (x.title !== y.title) this.renamed('plan', null, {}, x.title, y.title);
    const h = (p: typeof x): string => (p.horizon ? `${p.horizon.from}～${p.horizon.to}年度` : '—');
    if (h(x) !== h(y))
      this.add({
        entity: 'plan',
        entityId: null,
        kind: 'horizon',
        name: y.title,
        before: h(x),
        after: h(y),
        ja: `計画期間 ${h(x)} → ${h(y)}`,
        en: `Horizon ${h(x)} → ${h(y)}`,
      });
  }

  private renamed(
    entity: EntityKind | 'plan',
    id: Id | null,
    at: Partial<StructureChange>,
    before: string,
    after: string,
  ): void {
    this.add({
      entity,
      entityId: id,
      kind: 'renamed',
      name: after,
      ...at,
      before,
      after,
      ja: `名称を変更 「${before}」→「${after}」`,
      en: `Renamed "${before}" → "${after}"`,
    });
  }

  private numbered(
    kind: 'goal' | 'sheet',
    x: GoalNode | SheetNode | undefined,
    y: GoalNode | SheetNode,
  ): void {
    const at = kind === 'goal' ? { goalId: y.id } : { sheetId: y.id };
    if (this.lifecycle(kind, x, y, at, y.title) || x === undefined) return;
    if (x.title !== y.title) this.renamed(kind, y.id, at, x.title, y.title);
  }

  private measure(x: MeasureNode | undefined, y: MeasureNode): void {
    const at = { sheetId: y.sheetId, measureId: y.id };
    if (this.lifecycle('measure', x, y, at, y.title) || x === undefined) return;
    const parts = this.b.measures.filter((m) => m.splitFrom === y.id && !this.measuresA.has(m.id));
    if (parts.length > 0) {
      const titles = parts.map((m) => `「${m.title}」`).join('');
      this.add({
        entity: 'measure',
        entityId: y.id,
        kind: 'split',
        name: y.title,
        ...at,
        before: x.title,
        after: [y.title, ...parts.map((m) => m.title)].join(' / '),
        ja: `施策を${parts.length + 1}つに分割（${titles}を新設、元の施策は「${y.title}」として継続）`,
        en: `Measure split into ${parts.length + 1} (new: ${parts.map((m) => `"${m.title}"`).join(', ')}; the original continues as "${y.title}")`,
      });
    }
    if (x.title !== y.title && parts.length === 0) this.renamed('measure', y.id, at, x.title, y.title);
    const [mx, my] = [x.ministries.join('・'), y.ministries.join('・')];
    if (mx !== my)
      this.add({
        entity: 'measure',
        entityId: y.id,
        kind: 'ministries',
        name: y.title,
        ...at,
        before: mx,
        after: my,
        ja: `担当府省庁 ${mx} → ${my}`,
        en: `Ministries ${mx} → ${my}`,
      });
    if (x.sheetId !== y.sheetId) {
      const [from, to] = [this.sheetsA.get(x.sheetId), this.sheetsB.get(y.sheetId)];
      const [f, t] = [from ? `工程表${from.number}` : x.sheetId, to ? `工程表${to.number}` : y.sheetId];
      this.add({
        entity: 'measure',
        entityId: y.id,
        kind: 'moved',
        name: y.title,
        ...at,
        before: f,
        after: t,
        ja: `施策を${f}から${t}へ移動`,
        en: `Measure moved from sheet ${from?.number ?? f} to sheet ${to?.number ?? t}`,
      });
    } else {
      const [from, to] = [this.ranks.a.get(y.id), this.ranks.b.get(y.id)];
      if (from !== undefined && to !== undefined && from !== to)
        this.add({
          entity: 'measure',
          entityId: y.id,
          kind: 'reordered',
          name: y.title,
          ...at,
          before: String(from + 1),
          after: String(to + 1),
          ja: `並び順 ${from + 1} → ${to + 1}`,
          en: `Order ${from + 1} → ${to + 1}`,
        });
    }
  }

  private measureAt(measureId: Id | null): Partial<StructureChange> {
    if (measureId === null) return {};
    const measure = this.measuresB.get(measureId) ?? this.measuresA.get(measureId);
    return { measureId, sheetId: measure?.sheetId ?? null };
  }

  private owner(x: PhaseNode | KpiNode, y: PhaseNode | KpiNode, entity: 'phase' | 'kpi', name: string): void {
    if (x.measureId === y.measureId || y.measureId === null) return;
    const to = this.measuresB.get(y.measureId)?.title ?? y.measureId;
    const word = entity === 'kpi' ? 'KPI' : '工程';
    this.add({
      entity,
      entityId: y.id,
      kind: 'moved',
      name,
      ...this.measureAt(y.measureId),
      before: x.measureId === null ? null : (this.measuresA.get(x.measureId)?.title ?? x.measureId),
      after: to,
      ja: `${word}を施策「${to}」へ移管`,
      en: `${entity === 'kpi' ? 'KPI' : 'Phase'} moved to measure "${to}"`,
    });
  }

  private phase(x: PhaseNode | undefined, y: PhaseNode): void {
    const at = this.measureAt(y.measureId);
    if (this.lifecycle('phase', x, y, at, y.text) || x === undefined) return;
    this.owner(x, y, 'phase', y.text);
    if (x.period.start !== y.period.start || x.period.end !== y.period.end)
      this.add({
        entity: 'phase',
        entityId: y.id,
        kind: 'period',
        name: y.text,
        ...at,
        before: x.period.label,
        after: y.period.label,
        ja: `工程を${x.period.label}から${y.period.label}へ移動`,
        en: `Phase moved from ${x.period.label} to ${y.period.label}`,
      });
    if (x.text !== y.text)
      this.add({
        entity: 'phase',
        entityId: y.id,
        kind: 'text',
        name: y.text,
        ...at,
        before: x.text,
        after: y.text,
        ja: `工程の内容を変更 「${x.text}」→「${y.text}」`,
        en: `Phase text "${x.text}" → "${y.text}"`,
      });
  }

  private kpi(x: KpiNode | undefined, y: KpiNode): void {
    const at = y.goalId !== null ? { goalId: y.goalId } : this.measureAt(y.measureId);
    if (this.lifecycle('kpi', x, y, at, y.name) || x === undefined) return;
    this.owner(x, y, 'kpi', y.name);
    if (x.name !== y.name) this.renamed('kpi', y.id, at, x.name, y.name);
    if (x.unit !== y.unit)
      this.add({
        entity: 'kpi',
        entityId: y.id,
        kind: 'unit',
        name: y.name,
        ...at,
        before: x.unit,
        after: y.unit,
        ja: `単位 ${x.unit || '—'} → ${y.unit || '—'}`,
        en: `Unit ${x.unit || '—'} → ${y.unit || '—'}`,
      });
    for (const [key, ja, en] of [
      ['baseline', '基準値', 'Baseline'],
      ['target', '目標値', 'Target'],
    ] as const) {
      const [p, q] = [x[key], y[key]];
      if (samePoint(p, q)) continue;
      const withPeriod = p === null || q === null || p.period.label !== q.period.label;
      const [before, after] = [pointText(p, x.unit, withPeriod), pointText(q, y.unit, withPeriod)];
      this.add({
        entity: 'kpi',
        entityId: y.id,
        kind: key,
        name: y.name,
        ...at,
        before,
        after,
        ja: `${ja} ${before} → ${after}`,
        en: `${en} ${before} → ${after}`,
      });
    }
    for (const key of ['shape', 'direction'] as const)
      if (x[key] !== y[key])
        this.add({
          entity: 'kpi',
          entityId: y.id,
          kind: key,
          name: y.name,
          ...at,
          before: x[key],
          after: y[key],
          ja: `${key === 'shape' ? '判定の型' : '方向'} ${x[key]} → ${y[key]}`,
          en: `${key} ${x[key]} → ${y[key]}`,
        });
  }
}

function byId<T extends Node>(nodes: readonly T[]): Map<Id, T> {
  return new Map(nodes.map((n) => [n.id, n]));
}

function ranks(measures: MeasureNode[]): Map<Id, number> {
  const out = new Map<Id, number>();
  const bySheet = new Map<Id, MeasureNode[]>();
  for (const m of measures) bySheet.set(m.sheetId, [...(bySheet.get(m.sheetId) ?? []), m]);
  for (const list of bySheet.values())
    list.sort((x, y) => x.order - y.order).forEach((m, i) => out.set(m.id, i));
  return out;
}
