import { ABNF_GRADES, circledNumber, DomainError, PROGRESS_STATUSES } from '@kotei/domain';
import type { EvaluationRating, PhaseStatus, ProgressStatus, StatusMethod } from '@kotei/domain';
import type {
  BudgetProject,
  Evaluation,
  Kpi,
  KpiActual,
  Measure,
  MeasureRoundDiff,
  PlanTree,
  ProgressBullet,
  Round,
  StatusSummary,
} from '@kotei/contracts';
import { layLanes, periodColumns, type PeriodColumn } from './period-columns.js';
import { reportChanges, type ReportChanges } from './changes-annex.js';
import {
  asOfNote,
  revisionNote,
  formatPoint,
  formatValue,
  GRADE_LABEL_JA,
  ministryTag,
  phaseStateText,
  RATING_LABEL_JA,
  STATUS_LABEL_JA,
  statusText,
} from './words.js';

/** A KPI as a report row shows it: its text, baseline → target, the latest actual and its status. */
export interface ReportKpi {
  id: string;
  name: string;
  note: string;
  baseline: string;
  target: string;
  /** The latest actual known at the as-of date, with its period: 86件 (2024年度); null when none. */
  latest: string | null;
  status: ProgressStatus;
  statusText: string;
}

/** A progress bullet with its ministry tag as the seed writes it: …を実施中。【厚】 */
export interface ReportBullet {
  text: string;
  ministry: string | null;
  display: string;
}

/** A budget project as the seed writes it: 創薬エコシステム発展支援事業【厚】(令和6年度補正予算30億円). */
export interface ReportProject {
  name: string;
  ministry: string | null;
  lines: string[];
  display: string;
}

/** A phase in a period cell: its text and its state at the as-of date, over `span` merged columns. */
export interface ReportPhaseCell {
  text: string;
  period: string;
  status: PhaseStatus;
  statusText: string;
  fromColumn: number;
  span: number;
}

/** One measure as a row of its sheet: title, phases on lanes, KPIs, progress and budget projects. */
export interface ReportMeasureRow {
  id: string;
  title: string;
  ministries: string[];
  isRepost: boolean;
  /** Lanes of phases, each a list of cells in column order; at least one lane (maybe empty). */
  lanes: ReportPhaseCell[][];
  kpis: ReportKpi[];
  progress: ReportBullet[];
  projects: ReportProject[];
  status: ProgressStatus;
}

/** One roadmap sheet (工程表) in the seed's layout. */
export interface ReportSheet {
  id: string;
  number: number;
  /** 工程表① */
  heading: string;
  title: string;
  rows: ReportMeasureRow[];
  /** Progress and projects the document ties to the sheet rather than to one measure. */
  progress: ReportBullet[];
  projects: ReportProject[];
  summary: StatusSummary;
}

/** A strategic goal on the cover, with its outcome targets and their statuses. */
export interface ReportGoal {
  number: number;
  title: string;
  note: string;
  outcomes: ReportKpi[];
  summary: StatusSummary;
}

/** One expert's evaluation as the report prints it. */
export interface ReportEvaluation {
  target: string;
  rating: EvaluationRating;
  ratingText: string;
  comment: string;
  evaluator: string;
}

/**
 * One line of the status summary table: how many KPIs have each status (or, under A/B/N/F, each grade) in the
 * order of the report's `summaryColumns`, and the rolled-up status where the method has one.
 */
export interface ReportSummaryLine {
  label: string;
  counts: number[];
  total: number;
  overall: string;
}

/** The follow-up report of a plan at a published round: what every renderer draws, and nothing else. */
export interface FollowUpReport {
  plan: {
    id: string;
    slug: string;
    title: string;
    owner: string;
    adoptedOn: string | null;
    isSample: boolean;
  };
  round: Round;
  /** ※2025年6月末時点 */
  asOfNote: string;
  /** The revision shown when one was asked (第1版（策定）の計画による); null for the plan as it stands. */
  revisionNote: string | null;
  columns: PeriodColumn[];
  goals: ReportGoal[];
  sheets: ReportSheet[];
  evaluations: ReportEvaluation[];
  /** The overall evaluation the coordinating office compiled from the experts' (有識者による総合評価); null if none. */
  overallEvaluation: string | null;
  /** The plan's own status vocabulary (#16): Open SDG statuses or A/B/N/F grades. */
  statusMethod: StatusMethod;
  /** The summary table's columns, in the plan's vocabulary. */
  summaryColumns: string[];
  summary: ReportSummaryLine[];
  /** The changes-since-last-round annex; null for a plan's first published round. */
  changes: ReportChanges | null;
}

