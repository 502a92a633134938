import { fiscalYearEnd, fiscalYearStart } from '../calendar/fiscal-year.js';
import { parsePeriod } from '../calendar/parse-period.js';
import type { ErrorDetail } from '../model/errors.js';
import type { Id, PeriodValue } from '../model/entities.js';
import type { PlanEdit, PointInput, SplitPart } from './edits.js';
import { checkKpi } from './kpi-rules.js';
import { applyBudgetEdit } from './budget.js';
import {
  ENTITY_KIND_JA as KIND_JA,
  liveNodes,
  type EntityKind,
  type KpiNode,
  type MeasureNode,
  type Node,
  type PlanStructure,
  type StructurePoint,
} from './structure.js';

/** What an edit is checked against besides the structure: the ministry codes that exist. */
export interface EditContext {
  ministries: ReadonlySet<string>;
}

/** The structure after the edit, or every field the edit gets wrong (path into the edit, reason). */
export type EditResult = { ok: true; structure: PlanStructure } | { ok: false; errors: ErrorDetail[] };

/** A period as an edit names it, read once; an error names the field. */
export function readPeriod(label: string, path: string, errors: ErrorDetail[]): PeriodValue | null {
  const parsed = parsePeriod(label);
  if (!parsed.ok) {
    errors.push({
      path,
      message: `"${label}" is not a period: ${parsed.error.message}`,
      ja: `「${label}」は期間として読めません（例: 2025年度、2024年度末、R7）`,
    });
    return null;
  }
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label: label.trim() };
}

function readPoint(input: PointInput | null, path: string, errors: ErrorDetail[]): StructurePoint | null {
  if (input === null) return null;
  const period = readPeriod(input.period, `${path}.period`, errors);
  return period && { value: input.value, period };
}

/**
 * Apply one edit to a draft structure. Pure: the structure given is not changed. Refuses an edit naming an
 * entity that does not exist (or is retired), a period kotei cannot read or outside the plan's horizon, a target
 * not after its baseline, a unit the KPI's shape does not allow, and a ministry that does not exist.
 */
export function applyEdit(structure: PlanStructure, edit: PlanEdit, context: EditContext): EditResult {
  const next: PlanStructure = structuredClone(structure);
  const errors: ErrorDetail[] = [];
  new EditApplier(next, context, errors).apply(edit);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, structure: next };
}

class EditApplier {
  constructor(
    private readonly s: PlanStructure,
    private readonly context: EditContext,
    private readonly errors: ErrorDetail[],
  ) {}

  apply(edit: PlanEdit): void {
    switch (edit.op) {
      case 'plan.update': {
        this.updatePlan(edit);
        return;
      }
      case 'goal.add':
      case 'sheet.add': {
        this.addNumbered(edit.op === 'goal.add' ? 'goal' : 'sheet', edit.id, edit.number, edit.title);
        return;
      }
      case 'goal.update':
      case 'sheet.update': {
        const node = this.find(edit.op === 'goal.update' ? 'goal' : 'sheet', edit.id, 'id');
        if (node) node.title = this.text(edit.title, 'title');
        return;
      }
      case 'measure.add': {
        this.addMeasure(edit);
        return;
      }
      case 'measure.update': {
        this.updateMeasure(edit);
        return;
      }
      case 'measure.move': {
        const measure = this.find('measure', edit.id, 'id');
        if (measure && this.find('sheet', edit.sheetId, 'sheetId')) {
          measure.sheetId = edit.sheetId;
          measure.order = this.nextOrder(this.s.measures.filter((m) => m.sheetId === edit.sheetId));
        }
        return;
      }
      case 'measure.split': {
        this.split(edit.id, edit.parts);
        return;
      }
      case 'measure.merge': {
        this.mergeMeasure(edit.id, edit.into);
        return;
      }
      case 'phase.add': {
        this.addPhase(edit);
        return;
      }
      case 'phase.update':
      case 'phase.move': {
        this.updatePhase(edit);
        return;
      }
      case 'kpi.add': {
        this.addKpi(edit);
        return;
      }
      case 'kpi.update': {
        this.updateKpi(edit);
        return;
      }
      case 'kpi.merge': {
        this.mergeKpi(edit.id, edit.into);
        return;
      }
      case 'reorder': {
        this.reorder(edit.kind, edit.id, edit.order);
        return;
      }
      case 'retire': {
        this.retire(edit.kind, edit.id);
        return;
      }
      case 'budget.add':
      case 'budget.update':
      case 'budget.retire': {
        applyBudgetEdit(this.s, edit, this.context.ministries, this.errors);
        return;
      }
    }
  }

