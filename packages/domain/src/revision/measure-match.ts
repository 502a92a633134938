// Which measure of a plan a KPI group of another office's table belongs to: by the group's name against the
// measures' titles. Pure; the server feeds it the plan's live measures and proposes, the user decides.

/** A measure of the plan, as matching sees it. */
export interface MatchMeasure {
  id: string;
  title: string;
}

/** The measure proposed for a group, with how well the names agree (0–1). */
export interface MeasureProposal {
  measureId: string;
  score: number;
}

// Numbering and markers a table or plan puts before a title (第1分野, 政策の柱1, 1., (2), ◯): they
// tell sections of one document apart, never a group of one document from a measure of another.
const PREFIXES = [
  /^第[0-9一二三四五六七八九十]+(?:分野|章|節|部|編|項|の柱)/u,
  /^政策の柱[0-9]+/u,
  /^[0-9]+(?:[.)]|(?:-[0-9]+)+)/u,
  /^\([0-9a-z]+\)/u,
  /^[◯○●◎■□◆◇・※]/u,
];

/**
 * A title as compared: NFKC (全角英数 → 半角), leading numbering and markers off, brackets kept
 * as text but their marks dropped, spaces and punctuation removed, ASCII lower-cased.
 */
export function normaliseMeasureTitle(title: string): string {
  let text = title.normalize('NFKC').trim().toLowerCase();
  for (let before = ''; before !== text;) {
    before = text;
    for (const prefix of PREFIXES) text = text.replace(prefix, '').trimStart();
  }
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * The tokens of a normalised title: each ASCII word or number whole, and each pair of neighbouring characters of
 * the rest (Japanese writes no spaces, so character bigrams are its words here: 生涯学習 → 生涯, 涯学, 学習).
 */
export function titleTokens(normalised: string): Set<string> {
  const tokens = new Set<string>();
  for (const run of normalised.match(/[a-z0-9]+|[^a-z0-9]+/gu) ?? []) {
    if (/^[a-z0-9]/u.test(run)) {
      tokens.add(run);
      continue;
    }
    if (run.length === 1) tokens.add(run);
    for (let i = 0; i + 1 < run.length; i += 1) tokens.add(run.slice(i, i + 2));
  }
  return tokens;
}

/**
 * How well a group's name and a measure's title agree, in [0, 1]: 1 when they read the same once normalised,
 * else the overlap of their tokens (Dice: twice the shared tokens over both counts), raised to at least .8 when
 * one title of four characters or more is contained in the other.
 */
export function titleSimilarity(a: string, b: string): number {
  const left = normaliseMeasureTitle(a);
  const right = normaliseMeasureTitle(b);
  if (left === '' || right === '') return 0;
  if (left === right) return 1;
  const leftTokens = titleTokens(left);
  const rightTokens = titleTokens(right);
  let shared = 0;
  for (const token of leftTokens) if (rightTokens.has(token)) shared += 1;
  const dice = (2 * shared) / (leftTokens.size + rightTokens.size);
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  return short.length >= 4 && long.includes(short) ? Math.max(dice, 0.8) : dice;
}

/** Below this, no measure is proposed: the names share too little to say the group is that measure. */
export const MEASURE_MATCH_THRESHOLD = 0.4;

/**
 * The measure a group of KPIs most likely belongs to: the best-agreeing title at or above the threshold, the
 * first in the plan's order on a tie; null when none agrees enough (the user then chooses, or adds a measure).
 */
export function proposeMeasure(
  groupName: string,
  measures: readonly MatchMeasure[],
  threshold: number = MEASURE_MATCH_THRESHOLD,
): MeasureProposal | null {
  let best: MeasureProposal | null = null;
  for (const measure of measures) {
    const score = titleSimilarity(groupName, measure.title);
    if (score >= threshold && (best === null || score > best.score)) best = { measureId: measure.id, score };
  }
  return best === null ? null : { ...best, score: Math.round(best.score * 1000) / 1000 };
}