/**
 * The round a report is made for: the one named, which must be published, else the plan's latest published
 * round (by as-of date). Throws a DomainError naming what is missing.
 */
export function reportRound(tree: Pick<PlanTree, 'slug' | 'rounds'>, roundId?: string): Round {
  if (roundId !== undefined) {
    const round = tree.rounds.find((r) => r.id === roundId);
    if (!round)
      throw new DomainError('not_found', 'round_not_found', `No round ${roundId} in plan "${tree.slug}"`);
    if (round.state !== 'published') {
      throw new DomainError(
        'conflict',
        'round_not_published',
        `Round "${round.title}" is ${round.state}; a report is made for a published round only`,
      );
    }
    return round;
  }
  const published = tree.rounds
    .filter((r) => r.state === 'published')
    .sort((a, b) => b.asOfDate.localeCompare(a.asOfDate));
  const latest = published[0];
  if (!latest) {
    throw new DomainError('not_found', 'round_not_found', `Plan "${tree.slug}" has no published round yet`);
  }
  return latest;
}

/** The latest actual known at the date: the one whose period started by then and ends last. */
export function latestActual(actuals: readonly KpiActual[], asOfDate: string): KpiActual | null {
  let latest: KpiActual | null = null;
  for (const actual of actuals) {
    if (actual.period.start > asOfDate) continue;
    const end = actual.period.end ?? actual.period.start;
    if (!latest || end >= (latest.period.end ?? latest.period.start)) latest = actual;
  }
  return latest;
}

/**
 * The unit a KPI's own values are written in: a share-meeting-bar KPI (全都道府県で80%以上) counts the units under
 * its bar, so its values are counts and its unit (%) belongs to the bar, as the web app shows it.
 */
export function valueUnit(kpi: Pick<Kpi, 'unit' | 'shape'>): string {
  return kpi.shape === 'share-meeting-bar' ? '' : kpi.unit;
}

function reportKpi(kpi: Kpi, asOfDate: string, method: StatusMethod): ReportKpi {
  const latest = latestActual(kpi.actuals, asOfDate);
  const unit = valueUnit(kpi);
  return {
    id: kpi.id,
    name: kpi.name,
    note: kpi.note,
    baseline: formatPoint(kpi.baseline, unit),
    target: formatPoint(kpi.target, unit),
    latest: latest ? `${formatValue(latest.value, unit)} (${latest.period.label})` : null,
    status: kpi.status.status,
    // In the plan's own vocabulary (#16): its A/B/N/F grade, or its Open SDG status.
    statusText: method === 'abnf' ? GRADE_LABEL_JA[kpi.status.abnf.grade] : statusText(kpi.status.status),
  };
}

function reportBullets(bullets: readonly ProgressBullet[], roundId: string): ReportBullet[] {
  return bullets
    .filter((b) => b.roundId === roundId)
    .map((b) => ({ text: b.text, ministry: b.ministry, display: `${b.text}${ministryTag(b.ministry)}` }));
}

function reportProject(project: BudgetProject): ReportProject {
  const lines = project.lines.map((line) => line.label).filter((label) => label !== '');
  const amounts = lines.length > 0 ? `(${lines.join('、')})` : '';
  return {
    name: project.name,
    ministry: project.ministry,
    lines,
    display: `${project.name}${ministryTag(project.ministry)}${amounts}`,
  };
}

