import { DomainError, normalizeText, parsePeriod, type ErrorDetail } from '@kotei/domain';
import type { KpiInput, MeasureInput, PlanDocument, ProjectInput } from '@kotei/contracts';
import type { KpiTable, PhaseTable, ProgressBulletTable, ProgressReportTable } from '../db/schema.js';
import type { PlanRows } from '../repositories/plan.repository.js';
import { newId } from '../ids.js';

interface ResolvedPeriod {
  start: string;
  end: string | null;
  fiscalYear: number | null;
  label: string;
}

/**
 * Turn a plan document into rows with fresh ids, resolving every period label. Every label that cannot be
 * read is reported with its path; if there is any, nothing is returned and nothing gets written.
 */
export function buildPlanRows(
  doc: PlanDocument,
  now: string,
  knownMinistries: ReadonlySet<string>,
): PlanRows {
  const problems: ErrorDetail[] = [];
  const ministry = (code: string | null, path: string): string | null => {
    if (code !== null && !knownMinistries.has(code)) {
      problems.push({
        path,
        message: `unknown ministry "${code}"; expected one of ${[...knownMinistries].join(' ')}`,
      });
    }
    return code;
  };
  const period = (label: string, path: string): ResolvedPeriod | null => {
    const result = parsePeriod(label);
    if (!result.ok) {
      problems.push({
        path,
        message: result.error.message,
      });
      return null;
    }
    const { start, end, fiscalYear } = result.value;
    return { start, end, fiscalYear, label };
  };

  const planId = newId();
  const rows: PlanRows = {
    plan: {
      id: planId,
      slug: doc.slug,
      title: normalizeText(doc.title),
      owner: normalizeText(doc.owner),
      adopted_on: doc.adoptedOn,
      description: doc.description,
      is_sample: doc.isSample ? 1 : 0,
      created_at: now,
      updated_at: now,
      data_version: 0,
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
  };

  const round = doc.round && {
    id: newId(),
    plan_id: planId,
    title: doc.round.title,
    as_of_date: doc.round.asOfDate,
    deadline: null,
    state: 'published',
    created_at: now,
  };
  if (round) rows.rounds.push(round);

  const addKpi = (
    kpi: KpiInput,
    path: string,
    owner: Pick<KpiTable, 'level' | 'measure_id' | 'goal_id'>,
    sortOrder: number,
  ): void => {
    const baseline = kpi.baseline && period(kpi.baseline.label, `${path}.baseline.label`);
    const target = kpi.target && period(kpi.target.label, `${path}.target.label`);
    const id = newId();
    rows.kpis.push({
      id,
      plan_id: planId,
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
      bar: null,
      ...sourceColumns(kpi.source),
    });
    kpi.actuals.forEach((actual, index) => {
      const at = period(actual.label, `${path}.actuals[${index}].label`);
      if (!at) return;
      rows.observations.push({
        id: newId(),
        kpi_id: id,
        value: actual.value,
        period_start: at.start,
        period_end: at.end,
        period_fiscal_year: at.fiscalYear,
        period_label: actual.label,
        origin: actual.origin,
        source_note: actual.sourceNote,
        round_id: round?.id ?? null,
        recorded_at: now,
        recorded_by: null,
        source_line_from: null,
        source_line_to: null,
        source_text: null,
      });
    });
  };

  doc.strategicGoals.forEach((goal, g) => {
    const goalId = newId();
    rows.goals.push({
      id: goalId,
      plan_id: planId,
      number: goal.number,
      title: normalizeText(goal.title),
      note: goal.note,
      ...sourceColumns(goal.source),
    });
    goal.outcomes.forEach((kpi, k) => {
      addKpi(
        kpi,
        `strategicGoals[${g}].outcomes[${k}]`,
        { level: 'outcome', measure_id: null, goal_id: goalId },
        k,
      );
    });
  });

  // A project shown under several measures is one entity (再掲): name and ministry identify it.
  const projectIds = new Map<string, string>();
  const linkProject = (
    project: ProjectInput,
    link: { measure_id: string | null; sheet_id: string | null },
    path: string,
  ): void => {
    ministry(project.ministry, `${path}.ministry`);
    const key = `${normalizeText(project.name)}\u0000${project.ministry ?? ''}`;
    let projectId = projectIds.get(key);
    if (projectId === undefined) {
      projectId = newId();
      projectIds.set(key, projectId);
      rows.projects.push({
        id: projectId,
        plan_id: planId,
        name: normalizeText(project.name),
        ministry: project.ministry,
        ...sourceColumns(project.source),
      });
    }
    // The same project may be listed with a different budget elsewhere (e.g. 基金事業 on one sheet, 当初予算 on
    // another): every distinct line is kept, each once.
    const id = projectId;
    const known = rows.lines.filter((line) => line.project_id === id);
    for (const line of project.lines) {
      const isKnown = known.some(
        (k) =>
          k.label === line.label &&
          k.budget_type === line.type &&
          k.fiscal_year === line.fiscalYear &&
          k.amount_yen === line.amountYen,
      );
      if (isKnown) continue;
      rows.lines.push({
        id: newId(),
        project_id: id,
        amount_yen: line.amountYen,
        fiscal_year: line.fiscalYear,
        budget_type: line.type,
        is_part_of: line.isPartOf ? 1 : 0,
        label: line.label,
        sort_order: known.length,
      });
      known.push(rows.lines[rows.lines.length - 1] as (typeof rows.lines)[number]);
    }
    rows.links.push({ id: newId(), project_id: projectId, ...link, sort_order: rows.links.length });
  };

  const addProgress = (
    bullets: PlanDocument['sheets'][number]['progress'],
    target: { measure_id: string | null; sheet_id: string | null },
    path: string,
  ): void => {
    if (!round) return;
    bullets.forEach((bullet, index) => ministry(bullet.ministry, `${path}[${index}].ministry`));
    const written = buildProgressRows(bullets, target, round.id, now);
    rows.reports.push(...written.reports);
    rows.bullets.push(...written.bullets);
  };

  // What a measure row holds. A repost (再掲) row adds to the measure it shows again: phases and KPIs it
  // repeats are skipped, anything else (its own progress, a project listed only there) is kept, never dropped.
  const addMeasureContent = (measureId: string, measure: MeasureInput, path: string): void => {
    const phaseKeys = new Set(
      rows.phases.filter((p) => p.measure_id === measureId).map((p) => `${p.period_label}\u0000${p.text}`),
    );
    measure.phases.forEach((phase, p) => {
      if (phaseKeys.has(`${phase.period}\u0000${normalizeText(phase.text)}`)) return;
      const at = period(phase.period, `${path}.phases[${p}].period`);
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
        sort_order: phaseKeys.size + p,
        ...sourceColumns(phase.source),
      };
      rows.phases.push(row);
    });
    const kpiNames = new Set(rows.kpis.filter((k) => k.measure_id === measureId).map((k) => k.name));
    measure.kpis.forEach((kpi, k) => {
      if (kpiNames.has(normalizeText(kpi.name))) return;
      addKpi(
        kpi,
        `${path}.kpis[${k}]`,
        { level: 'output', measure_id: measureId, goal_id: null },
        kpiNames.size + k,
      );
    });
    addProgress(measure.progress, { measure_id: measureId, sheet_id: null }, `${path}.progress`);
    measure.projects.forEach((project, index) => {
      linkProject(project, { measure_id: measureId, sheet_id: null }, `${path}.projects[${index}]`);
    });
  };

  const measureByTitle = new Map<string, string>();
  const reposts: {
    sheetId: string;
    of: { sheet: number; title: string };
    measure: MeasureInput;
    path: string;
    sortOrder: number;
  }[] = [];
  doc.sheets.forEach((sheet, s) => {
    const sheetId = newId();
    rows.sheets.push({
      id: sheetId,
      plan_id: planId,
      number: sheet.number,
      title: normalizeText(sheet.title),
      ...sourceColumns(sheet.source),
    });
    sheet.measures.forEach((measure, m) => {
      const path = `sheets[${s}].measures[${m}]`;
      if (measure.repostOf) {
        reposts.push({ sheetId, of: measure.repostOf, measure, path, sortOrder: m });
        return;
      }
      const measureId = newId();
      measureByTitle.set(`${sheet.number}\u0000${normalizeText(measure.title)}`, measureId);
      rows.measures.push({
        id: measureId,
        plan_id: planId,
        title: normalizeText(measure.title),
        ...sourceColumns(measure.source),
      });
      rows.placements.push({ measure_id: measureId, sheet_id: sheetId, is_repost: 0, sort_order: m });
      [...new Set(measure.ministries)].forEach((code, index) => {
        ministry(code, `${path}.ministries[${index}]`);
        rows.ministries.push({ measure_id: measureId, ministry: code, sort_order: index });
      });
      addMeasureContent(measureId, measure, path);
    });
    addProgress(sheet.progress, { measure_id: null, sheet_id: sheetId }, `sheets[${s}].progress`);
    sheet.projects.forEach((project, index) => {
      linkProject(project, { measure_id: null, sheet_id: sheetId }, `sheets[${s}].projects[${index}]`);
    });
  });

  for (const repost of reposts) {
    const measureId = measureByTitle.get(`${repost.of.sheet}\u0000${normalizeText(repost.of.title)}`);
    if (measureId === undefined) {
      problems.push({
        path: `${repost.path}.repostOf`,
        message: `no measure "${repost.of.title}" on sheet ${repost.of.sheet} to repost`,
      });
    } else {
      rows.placements.push({
        measure_id: measureId,
        sheet_id: repost.sheetId,
        is_repost: 1,
        sort_order: repost.sortOrder,
      });
      addMeasureContent(measureId, repost.measure, repost.path);
    }
  }

  if (problems.length > 0) {
    throw new DomainError(
      'invalid_input',
      'invalid_plan_document',
      `The plan document has ${problems.length} problem(s)`,
      problems,
    );
  }
  return rows;
}

