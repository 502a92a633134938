import type { PlanDocumentInput } from '@kotei/contracts';
import { ORGANISATIONS, parsePeriod, parseWareki } from '@kotei/domain';
import type { KpiDraft } from './kpi-text.js';
import type {
  GoalInput,
  KpiInput,
  MeasureInput,
  ProgressInput,
  ProjectInput,
  SheetInput,
  SourceInput,
} from './drafts.js';
import { IssueLog, sourceOf } from './drafts.js';
import { readBlocks, splitLines, stripEmphasis } from './markdown-blocks.js';
import type { Block, HeadingBlock, ListItem, SourceLine } from './markdown-blocks.js';
import { readOutcomeItem } from './outcome-text.js';
import { readSheet } from './sheet-reader.js';
import type {
  MeasureDraft,
  PhaseOwner,
  PlacedKpi,
  PlacedProject,
  ProgressDraft,
  SheetDraft,
} from './sheet-reader.js';
import { readHeader } from './table-layout.js';
import { cleanText, compactText, readSheetNumber } from './text.js';
import { NUMBER, UNITS, readNumber, readPeriodLabel } from './values.js';
import { kpiKey, outcomeKey } from './keys.js';

/** Options of a follow-up import. */
export interface FollowUpOptions {
  /** The plan's slug; otherwise derived from `sourceName`, else "imported-plan". */
  readonly slug?: string;
  /** The file name the text came from, for the slug and messages. */
  readonly sourceName?: string;
}

interface GoalDraft {
  number: number;
  title: string;
  notes: string[];
  outcomes: { draft: KpiDraft; source: SourceInput }[];
  lines: SourceLine[];
}

const SHEET_HEADING = /工程表\s{0,3}([\u2460-\u2473]|\d{1,4})/u;
const GOAL_HEADING = /^[(（]\s{0,2}(\d{1,2})\s{0,2}[)）]\s{0,2}(.+)$|^([\u2460-\u2473])\s{0,2}(.+)$/u;
const MONTH = /^(?:(令和|平成|昭和|R|H)\s?(元|\d{1,2})|(\d{4}))\s?年\s?(\d{1,2})\s?月$/u;
const AS_OF =
  /^※?\s{0,2}((?:令和|平成|R|H)?\s?(?:元|\d{1,4})\s?年\s?\d{1,2}\s?月\s?(?:末|\d{1,2}\s?日)\s?(?:時点|現在))$/u;
const KNOWN_MINISTRIES = new Set(ORGANISATIONS.map((o) => o.code));

/** Reads a follow-up document (text) into a PlanDocument input and its issues; may throw only on a bug. */
export function readFollowUp(
  text: string,
  options: FollowUpOptions,
): { plan: PlanDocumentInput; issues: IssueLog } {
  const reader = new DocumentReader(options);
  reader.read(text);
  const plan = reader.build();
  reader.log.finish();
  return { plan, issues: reader.log };
}

class DocumentReader {
  readonly log = new IssueLog();
  private title: { text: string; lines: SourceLine[] } | null = null;
  private adoptedOn: string | null = null;
  private expectOwner = false;
  private owner: string | null = null;
  private readonly description: string[] = [];
  private readonly goals: GoalDraft[] = [];
  private inGoals = false;
  private asOf: { date: string; label: string } | null = null;
  private readonly sheets: SheetDraft[] = [];
  private sheet: SheetDraft | null = null;
  private section: SheetDraft['sections'][number] | null = null;
  private readonly phases = new Map<string, PhaseOwner>();
  private readonly measureTitles = new Map<string, { sheet: number; title: string }>();
  private lastLine = 1;
  private readonly sheetNumbers = new Set<number>();
  private pendingSheetHeading: HeadingBlock | null = null;
  private readonly pendingHeadingSeen = new WeakSet<Block>();

  constructor(private readonly options: FollowUpOptions) {}

