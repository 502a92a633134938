/**
 * One problem an importer met: where (line, column, cell), what it found and what it expected. Importers
 * return these as data beside what they could read, and never write (STYLE.md rule 7).
 */
export interface ParseIssue {
  line: number;
  column?: number;
  cell?: string;
  found: string;
  expected: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

/** What an importer returns: the plan it read and every issue it met. */
export interface ParseResult<TPlan> {
  plan: TPlan;
  issues: ParseIssue[];
}