  private list(kind: EntityKind): Node[] {
    const lists = {
      goal: this.s.goals,
      sheet: this.s.sheets,
      measure: this.s.measures,
      phase: this.s.phases,
      kpi: this.s.kpis,
    };
    return lists[kind];
  }

  private find(kind: 'goal' | 'sheet', id: Id, path: string): (Node & { title: string }) | null;
  private find(kind: 'measure', id: Id, path: string): MeasureNode | null;
  private find(kind: 'phase', id: Id, path: string): PlanStructure['phases'][number] | null;
  private find(kind: 'kpi', id: Id, path: string): KpiNode | null;
  private find(kind: EntityKind, id: Id, path: string): Node | null;
  private find(kind: EntityKind, id: Id, path: string): Node | null {
    const node = this.list(kind).find((n) => n.id === id);
    if (node === undefined || node.retired) {
      this.errors.push({
        path,
        message: `no ${kind} ${id} in the plan${node ? ' (it is retired)' : ''}`,
        ja: `この計画に該当する${KIND_JA[kind]}がありません${node ? '（廃止済み）' : ''}`,
      });
      return null;
    }
    return node;
  }

  private fresh(kind: EntityKind, id: Id, path = 'id'): boolean {
    if (this.list(kind).some((n) => n.id === id)) {
      this.errors.push({
        path,
        message: `a ${kind} with id ${id} already exists`,
        ja: `同じIDの${KIND_JA[kind]}がすでにあります`,
      });
      return false;
    }
    return true;
  }

  private text(value: string, path: string): string {
    const trimmed = value.trim();
    if (trimmed === '') this.errors.push({ path, message: 'must not be empty', ja: '入力してください' });
    return trimmed;
  }

  private nextOrder(nodes: readonly Node[]): number {
    return nodes.reduce((max, n) => Math.max(max, n.order + 1), 0);
  }

  private checkMinistries(codes: readonly string[], path: string): string[] {
    codes.forEach((code, i) => {
      if (!this.context.ministries.has(code))
        this.errors.push({
          path: `${path}[${i}]`,
          message: `no ministry "${code}"`,
          ja: `「${code}」という府省庁はありません`,
        });
    });
    if (codes.length === 0)
      this.errors.push({
        path,
        message: 'a measure has at least one ministry',
        ja: '施策には担当府省庁が1つ以上必要です',
      });
    return [...new Set(codes)];
  }

  private period(label: string, path: string): PeriodValue | null {
    const period = readPeriod(label, path, this.errors);
    const horizon = this.s.plan.horizon;
    if (period && horizon) {
      const end = period.end ?? period.start;
      if (period.start < fiscalYearStart(horizon.from) || end > fiscalYearEnd(horizon.to))
        this.errors.push({
          path,
          message: `${period.label} is outside the plan's horizon (${horizon.from}–${horizon.to}年度)`,
          ja: `${period.label}は計画期間（${horizon.from}～${horizon.to}年度）の外です`,
        });
    }
    return period;
  }

  private updatePlan(edit: Extract<PlanEdit, { op: 'plan.update' }>): void {
    if (edit.title !== undefined) this.s.plan.title = this.text(edit.title, 'title');
    if (edit.owner !== undefined) this.s.plan.owner = this.text(edit.owner, 'owner');
    if (edit.horizon !== undefined) {
      if (edit.horizon && edit.horizon.to < edit.horizon.from)
        this.errors.push({
          path: 'horizon.to',
          message: 'the horizon ends before it starts',
          ja: '計画期間の終わりが始まりより前です',
        });
      this.s.plan.horizon = edit.horizon;
    }
  }

  private addNumbered(kind: 'goal' | 'sheet', id: Id, number: number, title: string): void {
    const list = kind === 'goal' ? this.s.goals : this.s.sheets;
    if (!this.fresh(kind, id)) return;
    if (list.some((n) => n.number === number && !n.retired))
      this.errors.push({
        path: 'number',
        message: `${kind} ${number} already exists`,
        ja: `${KIND_JA[kind]}${number}はすでにあります`,
      });
    list.push({ id, number, title: this.text(title, 'title'), order: this.nextOrder(list), retired: false });
  }

  private addMeasure(edit: Extract<PlanEdit, { op: 'measure.add' }>): void {
    if (!this.fresh('measure', edit.id) || !this.find('sheet', edit.sheetId, 'sheetId')) return;
    this.s.measures.push({
      id: edit.id,
      sheetId: edit.sheetId,
      title: this.text(edit.title, 'title'),
      ministries: this.checkMinistries(edit.ministries, 'ministries'),
      order: this.nextOrder(this.s.measures.filter((m) => m.sheetId === edit.sheetId)),
      retired: false,
      mergedInto: null,
      splitFrom: null,
    });
  }

