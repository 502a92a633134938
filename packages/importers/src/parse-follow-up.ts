import { PlanDocument } from '@kotei/contracts';
import type { PlanDocumentInput } from '@kotei/contracts';
import { DocumentReader } from './follow-up/document-reader.js';
import type { FollowUpOptions } from './follow-up/plan-builder.js';
import { PlanBuilder } from './follow-up/plan-builder.js';
import type { ParseIssue, ParseResult } from './parse-issue.js';

export type { FollowUpOptions } from './follow-up/plan-builder.js';

const MAX_REPAIRS = 20;

/**
 * Reads a follow-up document (政策目標と工程表 and its フォローアップ, as converted from PDF to Markdown/HTML) into a
 * PlanDocument and the issues met. Pure and linear in the length of the text; never throws: whatever cannot be
 * read is reported as an issue. The plan is checked against PlanDocument here, once, and returned parsed: periods
 * carry their dates and ministry tags are resolved against `knownMinistries`, so nothing downstream reads again.
 */
export function parseFollowUp(text: string, options: FollowUpOptions = {}): ParseResult<PlanDocument> {
  let read: { plan: PlanDocumentInput; issues: ParseIssue[] };
  try {
    read = readFollowUp(typeof text === 'string' ? text : String(text), options);
  } catch (error) {
    return {
      plan: PlanDocument.parse(emptyPlan(options)),
      issues: [
        {
          code: 'internal-error',
          line: 1,
          found: error instanceof Error ? `${error.name}: ${error.message}` : 'an unknown error',
          expected: 'a document the importer can read',
          message:
            'The importer failed on this document; nothing was imported. Please report it with the file.',
          severity: 'error',
        },
      ],
    };
  }
  const issues = read.issues;
  const plan = repair(read.plan, issues, options);
  // In document order, as a reviewer reads them beside the source (the sort is stable within a line).
  issues.sort((a, b) => a.line - b.line);
  return { plan, issues };
}

// Blocks are read first (DocumentReader), then built into a plan (PlanBuilder); may throw only on a bug.
function readFollowUp(
  text: string,
  options: FollowUpOptions,
): { plan: PlanDocumentInput; issues: ParseIssue[] } {
  const reader = new DocumentReader();
  reader.read(text);
  const plan = new PlanBuilder(reader, options).build();
  reader.log.finish();
  return { plan, issues: reader.log.issues };
}

/**
 * Checks the plan against PlanDocument and drops any item that fails (reporting it), so one bad cell never costs
 * the rest of the import. The reader builds valid items; this is the net under it.
 */
function repair(plan: PlanDocumentInput, issues: ParseIssue[], options: FollowUpOptions): PlanDocument {
  for (let attempt = 0; attempt < MAX_REPAIRS; attempt += 1) {
    const result = PlanDocument.safeParse(plan);
    if (result.success) return result.data;
    const removals = new Map<string, { parent: unknown[]; index: number; path: string }>();
    for (const issue of result.error.issues) {
      const path = issue.path;
      const last = path.findLastIndex((part) => typeof part === 'number');
      if (last < 0) {
        // A plan-level field: put its fallback in and keep everything else.
        issues.push(invalid(path.join('.'), issue.message));
        if (!resetField(plan, path[0], options)) return PlanDocument.parse(emptyPlan(options));
        continue;
      }
      const parent = valueAt(plan, path.slice(0, last));
      const index = path[last];
      if (!Array.isArray(parent) || typeof index !== 'number') return PlanDocument.parse(emptyPlan(options));
      const key = path.slice(0, last + 1).join('.');
      removals.set(key, { parent, index, path: `${key}: ${issue.message}` });
    }
    const ordered = [...removals.values()].sort((a, b) => b.index - a.index);
    for (const { parent, index, path } of ordered) {
      parent.splice(index, 1);
      issues.push(invalid(path, 'dropped'));
    }
  }
  const last = PlanDocument.safeParse(plan);
  return last.success ? last.data : PlanDocument.parse(emptyPlan(options));
}

function resetField(
  plan: PlanDocumentInput,
  field: PropertyKey | undefined,
  options: FollowUpOptions,
): boolean {
  const fallback = emptyPlan(options);
  if (field === 'slug') plan.slug = fallback.slug;
  else if (field === 'title') plan.title = fallback.title;
  else if (field === 'owner') plan.owner = fallback.owner;
  else if (field === 'adoptedOn') plan.adoptedOn = null;
  else if (field === 'round') plan.round = null;
  else if (field === 'description') plan.description = '';
  else return false;
  return true;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function invalid(path: string, message: string): ParseIssue {
  return {
    code: 'invalid-item-dropped',
    line: 1,
    found: path,
    expected: 'an item valid under PlanDocument',
    message: `An item read from the document did not pass PlanDocument (${message}) and was left out.`,
    severity: 'error',
  };
}

function emptyPlan(options: FollowUpOptions): PlanDocumentInput {
  const slug =
    options.slug !== undefined && /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(options.slug) ? options.slug : null;
  return { slug: slug ?? 'imported-plan', title: '無題の計画', owner: '不明', adoptedOn: null };
}
