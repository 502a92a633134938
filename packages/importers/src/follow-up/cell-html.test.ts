import { describe, expect, it } from 'vitest';
import { splitCellHtml } from './cell-html.js';

describe('splitCellHtml', () => {
  it('cuts list items and paragraphs and drops inline tags', () => {
    const split = splitCellHtml(
      '<p><b>見直しを実施</b></p> <ul style="list-style-type: none"> <li>A &amp; B</li> <li>C<span>再掲</span></li> </ul>',
    );
    expect(split.hasList).toBe(true);
    expect(split.parts).toEqual([
      { kind: 'paragraph', raw: '見直しを実施' },
      { kind: 'item', raw: 'A & B' },
      { kind: 'item', raw: 'C再掲' },
    ]);
  });

  it('keeps a lone < as text and reads deeply nested lists in one pass', () => {
    expect(splitCellHtml('x < y > z').parts).toEqual([{ kind: 'text', raw: 'x < y > z' }]);
    const nested = `${'<ul><li>'.repeat(50_000)}深い${'</li></ul>'.repeat(50_000)}`;
    expect(splitCellHtml(nested).parts).toEqual([{ kind: 'item', raw: '深い' }]);
  });
});
