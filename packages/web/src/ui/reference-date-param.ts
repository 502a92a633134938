/** Whether `text` is an ISO date (YYYY-MM-DD) that exists in the calendar. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads `?at=YYYY-MM-DD`, the reference date a page asks the API for. `at` is null when absent or unreadable
 * (the API then uses its default); `invalid` keeps unreadable text so the page can say it was ignored.
 */
export function readReferenceDateParam(value: string | null): { at: string | null; invalid: string | null } {
  if (value === null || value === '') return { at: null, invalid: null };
  return isIsoDate(value) ? { at: value, invalid: null } : { at: null, invalid: value };
}

/** `path` with `?at=` added when a reference date is chosen. */
export function withReferenceDate(path: string, at: string | null): string {
  return at === null ? path : `${path}?at=${encodeURIComponent(at)}`;
}
