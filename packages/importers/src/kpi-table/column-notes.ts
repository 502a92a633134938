import { normalizeText } from '@kotei/domain';
import type { Grid } from './grid.js';
import type { ColumnMapping } from './header.js';
import { VALUE_ROLES } from './header.js';
import type { EraHint } from './years.js';
import { readYear } from './years.js';

// A note beside a table may date a column whose header names no year: 「※直近値は評価のため、平成25年度に把握した
// データを活用。」 dates the 直近値 column. Only a note whose subject is the column's header (「直近値は」) does.

/** The notes of a grid (one-cell rows that open with ※), normalised. */
export function columnNotes(grid: Grid): string[] {
  const notes: string[] = [];
  for (const row of grid.rows) {
    const texts = row.cells.map((cell) => cell.text.trim()).filter((text) => text !== '');
    const only = texts.length === 1 ? normalizeText(texts[0] as string) : '';
    if (/^※/u.test(only)) notes.push(only.replace(/\s+/gu, ''));
  }
  return notes;
}

/** The mapping with each undated value column a note names as its subject dated by that note. */
export function datedByNotes(
  mapping: readonly ColumnMapping[],
  notes: readonly string[],
  hint: EraHint,
): ColumnMapping[] {
  return mapping.map((m) => {
    const header = normalizeText(m.header).replace(/\s+/gu, '');
    if (!VALUE_ROLES.has(m.role) || m.year !== null || header === '') return m;
    for (const note of notes) {
      const at = note.indexOf(`${header}は`);
      if (at < 0) continue;
      const year = readYear(note.slice(at + header.length), hint);
      if (year !== null) return { ...m, year, evidence: `${m.evidence}; dated by the note 「${note}」` };
    }
    return m;
  });
}
