import { describe, expect, it } from 'vitest';
import { readProjectItem, readsAsProgress, toYen } from './budget-text.js';
import { cleanText } from './text.js';

const read = (text: string) => readProjectItem(cleanText(text));

describe('readProjectItem', () => {
  it('reads yen as integers from 億円', () => {
    expect(toYen('30', '億')).toBe(3_000_000_000);
    expect(toYen('9.3', '億')).toBe(930_000_000);
    expect(toYen('0.2', '億')).toBe(20_000_000);
    expect(toYen('1.17', '億')).toBe(117_000_000);
  });

  it('reads a project, its ministry and a supplementary budget line', () => {
    const { projects } = read('・ 創薬エコシステム発展支援 事業【厚】(令和6年度補 正予算30億円)');
    expect(projects).toEqual([
      {
        name: '創薬エコシステム発展支援事業',
        ministry: '厚',
        otherMinistries: [],
        lines: [
          {
            amountYen: 3_000_000_000,
            fiscalYear: 2024,
            type: 'supplementary',
            isPartOf: false,
            label: '令和6年度補正予算30億円',
          },
        ],
      },
    ]);
  });

  it('keeps both years of a project listed with two budgets', () => {
    const { projects } = read(
      '医薬品国内開発伴走事業【厚】(令和6年度当初予算0.66億円、令和7年度当初予算1.0億円)',
    );
    expect(projects[0]?.lines.map((l) => [l.amountYen, l.fiscalYear, l.type])).toEqual([
      [66_000_000, 2024, 'initial'],
      [100_000_000, 2025, 'initial'],
    ]);
  });

  it('reads 基金事業, 内数, subtitles and several projects in one item', () => {
    expect(read('橋渡し研究プログラム【文】 (基金事業)').projects[0]?.lines).toEqual([
      { amountYen: null, fiscalYear: null, type: 'fund', isPartOf: false, label: '基金事業' },
    ]);
    expect(
      read('先導的大学改革推進委託事業(調査研究)【文】(令和7年度当初予算0.8億円の内数)').projects[0],
    ).toMatchObject({
      name: '先導的大学改革推進委託事業(調査研究)',
      lines: [{ amountYen: 80_000_000, fiscalYear: 2025, isPartOf: true }],
    });
    const { projects } = read(
      '医薬品安定供給支援補助金【厚】(後発医薬品産業構造改革支援事業)(令和6年度補正予算70億円(令和7年度へ全額繰越))、後発医薬品製造基盤整備基金【厚】',
    );
    expect(projects.map((p) => [p.name, p.lines.map((l) => l.amountYen)])).toEqual([
      ['医薬品安定供給支援補助金(後発医薬品産業構造改革支援事業)', [7_000_000_000]],
      ['後発医薬品製造基盤整備基金', []],
    ]);
  });

  it('tells progress text in the project column from a project name', () => {
    expect(readsAsProgress('令和7年度より事業を開始し、設置準備を行っている【厚】')).toBe(true);
    expect(readsAsProgress('バイオ後継品の使用促進のための取組方針の策定【厚】')).toBe(false);
  });
});
