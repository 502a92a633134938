import type { PlanDocument } from '@kotei/contracts';
import { decodeDocument } from './decode-document.js';
import type { ColumnRoleOverride, KpiTableResult } from './kpi-table/index.js';
import {
  isPdf,
  isWorkbookBytes,
  looksLikeKpiTable,
  parseKpiPdf,
  parseKpiTableText,
  parseKpiWorkbook,
} from './kpi-table/index.js';
import { parseFollowUp } from './parse-follow-up.js';
import type { ParseIssue } from './parse-issue.js';

/** A file to import: its bytes and name, and what the caller knows (slug, ministries, a corrected mapping). */
export interface ImportDocumentRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly slug?: string | undefined;
  readonly knownMinistries?: readonly string[];
  /** The columns whose role the user corrected, for a KPI table. */
  readonly columnRoles?: readonly ColumnRoleOverride[] | undefined;
}

/** What a file was read as, the plan and issues, and for a KPI table its KPIs and proposed column mappings. */
export type ImportDocumentOutcome =
  | {
      ok: true;
      kind: 'follow-up' | 'kpi-table';
      /** The text as read (for a workbook, its worksheets' cells), for a fingerprint that ignores the encoding. */
      text: string;
      encoding: string;
      plan: PlanDocument;
      issues: ParseIssue[];
      table: Pick<KpiTableResult, 'format' | 'mappings' | 'kpis'> | null;
    }
  | { ok: false; message: string };

/**
 * Reads any document kotei imports, recognising it by its content: an .xlsx workbook, a PDF, or a text table whose header
 * names KPI columns is a KPI table (`parseKpiTable…`); anything else is a follow-up document (`parseFollowUp`).
 * Never throws; a file that is no text and no workbook is refused with the reason.
 */
export async function importDocument(request: ImportDocumentRequest): Promise<ImportDocumentOutcome> {
  const options = {
    sourceName: request.fileName,
    ...(request.slug === undefined ? {} : { slug: request.slug }),
    ...(request.columnRoles === undefined ? {} : { columnRoles: request.columnRoles }),
  };
  if (isWorkbookBytes(request.bytes) || isPdf(request.bytes)) {
    const pdf = isPdf(request.bytes);
    const result = pdf
      ? await parseKpiPdf(request.bytes, options)
      : await parseKpiWorkbook(request.bytes, options);
    const text = result.kpis.map((kpi) => kpi.rawText).join('\n');
    return {
      ok: true,
      kind: 'kpi-table',
      text,
      encoding: pdf ? 'pdf' : 'xlsx',
      plan: result.plan,
      issues: result.issues,
      table: result,
    };
  }
  const decoded = decodeDocument(request.bytes);
  if (!decoded.ok) return { ok: false, message: decoded.error.message };
  const text = decoded.text.replace(/\r\n?/gu, '\n');
  if ((request.columnRoles !== undefined && request.columnRoles.length > 0) || looksLikeKpiTable(text)) {
    const result = parseKpiTableText(text, options);
    return {
      ok: true,
      kind: 'kpi-table',
      text,
      encoding: decoded.encoding,
      plan: result.plan,
      issues: result.issues,
      table: result,
    };
  }
  const parsed = parseFollowUp(text, {
    sourceName: request.fileName,
    ...(request.knownMinistries === undefined ? {} : { knownMinistries: request.knownMinistries }),
    ...(request.slug === undefined ? {} : { slug: request.slug }),
  });
  return {
    ok: true,
    kind: 'follow-up',
    text,
    encoding: decoded.encoding,
    plan: parsed.plan,
    issues: parsed.issues,
    table: null,
  };
}
