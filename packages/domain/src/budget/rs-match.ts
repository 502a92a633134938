// Matching a plan's budget project (該当事業) to the RS system's projects (行政事業レビュー): by normalised name,
// ministry and years, with a confidence in [0, 1] and the reasons for it. Pure; the server feeds it the rows.

/** A plan's budget project, as matching sees it. */
export interface MatchBudgetProject {
  name: string;
  /** The ministry's full name (厚生労働省), or null where the plan names none. */
  ministry: string | null;
  /** The fiscal years the plan's budget lines name. */
  fiscalYears: readonly number[];
}

/** An RS project, as matching sees it (its latest sheet year). */
export interface MatchRsProject {
  rsId: number;
  name: string;
  ministry: string;
  startYear: number | null;
  endYear: number | null;
}

/** One suggested RS project for a budget project. */
export interface RsMatch {
  rsId: number;
  confidence: number;
  /** Why: `same-name`, `same-stem`, `bracketed-name`, `contains`, `similar`, `same-ministry`, `other-ministry`, `years`, `ended`. */
  reasons: string[];
}

// Words a project name may end with that do not change which project it is (事業 / 事業費 / 補助金 …).
const SUFFIXES = ['に要する経費', '事業費', '事業', '補助金', '交付金', '委託費', '経費', '費', '等'];

/**
 * A name as compared: NFKC (全角英数 → 半角), brackets and their contents removed (（情報通信技術調達等適正・効率化
 * 推進費）, (CEPI)), spaces and middle dots removed, ASCII lower-cased.
 */
export function normaliseProjectName(name: string): string {
  let text = name.normalize('NFKC');
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(/[(（[［「【〔][^()（）[\]［］「」【】〔〕]*[)）\]］」】〕]/g, '');
  }
  return text.replace(/[\s・･／/]/g, '').toLowerCase();
}

/** The name without the suffixes that do not tell projects apart (臨床研究総合促進事業 → 臨床研究総合促進). */
export function projectNameStem(normalised: string): string {
  let stem = normalised;
  for (let changed = true; changed;) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (stem.length > suffix.length + 1 && stem.endsWith(suffix)) {
        stem = stem.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return stem;
}

/** The names inside a name's brackets (医薬品安定供給支援補助金(後発医薬品産業構造改革支援事業) → the latter). */
function bracketedNames(name: string): string[] {
  const inner = [...name.normalize('NFKC').matchAll(/[(（]([^()（）]{4,})[)）]/g)].map((m) => m[1] ?? '');
  return inner.map(normaliseProjectName).filter((n) => n.length >= 4);
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i += 1) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigrams, in [0, 1]. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const left = bigrams(a);
  let shared = 0;
  for (const [gram, count] of bigrams(b)) shared += Math.min(count, left.get(gram) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** How well two names agree, with the reason: 1 same name, .9 same stem, then containment or bigram similarity. */
function nameScore(plan: string, rs: string): { score: number; reason: string } {
  const a = normaliseProjectName(plan);
  const b = normaliseProjectName(rs);
  if (a === b) return { score: 1, reason: 'same-name' };
  const stemA = projectNameStem(a);
  const stemB = projectNameStem(b);
  if (stemA === stemB) return { score: 0.9, reason: 'same-stem' };
  const similar = nameSimilarity(stemA, stemB);
  const [short, long] = stemA.length <= stemB.length ? [stemA, stemB] : [stemB, stemA];
  if (short.length >= 6 && long.includes(short)) {
    return { score: Math.max(similar, 0.6 + 0.3 * (short.length / long.length)), reason: 'contains' };
  }
  return { score: similar, reason: 'similar' };
}

/**
 * The RS projects that may be this budget project, best first: at most `limit` whose confidence reaches
 * `threshold`. Confidence is the name's score (the bracketed name counts as the name, at .95 of its score),
 * plus .05 for the same ministry or minus .3 for another, minus .2 where the RS project ended before every year
 * the plan names, clamped to [0, 1].
 */
export function suggestRsMatches(
  project: MatchBudgetProject,
  candidates: readonly MatchRsProject[],
  { threshold = 0.55, limit = 3 }: { threshold?: number; limit?: number } = {},
): RsMatch[] {
  const inner = bracketedNames(project.name);
  const matches: RsMatch[] = [];
  for (const rs of candidates) {
    let best = nameScore(project.name, rs.name);
    for (const name of inner) {
      const scored = nameScore(name, rs.name);
      if (scored.score * 0.95 > best.score) best = { score: scored.score * 0.95, reason: 'bracketed-name' };
    }
    if (best.score < threshold - 0.05) continue;
    const reasons = [best.reason];
    let confidence = best.score;
    if (project.ministry !== null) {
      const same = project.ministry === rs.ministry;
      confidence += same ? 0.05 : -0.3;
      reasons.push(same ? 'same-ministry' : 'other-ministry');
    }
    const years = project.fiscalYears;
    if (years.length > 0 && rs.endYear !== null && years.every((year) => year > (rs.endYear ?? year))) {
      confidence -= 0.2;
      reasons.push('ended');
    } else if (
      years.length > 0 &&
      years.some((year) => (rs.startYear ?? 0) <= year && year <= (rs.endYear ?? 9999))
    ) {
      reasons.push('years');
    }
    confidence = Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000;
    if (confidence >= threshold) matches.push({ rsId: rs.rsId, confidence, reasons });
  }
  return matches.sort((a, b) => b.confidence - a.confidence || a.rsId - b.rsId).slice(0, limit);
}
