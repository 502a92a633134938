import type { PlanDocumentInput } from '@kotei/contracts';
import { ORGANISATIONS, parsePeriod } from '@kotei/domain';
import type { KpiReading } from './kpi-text.js';
import type {
  GoalDraft,
  KpiDraft,
  MeasureDraft,
  PhaseDraft,
  ProgressDraft,
  ProjectDraft,
  SheetDraft,
  SourceDraft,
} from './drafts.js';
import { sourceOf } from './drafts.js';
import type { DocumentReading } from './document-reader.js';
import { warekiYear } from './document-reader.js';
import type {
  MeasureReading,
  PlacedKpi,
  PlacedProject,
  ProgressReading,
  SheetReading,
} from './sheet-reader.js';
import { cleanText, compactText } from './text.js';
import { NUMBER, UNITS, datesOf, readNumber, readPeriodLabel } from './values.js';
import { kpiKey, outcomeKey } from './keys.js';

/** Options of a follow-up import. */
export interface FollowUpOptions {
  /** The plan's slug; otherwise derived from `sourceName`, else "imported-plan". */
  readonly slug?: string;
  /** The file name the text came from, for the slug and messages. */
  readonly sourceName?: string;
  /**
   * The ministry codes the store knows (its organisation table); a tag naming another is reported once and its
   * item kept without a ministry. Defaults to the domain's organisations.
   */
  readonly knownMinistries?: Iterable<string>;
}

/**
 * Builds a plan from a document's reading: keys, 再掲 links, the ministries of each measure, period dates, and
 * actuals stated in progress text. Every ministry tag is resolved here, once.
 */
export class PlanBuilder {
  private readonly knownMinistries: ReadonlySet<string>;

  constructor(
    private readonly reading: DocumentReading,
    private readonly options: FollowUpOptions,
  ) {
    this.knownMinistries = new Set(options.knownMinistries ?? ORGANISATIONS.map((o) => o.code));
  }

  /** The plan the reading describes; issues go to the reading's log. */
  build(): PlanDocumentInput {
    const title = this.reading.title?.text ?? this.options.sourceName ?? '';
    if (this.reading.title === null) {
      this.reading.log.add({
        code: 'title-missing',
        line: 1,
        found: 'no heading',
        expected: 'the plan title as the first heading',
        message: `No title heading was found; the plan is called "${title === '' ? '無題の計画' : title}".`,
        severity: 'error',
      });
    }
    if (this.reading.owner === null) {
      this.reading.log.add({
        code: 'owner-missing',
        line: this.reading.title?.lines[0]?.line ?? 1,
        found: 'no owner line',
        expected: 'the owning office on the line after the date (内閣官房健康・医療戦略室)',
        message: 'No owner was found; the plan owner is set to 不明.',
        severity: 'error',
      });
    }
    const goals = this.buildGoals();
    const sheets = this.reading.sheets.map((sheet) => this.buildSheet(sheet));
    this.extractActuals(sheets);
    if (this.reading.sheets.length === 0) {
      this.reading.log.add({
        code: 'no-sheets',
        line: 1,
        found: 'no 工程表 heading',
        expected: 'headings such as "各施策のスケジュール・工程表①" followed by roadmap tables',
        message: 'No roadmap sheet was found.',
        severity: 'error',
      });
    }
    return {
      slug: this.slug(),
      title: title.trim() === '' ? '無題の計画' : title,
      owner: this.reading.owner ?? '不明',
      adoptedOn: this.reading.adoptedOn,
      description: this.reading.description.join('\n'),
      round: this.round(),
      strategicGoals: goals,
      sheets,
    };
  }

  private slug(): string {
    const valid = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
    const { slug, sourceName } = this.options;
    if (slug !== undefined && valid.test(slug) && slug.length <= 80) return slug;
    if (slug !== undefined) {
      this.reading.log.add({
        code: 'slug-invalid',
        line: 1,
        found: slug,
        expected: 'lowercase letters, digits and single hyphens, at most 80 characters',
        message: 'The slug given is not valid; one is derived instead.',
        severity: 'warning',
      });
    }
    const base = (sourceName ?? '').split(/[\\/]/u).pop() ?? '';
    const derived = (base.split('.')[0] ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 80)
      .replace(/-+$/u, '');
    return valid.test(derived) ? derived : 'imported-plan';
  }