function sourceColumns(source: { lineFrom: number; lineTo: number; rawText: string } | undefined): {
  source_line_from: number | null;
  source_line_to: number | null;
  source_text: string | null;
} {
  return {
    source_line_from: source?.lineFrom ?? null,
    source_line_to: source?.lineTo ?? null,
    source_text: source?.rawText ?? null,
  };
}

/**
 * A round's progress for one measure (or sheet) as rows: one approved report per ministry, as each ministry
 * reports its own part, and the bullets under them; untagged bullets share a report without a ministry.
 */
export function buildProgressRows(
  bullets: PlanDocument['sheets'][number]['progress'],
  owner: { measure_id: string | null; sheet_id: string | null },
  roundId: string,
  now: string,
): { reports: ProgressReportTable[]; bullets: ProgressBulletTable[] } {
  const reports = new Map<string, ProgressReportTable>();
  const rows: ProgressBulletTable[] = [];
  bullets.forEach((bullet, index) => {
    const key = bullet.ministry ?? '';
    let report = reports.get(key);
    if (report === undefined) {
      report = {
        id: newId(),
        round_id: roundId,
        ...owner,
        ministry: bullet.ministry,
        state: 'approved',
        version: 1,
        submitted_at: now,
        submitted_by: null,
        decided_at: now,
        decided_by: null,
        decision_note: null,
      };
      reports.set(key, report);
    }
    rows.push({
      id: newId(),
      report_id: report.id,
      text: normalizeText(bullet.text),
      ministry: bullet.ministry,
      sort_order: index,
      ...sourceColumns(bullet.source),
    });
  });
  return { reports: [...reports.values()], bullets: rows };
}
