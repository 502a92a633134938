/** One source line of a block: its 1-based number and text as written. */
export interface SourceLine {
  readonly line: number;
  readonly text: string;
}

/** A Markdown heading; a heading whose text runs on over the next lines (no blank between) is one block. */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: number;
  readonly text: string;
  readonly lines: SourceLine[];
}

/** Lines of prose up to a blank line; `isBold` when the whole paragraph is **bold** (a label in the PDF). */
export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly isBold: boolean;
  readonly lines: SourceLine[];
}

/** One list item with the lines that continue it. */
export interface ListItem {
  readonly text: string;
  readonly lines: SourceLine[];
}

/** Consecutive list items. */
export interface ListBlock {
  readonly kind: 'list';
  readonly items: ListItem[];
  readonly lines: SourceLine[];
}

/** One table row, from TAB-separated cells or a pipe table. */
export interface RowBlock {
  readonly kind: 'row';
  readonly cells: string[];
  readonly lines: SourceLine[];
}

/** A thematic break (---). */
export interface RuleBlock {
  readonly kind: 'rule';
  readonly lines: SourceLine[];
}

/** A block of the document, with the source lines it came from. */
export type Block = HeadingBlock | ParagraphBlock | ListBlock | RowBlock | RuleBlock;

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/u;
const LIST_ITEM = /^ {0,8}(?:[-*+•]|\d{1,3}[.)])[ \t]+/u;

type LineKind = 'blank' | 'heading' | 'list' | 'row' | 'pipe-separator' | 'rule' | 'text';

/** Splits text into lines on \r\n, \r or \n; line i of the result is line i + 1 of the source. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}

function classify(line: string): LineKind {
  if (line.trim() === '') return 'blank';
  if (line.includes('\t')) return 'row';
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) return isPipeSeparator(trimmed) ? 'pipe-separator' : 'row';
  if (HEADING.test(line)) return 'heading';
  if (isRule(trimmed)) return 'rule';
  if (LIST_ITEM.test(line)) return 'list';
  return 'text';
}

function isRule(trimmed: string): boolean {
  const mark = trimmed.charAt(0);
  if (mark !== '-' && mark !== '*' && mark !== '_') return false;
  let count = 0;
  for (const char of trimmed) {
    if (char === mark) count += 1;
    else if (char !== ' ' && char !== '\t') return false;
  }
  return count >= 3;
}

function isPipeSeparator(trimmed: string): boolean {
  return trimmed.includes('---') && /^[|:\-\s]+$/u.test(trimmed);
}

/** The cells of a table line: TAB-separated, or between the pipes of a pipe table. */
export function splitRow(line: string): string[] {
  if (line.includes('\t')) return line.split('\t');
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  // A pipe written as \| stays in its cell.
  return body.split(/(?<!\\)\|/u).map((cell) => cell.replace(/\\\|/gu, '|'));
}

/** Reads the document's blocks in one pass over its lines. */
export function readBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const text = lines[index] ?? '';
    const kind = classify(text);
    const source: SourceLine = { line: index + 1, text };
    index += 1;
    switch (kind) {
      case 'blank':
      case 'pipe-separator':
        break;
      case 'row':
        blocks.push({ kind: 'row', cells: splitRow(text), lines: [source] });
        break;
      case 'rule':
        blocks.push({ kind: 'rule', lines: [source] });
        break;
      case 'heading': {
        const level = (HEADING.exec(text)?.[1] ?? '#').length;
        const heading: SourceLine[] = [source];
        while (index < lines.length && classify(lines[index] ?? '') === 'text') {
          heading.push({ line: index + 1, text: lines[index] ?? '' });
          index += 1;
        }
        const joined = heading.map((l, i) => (i === 0 ? l.text.replace(HEADING, '') : l.text)).join(' ');
        blocks.push({ kind: 'heading', level, text: stripHeadingMarks(joined), lines: heading });
        break;
      }
      case 'list': {
        const items: ListItem[] = [];
        let item: SourceLine[] = [source];
        const all: SourceLine[] = [source];
        while (index < lines.length) {
          const next = lines[index] ?? '';
          const nextKind = classify(next);
          if (nextKind !== 'list' && nextKind !== 'text') break;
          const nextSource = { line: index + 1, text: next };
          all.push(nextSource);
          index += 1;
          if (nextKind === 'list') {
            items.push(toItem(item));
            item = [nextSource];
          } else {
            item.push(nextSource);
          }
        }
        items.push(toItem(item));
        blocks.push({ kind: 'list', items, lines: all });
        break;
      }
      case 'text': {
        const paragraph: SourceLine[] = [source];
        while (index < lines.length && classify(lines[index] ?? '') === 'text') {
          paragraph.push({ line: index + 1, text: lines[index] ?? '' });
          index += 1;
        }
        const joined = paragraph.map((l) => l.text).join(' ');
        const trimmed = joined.trim();
        const isBold = trimmed.length > 4 && trimmed.startsWith('**') && trimmed.endsWith('**');
        blocks.push({ kind: 'paragraph', text: stripEmphasis(joined), isBold, lines: paragraph });
        break;
      }
    }
  }
  return blocks;
}

function toItem(lines: SourceLine[]): ListItem {
  const text = lines.map((l, i) => (i === 0 ? l.text.replace(LIST_ITEM, '') : l.text)).join(' ');
  return { text, lines };
}

function stripHeadingMarks(text: string): string {
  // A closing sequence of #s is not part of the heading (CommonMark).
  const tail = text.slice(-32);
  const closing = /[ \t]+#{1,6}[ \t]*$/u.exec(tail);
  return stripEmphasis(closing === null ? text : text.slice(0, text.length - tail.length + closing.index));
}

/** Markdown emphasis marks (**bold**, __bold__) taken out; the words stay. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/gu, '');
}
