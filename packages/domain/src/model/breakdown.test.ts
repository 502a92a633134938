import { describe, expect, it } from 'vitest';
import {
  PREFECTURES,
  breakdownOfLabels,
  checkBreakdown,
  countAgainstBar,
  memberName,
  type Breakdown,
} from './breakdown.js';

describe('PREFECTURES', () => {
  it('lists the 47 prefectures with their JIS X 0401 codes', () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES[0]).toEqual({ code: '01', nameJa: '北海道', nameEn: 'Hokkaido' });
    expect(PREFECTURES.find((p) => p.code === '13')?.nameJa).toBe('東京都');
    expect(PREFECTURES[46]).toMatchObject({ code: '47', nameJa: '沖縄県' });
  });
});

describe('checkBreakdown', () => {
  it('accepts a sound breakdown', () => {
    const breakdown: Breakdown = { dimension: 'sex', values: [{ member: 'male', value: 10.2 }] };
    expect(checkBreakdown(breakdown, 'actuals[0].breakdown')).toEqual([]);
  });

  it('names the member that is unknown, given twice, or not a number', () => {
    const problems = checkBreakdown(
      {
        dimension: 'prefecture',
        values: [
          { member: '48', value: 1 },
          { member: '13', value: 80 },
          { member: '13', value: 81 },
          { member: '01', value: Number.NaN },
        ],
      },
      'actuals[0].breakdown',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'actuals[0].breakdown.values[0].member',
      'actuals[0].breakdown.values[2].member',
      'actuals[0].breakdown.values[3].value',
    ]);
    expect(problems[0]?.message).toContain('unknown prefecture "48"');
  });

  it('takes ministries from the caller, since they live in the database', () => {
    const breakdown: Breakdown = { dimension: 'ministry', values: [{ member: '厚', value: 3 }] };
    expect(checkBreakdown(breakdown, 'b')).toHaveLength(1);
    expect(checkBreakdown(breakdown, 'b', [{ code: '厚', nameJa: '厚生労働省', nameEn: 'MHLW' }])).toEqual(
      [],
    );
  });
});

describe('countAgainstBar', () => {
  const shares: Breakdown = {
    dimension: 'prefecture',
    values: [
      { member: '01', value: 79.9 },
      { member: '02', value: 80 },
      { member: '03', value: 85.1 },
      { member: '04', value: null },
    ],
  };

  it('counts the members under the bar; a value on the bar meets it (以上)', () => {
    expect(countAgainstBar(shares, 80)).toEqual({ below: ['01'], meeting: 2, missing: ['04'] });
  });

  it('reads the bar the other way when lower is better (以下)', () => {
    expect(countAgainstBar(shares, 80, false)).toEqual({ below: ['03'], meeting: 2, missing: ['04'] });
  });
});

describe('memberName', () => {
  it('names a member in either language and keeps an unknown code as it is', () => {
    expect(memberName('prefecture', '47')).toBe('沖縄県');
    expect(memberName('sex', 'female', 'en')).toBe('Women');
    expect(memberName('prefecture', '99')).toBe('99');
  });
});

describe('breakdownOfLabels', () => {
  it('reads 男女計/男性/女性 as a breakdown by sex, the total left to the KPI', () => {
    const figures = [
      { label: '男女計', value: 7.1 },
      { label: '男性', value: 10.2 },
      { label: '女性', value: 3.0 },
    ];
    expect(breakdownOfLabels(figures)).toEqual({
      dimension: 'sex',
      values: [
        { member: 'male', value: 10.2 },
        { member: 'female', value: 3.0 },
      ],
    });
  });

  it('reads prefectures with or without 県, and age bands with any dash', () => {
    expect(
      breakdownOfLabels([
        { label: '長野', value: 1 },
        { label: '東京都', value: 2 },
      ]),
    ).toEqual({
      dimension: 'prefecture',
      values: [
        { member: '20', value: 1 },
        { member: '13', value: 2 },
      ],
    });
    expect(
      breakdownOfLabels([
        { label: '15〜64歳', value: 60 },
        { label: '65歳以上', value: 29 },
      ]),
    ).toEqual({
      dimension: 'age_group',
      values: [
        { member: '15-64', value: 60 },
        { member: '65+', value: 29 },
      ],
    });
  });

  it('gives nothing for labels that are no members of one dimension (橋梁, トンネル) or a member twice', () => {
    expect(
      breakdownOfLabels([
        { label: '橋梁', value: 23 },
        { label: 'トンネル', value: 75 },
      ]),
    ).toBeNull();
    expect(
      breakdownOfLabels([
        { label: '男性', value: 1 },
        { label: '東京都', value: 2 },
      ]),
    ).toBeNull();
    expect(
      breakdownOfLabels([
        { label: '男性', value: 1 },
        { label: '男', value: 2 },
      ]),
    ).toBeNull();
    expect(breakdownOfLabels([{ label: '計', value: 1 }])).toBeNull();
  });

  it('matches ministries by the names given', () => {
    const ministries = [{ code: 'mhlw', nameJa: '厚生労働省', nameEn: 'MHLW' }];
    expect(breakdownOfLabels([{ label: '厚生労働省', value: 5 }], ministries)).toEqual({
      dimension: 'ministry',
      values: [{ member: 'mhlw', value: 5 }],
    });
  });
});
