import { createHash } from 'node:crypto';
import type { ImportPreview, PlanDocument } from '@kotei/contracts';
import { headerSignature, importDocument, type ColumnRoleOverride, type ParseIssue } from '@kotei/importers';
import { mapPlanDocument } from '../repositories/mappers/plan-document.mapper.js';
import { assemblePlanTree } from '../services/plan-tree.js';

/** A document to read: its bytes and name, the slug to give it, and the ministry codes the store knows. */
export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  slug?: string | undefined;
  knownMinistries: readonly string[];
  /** For a KPI table: the columns whose proposed role the user corrected. */
  columnRoles?: readonly ColumnRoleOverride[] | undefined;
}

/** For a KPI table: its layout and the roles proposed for its columns (with the user's corrections). */
export type TableMapping = ImportPreview['table'];

/** A document read into a plan with its issues, or the reason its bytes are no text document. */
export type ReadOutcome =
  | {
      ok: true;
      doc: PlanDocument;
      issues: ParseIssue[];
      encoding: string;
      fingerprint: string;
      table: TableMapping;
    }
  | { ok: false; message: string };

/**
 * Decode and parse a document, recognised by its content: a follow-up document, or a KPI table (xlsx, CSV, TSV,
 * HTML, Markdown, PDF-extract text). The CPU-heavy part of an import, pure, so it can run on a worker thread. The
 * fingerprint is of the text as read, so a re-encoded copy of a document is the same document.
 */
export async function readDocument(request: ReadRequest): Promise<ReadOutcome> {
  const read = await importDocument({
    bytes: request.bytes,
    fileName: request.fileName,
    slug: request.slug,
    knownMinistries: request.knownMinistries,
    columnRoles: request.columnRoles,
  });
  if (!read.ok) return { ok: false, message: read.message };
  // A table that gave no KPI is refused whole, with what went wrong (no header, and the rows looked at): a
  // failed import writes nothing, not an empty plan.
  if (read.kind === 'kpi-table' && read.table !== null && read.table.kpis.length === 0) {
    const errors = read.issues.filter((issue) => issue.severity === 'error');
    const reasons = errors.map((issue) => `${issue.message} (${issue.found}; expected ${issue.expected})`);
    return { ok: false, message: reasons.length > 0 ? reasons.join(' ') : 'The table holds no KPI row.' };
  }
  const fingerprint = createHash('sha256').update(read.text).digest('hex');
  const table: TableMapping =
    read.table === null
      ? null
      : {
          format: read.table.format,
          signature: headerSignature(read.table.mappings),
          mappings: read.table.mappings.map((m) => ({
            sheet: m.sheet,
            line: m.line,
            columns: m.columns.map(({ column, role, confidence, header, evidence }) => ({
              column,
              role,
              confidence,
              header,
              evidence,
            })),
          })),
        };
  return { ok: true, doc: read.plan, issues: read.issues, encoding: read.encoding, fingerprint, table };
}

/** A document to preview as a new plan: what reading needs, the time the rows would get, and the day to judge at. */
export interface PreviewRequest extends ReadRequest {
  now: string;
  /** The day statuses are judged at when the document names no follow-up date. */
  today: string;
}

/** What a preview needs from the document, with the plan tree already serialised. */
export type PreviewOutcome =
  | {
      ok: true;
      slug: string;
      encoding: string;
      fingerprint: string;
      /** The importer's issues. */
      issues: ParseIssue[];
      /** What the store would refuse if the plan were created, as error issues with their lines. */
      refusals: ParseIssue[];
      counts: ImportPreview['counts'];
      table: TableMapping;
      /**
       * The plan tree as UTF-8 JSON: a large plan is serialised and encoded here, off the event loop, and its
       * bytes are handed over (transferred, not copied) so the main thread never holds it as a string.
       */
      planJson: Uint8Array<ArrayBuffer>;
    }
  | { ok: false; message: string };

/**
 * Read a document and build its preview as a new plan: the rows commit would write, their counts and the
 * plan tree, serialised. All of it is CPU work, done where the document is read (the worker thread).
 */
export async function previewDocument(request: PreviewRequest): Promise<PreviewOutcome> {
  const read = await readDocument(request);
  if (!read.ok) return read;
  const { rows, problems } = mapPlanDocument(read.doc, request.now);
  const plan = assemblePlanTree(rows, read.doc.round?.asOfDate ?? request.today);
  return {
    ok: true,
    slug: read.doc.slug,
    encoding: read.encoding,
    fingerprint: read.fingerprint,
    table: read.table,
    issues: read.issues,
    refusals: problems.map((problem) => ({
      code: problem.code,
      line: problem.line,
      found: problem.path,
      expected: 'a plan the store can hold',
      message: `${problem.message}; the import would be refused.`,
      severity: 'error',
    })),
    counts: {
      sheets: rows.sheets.length,
      measures: rows.measures.length,
      kpis: rows.kpis.filter((k) => k.level === 'output').length,
      outcomes: rows.kpis.filter((k) => k.level === 'outcome').length,
      bullets: rows.bullets.length,
      projects: rows.projects.length,
      budgetLines: rows.lines.length,
      actuals: rows.observations.length,
    },
    // TextEncoder gives the bytes their own buffer, which postMessage can transfer whole.
    planJson: new TextEncoder().encode(JSON.stringify(plan)),
  };
}
