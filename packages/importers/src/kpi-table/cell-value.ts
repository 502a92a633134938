import { normalizeText } from '@kotei/domain';
import type { EraHint, YearReading } from './years.js';
import { readYear } from './years.js';

/** One labelled figure of a cell that holds several (「男性:10.2%」). */
export interface BreakdownReading {
  readonly label: string;
  readonly value: number;
}

/** What a value cell says: its figure, unit, period, and what kind of target it is. */
export interface ValueReading {
  /** The figure; null where the cell gives none (「―」, 「全市町村」, a breakdown without a total). */
  readonly value: number | null;
  readonly unit: string;
  readonly period: YearReading | null;
  readonly breakdown: readonly BreakdownReading[];
  /** 「前年より増加」, 「減少を目指します」: a direction instead of a figure. */
  readonly direction: 'increase' | 'decrease' | null;
  /** 以上 (the figure is a floor), 以下 (a ceiling), 程度/約 (about). */
  readonly bound: 'min' | 'max' | 'about' | null;
  /** 「毎年度」: the target holds every year. */
  readonly isRecurring: boolean;
  /** Text before the figure that names what it is (「世代全体50%」 → 世代全体), not a unit or a qualifier. */
  readonly lead: string | null;
  /** The cell's words where it has no figure (設置, 全市町村); null otherwise. */
  readonly words: string | null;
  /** Notes the cell carries (注1, ※…, 【参考】), kept for the KPI's note. */
  readonly notes: readonly string[];
  /** False when the cell has text that is neither a figure, a period, a known word nor empty. */
  readonly isReadable: boolean;
  /** True for an empty cell or one that says there is nothing (―, なし, 集計中). */
  readonly isEmpty: boolean;
}

const NONE = /^(?:[―─\-—–ー‐−]+|なし|無し|該当なし|集計中|調査中|未集計|未定|不明|\/|[-]?)$/u;
const QUALITATIVE =
  /^(?:全(?:市町村|都道府県|国|圏域|地域|校|施設|ての地域)|設置|策定|実施|完了|達成|整備|開始|導入|運用|維持)/u;
// A time without a date (「早期」, 「年度内」): read, kept as words, never dated.
const TIMING = /^(?:できるだけ|できる限り|可能な限り)?(?:早期|早急|速やか|年度内|年内|随時|毎年度?)(?:に)?$/u;
// A target set against the KPI's own present figure (「現状値以上」, 「基準値を下回る」, 「現状維持」): its direction, no figure.
const FROM_CURRENT =
  /^(?:現状値?|現在値?|基準値?|策定時(?:の値)?)(?:の)?(以上|以下|を上回る|を下回る|維持|を維持)$/u;
// An arrow alone (「↑」 under 目指す方向) is the direction the KPI should go.
const INCREASE = /増加|増|向上|上昇|拡大|拡充|^[↑↗⇧]$/u;
const DECREASE = /減少|減|低下|削減|縮小|抑制|^[↓↘⇩]$/u;
// Words before a figure that qualify it rather than name it.
const QUALIFIER =
  /^(?:約|およそ|概ね|おおむね|延べ|のべ|週|月|年間|年|毎年|1日当たり|1日あたり|一日当たり|1人当たり|1人あたり|人口10万人当たり|累計|計)$/u;
const TOTAL_LABEL = /^(?:計|合計|総数|総計|全体|男女計|総合)$/u;
// A rate's base written before the figure (「1日当たり 2時間30分」): it qualifies the unit and holds a digit of its own.
const RATE_BASE = /^(?:1日|一日|1人|一人|人口\d+万人)(?:当たり|あたり)\s*/u;
const NUMBER = /(\d[\d,]*(?:\.\d+)?)/u;
// A target set against a base (「2012年度(11.5%)比の3倍(2020年)」, 「平成22年から半減」): the base's figure and year are
// the base's, not the target's; the target has no figure of its own, only a direction, a date and its words.
const RELATIVE =
  /^(.*?(?:比|に比べ(?:て)?|と比べ(?:て)?|から|より))の?\s*(.*?(?:\d+(?:\.\d+)?倍(?!率)|倍増|半減|\d+割(?:の)?(?:増|減|削減)|\d+(?:\.\d+)?%(?:の)?(?:増|減|削減)).*)$/u;
// Thousands grouped by commas, three digits a group; 「3,0000」 is a misprint, never read as a figure.
const GROUPED = /\d[\d,]*,\d*/gu;
const WELL_GROUPED = /^\d{1,3}(?:,\d{3})+$/u;
// A figure in 億 and 万 at once (「2億396万円」) is read in 万: 20396万円.
const OKU_MAN = /(\d{1,4})億(\d{1,4}(?:,\d{3})?)万/gu;
// Digits after 万 (「1561万5012」, 「1590万886回」): one number, written whole.
const MAN_REST = /(\d{1,5})万(\d{1,4})(?![\d.,])/gu;
// Circled numbers (①…⑳) number rows; NFKC would turn them into plain digits that read as part of a name.
const CIRCLED_NUMBER = /^\s*[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]\s*/u;

