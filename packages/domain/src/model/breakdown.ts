import type { ErrorDetail } from './errors.js';

/**
 * The dimensions a KPI's values may be broken down by (内訳). Members are codes, so a breakdown from one source
 * lines up with another's: JIS X 0401 codes for prefectures, fixed words for the others.
 */
export const BREAKDOWN_DIMENSIONS = ['prefecture', 'sex', 'age_group', 'ministry'] as const;
/** A dimension a KPI's values may be broken down by. */
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** One member of a dimension with its names. */
export interface BreakdownMember {
  code: string;
  nameJa: string;
  nameEn: string;
}

const PREFECTURE_NAMES: readonly (readonly [string, string])[] = [
  ['北海道', 'Hokkaido'],
  ['青森県', 'Aomori'],
  ['岩手県', 'Iwate'],
  ['宮城県', 'Miyagi'],
  ['秋田県', 'Akita'],
  ['山形県', 'Yamagata'],
  ['福島県', 'Fukushima'],
  ['茨城県', 'Ibaraki'],
  ['栃木県', 'Tochigi'],
  ['群馬県', 'Gunma'],
  ['埼玉県', 'Saitama'],
  ['千葉県', 'Chiba'],
  ['東京都', 'Tokyo'],
  ['神奈川県', 'Kanagawa'],
  ['新潟県', 'Niigata'],
  ['富山県', 'Toyama'],
  ['石川県', 'Ishikawa'],
  ['福井県', 'Fukui'],
  ['山梨県', 'Yamanashi'],
  ['長野県', 'Nagano'],
  ['岐阜県', 'Gifu'],
  ['静岡県', 'Shizuoka'],
  ['愛知県', 'Aichi'],
  ['三重県', 'Mie'],
  ['滋賀県', 'Shiga'],
  ['京都府', 'Kyoto'],
  ['大阪府', 'Osaka'],
  ['兵庫県', 'Hyogo'],
  ['奈良県', 'Nara'],
  ['和歌山県', 'Wakayama'],
  ['鳥取県', 'Tottori'],
  ['島根県', 'Shimane'],
  ['岡山県', 'Okayama'],
  ['広島県', 'Hiroshima'],
  ['山口県', 'Yamaguchi'],
  ['徳島県', 'Tokushima'],
  ['香川県', 'Kagawa'],
  ['愛媛県', 'Ehime'],
  ['高知県', 'Kochi'],
  ['福岡県', 'Fukuoka'],
  ['佐賀県', 'Saga'],
  ['長崎県', 'Nagasaki'],
  ['熊本県', 'Kumamoto'],
  ['大分県', 'Oita'],
  ['宮崎県', 'Miyazaki'],
  ['鹿児島県', 'Kagoshima'],
  ['沖縄県', 'Okinawa'],
];

/** The 47 prefectures in JIS X 0401 order, coded 01 (北海道) … 47 (沖縄県). */
export const PREFECTURES: readonly BreakdownMember[] = PREFECTURE_NAMES.map(([nameJa, nameEn], index) => ({
  code: String(index + 1).padStart(2, '0'),
  nameJa,
  nameEn,
}));

const SEXES: readonly BreakdownMember[] = [
  { code: 'male', nameJa: '男性', nameEn: 'Men' },
  { code: 'female', nameJa: '女性', nameEn: 'Women' },
];

// Age groups as the 国勢調査 and 人口動態統計 publish them, plus the wide bands KPI tables use.
const AGE_GROUPS: readonly BreakdownMember[] = [
  { code: '0-14', nameJa: '0～14歳', nameEn: '0–14' },
  { code: '15-64', nameJa: '15～64歳', nameEn: '15–64' },
  { code: '65-74', nameJa: '65～74歳', nameEn: '65–74' },
  { code: '75+', nameJa: '75歳以上', nameEn: '75 and over' },
  { code: '65+', nameJa: '65歳以上', nameEn: '65 and over' },
];

/**
 * The members a dimension allows. Ministries are the organisations' codes, which live in the database (a
 * reorganisation adds one), so the caller passes them.
 */
export function membersOf(
  dimension: BreakdownDimension,
  ministries: readonly BreakdownMember[] = [],
): readonly BreakdownMember[] {
  switch (dimension) {
    case 'prefecture':
      return PREFECTURES;
    case 'sex':
      return SEXES;
    case 'age_group':
      return AGE_GROUPS;
    case 'ministry':
      return ministries;
  }
}

/** One member's value; null where the source gives none for that member. */
export interface BreakdownValue {
  member: string;
  value: number | null;
}