  private updateMeasure(edit: Extract<PlanEdit, { op: 'measure.update' }>): void {
    const measure = this.find('measure', edit.id, 'id');
    if (!measure) return;
    if (edit.title !== undefined) measure.title = this.text(edit.title, 'title');
    if (edit.ministries !== undefined)
      measure.ministries = this.checkMinistries(edit.ministries, 'ministries');
  }

  private split(id: Id, parts: SplitPart[]): void {
    const measure = this.find('measure', id, 'id');
    if (!measure) return;
    if (parts.length < 2)
      this.errors.push({
        path: 'parts',
        message: 'a split makes at least two measures',
        ja: '分割では2つ以上の施策に分けてください',
      });
    const kpiIds = new Set(this.s.kpis.filter((k) => k.measureId === id && !k.retired).map((k) => k.id));
    const phaseIds = new Set(this.s.phases.filter((p) => p.measureId === id && !p.retired).map((p) => p.id));
    parts.forEach((part, i) => {
      const path = `parts[${i}]`;
      if (i === 0 && part.id !== id)
        this.errors.push({
          path: `${path}.id`,
          message: 'the first part keeps the measure id',
          ja: '分割後の最初の施策は元の施策のIDを引き継ぎます',
        });
      if (i > 0) this.fresh('measure', part.id, `${path}.id`);
      const title = this.text(part.title, `${path}.title`);
      const ministries = this.checkMinistries(part.ministries, `${path}.ministries`);
      this.claim(part.kpiIds, kpiIds, `${path}.kpiIds`);
      this.claim(part.phaseIds, phaseIds, `${path}.phaseIds`);
      if (i === 0) {
        Object.assign(measure, { title, ministries });
        return;
      }
      const order = measure.order + i;
      this.s.measures.push({ ...measure, id: part.id, title, ministries, order, splitFrom: id });
      for (const kpi of this.s.kpis) if (part.kpiIds.includes(kpi.id)) kpi.measureId = part.id;
      for (const phase of this.s.phases) if (part.phaseIds.includes(phase.id)) phase.measureId = part.id;
    });
    for (const m of this.s.measures)
      if (m.sheetId === measure.sheetId && m.order > measure.order && m.splitFrom !== id)
        m.order += parts.length - 1;
  }

  // Each KPI or phase of the split measure goes to one part; one not listed stays with the first part.
  private claim(ids: readonly Id[], open: Set<Id>, path: string): void {
    ids.forEach((id, i) => {
      if (!open.delete(id))
        this.errors.push({
          path: `${path}[${i}]`,
          message: `${id} is not the measure's, or is listed twice`,
          ja: 'この施策のものではないか、二重に指定されています',
        });
    });
  }

  private mergeMeasure(id: Id, into: Id): void {
    const from = this.find('measure', id, 'id');
    const to = this.find('measure', into, 'into');
    if (!from || !to) return;
    if (id === into)
      return void this.errors.push({
        path: 'into',
        message: 'a measure is not merged into itself',
        ja: '施策をそれ自身に統合することはできません',
      });
    from.retired = true;
    from.mergedInto = into;
    to.ministries = [...new Set([...to.ministries, ...from.ministries])];
    let kpiOrder = this.nextOrder(this.s.kpis.filter((k) => k.measureId === into));
    let phaseOrder = this.nextOrder(this.s.phases.filter((p) => p.measureId === into));
    for (const kpi of this.s.kpis)
      if (kpi.measureId === id) Object.assign(kpi, { measureId: into, order: kpiOrder++ });
    for (const phase of this.s.phases)
      if (phase.measureId === id) Object.assign(phase, { measureId: into, order: phaseOrder++ });
  }

  private addPhase(edit: Extract<PlanEdit, { op: 'phase.add' }>): void {
    if (!this.fresh('phase', edit.id) || !this.find('measure', edit.measureId, 'measureId')) return;
    const period = this.period(edit.period, 'period');
    const siblings = this.s.phases.filter((p) => p.measureId === edit.measureId);
    if (period)
      this.s.phases.push({
        id: edit.id,
        measureId: edit.measureId,
        text: this.text(edit.text, 'text'),
        period,
        order: this.nextOrder(siblings),
        retired: false,
      });
  }

  private updatePhase(edit: Extract<PlanEdit, { op: 'phase.update' | 'phase.move' }>): void {
    const phase = this.find('phase', edit.id, 'id');
    if (!phase) return;
    if ('text' in edit && edit.text !== undefined) phase.text = this.text(edit.text, 'text');
    if (edit.period !== undefined) {
      const period = this.period(edit.period, 'period');
      if (period) phase.period = period;
    }
  }

