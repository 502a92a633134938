import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORGANISATIONS, suggestRsMatches, type MatchRsProject } from '@kotei/domain';
import { parseFollowUp } from '../parse-follow-up.js';
import type { RsProjectInfo } from './records.js';
import { readRsFile, withRsSources } from './read-rs-file.js';
import { rsSampleForTests } from './test-support.js';

const sample = rsSampleForTests();
const SEED = new URL('../../../server/sample/drug-discovery-2024.follow-up.md', import.meta.url);

async function rsProjects(path: string): Promise<MatchRsProject[]> {
  const byId = new Map<number, MatchRsProject>();
  await withRsSources(path, (source) =>
    readRsFile(source, (batch) => {
      for (const r of batch as RsProjectInfo[]) {
        byId.set(r.rsId, {
          rsId: r.rsId,
          name: r.name,
          ministry: r.ministry,
          startYear: r.startYear,
          endYear: r.endYear,
        });
      }
    }),
  );
  return [...byId.values()];
}

describe.runIf(sample !== null)("link suggestions for the seed's budget projects (real MHLW RS rows)", () => {
  it('matches by normalised name, ministry and years, each with its confidence', async () => {
    const candidates = await rsProjects(sample?.files.get('1-2') ?? '');
    const { plan } = parseFollowUp(readFileSync(SEED, 'utf8'), { slug: 'seed', sourceName: 'seed.md' });
    const seen = new Map<string, string>();
    for (const sheet of plan.sheets) {
      for (const measure of sheet.measures) {
        for (const project of measure.projects) {
          if (seen.has(project.name)) continue;
          const ministry = ORGANISATIONS.find((o) => o.code === project.ministry)?.nameJa ?? null;
          const years = project.lines.flatMap((l) => (l.fiscalYear === null ? [] : [l.fiscalYear]));
          const matches = suggestRsMatches({ name: project.name, ministry, fiscalYears: years }, candidates);
          seen.set(
            project.name,
            matches.map((m) => `${m.rsId} ${m.confidence} ${m.reasons.join('+')}`).join('; '),
          );
        }
      }
    }
    const matched = Object.fromEntries([...seen].filter(([, found]) => found !== ''));
    expect(matched).toEqual({
      // Same name, ministry and years.
      臨床研究総合促進事業: '2089 1 same-name+same-ministry+years',
      // The bracketed name is an RS project of its own; the outer name is 2011's without 事業/補助金.
      '医薬品安定供給支援補助金(後発医薬品産業構造改革支援事業)':
        '20904 1 bracketed-name+same-ministry+years; 2011 0.95 same-stem+same-ministry+years; 7727 0.65 similar+same-ministry+years',
      // A close name (革新的医薬品国内開発促進事業): a suggestion for the coordinator to confirm or reject.
      医薬品国内開発伴走事業: '20627 0.682 similar+same-ministry+years',
    });
    // Every other seed project has no RS project in the MHLW subset near enough (best below .55): MEXT's and
    // METI's projects are not in it, and names such as 電子カルテ情報等分析関連サービス構築事業 are not among its 136.
    expect(seen.size).toBe(27);
    expect([...seen.values()].filter((found) => found === '')).toHaveLength(24);
  });
});
