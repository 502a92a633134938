/** How much an issue matters: `error` lost data, `warning` is a reading to check, `info` a note on a quirk. */
export type ParseIssueSeverity = 'error' | 'warning' | 'info';

/**
 * One problem an importer met: where (line, column, cell), what it found and what it expected. Importers
 * return these as data beside what they could read, and never write (STYLE.md rule 7).
 */
export interface ParseIssue {
  /** Stable machine-readable kind, e.g. `untagged-progress`, so callers can group and filter issues. */
  code: string;
  /** 1-based line of the input text. */
  line: number;
  /** 1-based table column, where the issue is about a table cell. */
  column?: number;
  /** The column's header (進捗状況, KPI …) or another name for the place. */
  cell?: string;
  found: string;
  expected: string;
  message: string;
  severity: ParseIssueSeverity;
}

/** What an importer returns: the plan it read and every issue it met. */
export interface ParseResult<TPlan> {
  plan: TPlan;
  issues: ParseIssue[];
}
