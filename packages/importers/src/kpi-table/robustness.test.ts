import { readFileSync, readdirSync } from 'node:fs';
import { PlanDocument } from '@kotei/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseKpiTableText, parseKpiWorkbook } from './index.js';

const ROOTS = [
  new URL('../fixtures/kpi-tables/', import.meta.url),
  new URL('../fixtures/kpi-tables-blind/', import.meta.url),
];
// The text tables of the corpus and the blind corpus, as UTF-8 (the Shift_JIS one is left to the decoder's own
// tests).
const tables = ROOTS.flatMap((root) =>
  readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(new URL(`${entry.name}/`, root))
        .filter((file) => /^(table|paste)\.(md|html|txt|tsv)$/u.test(file))
        .map((file) => readFileSync(new URL(`${entry.name}/${file}`, root), 'utf8')),
    ),
);

function readsCleanly(text: string): void {
  const result = parseKpiTableText(text, { slug: 'robustness' });
  expect(PlanDocument.safeParse(result.plan).success).toBe(true);
  for (const issue of result.issues) {
    expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.message !== '').toBe(true);
  }
}

describe('parseKpiTable robustness', () => {
  it('never throws on arbitrary text and always returns a valid plan', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        readsCleanly(text);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on corpus tables cut, shuffled and spliced with noise', () => {
    const mangled = fc
      .tuple(
        fc.constantFrom(...tables),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.string({ maxLength: 40 }),
      )
      .map(([text, a, b, noise]) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        return text.slice(0, from) + noise + text.slice(to);
      });
    fc.assert(
      fc.property(mangled, (text) => {
        readsCleanly(text);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bytes that are no workbook with an issue, not a throw', async () => {
    const result = await parseKpiWorkbook(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]));
    expect(result.issues.map((issue) => issue.code)).toEqual(['xlsx-unreadable']);
  });
});
