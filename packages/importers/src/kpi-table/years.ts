import { ERAS, findEra, normalizeText, parseWareki } from '@kotei/domain';

/** The era a bare year (「24年度」) belongs to, decided once per document. */
export type EraHint = string;

/** A year read from a cell or a header: the year as written (西暦), whether 年度, and the text it came from. */
export interface YearReading {
  readonly year: number;
  readonly fiscal: boolean;
  /** The text of the period as written (「平成26年度」, 「17〜23年度」), for the label. */
  readonly label: string;
  /** 「…まで」: a deadline rather than a point. */
  readonly isDeadline: boolean;
}

const ERA_NAMES = ERAS.map((era) => era.name).join('|');
const ERA_LETTERS = ERAS.map((era) => era.letter).join('');
// One year: an era and its year (平成32, H30, 令和元), a 西暦 year, or a bare one- or two-digit year; never a
// span of years (「5年後」, 「3年間」, 「10年以内」).
const YEAR_TOKEN = new RegExp(
  `(?:(${ERA_NAMES})|(?<![A-Za-z])([${ERA_LETTERS}])(?=\\d))\\s*(元|\\d{1,2})(?!\\d)|(?<![\\d.,])((?:19|20)\\d{2})(?![\\d.,%])|(?<![\\d.,])(\\d{1,2})(?=\\s*(?:年(?!後|間|前|以内|以上|未満|ごと|毎|連続|目|程度|分)|[〜～~\\-ー－―]\\s*\\d(?!\\d*\\s*歳)))`,
  'gu',
);

/**
 * Which era a document's bare years (「24年度」, 〔19年度〕) are in: the era its text names most often, else 平成 for
 * years past 10 and 令和 for the rest (a bare 「5年度」 is today's era). Read once, so every cell agrees.
 */
export function eraHintOf(text: string): EraHint {
  const counts = new Map<string, number>();
  for (const match of normalizeText(text.slice(0, 200_000)).matchAll(
    new RegExp(`(${ERA_NAMES})(?:元|\\d)|(?<![A-Za-z])([${ERA_LETTERS}])\\d`, 'gu'),
  )) {
    const era = findEra(match[1] ?? match[2] ?? '');
    if (era !== undefined) counts.set(era.name, (counts.get(era.name) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

// Through the domain calendar, which reads an era's years past its end as documents wrote them (平成32年 = 2020).
function eraYear(eraName: string, yearText: string): number | null {
  const parsed = parseWareki(`${eraName}${yearText}年`);
  return parsed.ok ? parsed.value.year : null;
}

function bareYear(n: number, hint: EraHint): number | null {
  if (n < 1) return null;
  const era = hint !== '' ? hint : n > 10 ? '平成' : '令和';
  return eraYear(era, String(n));
}

/**
 * The year a period text names, as written: the last year in it (a range's end: 17〜23年度 → 2011), with 年度 or
 * 年 as it says; a year outside parentheses before any inside them. Null when the text names no year. Bare years
 * take the document's era (`hint`).
 */
export function readYear(text: string, hint: EraHint): YearReading | null {
  const normal = normalizeText(text).replace(/(\d)\s+(?=年)/gu, '$1');
  // A year named outside parentheses is the period; one inside then only notes when the figures were taken
  // (「中間年度の目標 2014年 (数値は平成25年度末)」 is 2014). Blanked, not cut, so positions stay those of `normal`.
  const outside = normal.replace(/[(（][^()（）]*[)）]/gu, (part) => ' '.repeat(part.length));
  const searched = [...outside.matchAll(YEAR_TOKEN)].length > 0 ? outside : normal;
  let found: { year: number; end: number } | null = null;
  for (const match of searched.matchAll(YEAR_TOKEN)) {
    const [whole, eraName, letter, eraDigits, western, bare] = match;
    let year: number | null = null;
    let end = match.index + whole.length;
    if (eraDigits !== undefined) {
      year = eraYear(eraName ?? letter ?? '', eraDigits);
      // A range in one era (「H11~15平均」): its end, in that era.
      const range = /^\s*[〜～~\-ー－―]\s*(\d{1,2})(?![\d年])/u.exec(searched.slice(end));
      if (range !== null) {
        year = eraYear(eraName ?? letter ?? '', range[1] as string) ?? year;
        end += range[0].length;
      }
    } else if (western !== undefined) year = Number(western);
    else if (bare !== undefined) year = bareYear(Number(bare), hint);
    if (year !== null) found = { year, end };
  }
  if (found === null) return null;
  const after = normal.slice(found.end);
  const fiscal =
    /^\s*年度/u.test(after) || (/^[^年]*$/u.test(after) && !/^\s*年/u.test(after) && /年度/u.test(normal));
  return { year: found.year, fiscal, label: normal, isDeadline: /まで|までに/u.test(normal) };
}
