import type { Grid, TableFormat } from './grid.js';
import { readDelimited, readMarkdown, readPdfText } from './grid.js';
import { readHtmlTables } from './html-table.js';
import { looksLaidOut, readLayoutText } from './layout-text.js';

const SAMPLE_LINES = 400;

function countLines(lines: readonly string[], test: (line: string) => boolean): number {
  let count = 0;
  for (const line of lines) if (test(line)) count += 1;
  return count;
}

// A comma between digits that groups thousands (「3,324人」) separates no cells: a list of figures is no CSV.
function hasDelimitingComma(line: string): boolean {
  return line.replace(/(?<=\d),(?=\d{3}(?!\d))/gu, '').includes(',');
}

/**
 * The layout of a table in text: HTML with a `<table>`, Markdown pipe tables, PDF-extract text (` | ` between
 * cells), TSV (tabs; text pasted from Excel), CSV; null when the text holds no table.
 */
export function detectTextFormat(text: string): Exclude<TableFormat, 'xlsx' | 'pdf'> | null {
  const head = text.slice(0, 400_000);
  if (/<table\b/iu.test(head)) return 'html';
  const lines = head
    .split('\n', SAMPLE_LINES)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return null;
  // Rows written between bars, or broken after every cell (each line ends with a bar), under a rule line.
  const pipeRows = countLines(lines, (line) => line.endsWith('|'));
  const rule = lines.some((line) => /^\|?\s*:?-{3,}:?\s*\|/u.test(line));
  if (pipeRows >= 2 && rule) return 'markdown';
  const needed = 2;
  if (countLines(lines, (line) => line.includes(' | ')) >= needed) return 'pdf-text';
  if (countLines(lines, (line) => line.includes('\t')) >= needed) return 'tsv';
  if (countLines(lines, hasDelimitingComma) >= needed) return 'csv';
  return null;
}

/** The grid of a text table in the given layout. */
export function readTextTable(text: string, format: Exclude<TableFormat, 'xlsx' | 'pdf'>): Grid {
  const unix = text.replace(/\r\n?/gu, '\n');
  switch (format) {
    case 'html':
      return readHtmlTables(unix);
    case 'markdown':
      return readMarkdown(unix);
    case 'pdf-text':
      return looksLaidOut(unix) ? readLayoutText(unix) : readPdfText(unix);
    case 'tsv':
      return readDelimited(unix, '\t');
    case 'csv':
      return readDelimited(unix, ',');
  }
}
