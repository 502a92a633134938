import { normalizeText } from '@kotei/domain';
import type { ColumnMapping } from './header.js';
import { FIGURE_VALUE_ROLES } from './header.js';

/**
 * Where a table writes the unit when neither its value cells nor a unit column do: at the end of the name
 * (「訪問系サービスの利用時間数（万時間）」, 「人工林の間伐実施面積【ha/年】」) or at the end of the value columns' headers (「基準値（％）」 |
 * 「目標値（％）」). Only counters are units, with a magnitude before them (千, 万, 億, 百万), so a name's own
 * parenthesis (「(小学校単位で見た場合)」, 「(本省)」) stays in the name.
 */
const COUNTER =
  '(?:%|％|人|件|回|箇所|か所|カ所|ヶ所|円|ha|km|t|トン|台|社|校|団体|世帯|戸|日|時間|分|点|本|組織|市町村|人日|人分|人日分|施設|人泊|冊|品目|地区|事業所|団地|t-[A-Za-z0-9]{2,4}|m[23²³]|km[2²]|k[lL]|kg|mg|g|m[lL]|L|kcal|歩|ppm|dB)';
// In parentheses or brackets (「【%】」, 「【ha/年】」), maybe per a period or a head.
const UNIT_AT_END = new RegExp(
  `(?:[(（]|【|\\[)((?:千|万|億|百万)?${COUNTER}(?:/[^\\s/()（）【】\\[\\]]{1,6})?)(?:[)）]|】|\\])$`,
  'u',
);
/** In a header the unit may stand before the year of a two-row header's lower cell (「実績値（％） R2年度」). */
const UNIT_IN_HEADER = new RegExp(`[(（]((?:千|万|億|百万)?${COUNTER})[)）]`, 'u');

/** The name without its unit, and the unit, where the name ends with one in parentheses. */
export function unitInName(name: string): { name: string; unit: string } | null {
  const found = UNIT_AT_END.exec(name.trim());
  if (found === null) return null;
  return { name: name.trim().slice(0, found.index).trim(), unit: normalizeText(found[1] ?? '') };
}

/** The unit the value columns' headers all name (「基準値（％）」), or null where one names none or they differ. */
export function unitOfValueHeaders(mapping: readonly ColumnMapping[]): string | null {
  const units = new Set<string>();
  for (const column of mapping) {
    if (!FIGURE_VALUE_ROLES.has(column.role)) continue;
    const found = UNIT_IN_HEADER.exec(normalizeText(column.header).replace(/\s+/gu, ''));
    if (found === null) return null;
    units.add(found[1] ?? '');
  }
  return units.size === 1 ? ([...units][0] ?? null) : null;
}

/**
 * A unit in brackets at the end of a name (「…の数(人)」, 「病床数(床)」), maybe with what it is counted on after a
 * comma (「(%,薬価ベース)」), or before the name's last bracket that qualifies it (「…の減少率(%)(H20年度比)」: the unit,
 * then what the rate is measured against, as a wrapped PDF cell prints it).
 */
export const UNIT_IN_NAME =
  /[(（]((?:%|％|人|千人|万人|件|件数|回|箇所|か所|カ所|ヶ所|円|千円|万円|億円|ha|km|t|台|床|社|校|団体|世帯|戸|日|時間|分|点|本|組織|市町村|人日|人分))(?:[,，、][^()（）]{1,16})?[)）](?=(?:\s*[(（][^()（）%％]*[)）])?$)/u;

// A line that gives the table's units (「(単位:百万円、%)」, 「単位:人」): each, in order.
const TABLE_UNIT = /^[(（]?\s*単位\s*[:：]\s*([^()（）]{1,24})[)）]?$/u;

/** The units a line above a table gives its rows, or none. */
export function tableUnits(text: string): string[] {
  const found = TABLE_UNIT.exec(normalizeText(text));
  return found === null
    ? []
    : (found[1] as string)
        .split(/[、,，・/]/u)
        .map((unit) => unit.trim())
        .filter((unit) => unit !== '');
}

// A row's unit from the table's: its only one, or, where the table gives a % beside an amount, % for a rate
// (率, 比率, 割合) and the amount's unit for the rest.
export function tableUnitOf(name: string, units: readonly string[]): string {
  if (units.length === 1) return units[0] as string;
  const percent = units.find((unit) => unit === '%');
  const others = units.filter((unit) => unit !== '%');
  if (units.length !== 2 || percent === undefined || others.length !== 1) return '';
  return /(?:率|割合|比|シェア)$/u.test(name) ? percent : (others[0] as string);
}
