import { z } from 'zod';
import { KPI_TABLE_COLUMN_ROLES } from '@kotei/domain';
import { Text } from './common.js';
import { PlanTree } from './plan.js';

/** The roles a user gave a KPI table's columns (0-based). */
export const ColumnRoles = z
  .array(z.object({ column: z.int().min(0).max(999), role: z.enum(KPI_TABLE_COLUMN_ROLES) }).strict())
  .max(1000);

/** A document to import, sent as base64 so any encoding (UTF-8, UTF-16, Shift_JIS) arrives byte for byte. */
export const ImportBody = z
  .object({
    fileName: Text({ max: 255 }),
    contentBase64: z
      .base64()
      .max(14 * 1024 * 1024)
      .meta({ description: 'The file, base64 (at most 10 MB)' }),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens')
      .max(80)
      .optional(),
    columnRoles: ColumnRoles.optional().meta({
      description: 'For a KPI table: the columns whose proposed role the user corrected (0-based)',
    }),
  })
  .strict()
  .meta({ id: 'ImportBody' });
/** A document to import. */
export type ImportBody = z.infer<typeof ImportBody>;

/** One thing the importer could not read as expected: where, what it found, what it expected. */
export const ImportIssue = z
  .object({
    code: z.string(),
    line: z.int(),
    column: z.int().optional(),
    cell: z.string().optional(),
    found: z.string(),
    expected: z.string(),
    message: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
  })
  .meta({ id: 'ImportIssue' });

/** One column of a KPI table: the role proposed for it, how sure, and the header cell and words that decided. */
export const KpiTableColumn = z
  .object({
    column: z.int().meta({ description: '0-based' }),
    role: z.enum(KPI_TABLE_COLUMN_ROLES),
    confidence: z.number().min(0).max(1),
    header: z.string(),
    evidence: z.string(),
  })
  .meta({ id: 'KpiTableColumn' });

/** A KPI table's layout and, for each header row found, the roles of its columns. */
export const KpiTableMapping = z
  .object({
    format: z.string().meta({ description: 'xlsx, pdf, csv, tsv, html, markdown or pdf-text' }),
    signature: z.string().meta({
      description: "The first header's cells as read, joined: what a saved mapping is matched by",
    }),
    mappings: z.array(
      z.object({
        sheet: z.string().nullable().meta({ description: 'Worksheet, or null for text' }),
        line: z.int().meta({ description: 'Line (text) or row (worksheet) of the header' }),
        columns: z.array(KpiTableColumn),
      }),
    ),
  })
  .meta({ id: 'KpiTableMapping' });

/**
 * What importing would do, or did: `create` a plan, add a later follow-up as a `new_round` of the plan with
 * that slug, or nothing (`unchanged`) when the same document is already in.
 */
export const IMPORT_ACTIONS = ['create', 'new_round', 'unchanged'] as const;

/** The parse preview: the plan as it would be stored, every issue, and what committing would do. */
export const ImportPreview = z
  .object({
    action: z.enum(IMPORT_ACTIONS),
    encoding: z.string(),
    fingerprint: z
      .string()
      .meta({ description: 'SHA-256 of the document as read; the same document imports once' }),
    counts: z.object({
      sheets: z.int(),
      measures: z.int(),
      kpis: z.int(),
      outcomes: z.int(),
      bullets: z.int(),
      projects: z.int(),
      budgetLines: z.int(),
      actuals: z.int(),
    }),
    issues: z.array(ImportIssue),
    table: KpiTableMapping.nullable().meta({
      description: 'For a KPI table: the roles proposed for its columns',
    }),
    plan: PlanTree,
  })
  .meta({ id: 'ImportPreview' });
/** The parse preview. */
export type ImportPreview = z.infer<typeof ImportPreview>;

/** A committed import. */
export const ImportResult = z
  .object({
    action: z.enum(IMPORT_ACTIONS),
    id: z.string(),
    slug: z.string(),
    issues: z.int().meta({ description: 'How many issues the importer reported' }),
  })
  .meta({ id: 'ImportResult' });
/** A committed import. */
export type ImportResult = z.infer<typeof ImportResult>;