  read(text: string): void {
    const lines = splitLines(text);
    this.lastLine = Math.max(1, lines.length);
    const blocks = readBlocks(lines);
    if (blocks.length === 0) {
      this.log.add({
        code: 'empty-document',
        line: 1,
        found: text.trim() === '' ? 'an empty document' : text,
        expected: 'a follow-up document with headings and roadmap tables',
        message: 'The document has no text to read.',
        severity: 'error',
      });
    }
    for (const block of blocks) this.readBlock(block);
    const pending = this.pendingSheetHeading;
    this.pendingSheetHeading = null;
    if (pending !== null) this.readBlock(pending);
    this.finishSheet();
  }

  private readBlock(block: Block): void {
    const pending = this.pendingSheetHeading;
    if (pending !== null) {
      // "## …工程表" with its number alone on a later line: one heading split by the conversion.
      this.pendingSheetHeading = null;
      const number =
        block.kind === 'paragraph' ? /^\s*([\u2460-\u2473]|\d{1,3})\s*$/u.exec(block.text) : null;
      if (number !== null) {
        this.startSheet(
          `${pending.text}${number[1] ?? ''}`,
          [...pending.lines, ...block.lines],
          number[1] ?? '',
        );
        return;
      }
      this.readBlock(pending);
    }
    if (block.kind === 'paragraph' && this.readAsOf(block.text)) return;
    if (block.kind === 'heading') {
      const sheetMatch = SHEET_HEADING.exec(block.text);
      if (sheetMatch !== null) {
        this.startSheet(block.text, block.lines, sheetMatch[1] ?? '');
        return;
      }
      if (/工程表\s*$/u.test(block.text) && !this.pendingHeadingSeen.has(block)) {
        this.pendingHeadingSeen.add(block);
        this.pendingSheetHeading = block;
        return;
      }
    }
    if (this.sheet !== null) {
      this.readSheetBlock(this.sheet, block);
      return;
    }
    this.readPreambleBlock(block);
  }

  private readAsOf(text: string): boolean {
    const match = AS_OF.exec(cleanText(text).replace(/\s+/gu, ''));
    if (match === null) return false;
    const label = match[1] ?? '';
    const parsed = parsePeriod(label);
    if (!parsed.ok || parsed.value.kind !== 'point') return false;
    this.asOf = { date: parsed.value.start, label };
    return true;
  }

  // ── Before the first sheet: title, date, owner, strategic goals ────────────────────────────────────────────

  private readPreambleBlock(block: Block): void {
    switch (block.kind) {
      case 'heading': {
        const text = cleanText(block.text);
        if (/戦略目標/u.test(text)) {
          this.inGoals = true;
          return;
        }
        const goal = this.inGoals ? GOAL_HEADING.exec(text) : null;
        if (goal !== null) {
          this.startGoal(goal, block.lines);
          return;
        }
        if (this.title === null && text !== '') {
          this.title = { text, lines: block.lines };
          this.inGoals = false;
          return;
        }
        this.notImported(
          block.lines,
          'a heading the plan keeps no field for (such as the follow-up cover title)',
        );
        this.inGoals = false;
        return;
      }
      case 'paragraph': {
        if (this.readDateAndOwner(block.lines)) return;
        if (this.inGoals) {
          this.description.push(cleanText(stripEmphasis(block.text)));
          return;
        }
        this.notImported(block.lines, 'prose the plan keeps no field for');
        return;
      }
      case 'list': {
        const goal = this.goals[this.goals.length - 1];
        if (this.inGoals && goal !== undefined) {
          for (const item of block.items) this.readOutcome(goal, item);
          return;
        }
        this.notImported(block.lines, 'a list outside the strategic goals and sheets');
        return;
      }
      case 'row':
        this.notImported(block.lines, 'a table row before the first roadmap table (a cover stamp)');
        return;
      case 'rule':
        return;
    }
  }