function measureRow(
  measure: Measure,
  columns: readonly PeriodColumn[],
  round: Round,
  method: StatusMethod,
): ReportMeasureRow {
  const lanes = layLanes(columns, measure.phases).map((lane) =>
    lane.map(({ item, fromColumn, span }) => ({
      text: item.text,
      period: item.period.label,
      status: item.status,
      statusText: phaseStateText(item.status),
      fromColumn,
      span,
    })),
  );
  return {
    id: measure.id,
    title: measure.title,
    ministries: measure.ministries,
    isRepost: measure.isRepost,
    lanes: lanes.length > 0 ? lanes : [[]],
    kpis: measure.kpis.map((kpi) => reportKpi(kpi, round.asOfDate, method)),
    progress: reportBullets(measure.progress, round.id),
    projects: measure.projects.map(reportProject),
    status: measure.statusSummary.status,
  };
}

function evaluationTarget(evaluation: Evaluation): string {
  const { target } = evaluation;
  if (target.kind === 'plan') return '計画全体';
  if (target.kind === 'goal') return `戦略目標(${target.number})`;
  return `工程表${circledNumber(target.number)}`;
}

function summaryLine(label: string, summary: StatusSummary, method: StatusMethod): ReportSummaryLine {
  // A/B/N/F grades each KPI and rolls nothing up; Open SDG rolls the statuses up to one.
  if (method === 'abnf')
    return { label, counts: ABNF_GRADES.map((g) => summary.grades[g]), total: summary.total, overall: '－' };
  return {
    label,
    counts: PROGRESS_STATUSES.map((s) => (summary.counts[s] as number | undefined) ?? 0),
    total: summary.total,
    overall: STATUS_LABEL_JA[summary.status],
  };
}

/**
 * The follow-up report of a plan at a published round, from the plan tree read at the round's as-of date and
 * the round's evaluations with the overall text compiled from them. Progress is the round's own; actuals are those known at the as-of date.
 */
export function buildFollowUpReport(
  tree: PlanTree,
  round: Round,
  evaluations: readonly Evaluation[],
  overallEvaluation: string | null = null,
  /** Every measure's diff against the previous published round (`RoundDiffService.changesSince`), if any. */
  changes: { from: Round; diffs: readonly MeasureRoundDiff[] } | null = null,
): FollowUpReport {
  const columns = periodColumns(
    tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.phases.map((p) => p.period))),
  );
  const goals = tree.strategicGoals.map((goal) => ({
    number: goal.number,
    title: goal.title,
    note: goal.note,
    outcomes: goal.outcomes.map((kpi) => reportKpi(kpi, round.asOfDate, tree.statusMethod)),
    summary: goal.statusSummary,
  }));
  const sheets = tree.sheets.map((sheet) => ({
    id: sheet.id,
    number: sheet.number,
    heading: `工程表${circledNumber(sheet.number)}`,
    title: sheet.title,
    rows: sheet.measures.map((measure) => measureRow(measure, columns, round, tree.statusMethod)),
    progress: reportBullets(sheet.progress, round.id),
    projects: sheet.projects.map(reportProject),
    summary: sheet.statusSummary,
  }));
  return {
    plan: {
      id: tree.id,
      slug: tree.slug,
      title: tree.title,
      owner: tree.owner,
      adoptedOn: tree.adoptedOn,
      isSample: tree.isSample,
    },
    round,
    asOfNote: asOfNote(round.asOfDate),
    revisionNote: tree.revision ? revisionNote(tree.revision) : null,
    columns,
    goals,
    sheets,
    evaluations: evaluations
      .filter((e) => e.roundId === round.id)
      .map((e) => ({
        target: evaluationTarget(e),
        rating: e.rating,
        ratingText: RATING_LABEL_JA[e.rating],
        comment: e.comment,
        evaluator: e.evaluator.displayName,
      })),
    overallEvaluation,
    statusMethod: tree.statusMethod,
    summaryColumns:
      tree.statusMethod === 'abnf'
        ? ABNF_GRADES.map((g) => GRADE_LABEL_JA[g])
        : PROGRESS_STATUSES.map((s) => STATUS_LABEL_JA[s]),
    summary: [
      summaryLine('計画全体', tree.statusSummary, tree.statusMethod),
      ...goals.map((g) => summaryLine(`戦略目標(${g.number})`, g.summary, tree.statusMethod)),
      ...sheets.map((s) => summaryLine(`${s.heading} ${s.title}`, s.summary, tree.statusMethod)),
    ],
    changes: changes === null ? null : reportChanges(changes.from, changes.diffs),
  };
}
