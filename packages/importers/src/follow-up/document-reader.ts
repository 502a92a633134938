import { parsePeriod, parseWareki } from '@kotei/domain';
import type { KpiReading } from './kpi-text.js';
import type { SourceDraft } from './drafts.js';
import { IssueLog, sourceOf } from './drafts.js';
import { readBlocks, splitLines, stripEmphasis } from './markdown-blocks.js';
import type { Block, HeadingBlock, ListItem, SourceLine } from './markdown-blocks.js';
import { readOutcomeItem } from './outcome-text.js';
import { readSheet } from './sheet-reader.js';
import type { PhaseOwner, SheetReading } from './sheet-reader.js';
import { readHeader } from './table-layout.js';
import { cleanText, compactText, readSheetNumber } from './text.js';

/** A strategic goal as read: its heading, notes and outcome targets. */
export interface GoalReading {
  number: number;
  title: string;
  notes: string[];
  outcomes: { draft: KpiReading; source: SourceDraft }[];
  lines: SourceLine[];
}

/** What a follow-up document says, block by block, before it is built into a plan. */
export interface DocumentReading {
  readonly log: IssueLog;
  readonly title: { text: string; lines: SourceLine[] } | null;
  readonly adoptedOn: string | null;
  readonly owner: string | null;
  readonly description: readonly string[];
  readonly goals: readonly GoalReading[];
  readonly asOf: { date: string; label: string } | null;
  readonly sheets: readonly SheetReading[];
  readonly lastLine: number;
}

const SHEET_HEADING = /工程表\s{0,3}([\u2460-\u2473]|\d{1,4})/u;
const GOAL_HEADING = /^[(（]\s{0,2}(\d{1,2})\s{0,2}[)）]\s{0,2}(.+)$|^([\u2460-\u2473])\s{0,2}(.+)$/u;
const MONTH = /^(?:(令和|平成|昭和|R|H)\s?(元|\d{1,2})|(\d{4}))\s?年\s?(\d{1,2})\s?月$/u;
const AS_OF =
  /^※?\s{0,2}((?:令和|平成|R|H)?\s?(?:元|\d{1,4})\s?年\s?\d{1,2}\s?月\s?(?:末|\d{1,2}\s?日)\s?(?:時点|現在))$/u;

/**
 * Reads a follow-up document's blocks into what they say (title, date, owner, goals, sheets with their measures),
 * reporting what it cannot place; the PlanBuilder turns the reading into a plan.
 */
export class DocumentReader implements DocumentReading {
  readonly log = new IssueLog();
  title: { text: string; lines: SourceLine[] } | null = null;
  adoptedOn: string | null = null;
  private expectOwner = false;
  owner: string | null = null;
  readonly description: string[] = [];
  readonly goals: GoalReading[] = [];
  private inGoals = false;
  asOf: { date: string; label: string } | null = null;
  readonly sheets: SheetReading[] = [];
  private sheet: SheetReading | null = null;
  private section: SheetReading['sections'][number] | null = null;
  private readonly phases = new Map<string, PhaseOwner>();
  private readonly measureTitles = new Map<string, { sheet: number; title: string }>();
  lastLine = 1;
  private pendingSheetHeading: HeadingBlock | null = null;
  private readonly pendingHeadingSeen = new WeakSet<Block>();

  /** Reads the whole text; call once. */
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

  private readOutcome(goal: GoalReading, item: ListItem): void {
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

  private readSheetBlock(sheet: SheetReading, block: Block): void {
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
}

function stripListMark(text: string): string {
  return text.replace(/^\s{0,8}(?:[-*+•]|\d{1,3}[.)])\s+/u, '');
}

/** The western year of an era year (令和6 → 2024), or null when it is no year. */
export function warekiYear(era: string, year: string): number | null {
  const parsed = parseWareki(`${era}${year}年`);
  return parsed.ok ? parsed.value.year : null;
}
