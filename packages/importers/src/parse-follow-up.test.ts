import { readFileSync } from 'node:fs';
import { PlanDocument } from '@kotei/contracts';
import { describe, expect, it } from 'vitest';
import { measureKey, parseFollowUp } from './index.js';

const SEED_URL = new URL('../../server/sample/drug-discovery-2024.follow-up.md', import.meta.url);

// The same document family written with a pipe table, a sheet heading split from its number, and an HTML list.
const PIPE_DOCUMENT = [
  '# 計画タイトル',
  '',
  '令和6年7月',
  '内閣官房健康・医療戦略室',
  '',
  '# 戦略目標と成果目標',
  '',
  '## (1) 「目標A」',
  '',
  '- 指標A(100件→150件)(2021年→2028年)',
  '',
  '## 各施策のスケジュール・工程表',
  '',
  '①',
  '',
  '## シート題',
  '',
  '| | 2024年夏 | 2024年末 | 2024年度末 | 2025年度 | 2026-2028年度 | KPI | 進捗状況 | 該当事業 |',
  '|---|---|---|---|---|---|---|---|---|',
  '| 施策A | 検討 | | | 実施 | | 指標 10件 (R10) 2件 (R5) | <ul><li>実施した【厚】</li><li>担当の書かれない報告</li></ul> | ・ 事業X【厚】(令和6年度補正予算1.5億円) |',
  '| | 予算要求 | | | | | | | |',
  '',
  '※2025年6月末時点',
].join('\n');

describe('parseFollowUp', () => {
  it('reads a pipe table, a split sheet heading and an HTML list', () => {
    const { plan, issues } = parseFollowUp(PIPE_DOCUMENT, { sourceName: 'sample-plan.follow-up.md' });
    const parsed = PlanDocument.parse(plan);
    expect(parsed).toMatchObject({
      slug: 'sample-plan',
      title: '計画タイトル',
      owner: '内閣官房健康・医療戦略室',
      adoptedOn: '2024-07-01',
      round: { asOfDate: '2025-06-30' },
    });
    expect(parsed.strategicGoals[0]?.outcomes[0]).toMatchObject({
      baseline: { value: 100, label: '2021年' },
      target: { value: 150, label: '2028年' },
    });
    const [sheet] = parsed.sheets;
    expect(sheet).toMatchObject({ number: 1, title: 'シート題' });
    const measure = sheet?.measures[0];
    expect(measure?.title).toBe('施策A');
    expect(measure?.phases.map((p) => [p.text, p.period])).toEqual([
      ['検討', '2024年夏～2024年度末'],
      ['実施', '2025年度'],
      ['予算要求', '2024年夏'],
    ]);
    expect(measure?.kpis[0]).toMatchObject({
      key: 'sheet-1/kpi/指標',
      baseline: { value: 2, label: 'R5' },
      target: { value: 10, label: 'R10' },
    });
    expect(measure?.progress.map((p) => p.ministry)).toEqual(['厚', null]);
    expect(measure?.projects[0]?.lines[0]).toMatchObject({ amountYen: 150_000_000, fiscalYear: 2024 });
    expect(issues.map((i) => i.code)).toContain('untagged-progress');
  });

  it('resolves ministry tags once: an unknown tag is one warning with its line, its item kept untagged', () => {
    const text = PIPE_DOCUMENT.replace('実施した【厚】', '実施した【謎】').replace(
      '事業X【厚】',
      '事業X【宙】',
    );
    const line = text.split('\n').findIndex((l) => l.includes('【謎】')) + 1;
    const { plan, issues } = parseFollowUp(text, { knownMinistries: ['厚', '宙'] });
    expect(issues.filter((i) => i.code === 'unknown-ministry')).toEqual([
      expect.objectContaining({ line, found: '【謎】', severity: 'warning' }),
    ]);
    const measure = plan.sheets[0]?.measures[0];
    expect(measure?.progress[0]).toMatchObject({ ministry: null, text: '実施した【謎】' });
    // 宙 is known here because the caller says so (the organisation table), not because the importer lists it.
    expect(measure?.projects[0]).toMatchObject({ name: '事業X', ministry: '宙' });
    expect(measure?.ministries).toEqual(['宙']);
  });

  it('carries each period as dates read once: phases, baselines and targets', () => {
    const measure = parseFollowUp(PIPE_DOCUMENT).plan.sheets[0]?.measures[0];
    expect(measure?.phases[0]?.dates).toEqual({ start: '2024-06-01', end: '2025-03-31', fiscalYear: 2024 });
    expect(measure?.kpis[0]?.target?.dates).toEqual({
      start: '2028-04-01',
      end: '2029-03-31',
      fiscalYear: 2028,
    });
  });

  it('never throws, and says why when there is nothing to read', () => {
    const { plan, issues } = parseFollowUp('');
    expect(PlanDocument.safeParse(plan).success).toBe(true);
    expect(issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['empty-document', 'title-missing', 'owner-missing', 'no-sheets']),
    );
  });

  it('places phases on their columns and spans a cell over the empty columns before the next one', () => {
    const { plan } = parseFollowUp(readFileSync(SEED_URL, 'utf8'));
    const [first] = PlanDocument.parse(plan).sheets;
    const phases = first?.measures[0]?.phases.map((p) => [p.period, p.text.slice(0, 12)]);
    expect(phases?.slice(0, 3)).toEqual([
      ['2024年夏', '創薬エコシステムサミット'],
      ['2024年末～2024年度末', '官民協議会正式発足に向け'],
      ['2025年度', '官民協議会の継続的な開催'],
    ]);
  });

  it('links a 再掲 row to the measure it shows again and keys measures by sheet and title', () => {
    const { plan } = parseFollowUp(readFileSync(SEED_URL, 'utf8'));
    const sheet4 = PlanDocument.parse(plan).sheets.find((s) => s.number === 4);
    const repost = sheet4?.measures.find((m) => m.repostOf !== undefined);
    expect(repost?.repostOf).toEqual({
      sheet: 2,
      title: 'ファースト・イン・ヒューマン(FIH)試験実施体制の整備',
    });
    expect(measureKey(4, repost?.title ?? '')).toBe(
      'sheet-4/measure/ファースト・イン・ヒューマン(FIH)試験実施体制の整備',
    );
  });
});