  private round(): PlanDocumentInput['round'] {
    if (this.reading.asOf !== null) {
      return {
        title: `${this.reading.asOf.label.replace(/^※/u, '')}フォローアップ`,
        asOfDate: this.reading.asOf.date,
      };
    }
    const derived = this.deriveAsOf();
    if (derived === null) {
      this.reading.log.add({
        code: 'as-of-missing',
        line: this.reading.lastLine,
        found: 'no "※2025年6月末時点" line and no dated progress',
        expected: 'the as-of date of the follow-up, e.g. ※2025年6月末時点',
        message: 'The follow-up round has no as-of date; the plan is imported without a round.',
        severity: 'warning',
      });
      return null;
    }
    this.reading.log.add({
      code: 'as-of-derived',
      line: this.reading.lastLine,
      found: 'no "※…時点" line',
      expected: 'the as-of date of the follow-up, e.g. ※2025年6月末時点',
      message: `The as-of date is not stated; it is taken as the end of the latest month named in progress text, ${derived.date}.`,
      severity: 'warning',
    });
    return { title: `${derived.label}フォローアップ`, asOfDate: derived.date };
  }

  private deriveAsOf(): { date: string; label: string } | null {
    const dated = /(令和|R)(元|\d{1,2})年(\d{1,2})月/gu;
    let best: { year: number; month: number } | null = null;
    for (const sheet of this.reading.sheets) {
      const bullets = [...sheet.progress, ...sheet.measures.flatMap((m) => m.progress)];
      for (const bullet of bullets) {
        dated.lastIndex = 0;
        for (let m = dated.exec(bullet.text); m !== null; m = dated.exec(bullet.text)) {
          const year = warekiYear(m[1] ?? '', m[2] ?? '');
          const month = Number(m[3]);
          if (year === null || month < 1 || month > 12) continue;
          if (best === null || year * 12 + month > best.year * 12 + best.month) best = { year, month };
        }
      }
    }
    if (best === null) return null;
    const label = `${best.year}年${best.month}月末時点`;
    const parsed = parsePeriod(label);
    return parsed.ok ? { date: parsed.value.start, label } : null;
  }

  private buildGoals(): GoalDraft[] {
    for (let i = 0; i < this.reading.goals.length; i += 1) {
      const goal = this.reading.goals[i];
      if (goal === undefined) continue;
      const next = this.reading.goals[i + 1];
      if (goal.outcomes.length === 0) {
        const reading =
          next !== undefined && next.outcomes.length > 0
            ? `The targets listed under (${next.number}) may be shared by (${goal.number}) and (${next.number}); they are kept on (${next.number}) only.`
            : 'It is kept without outcome targets.';
        goal.notes.push(
          next !== undefined && next.outcomes.length > 0
            ? `資料ではこの戦略目標の見出しの直下に成果目標が記載されていない。(${next.number})の見出しの下の成果目標は(${next.number})に置いている。`
            : '資料ではこの戦略目標に成果目標が記載されていない。',
        );
        this.reading.log.add({
          code: 'goal-without-outcomes',
          line: goal.lines[0]?.line ?? 1,
          found: `(${goal.number}) ${goal.title}`,
          expected: 'outcome targets listed under the goal heading',
          message: `Strategic goal (${goal.number}) lists no outcome targets under its heading. ${reading}`,
          severity: 'warning',
        });
      }
    }
    const keys = new Map<string, number>();
    return this.reading.goals.map((goal) => ({
      number: goal.number,
      title: goal.title,
      note: goal.notes.join('\n'),
      outcomes: goal.outcomes.map(({ draft, source }) =>
        toKpiInput(draft, source, unique(keys, outcomeKey(goal.number, draft.name))),
      ),
      source: sourceOf(goal.lines),
    }));
  }

