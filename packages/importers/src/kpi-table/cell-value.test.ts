import { describe, expect, it } from 'vitest';
import { readValueCell } from './cell-value.js';

describe('readValueCell', () => {
  it.each([
    ['6.0% (平成31年)', 6, '%', 2019],
    ['(2017) 48.2', 48.2, '', 2017],
    ['1,203市町村', 1203, '市町村', null],
    ['約300万時間〔22年度〕', 300, '万時間', 2010],
    ['1日当たり 1時間45分', 105, '分', null],
    ['5.0% (平成32年)', 5, '%', 2020],
    ['30%以上 (毎年度)', 30, '%', null],
    ['2.9万人(17〜23年度)', 2.9, '万人', 2011],
    ['25.4% (令和2年3月31日年)', 25.4, '%', 2020],
    ['5.1% 平成20年度 (※平成21年1月現在)', 5.1, '%', 2008],
    ['2割', 20, '%', null],
    ['45人以下(2025 年)', 45, '人', 2025],
  ])('reads 「%s」 as %d %s (year %s)', (text, value, unit, year) => {
    const reading = readValueCell(text, '平成');
    expect(reading.value).toBe(value);
    expect(reading.unit).toBe(unit);
    expect(reading.period?.year ?? null).toBe(year);
  });

  it('keeps several labelled figures as a breakdown, the total as the value', () => {
    const reading = readValueCell('男女計:7.1% 男性:10.2% 女性:3.0%', '');
    expect(reading.value).toBe(7.1);
    expect(reading.breakdown).toEqual([
      { label: '男女計', value: 7.1 },
      { label: '男性', value: 10.2 },
      { label: '女性', value: 3 },
    ]);
  });

  it('reads an age range before a figure as its label, not as a figure', () => {
    const reading = readValueCell('・10~14歳 1.3 ・15~19歳 8.5 (平成24年)', '');
    expect(reading.value).toBeNull();
    expect(reading.breakdown).toEqual([
      { label: '10~14歳', value: 1.3 },
      { label: '15~19歳', value: 8.5 },
    ]);
    expect(reading.period?.year).toBe(2012);
    expect(readValueCell('71.19歳 (2013年)', '').value).toBe(71.19);
    expect(readValueCell('20-64歳男性 7,368歩 20-64歳女性 7,034歩', '').breakdown).toEqual([
      { label: '20-64歳男性', value: 7368 },
      { label: '20-64歳女性', value: 7034 },
    ]);
  });

  it('gives no value for a breakdown without a total', () => {
    const reading = readValueCell('橋梁23.0% トンネル75.0%(2021年度)', '');
    expect(reading.value).toBeNull();
    expect(reading.breakdown).toHaveLength(2);
    expect(reading.period?.year).toBe(2021);
  });

  it('reads 「前年より増加」 as a direction, 「―」 as none, 以上 and 以下 as bounds', () => {
    expect(readValueCell('前年より増加', '')).toMatchObject({
      value: null,
      direction: 'increase',
      isReadable: true,
    });
    expect(readValueCell('―', '')).toMatchObject({ value: null, isEmpty: true });
    expect(readValueCell('90%以上', '').bound).toBe('min');
    expect(readValueCell('15%以下', '').bound).toBe('max');
    expect(readValueCell('40%以上,60%以下', '').value).toBe(40);
  });

  it('reads a target set against a base as a direction with its own date, never the base figure or year', () => {
    expect(readValueCell('2012年度(11.5%)比の3倍(2020年)', '')).toMatchObject({
      value: null,
      direction: 'increase',
      period: { year: 2020 },
      words: '2012年度(11.5%)比の3倍(2020年)',
      isReadable: true,
    });
    expect(readValueCell('2016年度(7.7%)比の倍増(2020年)', '').period?.year).toBe(2020);
    expect(readValueCell('平成22年から半減(平成32年)', '平成')).toMatchObject({
      value: null,
      direction: 'decrease',
      period: { year: 2020 },
    });
    expect(readValueCell('基準年比 2割削減', '')).toMatchObject({
      value: null,
      direction: 'decrease',
      period: null,
    });
    // A figure with a plain direction word is still a figure.
    expect(readValueCell('100件(増加)', '').value).toBe(100);
  });

  it('reads 平成32年 as 2020, and a bare year in the era the document uses', () => {
    expect(readValueCell('13% (平成32年)', '').period?.year).toBe(2020);
    expect(readValueCell('1.5%(5年度)', '令和').period?.year).toBe(2023);
    expect(readValueCell('1.5%(24年度)', '平成').period?.year).toBe(2012);
  });

  it('reads 「早期」 and 「年度内」 as a time without a date, never as a year', () => {
    expect(readValueCell('早期', '')).toMatchObject({
      value: null,
      period: null,
      words: '早期',
      isReadable: true,
    });
    expect(readValueCell('できるだけ早期', '')).toMatchObject({ period: null, isReadable: true });
    expect(readValueCell('年度内', '')).toMatchObject({ period: null, isReadable: true });
  });

  it('reads digits after 万 as one number, never the 万 as a unit', () => {
    expect(readValueCell('1561万5012', '')).toMatchObject({ value: 15615012, unit: '' });
    expect(readValueCell('1590万886回', '')).toMatchObject({ value: 15900886, unit: '回' });
    expect(readValueCell('1億2345万6789円', '')).toMatchObject({ value: 123456789, unit: '円' });
    // A figure in 万 stays in 万.
    expect(readValueCell('1064万人', '')).toMatchObject({ value: 1064, unit: '万人' });
    expect(readValueCell('1250万', '')).toMatchObject({ value: 12500000, unit: '' });
    expect(readValueCell('2.5億', '')).toMatchObject({ value: 250000000, unit: '' });
    expect(readValueCell('2億396万円', '')).toMatchObject({ value: 20396, unit: '万円' });
  });

  it('keeps the sign of a negative figure: a minus, or the triangle Japanese tables print for one', () => {
    for (const cell of ['-0.8', '−0.8', '－0.8', '▲0.8', '△0.8', '△ 0.8'])
      expect(readValueCell(cell, '').value).toBe(-0.8);
    expect(readValueCell('▲1,200人', '')).toMatchObject({ value: -1200, unit: '人' });
    expect(readValueCell('前年比▲2.1%', '')).toMatchObject({ value: -2.1, unit: '%', lead: '前年比' });
    expect(readValueCell('男性:-0.8% 女性:1.2%', '').breakdown).toEqual([
      { label: '男性', value: -0.8 },
      { label: '女性', value: 1.2 },
    ]);
    // A dash set apart from the figure, or between two figures, is no minus.
    expect(readValueCell('- 12', '').value).toBe(12);
    expect(readValueCell('10-20', '').value).toBe(10);
  });

  it('marks text it cannot read as unreadable instead of guessing', () => {
    const reading = readValueCell('おおよそ半分くらい', '');
    expect(reading).toMatchObject({ value: null, isReadable: false });
  });
});
