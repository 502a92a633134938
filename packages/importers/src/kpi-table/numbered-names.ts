import { CIRCLED } from './flat-tokens.js';

// A PDF page whose rows' figures were printed before their names (the name cells wrap over several lines, the
// figures sit on one): 「①…の割合 53.5% 75% 2,100人/年 4,000人/年 72.3% 75% … ②…の利用者数 ③…の割合」. The circled
// numbers say which name is whose: the first numbered row's run holds k rows' figures, and the names numbered next
// (②, ③ … up to k) stand together later on the line; pair j is the row numbered j. Read only where every number
// from the first row's on to the k-th is found, in order, with no figure among them.

/** A run of a flat line: words, then figures. */
export interface FlatRun {
  readonly words: string[];
  readonly figures: string[];
  /** Whether the row before was closed by its comment cell, so this run's figures cannot belong to it. */
  readonly ended?: boolean;
}

// The circled numbers' blocks of Unicode: where each starts, the number it starts at, how many it holds.
const CIRCLED_BLOCKS: readonly (readonly [number, number, number])[] = [
  [0x2460, 1, 20],
  [0x3251, 21, 15],
  [0x32b1, 36, 15],
];

/** The number a circled digit opening a word stands for (① → 1, ㉑ → 21), or null. */
export function circledNumber(word: string): number | null {
  if (!CIRCLED.test(word)) return null;
  const code = word.codePointAt(0) ?? 0;
  for (const [start, first, size] of CIRCLED_BLOCKS)
    if (code >= start && code < start + size) return first + code - start;
  return null;
}

// The words of the names numbered from `first` on, k of them, opening a run's words; null where one is missing.
function namesFrom(words: readonly string[], first: number, k: number): string[][] | null {
  const names: string[][] = [];
  for (const word of words) {
    const number = circledNumber(word);
    if (number !== null) {
      if (names.length === k) break;
      if (number !== first + names.length) return null;
      names.push([word]);
    } else if (names.length === 0) return null;
    else (names[names.length - 1] as string[]).push(word);
  }
  return names.length === k ? names : null;
}

/**
 * The runs with each numbered row's figures printed before its name given to that name: the first row keeps its
 * own pair, the later names (taken from the run they stand in) each a run of their own; and the rows so matched.
 */
export function withNumberedNamesLater(
  runs: readonly FlatRun[],
  values: number,
): { runs: FlatRun[]; matched: string[][] } {
  const out = [...runs];
  const matched: string[][] = [];
  for (let i = 0; i < out.length; i += 1) {
    const run = out[i] as FlatRun;
    const first = circledNumber(run.words[0] ?? '');
    const k = run.figures.length / values;
    if (first === null || values < 1 || !Number.isInteger(k) || k < 2) continue;
    const later = out.findIndex((other, j) => j > i && namesFrom(other.words, first + 1, k - 1) !== null);
    if (later < 0) continue;
    const host = out[later] as FlatRun;
    const names = namesFrom(host.words, first + 1, k - 1) as string[][];
    const pairs = Array.from({ length: k }, (_, j) => run.figures.slice(j * values, (j + 1) * values));
    const rest = host.words.slice(names.flat().length);
    out.splice(later, 1, { ...host, words: rest });
    out.splice(i, 1, { words: run.words, figures: pairs[0] as string[] });
    const moved = names.map((words, j) => ({ words, figures: pairs[j + 1] as string[], ended: true }));
    out.splice(i + 1, 0, ...moved);
    matched.push(...moved.map((m) => [...m.words, ...m.figures]));
    i += moved.length;
  }
  return { runs: out.filter((run) => run.words.length > 0 || run.figures.length > 0), matched };
}