  private addKpi(edit: Extract<PlanEdit, { op: 'kpi.add' }>): void {
    if (!this.fresh('kpi', edit.id)) return;
    if ((edit.measureId === null) === (edit.goalId === null))
      return void this.errors.push({
        path: 'measureId',
        message: 'a KPI belongs to one measure or one goal',
        ja: 'KPIは1つの施策か1つの戦略目標に属します',
      });
    if (edit.measureId !== null && !this.find('measure', edit.measureId, 'measureId')) return;
    if (edit.goalId !== null && !this.find('goal', edit.goalId, 'goalId')) return;
    const siblings = this.s.kpis.filter((k) => k.measureId === edit.measureId && k.goalId === edit.goalId);
    const kpi: KpiNode = {
      id: edit.id,
      level: edit.measureId === null ? 'outcome' : 'output',
      measureId: edit.measureId,
      goalId: edit.goalId,
      name: this.text(edit.name, 'name'),
      unit: edit.unit.trim(),
      shape: edit.shape,
      direction: edit.direction,
      baseline: readPoint(edit.baseline, 'baseline', this.errors),
      target: readPoint(edit.target, 'target', this.errors),
      order: this.nextOrder(siblings),
      retired: false,
      mergedInto: null,
    };
    this.errors.push(...checkKpi(kpi));
    this.s.kpis.push(kpi);
  }

  private updateKpi(edit: Extract<PlanEdit, { op: 'kpi.update' }>): void {
    const kpi = this.find('kpi', edit.id, 'id');
    if (!kpi) return;
    if (edit.name !== undefined) kpi.name = this.text(edit.name, 'name');
    if (edit.unit !== undefined) kpi.unit = edit.unit.trim();
    if (edit.shape !== undefined) kpi.shape = edit.shape;
    if (edit.direction !== undefined) kpi.direction = edit.direction;
    if (edit.baseline !== undefined) kpi.baseline = readPoint(edit.baseline, 'baseline', this.errors);
    if (edit.target !== undefined) kpi.target = readPoint(edit.target, 'target', this.errors);
    const edited = {
      unitOrShape: edit.unit !== undefined || edit.shape !== undefined,
      points: edit.baseline !== undefined || edit.target !== undefined || edit.shape !== undefined,
    };
    if (this.errors.length === 0) this.errors.push(...checkKpi(kpi, edited));
  }

  private mergeKpi(id: Id, into: Id): void {
    const from = this.find('kpi', id, 'id');
    const to = this.find('kpi', into, 'into');
    if (!from || !to) return;
    if (id === into)
      return void this.errors.push({
        path: 'into',
        message: 'a KPI is not merged into itself',
        ja: 'KPIをそれ自身に統合することはできません',
      });
    if (from.unit !== to.unit)
      this.errors.push({
        path: 'into',
        message: `the units differ (${from.unit} and ${to.unit})`,
        ja: `単位が異なります（${from.unit}と${to.unit}）`,
      });
    from.retired = true;
    from.mergedInto = into;
  }

  private reorder(kind: EntityKind, id: Id, order: number): void {
    const node = this.find(kind, id, 'id');
    if (!node) return;
    const siblings = liveNodes(this.siblingsOf(kind, node)).filter((n) => n.id !== id);
    const at = Math.max(0, Math.min(order, siblings.length));
    siblings.splice(at, 0, node);
    siblings.forEach((n, i) => (n.order = i));
  }

  private siblingsOf(kind: EntityKind, node: Node): Node[] {
    if (kind === 'measure') return this.s.measures.filter((m) => m.sheetId === (node as MeasureNode).sheetId);
    if (kind === 'phase') {
      const measureId = (node as PlanStructure['phases'][number]).measureId;
      return this.s.phases.filter((p) => p.measureId === measureId);
    }
    if (kind === 'kpi') {
      const { measureId, goalId } = node as KpiNode;
      return this.s.kpis.filter((k) => k.measureId === measureId && k.goalId === goalId);
    }
    return this.list(kind);
  }

  private retire(kind: EntityKind, id: Id): void {
    const node = this.find(kind, id, 'id');
    if (!node) return;
    if (kind === 'sheet' && this.s.measures.some((m) => m.sheetId === id && !m.retired))
      return void this.errors.push({
        path: 'id',
        message: 'the sheet still has measures: move or retire them',
        ja: 'この工程表にはまだ施策があります。移動するか廃止してください',
      });
    node.retired = true;
  }
}