  private readDateAndOwner(lines: readonly SourceLine[]): boolean {
    if (this.title === null) return false;
    let used = false;
    for (const line of lines) {
      const text = cleanText(stripEmphasis(line.text)).replace(/\s+/gu, '');
      if (text === '') continue;
      if (this.adoptedOn === null && !this.expectOwner) {
        const month = MONTH.exec(text);
        if (month === null) return used;
        const year = month[3] !== undefined ? Number(month[3]) : warekiYear(month[1] ?? '', month[2] ?? '');
        const monthNumber = Number(month[4]);
        if (year === null || year < 1900 || year > 2200 || monthNumber < 1 || monthNumber > 12) return used;
        this.adoptedOn = `${year}-${String(monthNumber).padStart(2, '0')}-01`;
        this.expectOwner = true;
        used = true;
        this.log.add({
          code: 'adopted-day-assumed',
          line: line.line,
          found: cleanText(line.text),
          expected: 'a full date of adoption',
          message: `The document gives only the month of adoption; adoptedOn is set to its first day, ${this.adoptedOn}.`,
          severity: 'info',
        });
        continue;
      }
      if (this.expectOwner && this.owner === null) {
        this.owner = cleanText(line.text);
        this.expectOwner = false;
        used = true;
        continue;
      }
      return used;
    }
    return used;
  }

  private startGoal(match: RegExpExecArray, lines: SourceLine[]): void {
    const number = match[1] !== undefined ? Number(match[1]) : (readSheetNumber(match[3] ?? '') ?? 0);
    const title = (match[2] ?? match[4] ?? '').replace(/^[「『"]|[」』"]$/gu, '').trim();
    if (number < 1) {
      this.notImported(lines, 'a strategic goal numbered from (1)');
      return;
    }
    this.goals.push({
      number,
      title: title === '' ? `戦略目標(${number})` : title,
      notes: [],
      outcomes: [],
      lines,
    });
  }

  private readOutcome(goal: GoalDraft, item: ListItem): void {
    // Continuation lines from one starting with ※ on are a note on the goal (page 1: "※ さらに…").
    const [first, ...rest] = item.lines;
    const bodyLines: SourceLine[] = first === undefined ? [] : [first];
    const noteLines: SourceLine[] = [];
    for (const next of rest) {
      if (noteLines.length > 0 || cleanText(next.text).startsWith('※')) noteLines.push(next);
      else bodyLines.push(next);
    }
    const body = cleanText(
      stripEmphasis(bodyLines.map((l, i) => (i === 0 ? stripListMark(l.text) : l.text)).join(' ')),
    );
    if (noteLines.length > 0) goal.notes.push(cleanText(noteLines.map((l) => l.text).join(' ')));
    const reading = readOutcomeItem(body);
    const line = first?.line ?? 1;
    for (const problem of reading.problems) this.log.add({ ...problem, line });
    for (const draft of reading.outcomes) goal.outcomes.push({ draft, source: sourceOf(bodyLines) });
  }

  // ── Sheets ─────────────────────────────────────────────────────────────────────────────────────────────────

  private startSheet(text: string, lines: SourceLine[], numberText: string): void {
    this.finishSheet();
    let number = readSheetNumber(numberText) ?? 0;
    if (number < 1 || number > 999) {
      const next = (this.sheets[this.sheets.length - 1]?.number ?? 0) + 1;
      this.log.add({
        code: 'sheet-number-unreadable',
        line: lines[0]?.line ?? 1,
        found: text,
        expected: 'a sheet number from ① (1) to 999',
        message: `The sheet number could not be read; the sheet is numbered ${next}.`,
        severity: 'warning',
      });
      number = next;
    }
    if (this.sheetNumbers.has(number)) {
      this.log.add({
        code: 'duplicate-sheet',
        line: lines[0]?.line ?? 1,
        found: text,
        expected: 'each sheet number once',
        message: `Sheet ${number} appears again; it is kept as a further sheet with the same number.`,
        severity: 'warning',
      });
    }
    this.sheetNumbers.add(number);
    this.sheet = {
      number,
      title: '',
      headingLines: lines,
      labels: [],
      tables: [],
      sections: [],
      measures: [],
      progress: [],
      projects: [],
    };
    this.section = null;
  }

