import { DomainError, normalizeText, parsePeriod } from '@kotei/domain';
import type { KpiInput, MeasureInput, PeriodDates, PlanDocument, ProjectInput } from '@kotei/contracts';
import type { FollowUpRoundTable, KpiTable, PhaseTable } from '../../db/schema.js';
import type { PlanRows } from '../plan.repository.js';
import { newId } from '../../ids.js';
import { kpiBreakdownRows } from './breakdown-rows.js';
import { buildProgressRows, sourceColumns } from './progress.mapper.js';

/** Something in a plan document that cannot be stored: where (path, source line) and why. */
export interface PlanRowProblem {
  /** A stable kind, as an import issue shows it (`duplicate-sheet`, `period-unreadable` …). */
  code: string;
  path: string;
  /** The document line the item was read from; 1 when the document gives none. */
  line: number;
  message: string;
}

/** A period label with its dates: the dates the importer resolved, else the label read here, once. */
export function resolvePeriod(
  label: string,
  dates: PeriodDates | undefined,
): (PeriodDates & { label: string }) | null {
  if (dates !== undefined) return { ...dates, label };
  // Only a document written by hand (fixtures, benchmarks) arrives without dates.
  const parsed = parsePeriod(label);
  if (!parsed.ok) return null;
  const { start, end, fiscalYear } = parsed.value;
  return { start, end, fiscalYear, label };
}

type Owner = { measure_id: string | null; sheet_id: string | null };
type Bullets = PlanDocument['sheets'][number]['progress'];

/**
 * Turn a plan document into rows with fresh ids, and list everything that could not be stored: an unreadable
 * period, and every unique key of the schema the document would break (a sheet or goal number twice, a measure
 * placed twice on one sheet, a repost of no measure). Linear in the document's rows.
 */
export function mapPlanDocument(
  doc: PlanDocument,
  now: string,
): { rows: PlanRows; problems: PlanRowProblem[] } {
  const mapper = new PlanRowsMapper(doc, now);
  mapper.mapGoals();
  mapper.mapSheets();
  mapper.mapReposts();
  return { rows: mapper.rows, problems: mapper.problems };
}

/**
 * Every ministry code a plan document names, with its path: what PlanService checks against the organisations
 * before a document that did not come through the importer (which resolves its tags) is written.
 */
export function ministryCodesOf(doc: PlanDocument): { path: string; code: string }[] {
  const codes: { path: string; code: string }[] = [];
  const add = (code: string | null, path: string): void => {
    if (code !== null) codes.push({ path, code });
  };
  const addContent = (
    content: { progress: { ministry: string | null }[]; projects: { ministry: string | null }[] },
    path: string,
  ): void => {
    content.progress.forEach((bullet, i) => {
      add(bullet.ministry, `${path}.progress[${i}].ministry`);
    });
    content.projects.forEach((project, i) => {
      add(project.ministry, `${path}.projects[${i}].ministry`);
    });
  };
  doc.sheets.forEach((sheet, s) => {
    addContent(sheet, `sheets[${s}]`);
    sheet.measures.forEach((measure, m) => {
      const path = `sheets[${s}].measures[${m}]`;
      measure.ministries.forEach((code, i) => {
        add(code, `${path}.ministries[${i}]`);
      });
      addContent(measure, path);
    });
  });
  return codes;
}

/**
 * The rows of a plan document; throws `invalid_plan_document` (400) with every problem, so nothing is written.
 * Ministry codes are not checked here: the importer resolves tags once, and PlanService checks the codes of a
 * document written by hand (ministryCodesOf).
 */
export function buildPlanRows(doc: PlanDocument, now: string): PlanRows {
  const { rows, problems } = mapPlanDocument(doc, now);
  if (problems.length > 0) {
    throw new DomainError(
      'invalid_input',
      'invalid_plan_document',
      `The plan document has ${problems.length} problem(s)`,
      problems.map(({ path, line, message }) => ({
        path,
        message: line > 1 ? `line ${line}: ${message}` : message,
      })),
    );
  }
  return rows;
}

// What a measure already holds, so a repost (再掲) row adds only what is new without scanning all rows.
interface MeasureContent {
  phaseKeys: Set<string>;
  kpiNames: Set<string>;
}

interface Repost {
  sheetId: string;
  sheetNumber: number;
  of: { sheet: number; title: string };
  measure: MeasureInput;
  path: string;
  sortOrder: number;
}

