import { parsePeriod } from '@kotei/domain';
import type { Period } from '@kotei/domain';

/** Units the KPI cells write after a number; longer ones first so 都道府県 wins over 県. */
export const UNITS = [
  '都道府県',
  '医療機関',
  '市町村',
  '都府県',
  '道府県',
  '品目',
  '施設',
  '拠点',
  '試験',
  '成分',
  '機関',
  '団体',
  '箇所',
  'か所',
  'か国',
  'ヵ国',
  'カ国',
  '種類',
  '億円',
  '件',
  '名',
  '人',
  '社',
  '編',
  '%',
  '倍',
  '位',
  '回',
  '例',
  '円',
] as const;

/** A number as written: 1,365 / 56.7 / 14, grouped or not; bounded so a scan stays linear. */
export const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,12})(?:\.\d{1,6})?`;
const UNIT = `(?:${UNITS.map(escape).join('|')})`;

/** A value with its unit and qualifiers: 年間15件, 80%以上, 1,225名, 11都府県が未達成, 120万件. */
export const VALUE = String.raw`(年間|年平均)?(${NUMBER})\s?(万|億)?(${UNIT})?(以上|以下|以内|未満|超|が未達成|未達成)?`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Reads a number as written (commas dropped) times its multiplier (万 10^4, 億 10^8); null when unusable. */
export function readNumber(digits: string, multiplier: string | undefined): number | null {
  const base = Number(digits.replace(/,/gu, ''));
  if (!Number.isFinite(base)) return null;
  const factor = multiplier === '万' ? 10_000 : multiplier === '億' ? 100_000_000 : 1;
  const value = Math.round(base * factor * 1e6) / 1e6;
  return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : null;
}

/** What a period means, read once here and carried to the store: first and last day, fiscal year. */
export interface PeriodDates {
  readonly start: string;
  readonly end: string | null;
  readonly fiscalYear: number;
}

/** The dates of a period read by parsePeriod (of a part of it, for a transition's from or to). */
export function datesOf(period: Pick<Period, 'start' | 'end' | 'fiscalYear'>): PeriodDates {
  return { start: period.start, end: period.end, fiscalYear: period.fiscalYear };
}

/** A period label that parsePeriod reads, with the note text left over ("臨床医学・R元～R3平均"). */
export interface PeriodLabel {
  readonly label: string;
  readonly period: Period;
  readonly rest: string;
}

/**
 * Reads the inside of a bracket as a period: as a whole ("R3～R5平均"), after a "・" ("臨床医学・R元～R3平均"),
 * before までに ("R7までに目標設定"), or with から as a range dash ("H30からR5"). Null when none fits.
 */
export function readPeriodLabel(text: string): PeriodLabel | null {
  const label = text.trim();
  if (label === '' || label.length > 60 || !/\d|元/u.test(label)) return null;
  const whole = parsePeriod(label);
  if (whole.ok) return { label, period: whole.value, rest: '' };
  const dot = label.lastIndexOf('・');
  if (dot >= 0) {
    const tail = label.slice(dot + 1).trim();
    const parsed = parsePeriod(tail);
    if (parsed.ok) return { label: tail, period: parsed.value, rest: label.slice(0, dot).trim() };
  }
  const by = label.indexOf('までに');
  if (by > 0) {
    const head = label.slice(0, by).trim();
    const parsed = parsePeriod(head);
    if (parsed.ok) return { label: head, period: parsed.value, rest: label };
  }
  if (label.includes('から')) {
    const dashed = label.replace('から', '～');
    const parsed = parsePeriod(dashed);
    if (parsed.ok) return { label: dashed, period: parsed.value, rest: label };
  }
  return null;
}

/** The fiscal year parsePeriod gives a label, or null when it cannot read it. */
export function fiscalYearOf(label: string): number | null {
  const parsed = parsePeriod(label);
  return parsed.ok ? parsed.value.fiscalYear : null;
}