  private readSheetBlock(sheet: SheetDraft, block: Block): void {
    switch (block.kind) {
      case 'heading': {
        const text = cleanText(block.text);
        if (text.includes('進捗')) {
          this.section = { kind: 'progress', heading: block.lines, items: [] };
          sheet.sections.push(this.section);
        } else if (text.includes('該当事業')) {
          this.section = { kind: 'projects', heading: block.lines, items: [] };
          sheet.sections.push(this.section);
        } else if (sheet.tables.length === 0) {
          sheet.labels.push({ text: block.text, lines: block.lines });
        } else {
          this.notImported(block.lines, 'a heading after the roadmap table that is not 進捗状況 or 該当事業');
        }
        return;
      }
      case 'paragraph':
        if (sheet.tables.length === 0 && this.section === null) {
          sheet.labels.push({ text: block.text, lines: block.lines });
        } else {
          this.notImported(block.lines, 'prose after the roadmap table');
        }
        return;
      case 'list':
        if (this.section === null) {
          this.notImported(block.lines, 'a list under a 進捗状況 or 該当事業 heading');
        } else {
          for (const item of block.items) this.section.items.push(item);
        }
        return;
      case 'row': {
        const layout = readHeader(block.cells);
        if (layout !== null) {
          sheet.tables.push({ header: block, layout, rows: [] });
          this.section = null;
          return;
        }
        const table = sheet.tables[sheet.tables.length - 1];
        if (table === undefined) {
          this.log.add({
            code: 'row-without-header',
            line: block.lines[0]?.line ?? 1,
            found: block.cells.join(' | '),
            expected: 'a header row with period columns (2024年夏 … 2026-2028年度) before the rows',
            message: 'A table row comes before any header row and was not imported.',
            severity: 'warning',
          });
          return;
        }
        table.rows.push(block);
        return;
      }
      case 'rule':
        return;
    }
  }

  private finishSheet(): void {
    const sheet = this.sheet;
    if (sheet === null) return;
    this.sheet = null;
    this.section = null;
    readSheet(sheet, {
      log: this.log,
      planFiscalYear: this.planFiscalYear(),
      phases: this.phases,
      measures: this.measureTitles,
    });
    for (const measure of sheet.measures) {
      const key = compactText(measure.title);
      if (!this.measureTitles.has(key))
        this.measureTitles.set(key, { sheet: sheet.number, title: measure.title });
    }
    if (sheet.tables.length === 0) {
      this.log.add({
        code: 'sheet-without-table',
        line: sheet.headingLines[0]?.line ?? 1,
        found: sheet.title,
        expected: 'a roadmap table with period columns',
        message: `Sheet ${sheet.number} has no roadmap table; it is kept without measures.`,
        severity: 'warning',
      });
    }
    this.sheets.push(sheet);
  }

  private planFiscalYear(): number | null {
    if (this.adoptedOn === null) return null;
    const parsed = parsePeriod(
      `${this.adoptedOn.slice(0, 4)}年${Number(this.adoptedOn.slice(5, 7))}月1日時点`,
    );
    return parsed.ok ? parsed.value.fiscalYear : null;
  }

  private notImported(lines: readonly SourceLine[], expected: string): void {
    const text = lines.map((l) => l.text).join(' ');
    this.log.add({
      code: 'not-imported',
      line: lines[0]?.line ?? 1,
      found: cleanText(text),
      expected,
      message: `Line${lines.length > 1 ? `s ${lines[0]?.line ?? ''}–${lines[lines.length - 1]?.line ?? ''}` : ` ${lines[0]?.line ?? ''}`} read but not imported: the plan has no place for this text.`,
      severity: 'info',
    });
  }

  // ── The plan ───────────────────────────────────────────────────────────────────────────────────────────────

