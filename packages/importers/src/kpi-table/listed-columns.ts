import { normalizeText } from '@kotei/domain';
import { readValueCell } from './cell-value.js';
import type { Grid, GridRow } from './grid.js';
import { rowText, textRow } from './grid.js';
import type { EraHint } from './years.js';
import { readYear } from './years.js';

// The text version of a plan (テキスト版, for screen readers) writes a table as a sentence naming its columns, then its
// rows with 「、」 between the cells: 「以下は、介護保険サービス受給者数について、各サービスごとに、平成18年度計画値、実績値、
// 計画比、平成19年度計画値、実績値、計画比の順に記載。単位は人。 介護保険サービス受給者総数、26万0084、24万4089、93.9%、
// …」. Each such table is rebuilt as a grid, a row a record, so the ordinary reader reads it.

const LEAD =
  /以下は、(?<subject>[^。]*?)について、(?<columns>[^。]*?)の順に記載。(?:\u241e?単位は(?<unit>[^。]{1,12}?)。)?/gu;
// 「各サービスごとに」: says the rows are named, no column.
const PER_ROW = /^各[^、]*ごとに$/u;
const YEAR_PREFIX = /^((?:令和|平成|昭和)(?:元|\d{1,2})年度?|(?:19|20)\d{2}年度?)/u;
const MIN_ROWS = 1;
const RECORD_BREAK = '\u241e';
// The years a sentence's subject opens with (「平成18年度、平成19年度の要介護認定者数」): the rows', not the name's.
const SUBJECT_YEARS = /^(?:(?:令和|平成)(?:元|\d{1,2})年度?、?)+の/u;

interface Section {
  readonly subject: string;
  readonly columns: string[];
  readonly unit: string | null;
  readonly records: string[];
}

// The columns as named, each year carried on to the columns after it that name none (「平成18年度計画値、実績値、
// 計画比」 → 平成18年度実績値, 平成18年度計画比).
function columnsOf(listed: string): string[] {
  let year = '';
  return listed
    .split('、')
    .map((word) => word.trim())
    .filter((word) => word !== '' && !PER_ROW.test(word))
    .map((word) => {
      const own = YEAR_PREFIX.exec(word)?.[1];
      if (own !== undefined) {
        year = own;
        return word;
      }
      return word === '単位' || year === '' ? word : `${year}${word}`;
    });
}

function isFigure(field: string, hint: EraHint): boolean {
  return /^[△▲-]?\d/u.test(field) && readValueCell(field, hint).value !== null;
}

/** The cells of a record: its words before the figures (the name, which may hold 「、」, then the unit), then them. */
function cellsOf(record: string, columns: readonly string[], hint: EraHint): string[] | null {
  const fields = record.split('、').map((field) => field.trim());
  const first = fields.findIndex((field) => isFigure(field, hint));
  if (first <= 0) return null;
  const figures = fields.slice(first);
  const hasUnit = columns.includes('単位');
  const values = columns.filter((column) => column !== '単位').length;
  if (figures.length !== values || figures.some((field) => !isFigure(field, hint))) return null;
  const words = fields.slice(0, first);
  const unit = hasUnit ? words.pop() : undefined;
  if (words.length === 0) return null;
  return [words.join('、'), ...(unit === undefined ? [] : [unit]), ...figures];
}

function sectionsOf(text: string): Section[] {
  const found = [...text.matchAll(LEAD)];
  return found.map((match, index) => {
    const start = match.index + match[0].length;
    const end = found[index + 1]?.index ?? text.length;
    const groups = match.groups ?? {};
    return {
      subject: (groups.subject ?? '').replaceAll(RECORD_BREAK, '').replace(SUBJECT_YEARS, '').trim(),
      columns: columnsOf((groups.columns ?? '').replaceAll(RECORD_BREAK, '')),
      unit: groups.unit?.trim() ?? null,
      records: text
        .slice(start, end)
        .split(RECORD_BREAK)
        .filter((record) => record.includes('、')),
    };
  });
}

// A table whose rows are years (「平成18年度、33万3811、32万1334、96.3%」) of the one subject the sentence names: one
// row, the subject, its columns each year's.
function yearRows(section: Section, line: number, hint: EraHint): GridRow[] | null {
  const rows = section.records.map((record) => record.split('、').map((field) => field.trim()));
  if (
    rows.length === 0 ||
    rows.some(([label = '']) => readYear(label, hint) === null || isFigure(label, hint))
  )
    return null;
  if (rows.some((fields) => fields.length - 1 !== section.columns.length)) return null;
  const header = [
    '指標',
    ...rows.flatMap(([label = '']) => section.columns.map((column) => `${label}${column}`)),
  ];
  const cells = [section.subject, ...rows.flatMap((fields) => fields.slice(1))];
  return [textRow(header, line), textRow(cells, line)];
}

function gridRows(section: Section, line: number, hint: EraHint): GridRow[] {
  const byYear = yearRows(section, line, hint);
  if (byYear !== null) return byYear;
  const rows = section.records
    .map((record) => cellsOf(record, section.columns, hint))
    .filter((cells): cells is string[] => cells !== null);
  if (rows.length < MIN_ROWS) return [];
  return [textRow(['指標', ...section.columns], line), ...rows.map((cells) => textRow(cells, line))];
}

/**
 * The tables a text version writes as 「…の順に記載。」 sentences and 「、」-parted records, one grid each; null where the
 * text holds none. A table's unit stated in the sentence (「単位は人。」) goes on its names.
 */
export function readListedColumns(grids: readonly Grid[], hint: EraHint): Grid[] | null {
  const out: Grid[] = [];
  for (const grid of grids) {
    if (grid.sheet !== null) continue;
    for (const row of grid.rows) {
      // The records are parted by spaces, which normalising drops between Japanese words: kept as a mark.
      const raw = rowText(row);
      if (!raw.includes('の順に記載')) continue;
      const text = normalizeText(raw.replace(/[\s\u3000]+/gu, RECORD_BREAK));
      for (const section of sectionsOf(text)) {
        const rows = gridRows(section, row.line, hint).map((gridRow, index) =>
          index === 0 || section.unit === null || section.columns.includes('単位')
            ? gridRow
            : textRow(
                gridRow.cells.map((cell, column) =>
                  column === 0 ? `${cell.text}(${section.unit})` : cell.text,
                ),
                gridRow.line,
              ),
        );
        if (rows.length > 1) out.push({ sheet: null, rows });
      }
    }
  }
  return out.length === 0 ? null : out;
}
