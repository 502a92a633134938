import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../decode-document.js';
import { importDocument } from '../import-document.js';
import type { KpiTableResult, TableKpi } from './index.js';
import { parseKpiTableText, parseKpiWorkbook } from './index.js';

const fixture = (path: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/kpi-tables/${path}`, import.meta.url));

function textOf(path: string): { text: string; encoding: string } {
  const decoded = decodeDocument(fixture(path));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return { text: decoded.text, encoding: decoded.encoding };
}

function kpi(result: KpiTableResult, name: string): TableKpi {
  const found = result.kpis.find((k) => k.name === name);
  if (found === undefined) throw new Error(`no KPI ${name} in ${result.kpis.map((k) => k.name).join(', ')}`);
  return found;
}

function kpiCount(result: KpiTableResult): number {
  return result.plan.sheets.flatMap((s) => s.measures).flatMap((m) => m.kpis).length;
}

describe('parseKpiTable on each input kind, each a real table', () => {
  it('xlsx: reads every worksheet, merged cells and the latest column dated by its header', async () => {
    const result = await parseKpiWorkbook(fixture('shougai-hakusho-h26-5year/table.xlsx'), {
      sourceName: 'table.xlsx',
    });
    expect(result.format).toBe('xlsx');
    expect(new Set(result.kpis.map((k) => k.sheet))).toEqual(new Set(['啓発・広報', '生活支援']));
    const visits = kpi(result, '訪問系サービス');
    expect(visits).toMatchObject({ unit: '万時間', group: '地域移行の推進' });
    expect(visits.latest).toMatchObject({ value: 494, year: 2012, ref: 'E4' });
    expect(kpiCount(result)).toBe(11);
  });

  it('CSV in Shift_JIS: decodes it and reads the year-column layout (base year, 実績 by year, no 見込)', () => {
    const { text, encoding } = textOf('oyabe-city-seika-shihyo/table.csv');
    expect(encoding).toBe('shift_jis');
    const result = parseKpiTableText(text, { sourceName: 'table.csv' });
    expect(result.format).toBe('csv');
    const library = kpi(result, '図書館入館者数');
    expect(library.baseline).toMatchObject({ value: 102521, year: 2000 });
    expect(library.actuals.map((a) => [a.value, a.year])).toEqual([
      [105757, 2001],
      [117857, 2002],
      [65016, 2003],
    ]);
    expect(kpi(result, '総合型地域スポーツクラブ加入者数').section).toBe('生涯スポーツの促進');
  });

  it('TSV pasted from Excel: a group row lends its name and deadline to its children', () => {
    const { text } = textOf('shougai-5year-plan-h17/paste.tsv');
    const result = parseKpiTableText(text);
    expect(result.format).toBe('tsv');
    const station = kpi(result, '一日平均利用者5千人以上の公共交通機関の段差解消 鉄軌道駅');
    expect(station.target).toMatchObject({ value: 60, year: 2005, bound: 'about' });
    expect(kpi(result, 'バリアフリー化された住宅ストック').target).toMatchObject({ value: 20, year: 2015 });
  });

  it('HTML: reads 平成32年 as 2020 and a note in parentheses apart from the period', () => {
    const { text } = textOf('gender-h27-3rd-plan/table.html');
    const result = parseKpiTableText(text);
    expect(result.format).toBe('html');
    expect(kpi(result, '衆議院議員の候補者に占める女性の割合').target).toMatchObject({
      value: 30,
      year: 2020,
    });
    expect(kpi(result, '国の指定職相当に占める女性の割合').latest).toMatchObject({ value: 2.8, year: 2014 });
  });

  it('Markdown: a breakdown cell gives its total, 「2時間30分」 gives minutes, 「―」 gives no baseline', () => {
    const { text } = textOf('gender-r02-4th-plan/table.md');
    const result = parseKpiTableText(text);
    expect(result.format).toBe('markdown');
    const hours = kpi(result, '週労働時間60時間以上の雇用者の割合');
    expect(hours.baseline?.breakdown.map((b) => b.label)).toEqual(['男女計', '男性', '女性']);
    expect(hours.baseline?.value).toBe(8.5);
    expect(kpi(result, '6歳未満の子供を持つ夫の育児・家事関連時間').target).toMatchObject({
      value: 150,
      unit: '分',
    });
    expect(kpi(result, '男性の配偶者の出産直後の休暇取得率').baseline).toBeNull();
    // In the plan the members are a breakdown by sex, the total the KPI's own value, and no longer a note.
    const planned = result.plan.sheets
      .flatMap((s) => s.measures)
      .flatMap((m) => m.kpis)
      .find((k) => k.name === '週労働時間60時間以上の雇用者の割合');
    const bySex = (male: number, female: number) => ({
      dimension: 'sex',
      values: [
        { member: 'male', value: male },
        { member: 'female', value: female },
      ],
    });
    expect(planned?.baseline).toMatchObject({ value: 8.5, breakdown: bySex(12.9, 2.8) });
    expect(planned?.actuals[0]).toMatchObject({ value: 6.4, breakdown: bySex(9.8, 2.3) });
    expect(planned?.note).not.toContain('内訳');
  });

  it('PDF-extract text: joins a wrapped row and reads on after a repeated header', () => {
    const { text } = textOf('shougai-3rd-plan-achievement/table.txt');
    const result = parseKpiTableText(text);
    expect(result.format).toBe('pdf-text');
    expect(
      kpi(result, '障害者総合支援法第89条の3第1項に規定する協議会を設置している市町村数').latest,
    ).toMatchObject({
      value: 1692,
      year: 2017,
    });
    expect(kpi(result, '統合失調症の入院患者数').section).toBe('2.保健・医療');
    expect(result.plan.sheets.map((s) => s.title)).toEqual(['1.生活支援', '2.保健・医療']);
  });

  it('CSV in UTF-8 with a BOM: the plan carries the dated values and keeps undated ones in the note', () => {
    const { text } = textOf('nagano-plan3-main-targets/table.csv');
    const result = parseKpiTableText(text, { sourceName: 'nagano.csv' });
    const plan = result.plan.sheets.flatMap((s) => s.measures).flatMap((m) => m.kpis);
    const suicide = plan.find((k) => k.name === '自殺死亡率(人口10万人当たり)');
    expect(suicide?.baseline).toMatchObject({ value: 16.3, dates: { fiscalYear: 2021 } });
    expect(suicide?.target).toBeNull();
    expect(suicide?.note).toContain('12.2人');
    expect(result.issues.some((i) => i.code === 'kpi-point-without-year' && i.found === '12.2人')).toBe(true);
  });
});

describe('parseKpiTable on layouts beyond a plain header', () => {
  it('xlsx: a 指標 column names the KPI beside a 項目 column, the last dated 目標 column is the target', async () => {
    const result = await parseKpiWorkbook(fixture('anjo-city-plan8-seika-shihyo/table.xlsx'), {
      sourceName: 'table.xlsx',
    });
    const mapping = result.mappings[0]?.columns.map((m) => m.role);
    expect(mapping).toEqual(['group', 'group', 'name', 'note', 'baseline', 'ignore', 'target']);
    const walkers = kpi(result, '1日に30分以上歩く人の割合');
    expect(walkers.baseline).toMatchObject({ value: 49.8, year: 2015 });
    expect(walkers.target).toMatchObject({ value: 54, year: 2023 });
    expect(kpi(result, '健康であると感じている人の割合').baseline).toMatchObject({ value: 70.7, year: 2012 });
    expect(kpi(result, '1人1日あたり家庭用電気使用量(kWh)')).toMatchObject({
      unit: 'kWh',
      direction: 'decrease',
    });
    expect(kpiCount(result)).toBe(18);
  });

  it('HTML without a header: reads 「名称=基準→目標」 cells, dated by the note of two periods', () => {
    const { text } = textOf('yokkaichi-city-koho-2004-mokuhyo/table.html');
    const result = parseKpiTableText(text, { sourceName: 'yokkaichi.html' });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const accidents = kpi(result, '交通事故件数');
    expect(accidents).toMatchObject({
      unit: '件',
      direction: 'decrease',
      group: '市民が安全に暮らせるまちになる',
    });
    expect(accidents.baseline).toMatchObject({ value: 12039, year: 2003 });
    expect(accidents.target).toMatchObject({ value: 10000, year: 2006 });
    expect(kpi(result, '事業所従業者数').baseline).toMatchObject({ value: 154457, year: 2001 });
    expect(kpi(result, '生活習慣病死亡率').notes).toContain('10万人あたり');
    expect(kpiCount(result)).toBe(10);
  });

  it('a row of one text across the table is never a header, even when it says 目標', () => {
    const result = parseKpiTableText(
      '<table><tr><td colspan="2">(目標年度→2030年度の目標)</td></tr></table>',
    );
    expect(result.mappings).toEqual([]);
    expect(result.issues.some((i) => i.code === 'kpi-table-no-header')).toBe(true);
  });
});

describe('parseKpiTable on bad input', () => {
  it('says there is no header and which rows it looked at, and reads nothing', () => {
    const result = parseKpiTableText('売上,前年\n100,90\n110,95\n');
    expect(kpiCount(result)).toBe(0);
    const issue = result.issues.find((i) => i.code === 'kpi-table-no-header');
    expect(issue).toMatchObject({ severity: 'error', line: 1 });
    expect(issue?.found).toContain('lines 1–3');
  });

  it('reports a value it cannot read with its cell, and leaves it empty rather than guessing', () => {
    const result = parseKpiTableText('指標名,現状値,目標値\n参加者数,120人(2023年度),たくさん\n');
    const issue = result.issues.find((i) => i.code === 'kpi-value-unreadable');
    expect(issue).toMatchObject({ line: 2, column: 3, found: 'たくさん' });
    expect(issue?.cell).toContain('line 2, cell 3');
    expect(kpi(result, '参加者数').target).toBeNull();
  });
});

describe('importDocument', () => {
  it('recognises a KPI table by its content and a follow-up document by its own', async () => {
    const table = await importDocument({
      bytes: fixture('oyabe-city-seika-shihyo/table.csv'),
      fileName: 'oyabe.csv',
    });
    expect(table).toMatchObject({ ok: true, kind: 'kpi-table', encoding: 'shift_jis' });
    const sample = readFileSync(
      new URL('../../../server/sample/drug-discovery-2024.follow-up.md', import.meta.url),
    );
    const followUp = await importDocument({ bytes: sample, fileName: 'sample.md' });
    expect(followUp).toMatchObject({ ok: true, kind: 'follow-up' });
  });

  it('refuses a corrupt workbook with a reason', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const outcome = await importDocument({ bytes, fileName: 'broken.xlsx' });
    expect(outcome.ok && outcome.issues.some((i) => i.code === 'xlsx-unreadable')).toBe(true);
  });
});

describe('parseKpiTable on a year-column layout with a target row and an actual row per KPI', () => {
  const text = [
    '指標名,区分,令和4年度,令和5年度,令和6年度,令和7年度',
    '公園の年間利用者数,目標,"1,000人","1,100人","1,200人","1,300人"',
    ',実績,980人,"1,050人",,',
    '市民農園の区画数,年次目標,40区画,45区画,50区画,55区画',
    '市民農園の区画数,年次実績,41区画,44区画,49区画,',
  ].join('\n');

  it('takes the last year’s target, keeps the others as milestones, and the next row’s figures as actuals', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis).toHaveLength(2);
    const park = kpi(result, '公園の年間利用者数');
    expect(park.target).toMatchObject({ value: 1300, year: 2025 });
    expect(park.baseline).toBeNull();
    expect(park.actuals.map((a) => [a.value, a.year])).toEqual([
      [980, 2022],
      [1050, 2023],
    ]);
    expect(park.latest).toMatchObject({ value: 1050, year: 2023 });
    expect(park.notes.join(' ')).toContain('年次目標');
    expect(kpi(result, '市民農園の区画数')).toMatchObject({
      unit: '区画',
      latest: { value: 49, year: 2024 },
    });
  });
});