class PlanRowsMapper {
  readonly problems: PlanRowProblem[] = [];
  readonly rows: PlanRows;
  private readonly planId = newId();
  private readonly round: FollowUpRoundTable | null;
  private readonly content = new Map<string, MeasureContent>();
  // A project shown under several measures is one entity (再掲): name and ministry identify it.
  private readonly projectIds = new Map<string, string>();
  private readonly projectLines = new Map<string, Set<string>>();
  private readonly measureByTitle = new Map<string, string>();
  private readonly placements = new Set<string>();
  private readonly reposts: Repost[] = [];

  constructor(
    private readonly doc: PlanDocument,
    private readonly now: string,
  ) {
    this.rows = {
      plan: {
        id: this.planId,
        slug: doc.slug,
        title: normalizeText(doc.title),
        owner: normalizeText(doc.owner),
        adopted_on: doc.adoptedOn,
        description: doc.description,
        is_sample: doc.isSample ? 1 : 0,
        created_at: now,
        updated_at: now,
        data_version: 0,
        status_method: 'open-sdg',
      },
      policyFields: [...new Set(doc.policyFields)],
      goals: [],
      sheets: [],
      measures: [],
      placements: [],
      ministries: [],
      phases: [],
      kpis: [],
      rounds: [],
      observations: [],
      breakdowns: [],
      projects: [],
      lines: [],
      links: [],
      reports: [],
      bullets: [],
      overrides: [],
      phaseReports: [],
    };
    this.round = doc.round && {
      id: newId(),
      plan_id: this.planId,
      title: doc.round.title,
      as_of_date: doc.round.asOfDate,
      deadline: null,
      state: 'published',
      created_at: now,
      publish_at: null,
      published_at: now,
    };
    if (this.round) this.rows.rounds.push(this.round);
  }

  mapGoals(): void {
    const numbers = new Map<number, number>();
    this.doc.strategicGoals.forEach((goal, g) => {
      const line = goal.source?.lineFrom ?? 1;
      if (this.isTaken(numbers, goal.number, line, 'duplicate-goal', `strategicGoals[${g}].number`, 'goal'))
        return;
      const goalId = newId();
      this.rows.goals.push({
        id: goalId,
        plan_id: this.planId,
        number: goal.number,
        title: normalizeText(goal.title),
        note: goal.note,
        ...sourceColumns(goal.source),
      });
      goal.outcomes.forEach((kpi, k) => {
        const owner = { level: 'outcome', measure_id: null, goal_id: goalId } as const;
        this.addKpi(kpi, `strategicGoals[${g}].outcomes[${k}]`, owner, k);
      });
    });
  }

  mapSheets(): void {
    const numbers = new Map<number, number>();
    this.doc.sheets.forEach((sheet, s) => {
      const line = sheet.source?.lineFrom ?? 1;
      if (this.isTaken(numbers, sheet.number, line, 'duplicate-sheet', `sheets[${s}].number`, 'sheet'))
        return;
      const sheetId = newId();
      this.rows.sheets.push({
        id: sheetId,
        plan_id: this.planId,
        number: sheet.number,
        title: normalizeText(sheet.title),
        ...sourceColumns(sheet.source),
      });
      sheet.measures.forEach((measure, m) => {
        const path = `sheets[${s}].measures[${m}]`;
        if (measure.repostOf) {
          const of = measure.repostOf;
          this.reposts.push({ sheetId, sheetNumber: sheet.number, of, measure, path, sortOrder: m });
        } else {
          this.addMeasure(sheet.number, sheetId, measure, path, m);
        }
      });
      this.addProgress(sheet.progress, { measure_id: null, sheet_id: sheetId });
      sheet.projects.forEach((project) => {
        this.linkProject(project, { measure_id: null, sheet_id: sheetId });
      });
    });
  }

  mapReposts(): void {
    for (const repost of this.reposts) {
      const line = repost.measure.source?.lineFrom ?? 1;
      const measureId = this.measureByTitle.get(`${repost.of.sheet}\u0000${normalizeText(repost.of.title)}`);
      if (measureId === undefined) {
        this.problem(
          'repost-unlinked',
          `${repost.path}.repostOf`,
          line,
          `no measure "${repost.of.title}" on sheet ${repost.of.sheet} to repost`,
        );
        continue;
      }
      if (!this.place(measureId, repost.sheetId, repost.sheetNumber, repost.path, line)) continue;
      this.rows.placements.push({
        measure_id: measureId,
        sheet_id: repost.sheetId,
        is_repost: 1,
        sort_order: repost.sortOrder,
      });
      this.addMeasureContent(measureId, repost.measure, repost.path);
    }
  }