/**
 * A KPI value broken down by one dimension (内訳). The total of the KPI is kept apart, on the point or actual
 * the breakdown belongs to, and is never derived from the members: shares and rates do not add up.
 */
export interface Breakdown {
  dimension: BreakdownDimension;
  values: BreakdownValue[];
}

/**
 * What is wrong with a breakdown, field by field: members the dimension does not know, a member twice,
 * a value that is not a finite number. Empty when it is sound.
 */
export function checkBreakdown(
  breakdown: Breakdown,
  path: string,
  ministries: readonly BreakdownMember[] = [],
): ErrorDetail[] {
  const known = new Set(membersOf(breakdown.dimension, ministries).map((member) => member.code));
  const seen = new Set<string>();
  const problems: ErrorDetail[] = [];
  breakdown.values.forEach((entry, index) => {
    const at = `${path}.values[${index}]`;
    if (!known.has(entry.member)) {
      problems.push({
        path: `${at}.member`,
        message: `unknown ${breakdown.dimension} "${entry.member}"; expected one of ${[...known].join(' ')}`,
      });
    } else if (seen.has(entry.member)) {
      problems.push({ path: `${at}.member`, message: `"${entry.member}" is given twice` });
    }
    seen.add(entry.member);
    if (entry.value !== null && !Number.isFinite(entry.value)) {
      problems.push({ path: `${at}.value`, message: 'expected a finite number or null' });
    }
  });
  return problems;
}

/** How many members of a breakdown fall short of a bar, and which; members without a value are counted apart. */
export interface BarCount {
  below: string[];
  meeting: number;
  missing: string[];
}

/**
 * Count the members that do not meet a bar (後発品数量シェア 全都道府県で80%以上: the prefectures under 80%).
 * `higherIsBetter` says which side of the bar meets it; a value on the bar meets it (以上 / 以下).
 */
export function countAgainstBar(breakdown: Breakdown, bar: number, higherIsBetter = true): BarCount {
  const result: BarCount = { below: [], meeting: 0, missing: [] };
  for (const { member, value } of breakdown.values) {
    if (value === null) result.missing.push(member);
    else if (higherIsBetter ? value >= bar : value <= bar) result.meeting += 1;
    else result.below.push(member);
  }
  return result;
}

/** The Japanese name of a member, for sentences and tables; the code itself where it is unknown. */
export function memberName(
  dimension: BreakdownDimension,
  code: string,
  language: 'ja' | 'en' = 'ja',
): string {
  const member = membersOf(dimension).find((m) => m.code === code);
  if (!member) return code;
  return language === 'ja' ? member.nameJa : member.nameEn;
}

/** One labelled figure as a table writes it (「男性:10.2%」): the label as written and the figure. */
export interface LabelledFigure {
  label: string;
  value: number;
}

// A member as tables write it: the name itself, a prefecture without 都/府/県, 男/女 for 男性/女性, an age band
// with its range dash in any form (〜, ~, -).
function memberKeys(dimension: BreakdownDimension, member: BreakdownMember): string[] {
  const keys = [member.nameJa];
  if (dimension === 'prefecture' && member.nameJa !== '北海道')
    keys.push(member.nameJa.replace(/[都府県]$/u, ''));
  if (dimension === 'sex') keys.push(member.nameJa.slice(0, 1));
  if (dimension === 'age_group') keys.push(member.nameJa.replace(/～/gu, '-'));
  return keys;
}

function labelKey(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[～〜~−–—]/gu, '-');
}

/**
 * The breakdown that labelled figures make (「男性:10.2% 女性:3.0%」 → sex: male 10.2, female 3.0), or null when a
 * label is none of one dimension's members. Totals (計, 男女計, 全体 …) are the KPI's own figure, not members, and
 * are left out; ministries are matched by name against the organisations given.
 */
export function breakdownOfLabels(
  figures: readonly LabelledFigure[],
  ministries: readonly BreakdownMember[] = [],
): Breakdown | null {
  const members = figures.filter(
    (f) => !/^(?:計|合計|総数|総計|全体|男女計|総合|全国)$/u.test(labelKey(f.label)),
  );
  if (members.length === 0) return null;
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const byKey = new Map<string, string>();
    for (const member of membersOf(dimension, ministries)) {
      for (const key of memberKeys(dimension, member)) byKey.set(labelKey(key), member.code);
    }
    const codes = members.map((f) => byKey.get(labelKey(f.label)));
    if (codes.every((code) => code !== undefined) && new Set(codes).size === codes.length) {
      return { dimension, values: members.map((f, i) => ({ member: codes[i] as string, value: f.value })) };
    }
  }
  return null;
}