  private readonly kpiKeys = new Map<string, number>();
  // The first KPI of each compact name, and of each name in a sheet other than the first: 再掲 links in O(1).
  private readonly kpiByName = new Map<string, { sheet: number; input: KpiDraft }>();
  private readonly kpiElsewhere = new Map<string, { sheet: number; input: KpiDraft }>();

  private buildSheet(sheet: SheetReading): SheetDraft {
    const progress = sheet.progress.map((bullet) => this.toProgressInput(bullet));
    const projects = sheet.projects.map((project) => this.toProjectInput(project));
    const sheetMinistries = ministriesOf(progress, projects);
    const measures = sheet.measures.map((measure) => this.buildMeasure(sheet, measure, sheetMinistries));
    return {
      number: sheet.number,
      title: sheet.title,
      measures,
      progress: progress.map((p) => p.input),
      projects: projects.map((p) => p.input),
      source: sourceOf(sheet.headingLines),
    };
  }

  private buildMeasure(
    sheet: SheetReading,
    measure: MeasureReading,
    sheetMinistries: string[],
  ): MeasureDraft {
    const progress = measure.progress.map((bullet) => this.toProgressInput(bullet));
    const projects = measure.projects.map((project) => this.toProjectInput(project));
    let ministries = ministriesOf(progress, projects);
    if (ministries.length === 0 && sheetMinistries.length > 0) {
      ministries = sheetMinistries;
      this.reading.log.add({
        code: 'ministries-from-sheet',
        line: measure.lines[0]?.line ?? 1,
        found: measure.title,
        expected: 'progress or projects tagged with a ministry on the measure',
        message: `The measure has no tagged progress or project of its own; it takes the ministries of its sheet's progress and projects (${ministries.join('、')}).`,
        severity: 'info',
      });
    }
    const kpis = measure.kpis.map((placed) => this.buildKpi(sheet, placed));
    const input: MeasureDraft = {
      title: measure.title,
      ministries,
      phases: this.datedPhases(measure.phases),
      kpis,
      progress: progress.map((p) => p.input),
      projects: projects.map((p) => p.input),
      source: sourceOf(measure.lines),
    };
    if (measure.repostOf !== null) input.repostOf = measure.repostOf;
    return input;
  }

  private buildKpi(sheet: SheetReading, placed: PlacedKpi): KpiDraft {
    const { draft } = placed;
    const name = compactText(draft.name);
    const first = this.kpiByName.get(name);
    const earlier = first !== undefined && first.sheet !== sheet.number ? first : this.kpiElsewhere.get(name);
    if (earlier !== undefined) {
      if (draft.isRepost)
        draft.note = [draft.note, `再掲(工程表${circled(earlier.sheet)})`].filter((s) => s !== '').join(' ');
      this.reading.log.add({
        code: draft.isRepost ? 'repost-kpi' : 'repeated-kpi',
        line: placed.line,
        found: draft.name,
        expected: 'a KPI',
        message: `${draft.isRepost ? '再掲: ' : 'Not marked 再掲, but '}sheet ${earlier.sheet} has the same KPI. It keeps its own key in this sheet; the link is in its note${draft.isRepost ? '' : ' only as this issue'} (a KPI has no repostOf field).`,
        severity: 'info',
      });
    } else if (draft.isRepost) {
      this.reading.log.add({
        code: 'repost-unlinked',
        line: placed.line,
        found: draft.name,
        expected: 'a KPI shown in an earlier sheet',
        message: 'This KPI is marked 再掲 but no earlier sheet has a KPI of that name.',
        severity: 'warning',
      });
    }
    const input = toKpiInput(draft, placed.source, unique(this.kpiKeys, kpiKey(sheet.number, draft.name)));
    if (first === undefined) this.kpiByName.set(name, { sheet: sheet.number, input });
    else if (first.sheet !== sheet.number && !this.kpiElsewhere.has(name)) {
      this.kpiElsewhere.set(name, { sheet: sheet.number, input });
    }
    return input;
  }