  private addMeasure(
    sheetNumber: number,
    sheetId: string,
    measure: MeasureInput,
    path: string,
    m: number,
  ): void {
    const measureId = newId();
    this.measureByTitle.set(`${sheetNumber}\u0000${normalizeText(measure.title)}`, measureId);
    this.rows.measures.push({
      id: measureId,
      plan_id: this.planId,
      title: normalizeText(measure.title),
      ...sourceColumns(measure.source),
    });
    this.place(measureId, sheetId, sheetNumber, path, measure.source?.lineFrom ?? 1);
    this.rows.placements.push({ measure_id: measureId, sheet_id: sheetId, is_repost: 0, sort_order: m });
    [...new Set(measure.ministries)].forEach((code, index) => {
      this.rows.ministries.push({ measure_id: measureId, ministry: code, sort_order: index });
    });
    this.addMeasureContent(measureId, measure, path);
  }

  // A measure is placed on a sheet once (measure_placement's key): a second placement is refused, not written.
  private place(
    measureId: string,
    sheetId: string,
    sheetNumber: number,
    path: string,
    line: number,
  ): boolean {
    const key = `${measureId}\u0000${sheetId}`;
    if (!this.placements.has(key)) {
      this.placements.add(key);
      return true;
    }
    this.problem('duplicate-placement', path, line, `the measure is placed on sheet ${sheetNumber} twice`);
    return false;
  }

  // What a measure row holds. A repost (再掲) row adds to the measure it shows again: phases and KPIs it
  // repeats are skipped, anything else (its own progress, a project listed only there) is kept, never dropped.
  private addMeasureContent(measureId: string, measure: MeasureInput, path: string): void {
    let content = this.content.get(measureId);
    if (content === undefined) {
      content = { phaseKeys: new Set(), kpiNames: new Set() };
      this.content.set(measureId, content);
    }
    const phaseKeysBefore = new Set(content.phaseKeys);
    measure.phases.forEach((phase, p) => {
      const key = `${phase.period}\u0000${normalizeText(phase.text)}`;
      if (phaseKeysBefore.has(key)) return;
      const line = phase.source?.lineFrom ?? measure.source?.lineFrom ?? 1;
      const at = this.period(phase.period, phase.dates, `${path}.phases[${p}].period`, line);
      if (!at) return;
      const row: PhaseTable = {
        id: newId(),
        measure_id: measureId,
        text: normalizeText(phase.text),
        period_start: at.start,
        period_end: at.end,
        period_fiscal_year: at.fiscalYear,
        period_label: phase.period,
        is_done: phase.status === 'done' ? 1 : 0,
        sort_order: phaseKeysBefore.size + p,
        ...sourceColumns(phase.source),
      };
      this.rows.phases.push(row);
      content.phaseKeys.add(`${row.period_label}\u0000${row.text}`);
    });
    const kpiNamesBefore = new Set(content.kpiNames);
    measure.kpis.forEach((kpi, k) => {
      const name = normalizeText(kpi.name);
      if (kpiNamesBefore.has(name)) return;
      const owner = { level: 'output', measure_id: measureId, goal_id: null } as const;
      this.addKpi(kpi, `${path}.kpis[${k}]`, owner, kpiNamesBefore.size + k);
      content.kpiNames.add(name);
    });
    this.addProgress(measure.progress, { measure_id: measureId, sheet_id: null });
    measure.projects.forEach((project) => {
      this.linkProject(project, { measure_id: measureId, sheet_id: null });
    });
  }