/** A row's text without the circled number (①) that numbers it. */
export function withoutCircledNumber(text: string): string {
  return text.replace(CIRCLED_NUMBER, '');
}

function hasMisgroupedFigure(text: string): boolean {
  return [...text.matchAll(GROUPED)].some(([digits]) => {
    const figure = digits.replace(/,+$/u, '');
    return figure.includes(',') && !WELL_GROUPED.test(figure);
  });
}

function emptyReading(isEmpty: boolean, notes: string[], period: YearReading | null = null): ValueReading {
  return {
    value: null,
    unit: '',
    period,
    breakdown: [],
    direction: null,
    bound: null,
    isRecurring: false,
    lead: null,
    words: null,
    notes,
    isReadable: true,
    isEmpty,
  };
}

// Takes the notes out of a cell: (注1), ※1, (※平成21年1月現在), 【参考】.
function takeNotes(text: string, notes: string[]): string {
  return (
    text
      .replace(/[(〔]\s*※[^)〕]*[)〕]|【参考】|[(]注\d*[)]|※\s*\d+|(?<![\p{L}])注\d+/gu, (note) => {
        notes.push(note);
        return ' ';
      })
      // A footnote mark after a figure or its unit (「63%* (平成32年)」) is no part of the unit.
      .replace(/(?<=\S)[*＊]+(?=\s|$|[(（])/gu, (note) => {
        notes.push(note);
        return ' ';
      })
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

// Takes the period out: the last bracketed part that names a year, else a bare era year (平成20年度).
function takePeriod(
  text: string,
  hint: EraHint,
): { rest: string; period: YearReading | null; recurring: boolean } {
  const found: { period: YearReading | null; recurring: boolean } = { period: null, recurring: false };
  let rest = text.replace(/[(〔【[]([^()〔〕【】[\]]*)[)〕】\]]/gu, (whole, inner: string) => {
    if (/毎年|毎年度/u.test(inner)) {
      found.recurring = true;
      return ' ';
    }
    const year = readYear(inner, hint);
    if (year === null) return whole;
    found.period = year;
    return ' ';
  });
  // A cell that is a bare year alone (「16年度」, 「16年度 までに」) names the period, the document's era its own.
  const bare = /^(\d{1,2})\s*年度?(?:末)?\s*(?:まで(?:に)?)?$/u.exec(rest.trim());
  if (found.period === null && bare !== null) {
    found.period = readYear(rest, hint);
    if (found.period !== null) rest = '';
  }
  if (found.period === null) {
    rest = rest.replace(
      /(?:明治|大正|昭和|平成|令和)(?:元|\d{1,2})年度?(?:末|\d{1,2}月(?:\d{1,2}日)?)?(?:時点|現在)?|(?:19|20)\d{2}\s*年度?(?:末)?/u,
      (whole) => {
        found.period = readYear(whole, hint);
        return ' ';
      },
    );
  }
  const { period, recurring } = found;
  return { rest: rest.replace(/\s+/gu, ' ').trim(), period, recurring };
}

interface Figure {
  readonly lead: string;
  readonly value: number;
  readonly unit: string;
  readonly bound: ValueReading['bound'];
}

// One figure with the words before it and the unit after it: 「男性:12.9%」, 「約522万時間」, 「2時間30分」; an age
// range before a figure labels it (「10~14歳 1.3」), never a figure itself.
function readFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  const pattern =
    /\s*((?:[^\s\d:：,、]*\d{1,3}\s*[~〜～-]\s*\d{1,3}\s*歳代?[^\s\d:：,、]*)|[^\s\d:：,、]*?)[:：]?\s*((?:(?<![\d.])[-−‐]|[▲△]\s*)?)(\d[\d,]*(?:\.\d+)?)(?:\s*時間\s*(\d+)\s*分)?\s*([^\s\d(（〔【,、:：~〜～・]*)/gu;
  for (const match of text.matchAll(pattern)) {
    const [, leadText = '', sign = '', digits = '', minutes, unitText = ''] = match;
    // A minus written on the figure (「-0.8」, 「▲0.8」, 「△12」: Japanese tables print negatives with a triangle).
    let value = (sign.trim() === '' ? 1 : -1) * Number(digits.replace(/,/gu, ''));
    if (!Number.isFinite(value)) continue;
    let unit = unitText;
    let bound: Figure['bound'] = null;
    const boundWord = /(以上|以下|未満|程度|超|以内)$/u.exec(unit)?.[1];
    if (boundWord !== undefined) {
      unit = unit.slice(0, -boundWord.length);
      bound = boundWord === '以上' || boundWord === '超' ? 'min' : boundWord === '程度' ? 'about' : 'max';
    }
    unit = unit.replace(/(?:まで|に|を|へ|が|の)$/u, '');
    if (minutes !== undefined) {
      value = value * 60 + Math.sign(value) * Number(minutes);
      unit = '分';
    } else if (unit === '割') {
      value *= 10;
      unit = '%';
    } else if (unit === '万' || unit === '億') {
      // A magnitude with no counter after it (「1250万」 beside 「1350万1」) is part of the number.
      value = Math.round(value * (unit === '万' ? 10_000 : 100_000_000) * 100) / 100;
      unit = '';
    }
    let lead = leadText.replace(/^・/u, '');
    if (lead.startsWith('約')) {
      lead = lead.slice(1);
      bound ??= 'about';
    }
    figures.push({ lead, value, unit, bound });
  }
  return figures;
}

function relativeReading(text: string, change: string, hint: EraHint, notes: string[]): ValueReading {
  const { period, recurring } = takePeriod(change, hint);
  return {
    ...emptyReading(false, notes, period),
    direction: /半減|減/u.test(change) ? 'decrease' : 'increase',
    words: text,
    isReadable: true,
    isRecurring: recurring,
  };
}

/**
 * Reads a value cell of a KPI table: 「6.0% (平成31年)」, 「(2017) 48.2」, 「1,203市町村」, 「約300万時間〔22年度〕」,
 * 「1日当たり 1時間45分」, 「前年より増加」, 「―」, 「30%以上 (毎年度)」, 「男女計:7.1% 男性:10.2% 女性:3.0%」. Never
 * guesses: text it cannot read is marked unreadable, with no value.
 */
export function readValueCell(raw: string, hint: EraHint): ValueReading {
  const notes: string[] = [];
  const text = takeNotes(normalizeText(raw), notes)
    .replace(
      OKU_MAN,
      (_whole, oku: string, man: string) => `${Number(oku) * 10_000 + Number(man.replace(/,/gu, ''))}万`,
    )
    .replace(MAN_REST, (_whole, man: string, rest: string) => String(Number(man) * 10_000 + Number(rest)));
  if (NONE.test(text)) return emptyReading(true, notes);
  if (hasMisgroupedFigure(text)) return { ...emptyReading(false, notes), words: text, isReadable: false };
  const relative = RELATIVE.exec(text);
  if (relative !== null) return relativeReading(text, relative[2] as string, hint, notes);
  const taken = takePeriod(text, hint);
  const { period, recurring } = taken;
  // A figure wrapped whole in parentheses (「( 59.3万人)」, how some tables mark actuals) reads as the figure.
  const rest = taken.rest.replace(RATE_BASE, '').replace(/^[(]\s*([^()]*\d[^()]*?)\s*[)]$/u, '$1');
  if (rest === '' || NONE.test(rest)) return { ...emptyReading(true, notes, period), isRecurring: recurring };
  const rank = /^(?:全国|県内|国内)?\s*(\d+)\s*位/u.exec(rest);
  if (rank !== null) {
    return {
      ...emptyReading(false, notes, period),
      value: Number(rank[1]),
      unit: '位',
      direction: 'decrease',
    };
  }
  const figures = NUMBER.test(rest) ? readFigures(rest) : [];
  if (figures.length === 0) {
    const bound = FROM_CURRENT.exec(rest);
    const direction =
      bound !== null
        ? bound[1] === '以上' || bound[1] === 'を上回る'
          ? 'increase'
          : bound[1] === '以下' || bound[1] === 'を下回る'
            ? 'decrease'
            : null
        : INCREASE.test(rest) && !DECREASE.test(rest)
          ? 'increase'
          : DECREASE.test(rest)
            ? 'decrease'
            : null;
    const known = bound !== null || direction !== null || QUALITATIVE.test(rest) || TIMING.test(rest);
    return {
      ...emptyReading(false, notes, period),
      direction,
      words: rest,
      isReadable: known,
      isRecurring: recurring,
    };
  }
  const first = figures[0] as Figure;
  const labelled = figures.filter((figure) => figure.lead !== '' && !QUALIFIER.test(figure.lead));
  let value: number | null = first.value;
  let unit = first.unit;
  let lead: string | null = null;
  let breakdown: BreakdownReading[] = [];
  if (figures.length > 1 && labelled.length === figures.length) {
    breakdown = figures.map((figure) => ({ label: figure.lead, value: figure.value }));
    const total = figures.find((figure) => TOTAL_LABEL.test(figure.lead));
    value = total?.value ?? null;
    unit = (total ?? first).unit;
  } else if (labelled.length === 1 && figures.length === 1 && !/^\d/u.test(rest)) {
    lead = first.lead;
  }
  return {
    value,
    unit,
    period,
    breakdown,
    direction: /増加|減少/u.test(rest) ? (INCREASE.test(rest) ? 'increase' : 'decrease') : null,
    bound: first.bound ?? (/程度|約/u.test(rest) ? 'about' : null),
    isRecurring: recurring,
    lead,
    words: null,
    notes,
    isReadable: true,
    isEmpty: false,
  };
}