  // The one place a ministry tag is checked. A known code is kept; another is reported here, once for its line,
  // and its item is kept without a ministry, the tag left in its text so no information is lost.
  private knownMinistry(code: string, line: number): boolean {
    if (this.knownMinistries.has(code)) return true;
    this.reading.log.add({
      code: 'unknown-ministry',
      line,
      found: `【${code}】`,
      expected: `a known ministry tag (${[...this.knownMinistries].join(' ')})`,
      message: `The tag 【${code}】 names no ministry kotei knows; the item is kept without a ministry, the tag stays in its text.`,
      severity: 'warning',
    });
    return false;
  }

  private resolveTags(tags: readonly (string | null)[], line: number): { codes: string[]; unknown: string } {
    const codes: string[] = [];
    let unknown = '';
    for (const code of tags) {
      if (code === null || code.trim() === '') continue;
      if (this.knownMinistry(code, line)) codes.push(code);
      else unknown += `【${code}】`;
    }
    return { codes, unknown };
  }

  private toProgressInput(bullet: ProgressReading): Tagged<ProgressDraft> {
    const tags = this.resolveTags([bullet.ministry, ...bullet.otherMinistries], bullet.source.lineFrom);
    const ministry = bullet.ministry !== null && tags.codes[0] === bullet.ministry ? bullet.ministry : null;
    return {
      input: { ministry, text: `${bullet.text}${tags.unknown}`, source: bullet.source },
      codes: tags.codes,
    };
  }

  private toProjectInput(project: PlacedProject): Tagged<ProjectDraft> {
    const { draft } = project;
    const tags = this.resolveTags([draft.ministry, ...draft.otherMinistries], project.source.lineFrom);
    const ministry = draft.ministry !== null && tags.codes[0] === draft.ministry ? draft.ministry : null;
    return {
      input: {
        name: `${draft.name}${ministry === null ? tags.unknown : ''}`,
        ministry,
        lines: draft.lines.map((line) => ({ ...line })),
        source: project.source,
      },
      codes: tags.codes,
    };
  }

  // A phase's period columns, read as a period once here; the store keeps the dates.
  private datedPhases(phases: readonly PhaseDraft[]): PhaseDraft[] {
    const dated: PhaseDraft[] = [];
    for (const phase of phases) {
      const parsed = parsePeriod(phase.period);
      if (parsed.ok) {
        dated.push({ ...phase, dates: datesOf(parsed.value) });
        continue;
      }
      this.reading.log.add({
        code: 'phase-period-unreadable',
        line: phase.source?.lineFrom ?? 1,
        found: phase.period,
        expected: 'period columns such as 2024年夏 or 2025-2028年度',
        message: `The period of the phase "${phase.text}" cannot be read; the phase was not imported.`,
        severity: 'error',
      });
    }
    return dated;
  }

