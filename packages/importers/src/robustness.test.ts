import { readFileSync } from 'node:fs';
import { PlanDocument } from '@kotei/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDocument, parseFollowUp } from './index.js';

const SEED_URL = new URL('../../server/sample/drug-discovery-2024.follow-up.md', import.meta.url);
const seed = readFileSync(SEED_URL, 'utf8');
const seedLines = seed.split('\n');

/** Parses, and checks the contract: no throw, a valid PlanDocument, issues with their fields. */
function parsesCleanly(text: string): boolean {
  const result = parseFollowUp(text, { slug: 'robustness' });
  const valid = PlanDocument.safeParse(result.plan);
  if (!valid.success) throw new Error(JSON.stringify(valid.error.issues.slice(0, 3)));
  for (const issue of result.issues) {
    if (!Number.isInteger(issue.line) || issue.line < 1 || issue.message === '' || issue.code === '') {
      throw new Error(`bad issue ${JSON.stringify(issue)}`);
    }
  }
  return true;
}

function timed(text: string): number {
  const start = performance.now();
  parsesCleanly(text);
  return performance.now() - start;
}

describe('parseFollowUp robustness', () => {
  it('returns a valid plan for any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parsesCleanly), { numRuns: 300 });
    const alphabet = fc.constantFrom(
      ...'\t\n |#-・【厚】()（）<>/li>ulp工程表①②年度R10件→～※再掲 0123456789'.split(''),
    );
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 600 }), parsesCleanly), { numRuns: 300 });
  });

  it('survives the seed truncated, shuffled, duplicated and with lines dropped', () => {
    fc.assert(
      fc.property(fc.nat({ max: seed.length }), (cut) => parsesCleanly(seed.slice(0, cut))),
      { numRuns: 40 },
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(seedLines, { minLength: seedLines.length }), (lines) =>
        parsesCleanly(lines.join('\n')),
      ),
      { numRuns: 25 },
    );
    fc.assert(
      fc.property(fc.nat({ max: seedLines.length }), fc.nat({ max: seedLines.length }), (a, b) => {
        const [from, to] = a < b ? [a, b] : [b, a];
        const lines = [...seedLines.slice(0, to), ...seedLines.slice(from, to), ...seedLines.slice(to)];
        return parsesCleanly(lines.join('\n'));
      }),
      { numRuns: 25 },
    );
    fc.assert(
      fc.property(fc.subarray(seedLines), (lines) => parsesCleanly(lines.join('\n'))),
      { numRuns: 25 },
    );
  });

  it('survives random bytes: decodeDocument answers with text or a refusal, and the text parses', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const decoded = decodeDocument(bytes);
        if (!decoded.ok) return decoded.error.message.length > 0;
        return parsesCleanly(decoded.text);
      }),
      { numRuns: 300 },
    );
  });

  it('survives deeply nested and unclosed HTML in cells', () => {
    const row = (cell: string): string =>
      `# 工程表①\n\n## 題\n\n\t2024年夏\t2024年末\t2024年度末\t2025年度\t2026-2028年度\tKPI\t進捗状況\t該当事業\n施策\t${cell}\t\t\t\t\t${cell}\t${cell}\t${cell}\n`;
    expect(parsesCleanly(row(`${'<ul><li>'.repeat(100_000)}深い【厚】${'</li></ul>'.repeat(100_000)}`))).toBe(
      true,
    );
    expect(parsesCleanly(row('<ul><li>'.repeat(100_000)))).toBe(true);
    expect(parsesCleanly(row('<'.repeat(200_000)))).toBe(true);
    expect(parsesCleanly(row(`<span ${'a'.repeat(200_000)}`))).toBe(true);
  });

  // Linear time is asserted with generous budgets only (the machine may be shared); the log shows the ratio.
  it(
    'reads a 5 MB document and 2 MB pathological inputs within generous time budgets',
    { timeout: 300_000 },
    () => {
      const big = seed.repeat(Math.ceil((5 * 1024 * 1024) / seed.length));
      const half = big.slice(0, Math.floor(big.length / 2));
      const tHalf = timed(half);
      const tFull = timed(big);
      console.log(
        `seed ×${Math.round(big.length / seed.length)} (${big.length} chars): ${tFull.toFixed(0)} ms; half: ${tHalf.toFixed(0)} ms`,
      );
      expect(tFull).toBeLessThan(120_000);
      const size = 2 * 1024 * 1024;
      const pathological = [
        '('.repeat(size),
        '1'.repeat(size),
        `施策\t${'1(R5)'.repeat(size / 5)}`,
        '【厚】'.repeat(size / 4),
        `\t2024年夏\t2024年末\tKPI\n${'\t'.repeat(size)}`,
        ' '.repeat(size),
        `# 工程表①\n${'・'.repeat(size)}`,
        `- ${'→'.repeat(size)}`,
        `# ${' '.repeat(size)}#x`,
        `\t2024年夏\t2024年末\tKPI\n施策\t\t\t${'1件 (R10) '.repeat(size / 10)}`,
        `\t2024年夏\t2024年末\t該当事業\n施策\t\t\t${'事業【厚】(令和6年度補正予算1億円)、'.repeat(size / 24)}`,
        `# 工程表①\n\n\t2024年夏\t2024年末\t進捗状況\n施策\t\t\t・${' ・a'.repeat(size / 3)}`,
        'x\n'.repeat(size / 2),
        '\tx\n'.repeat(size / 3),
      ];
      for (const text of pathological) {
        const ms = timed(text);
        expect(ms, `${JSON.stringify(text.slice(0, 20))}… took ${ms} ms`).toBeLessThan(30_000);
      }
    },
  );
});