  build(): PlanDocumentInput {
    const title = this.title?.text ?? this.options.sourceName ?? '';
    if (this.title === null) {
      this.log.add({
        code: 'title-missing',
        line: 1,
        found: 'no heading',
        expected: 'the plan title as the first heading',
        message: `No title heading was found; the plan is called "${title === '' ? '無題の計画' : title}".`,
        severity: 'error',
      });
    }
    if (this.owner === null) {
      this.log.add({
        code: 'owner-missing',
        line: this.title?.lines[0]?.line ?? 1,
        found: 'no owner line',
        expected: 'the owning office on the line after the date (内閣官房健康・医療戦略室)',
        message: 'No owner was found; the plan owner is set to 不明.',
        severity: 'error',
      });
    }
    const goals = this.buildGoals();
    const sheets = this.sheets.map((sheet) => this.buildSheet(sheet));
    this.extractActuals(sheets);
    if (this.sheets.length === 0) {
      this.log.add({
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
      owner: this.owner ?? '不明',
      adoptedOn: this.adoptedOn,
      description: this.description.join('\n'),
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
      this.log.add({
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
    if (this.asOf !== null) {
      return { title: `${this.asOf.label.replace(/^※/u, '')}フォローアップ`, asOfDate: this.asOf.date };
    }
    const derived = this.deriveAsOf();
    if (derived === null) {
      this.log.add({
        code: 'as-of-missing',
        line: this.lastLine,
        found: 'no "※2025年6月末時点" line and no dated progress',
        expected: 'the as-of date of the follow-up, e.g. ※2025年6月末時点',
        message: 'The follow-up round has no as-of date; the plan is imported without a round.',
        severity: 'warning',
      });
      return null;
    }
    this.log.add({
      code: 'as-of-derived',
      line: this.lastLine,
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
    for (const sheet of this.sheets) {
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

  private buildGoals(): GoalInput[] {
    const numbers = new Set<number>();
    for (let i = 0; i < this.goals.length; i += 1) {
      const goal = this.goals[i];
      if (goal === undefined) continue;
      if (numbers.has(goal.number)) {
        this.log.add({
          code: 'duplicate-goal',
          line: goal.lines[0]?.line ?? 1,
          found: goal.title,
          expected: 'each strategic goal number once',
          message: `Strategic goal (${goal.number}) appears again; both are kept.`,
          severity: 'warning',
        });
      }
      numbers.add(goal.number);
      const next = this.goals[i + 1];
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
        this.log.add({
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
    return this.goals.map((goal) => ({
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
  private readonly kpiByName = new Map<string, { sheet: number; input: KpiInput }>();
  private readonly kpiElsewhere = new Map<string, { sheet: number; input: KpiInput }>();

  private buildSheet(sheet: SheetDraft): SheetInput {
    const sheetMinistries = ministriesOf(sheet.progress, sheet.projects);
    const measures = sheet.measures.map((measure) => this.buildMeasure(sheet, measure, sheetMinistries));
    this.checkMinistries(sheet);
    return {
      number: sheet.number,
      title: sheet.title,
      measures,
      progress: sheet.progress.map(toProgressInput),
      projects: sheet.projects.map(toProjectInput),
      source: sourceOf(sheet.headingLines),
    };
  }

  private buildMeasure(sheet: SheetDraft, measure: MeasureDraft, sheetMinistries: string[]): MeasureInput {
    let ministries = ministriesOf(measure.progress, measure.projects);
    if (ministries.length === 0 && sheetMinistries.length > 0) {
      ministries = sheetMinistries;
      this.log.add({
        code: 'ministries-from-sheet',
        line: measure.lines[0]?.line ?? 1,
        found: measure.title,
        expected: 'progress or projects tagged with a ministry on the measure',
        message: `The measure has no tagged progress or project of its own; it takes the ministries of its sheet's progress and projects (${ministries.join('、')}).`,
        severity: 'info',
      });
    }
    const kpis = measure.kpis.map((placed) => this.buildKpi(sheet, placed));
    const input: MeasureInput = {
      title: measure.title,
      ministries,
      phases: measure.phases,
      kpis,
      progress: measure.progress.map(toProgressInput),
      projects: measure.projects.map(toProjectInput),
      source: sourceOf(measure.lines),
    };
    if (measure.repostOf !== null) input.repostOf = measure.repostOf;
    return input;
  }

  private buildKpi(sheet: SheetDraft, placed: PlacedKpi): KpiInput {
    const { draft } = placed;
    const name = compactText(draft.name);
    const first = this.kpiByName.get(name);
    const earlier = first !== undefined && first.sheet !== sheet.number ? first : this.kpiElsewhere.get(name);
    if (earlier !== undefined) {
      if (draft.isRepost)
        draft.note = [draft.note, `再掲(工程表${circled(earlier.sheet)})`].filter((s) => s !== '').join(' ');
      this.log.add({
        code: draft.isRepost ? 'repost-kpi' : 'repeated-kpi',
        line: placed.line,
        found: draft.name,
        expected: 'a KPI',
        message: `${draft.isRepost ? '再掲: ' : 'Not marked 再掲, but '}sheet ${earlier.sheet} has the same KPI. It keeps its own key in this sheet; the link is in its note${draft.isRepost ? '' : ' only as this issue'} (KpiInput has no repostOf).`,
        severity: 'info',
      });
    } else if (draft.isRepost) {
      this.log.add({
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

  private checkMinistries(sheet: SheetDraft): void {
    const unknown = new Set<string>();
    const note = (code: string | null): void => {
      if (code !== null && !KNOWN_MINISTRIES.has(code)) unknown.add(code);
    };
    const visit = (progress: readonly ProgressDraft[], projects: readonly PlacedProject[]): void => {
      for (const bullet of progress) {
        note(bullet.ministry);
        for (const code of bullet.otherMinistries) note(code);
      }
      for (const project of projects) {
        note(project.draft.ministry);
        for (const code of project.draft.otherMinistries) note(code);
      }
    };
    visit(sheet.progress, sheet.projects);
    for (const measure of sheet.measures) visit(measure.progress, measure.projects);
    for (const code of unknown) {
      this.log.add({
        code: 'unknown-ministry',
        line: sheet.headingLines[0]?.line ?? 1,
        found: `【${code}】`,
        expected: `a known ministry tag (${[...KNOWN_MINISTRIES].join(' ')})`,
        message: `The tag 【${code}】 names no known ministry; it is kept as written.`,
        severity: 'warning',
      });
    }
  }

  // Figures stated as actuals inside progress ("希少疾病用医薬品の指定件数: 86件 (2024年度)") become KPI actuals.
  private extractActuals(sheets: SheetInput[]): void {
    const figure = new RegExp(
      String.raw`[:：]\s{0,2}(${NUMBER})\s?(万)?(${UNITS.join('|')})\s{0,2}\(([^()]{1,30})\)`,
      'gu',
    );
    this.sheets.forEach((sheet, index) => {
      const built = sheets[index];
      if (built === undefined) return;
      const sheetKpis = (built.measures ?? []).flatMap((m) => m.kpis ?? []);
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
            sheetKpis.find((k) => compactText(k.name) === key) ??
            sheetKpis.find((k) => compactText(k.name).includes(key) || key.includes(compactText(k.name))) ??
            this.kpiByName.get(key)?.input;
          if (kpi === undefined) {
            this.log.add({
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
            { value, label: m[4]?.trim() ?? label.label, origin: 'extracted_from_text', sourceNote },
          ];
          this.log.add({
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

function stripListMark(text: string): string {
  return text.replace(/^\s{0,8}(?:[-*+•]|\d{1,3}[.)])\s+/u, '');
}

function warekiYear(era: string, year: string): number | null {
  const parsed = parseWareki(`${era}${year}年`);
  return parsed.ok ? parsed.value.year : null;
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

function ministriesOf(progress: readonly ProgressDraft[], projects: readonly PlacedProject[]): string[] {
  const codes = new Set<string>();
  const add = (code: string | null): void => {
    if (code !== null && code.trim() !== '') codes.add(code);
  };
  for (const bullet of progress) {
    add(bullet.ministry);
    for (const code of bullet.otherMinistries) add(code);
  }
  for (const project of projects) {
    add(project.draft.ministry);
    for (const code of project.draft.otherMinistries) add(code);
  }
  return [...codes];
}

function toKpiInput(draft: KpiDraft, source: SourceInput, key: string): KpiInput {
  return {
    key,
    name: draft.name,
    unit: draft.unit,
    shape: draft.shape,
    direction: draft.direction,
    baseline: draft.baseline === null ? null : { value: draft.baseline.value, label: draft.baseline.label },
    target: draft.target === null ? null : { value: draft.target.value, label: draft.target.label },
    note: draft.note,
    actuals: [],
    source,
  };
}

function toProgressInput(bullet: ProgressDraft): ProgressInput {
  return { ministry: bullet.ministry, text: bullet.text, source: bullet.source };
}

function toProjectInput(project: PlacedProject): ProjectInput {
  return {
    name: project.draft.name,
    ministry: project.draft.ministry,
    lines: project.draft.lines.map((line) => ({ ...line })),
    source: project.source,
  };
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
