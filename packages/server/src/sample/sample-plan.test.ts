import { describe, it, expect } from 'vitest';
import { PlanDocument } from '@kotei/contracts';
import sample from './sample-plan.json' with { type: 'json' };

const MINISTRIES = ['厚', '文', '経', '健'];

/** A Japanese character: kana, kanji, CJK punctuation, full-width forms, ・ and ー. */
const JA = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\u30FB\u30FC\uFF00-\uFFEF]`;
const SPACE_BETWEEN_JAPANESE = new RegExp(`${JA}\\s+${JA}`, 'u');

function parse(): PlanDocument {
  const result = PlanDocument.safeParse(sample);
  if (!result.success) {
    console.error(JSON.stringify(result.error.issues, null, 2));
    throw new Error('sample-plan.json does not conform to PlanDocument');
  }
  return result.data;
}

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path = '$'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

describe('sample plan (drug-discovery-2024)', () => {
  it('parses with PlanDocument', () => {
    const result = PlanDocument.safeParse(sample);
    if (!result.success) console.error(JSON.stringify(result.error.issues, null, 2));
    expect(result.success).toBe(true);
  });

  it('has the plan header', () => {
    const plan = parse();
    expect(plan.slug).toBe('drug-discovery-2024');
    expect(plan.owner).toBe('内閣官房健康・医療戦略室');
    expect(plan.adoptedOn).toBe('2024-07-01');
    expect(plan.isSample).toBe(true);
    expect(plan.round).toEqual({ title: '2025年6月末時点フォローアップ', asOfDate: '2025-06-30' });
  });

  it('has the three strategic goals with their outcome targets', () => {
    const plan = parse();
    expect(plan.strategicGoals.map((g) => g.number)).toEqual([1, 2, 3]);
    expect(plan.strategicGoals[0]?.title).toBe('国民に最新の医薬品を速やかに届ける');
    expect(plan.strategicGoals.map((g) => g.outcomes.length)).toEqual([3, 0, 4]);
    const trials = plan.strategicGoals[2]?.outcomes.find(
      (o) => o.name === '国際共同治験の初回治験計画届件数',
    );
    expect(trials?.baseline).toEqual({ value: 100, label: '2021年' });
    expect(trials?.target).toEqual({ value: 150, label: '2028年' });
    const rank = plan.strategicGoals[2]?.outcomes.find((o) => o.shape === 'rank');
    expect(rank?.direction).toBe('decrease');
  });

  it('has sheets ① and ②', () => {
    const plan = parse();
    expect(plan.sheets.map((s) => s.number)).toEqual([1, 2]);
    expect(plan.sheets.map((s) => s.measures.length)).toEqual([3, 3]);
  });

  it("has sheet ①'s first measure with the KPI 14 (R10) 7 (R5)", () => {
    const plan = parse();
    const measure = plan.sheets[0]?.measures[0];
    expect(measure?.title).toBe('官民協議会による外資系企業・外国資金の呼び込み');
    const kpi = measure?.kpis.find((k) => k.target?.value === 14);
    expect(kpi?.target).toEqual({ value: 14, label: 'R10' });
    expect(kpi?.baseline).toEqual({ value: 7, label: 'R5' });
  });

  it('reads budget amounts as integer yen', () => {
    const plan = parse();
    const projects = plan.sheets.flatMap((s) => [...s.projects, ...s.measures.flatMap((m) => m.projects)]);
    const ecosystem = projects.filter((p) => p.name === '創薬エコシステム発展支援事業');
    expect(ecosystem.length).toBeGreaterThan(0);
    for (const p of ecosystem) {
      expect(p.ministry).toBe('厚');
      expect(p.lines).toEqual([
        expect.objectContaining({ amountYen: 3_000_000_000, fiscalYear: 2024, type: 'supplementary' }),
      ]);
    }
    const kiban = projects.find((p) => p.name === '創薬基盤強化支援事業');
    expect(kiban?.lines[0]?.amountYen).toBe(930_000_000);
    for (const line of projects.flatMap((p) => p.lines)) {
      if (line.amountYen !== null) expect(Number.isSafeInteger(line.amountYen)).toBe(true);
    }
  });

  it('tags progress and projects with known ministries, listed on their measure', () => {
    const plan = parse();
    for (const sheet of plan.sheets) {
      for (const bullet of sheet.progress) expect([null, ...MINISTRIES]).toContain(bullet.ministry);
      for (const measure of sheet.measures) {
        const tags = [...measure.progress, ...measure.projects].map((x) => x.ministry);
        for (const tag of tags) expect([null, ...MINISTRIES]).toContain(tag);
        expect([...new Set(tags.filter((t) => t !== null))].sort()).toEqual([...measure.ministries].sort());
      }
    }
  });

  it('keeps no line-wrap space between two Japanese characters', () => {
    const offending = strings(sample).filter(([, text]) => SPACE_BETWEEN_JAPANESE.test(text));
    expect(offending).toEqual([]);
  });

  it('keeps no ministry tag inside progress text', () => {
    const texts = strings(sample).filter(([path]) => /\.progress\[\d+\]\.text$/.test(path));
    expect(texts.length).toBeGreaterThan(0);
    for (const [, text] of texts) expect(text).not.toMatch(/【.】/);
  });
});