  // Figures stated as actuals inside progress ("希少疾病用医薬品の指定件数: 86件 (2024年度)") become KPI actuals.
  private extractActuals(sheets: SheetDraft[]): void {
    const figure = new RegExp(
      String.raw`[:：]\s{0,2}(${NUMBER})\s?(万)?(${UNITS.join('|')})\s{0,2}\(([^()]{1,30})\)`,
      'gu',
    );
    this.reading.sheets.forEach((sheet, index) => {
      const built = sheets[index];
      if (built === undefined) return;
      const sheetKpis = (built.measures ?? []).flatMap((m) => m.kpis ?? []);
      const byName = new Map<string, KpiDraft>();
      for (const kpi of sheetKpis)
        if (!byName.has(compactText(kpi.name))) byName.set(compactText(kpi.name), kpi);
      const bullets = [...sheet.progress, ...sheet.measures.flatMap((m) => m.progress)];
      for (const bullet of bullets) {
        figure.lastIndex = 0;
        for (let m = figure.exec(bullet.text); m !== null; m = figure.exec(bullet.text)) {
          const name = figureName(bullet.text, m.index);
          const label = readPeriodLabel(m[4] ?? '');
          const value = readNumber(m[1] ?? '', m[2]);
          const line = bullet.source.lineFrom;
          if (label === null || value === null || name === '') continue;
          const key = compactText(name);
          const kpi =
            byName.get(key) ??
            // A name written shorter or longer than the KPI's: a scan, met only by figures not named exactly.
            sheetKpis.find((k) => compactText(k.name).includes(key) || key.includes(compactText(k.name))) ??
            this.kpiByName.get(key)?.input;
          if (kpi === undefined) {
            this.reading.log.add({
              code: 'figure-unmatched',
              line,
              found: `${name}: ${m[1] ?? ''}${m[3] ?? ''} (${m[4] ?? ''})`,
              expected: 'a figure named like a KPI of the plan',
              message: 'A figure stated in progress text matches no KPI; it stays in the text only.',
              severity: 'info',
            });
            continue;
          }
          const sourceNote = `extracted from progress text, line ${line}: ${excerptAround(bullet.text, m.index)}`;
          kpi.actuals = [
            ...(kpi.actuals ?? []),
            {
              value,
              label: m[4]?.trim() ?? label.label,
              dates: datesOf(label.period),
              origin: 'extracted_from_text',
              sourceNote,
            },
          ];
          this.reading.log.add({
            code: 'actual-extracted',
            line,
            found: `${name}: ${m[1] ?? ''}${m[3] ?? ''} (${m[4] ?? ''})`,
            expected: 'a KPI actual',
            message: `Read as an actual of "${kpi.name}" (FY${label.period.fiscalYear}), marked extracted_from_text for review.`,
            severity: 'info',
          });
        }
      }
    });
  }
}

function circled(number: number): string {
  return number >= 1 && number <= 20 ? String.fromCharCode(0x2460 + number - 1) : String(number);
}

/** The key, or key#2, key#3 … when it is taken: a count per key keeps this O(1). */
function unique(keys: Map<string, number>, key: string): string {
  let count = keys.get(key) ?? 0;
  let candidate = count === 0 ? key : `${key}#${count + 1}`;
  while (keys.has(candidate)) {
    count += 1;
    candidate = `${key}#${count + 1}`;
  }
  keys.set(key, count + 1);
  if (candidate !== key) keys.set(candidate, 1);
  return candidate;
}

// An item with the known ministry codes its tags name, in order.
interface Tagged<T> {
  input: T;
  codes: string[];
}

function ministriesOf(
  progress: readonly Tagged<ProgressDraft>[],
  projects: readonly Tagged<ProjectDraft>[],
): string[] {
  const codes = new Set<string>();
  for (const item of [...progress, ...projects]) for (const code of item.codes) codes.add(code);
  return [...codes];
}

function toKpiInput(draft: KpiReading, source: SourceDraft, key: string): KpiDraft {
  return {
    key,
    name: draft.name,
    unit: draft.unit,
    shape: draft.shape,
    direction: draft.direction,
    baseline: toPointInput(draft.baseline),
    target: toPointInput(draft.target),
    bar: draft.bar,
    note: draft.note,
    actuals: [],
    source,
  };
}

function toPointInput(point: KpiReading['target']): NonNullable<KpiDraft['target']> | null {
  return point === null ? null : { value: point.value, label: point.label, dates: point.dates };
}

// The words before a colon up to the previous sentence break: "…を開始(令和6年7月1日)。希少疾病用医薬品の指定件数".
function figureName(text: string, colon: number): string {
  const before = text.slice(Math.max(0, colon - 60), colon);
  const breaks = Math.max(before.lastIndexOf('。'), before.lastIndexOf('、'), before.lastIndexOf('」'));
  return cleanText(before.slice(breaks + 1));
}

function excerptAround(text: string, index: number): string {
  const start = Math.max(0, index - 30);
  return `…${text.slice(start, index + 30)}…`;
}
