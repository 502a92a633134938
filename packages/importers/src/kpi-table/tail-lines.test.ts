import { describe, expect, it } from 'vitest';
import { parseKpiTableText } from './index.js';
import { opensNoteOrHeading } from './tail-lines.js';

describe('opensNoteOrHeading', () => {
  it('knows notes and headings of the plan', () => {
    for (const line of [
      '※ 実績値は各年度末時点の数値。',
      '注1：速報値',
      '（注）調査年度',
      '出典：国勢調査',
      '基本目標2 安心して暮らせるまち',
    ])
      expect(opensNoteOrHeading(line), line).toBe(true);
  });

  it('leaves the tail of a wrapped name to its row', () => {
    for (const line of ['る女性の割合', '基本目標の達成度', '注目度の高い事業の数', '計画相談支援（万人）'])
      expect(opensNoteOrHeading(line), line).toBe(false);
  });

  it('keeps a note and a section line of PDF text out of the names of the rows above', () => {
    const text = [
      '指標 | 単位 | 基準値 | 目標値 | 実績値',
      '基本目標1 子育て',
      '保育所待機児童数 | 人 | 212 (2007年度) | 0 (2011年度) | 271 (2008年度)',
      '基本目標2 教育',
      '不登校児童・生徒の出現率 | % | 1.09 (2006年度) | 1 (2010年度) | 1.16 (2007年度)',
      '※ 実績値は各年度末時点の数値。',
    ].join('\n');
    const names = parseKpiTableText(text).kpis.map((kpi) => kpi.name);
    expect(names).toEqual(['保育所待機児童数', '不登校児童・生徒の出現率']);
  });
});

describe('a wrapped name', () => {
  it('gives the unit its tail ends with', () => {
    const text = [
      '指標 | 基準値 | 目標値 | 実績値',
      '訪問系サービスの利用時間 | 494 (2012年度) | 720 (2017年度) | 611 (2017年度)',
      '数（万時間）',
    ].join('\n');
    const [kpi] = parseKpiTableText(text).kpis;
    expect([kpi?.name, kpi?.unit]).toEqual(['訪問系サービスの利用時間数', '万時間']);
  });
});