  private addKpi(
    kpi: KpiInput,
    path: string,
    owner: Pick<KpiTable, 'level' | 'measure_id' | 'goal_id'>,
    sortOrder: number,
  ): void {
    const line = kpi.source?.lineFrom ?? 1;
    const baseline =
      kpi.baseline && this.period(kpi.baseline.label, kpi.baseline.dates, `${path}.baseline.label`, line);
    const target =
      kpi.target && this.period(kpi.target.label, kpi.target.dates, `${path}.target.label`, line);
    const id = newId();
    this.rows.kpis.push({
      id,
      plan_id: this.planId,
      ...owner,
      match_key: kpi.key ?? null,
      name: normalizeText(kpi.name),
      unit: kpi.unit,
      shape: kpi.shape,
      direction: kpi.direction,
      note: kpi.note,
      sort_order: sortOrder,
      baseline_value: kpi.baseline?.value ?? null,
      baseline_start: baseline?.start ?? null,
      baseline_end: baseline?.end ?? null,
      baseline_fiscal_year: baseline?.fiscalYear ?? null,
      baseline_label: kpi.baseline?.label ?? null,
      target_value: kpi.target?.value ?? null,
      target_start: target?.start ?? null,
      target_end: target?.end ?? null,
      target_fiscal_year: target?.fiscalYear ?? null,
      target_label: kpi.target?.label ?? null,
      bar: kpi.bar,
      ...sourceColumns(kpi.source),
    });
    const observed: [number, string][] = [];
    kpi.actuals.forEach((actual, index) => {
      const at = this.period(actual.label, actual.dates, `${path}.actuals[${index}].label`, line);
      if (!at) return;
      const observationId = newId();
      observed.push([index, observationId]);
      this.rows.observations.push({
        id: observationId,
        kpi_id: id,
        value: actual.value,
        period_start: at.start,
        period_end: at.end,
        period_fiscal_year: at.fiscalYear,
        period_label: actual.label,
        origin: actual.origin,
        source_note: actual.sourceNote,
        round_id: this.round?.id ?? null,
        recorded_at: this.now,
        recorded_by: null,
        source_line_from: null,
        source_line_to: null,
        source_text: null,
      });
    });
    const breakdowns = kpiBreakdownRows(id, kpi, observed, path);
    this.rows.breakdowns.push(...breakdowns.rows);
    for (const p of breakdowns.problems) this.problem('breakdown-invalid', p.path, line, p.message);
  }

  private linkProject(project: ProjectInput, link: Owner): void {
    const key = `${normalizeText(project.name)}\u0000${project.ministry ?? ''}`;
    let projectId = this.projectIds.get(key);
    let lineKeys = projectId === undefined ? undefined : this.projectLines.get(projectId);
    if (projectId === undefined || lineKeys === undefined) {
      projectId = newId();
      lineKeys = new Set();
      this.projectIds.set(key, projectId);
      this.projectLines.set(projectId, lineKeys);
      this.rows.projects.push({
        id: projectId,
        plan_id: this.planId,
        name: normalizeText(project.name),
        ministry: project.ministry,
        ...sourceColumns(project.source),
      });
    }
    // The same project may be listed with a different budget elsewhere (e.g. 基金事業 on one sheet, 当初予算 on
    // another): every distinct line is kept, each once.
    for (const line of project.lines) {
      const lineKey = [line.label, line.type, line.fiscalYear ?? 'null', line.amountYen ?? 'null'].join(
        '\u0000',
      );
      if (lineKeys.has(lineKey)) continue;
      this.rows.lines.push({
        id: newId(),
        project_id: projectId,
        amount_yen: line.amountYen,
        fiscal_year: line.fiscalYear,
        budget_type: line.type,
        is_part_of: line.isPartOf ? 1 : 0,
        label: line.label,
        sort_order: lineKeys.size,
      });
      lineKeys.add(lineKey);
    }
    this.rows.links.push({ id: newId(), project_id: projectId, ...link, sort_order: this.rows.links.length });
  }

  private addProgress(bullets: Bullets, owner: Owner): void {
    if (!this.round) return;
    const written = buildProgressRows(bullets, owner, this.round.id, this.now);
    this.rows.reports.push(...written.reports);
    this.rows.bullets.push(...written.bullets);
  }

  private period(
    label: string,
    dates: PeriodDates | undefined,
    path: string,
    line: number,
  ): (PeriodDates & { label: string }) | null {
    const resolved = resolvePeriod(label, dates);
    if (resolved === null)
      this.problem('period-unreadable', path, line, `"${label}" is not a period kotei can read`);
    return resolved;
  }

  // A number a unique key holds once per plan (sheet, strategic goal): the second is refused with both lines.
  private isTaken(
    numbers: Map<number, number>,
    number: number,
    line: number,
    code: string,
    path: string,
    what: string,
  ): boolean {
    const first = numbers.get(number);
    if (first === undefined) {
      numbers.set(number, line);
      return false;
    }
    this.problem(
      code,
      path,
      line,
      `${what} ${number} appears again (first on line ${first}); each ${what} number is used once per plan`,
    );
    return true;
  }

  private problem(code: string, path: string, line: number, message: string): void {
    this.problems.push({ code, path, line, message });
  }
}
