import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { cellLinesGrid } from './cell-lines.js';
import { readTextTable } from './read-table.js';
import { detectHeader } from './header.js';

it('probe', () => {
  const grid = readTextTable(readFileSync(process.env.PROBE ?? '', 'utf8'), 'pdf-text');
  const g = cellLinesGrid(grid, '');
  console.log(JSON.stringify(detectHeader(g!.rows[0]!, '')?.map((m) => [m.header, m.role, m.year?.year])));
  for (const r of g?.rows.slice(0, 12) ?? [])
    console.log(r.line, JSON.stringify(r.cells.map((c) => c.text.slice(0, 30))));
});
