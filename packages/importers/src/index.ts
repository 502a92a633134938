/** One problem an importer met, as data: where, what it found, what it expected, how much it matters. */
export type { ParseIssue, ParseIssueSeverity } from './parse-issue.js';
/** What an importer returns: the plan it read and every issue it met. */
export type { ParseResult } from './parse-issue.js';
/** Finds a document's encoding (UTF-8, UTF-16 LE/BE, Shift_JIS) and decodes it, or refuses it with a reason. */
export { decodeDocument } from './decode-document.js';
/** A decoded document and its encoding, or the reason it was refused. */
export type { DecodeResult, DocumentEncoding } from './decode-document.js';
/** Reads a follow-up document's text into a PlanDocument input and its issues; pure, linear, never throws. */
export { parseFollowUp } from './parse-follow-up.js';
/** Options of parseFollowUp: the plan's slug and the source file name. */
export type { FollowUpOptions } from './parse-follow-up.js';
/** Stable keys (sheet or goal number + normalised name) to match KPIs, outcomes and measures on a later import. */
export { kpiKey, measureKey, outcomeKey } from './follow-up/keys.js';
/** Reads a KPI table (xlsx, PDF, CSV/TSV, HTML, Markdown, PDF-extract) into a plan, with its KPIs and column mappings. */
export {
  parseKpiGrids,
  parseKpiTableText,
  parseKpiWorkbook,
  parseKpiPdf,
  looksLikeKpiTable,
  COLUMN_ROLES,
  headerSignature,
} from './kpi-table/index.js';
/** A table import's result, options, and the column mapping the importer proposes and the user may correct. */
export type {
  ColumnMapping,
  ColumnRole,
  ColumnRoleOverride,
  KpiTableParseOptions,
  KpiTableResult,
  TableKpi,
  TablePoint,
} from './kpi-table/index.js';
/** Reads any document by its content: a KPI table or a follow-up document. */
export { importDocument } from './import-document.js';
/** The file to import and what reading it gave. */
export type { ImportDocumentOutcome, ImportDocumentRequest } from './import-document.js';
