import type { ParseIssue } from '../parse-issue.js';
import type { SourceLine } from './markdown-blocks.js';
import { excerpt } from './text.js';

// The shapes PlanDocument takes, as written: the importer builds them (one name per type across packages).
export type {
  GoalDraft,
  KpiDraft,
  MeasureDraft,
  PhaseDraft,
  ProgressDraft,
  ProjectDraft,
  SheetDraft,
  SourceDraft,
} from '@kotei/contracts';
import type { SourceDraft } from '@kotei/contracts';

/** The issue fields a reader gives: a ParseIssue as it is; the log adds nothing but order. */
export type IssueInput = ParseIssue;

// Past this many issues of one kind, the rest are counted, not listed: a 5 MB file of broken rows stays readable.
const MAX_PER_CODE = 200;

/** Collects issues in reading order; `found` is shortened so a huge cell never fills the list. */
export class IssueLog {
  readonly issues: ParseIssue[] = [];
  private readonly counts = new Map<string, { count: number; line: number }>();

  add(issue: IssueInput): void {
    const seen = this.counts.get(issue.code);
    const count = (seen?.count ?? 0) + 1;
    this.counts.set(issue.code, { count, line: seen?.line ?? issue.line });
    if (count > MAX_PER_CODE) return;
    const entry: ParseIssue = {
      code: issue.code,
      line: Math.max(1, issue.line),
      found: excerpt(issue.found),
      expected: issue.expected,
      message: issue.message,
      severity: issue.severity,
    };
    if (issue.column !== undefined) entry.column = issue.column;
    if (issue.cell !== undefined) entry.cell = issue.cell;
    this.issues.push(entry);
  }

  /** Adds one issue per kind that was cut off, saying how many were not listed. */
  finish(): void {
    for (const [code, { count }] of this.counts) {
      if (count <= MAX_PER_CODE) continue;
      const last = [...this.issues].reverse().find((i) => i.code === code);
      this.issues.push({
        code: 'issues-truncated',
        line: last?.line ?? 1,
        found: `${count} issues of kind ${code}`,
        expected: `at most ${MAX_PER_CODE} issues of one kind`,
        message: `${count - MAX_PER_CODE} further issues of kind "${code}" were not listed.`,
        severity: last?.severity ?? 'warning',
      });
    }
  }
}

/** Provenance of lines: their range and raw text as written. */
export function sourceOf(lines: readonly SourceLine[], rawText?: string): SourceDraft {
  const first = lines[0]?.line ?? 1;
  const last = lines[lines.length - 1]?.line ?? first;
  return { lineFrom: first, lineTo: last, rawText: rawText ?? lines.map((l) => l.text).join('\n') };
}
