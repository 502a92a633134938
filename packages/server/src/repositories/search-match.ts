import type { SearchFilters, SearchRow } from './search.repository.js';

/** How far a search counts its matches. */
export const COUNT_CAP = 1000;

/** What a search found: the matches counted up to COUNT_CAP, and the first `limit` in order. */
export interface SearchFound {
  total: number;
  isTotalCapped: boolean;
  rows: SearchRow[];
}

/**
 * A search over entries held in memory (time travel: a past revision's entries, built from its rows), with the
 * index's semantics: every token contained in the normalised text (toSearchText; no wildcards), the same filters
 * (the entries are of one plan, so `planSlug` is the caller's), the same order (sort key, then entity) and the
 * same capped count.
 */
export function findInEntries(entries: readonly SearchRow[], filters: SearchFilters): SearchFound {
  const wanted = filters.entityIds === undefined ? undefined : new Set(filters.entityIds);
  const matches = entries.filter(
    (entry) =>
      filters.tokens.every((token) => entry.search_text.includes(token)) &&
      (filters.sheetNumber === undefined || entry.sheet_number === filters.sheetNumber) &&
      (filters.ministry === undefined || entry.ministries.includes(`|${filters.ministry}|`)) &&
      (filters.type === undefined || entry.entity_type === filters.type) &&
      (filters.roundId === undefined || entry.round_id === filters.roundId) &&
      (wanted === undefined || wanted.has(entry.entity_id)),
  );
  const byOrder = (a: SearchRow, b: SearchRow): number =>
    a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.entity_id < b.entity_id ? -1 : 1;
  return {
    total: Math.min(matches.length, COUNT_CAP),
    isTotalCapped: matches.length > COUNT_CAP,
    rows: matches.sort(byOrder).slice(0, filters.limit),
  };
}
