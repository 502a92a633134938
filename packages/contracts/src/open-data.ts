import { z } from 'zod';
import { InputDate } from './common.js';
import { Round } from './plan.js';

/** The license a dataset is published under. */
export const DataLicense = z
  .object({
    name: z.string().meta({ description: 'Short identifier, e.g. PDL-1.0' }),
    title: z.string(),
    path: z.string().meta({ description: 'Where the license text is published' }),
  })
  .meta({ id: 'DataLicense' });
/** The license a dataset is published under. */
export type DataLicense = z.infer<typeof DataLicense>;

/** One downloadable file of a dataset at its stable address. */
export const DataFile = z
  .object({
    name: z.string().meta({ description: 'Table name (kpis, actuals, …), plan, datapackage or report' }),
    title: z.string(),
    format: z.enum(['csv', 'json', 'pdf', 'xlsx', 'html']),
    url: z.string().meta({ description: 'Stable address, answering ETag and Last-Modified' }),
    bomUrl: z.string().nullable().meta({ description: 'The same CSV led by a BOM, for Excel' }),
  })
  .meta({ id: 'DataFile' });
/** One downloadable file of a dataset. */
export type DataFile = z.infer<typeof DataFile>;

/** The open data of one plan at one published round. */
export const Dataset = z
  .object({
    plan: z.object({ slug: z.string(), title: z.string(), owner: z.string(), isSample: z.boolean() }),
    round: Round,
    license: DataLicense,
    datapackageUrl: z
      .string()
      .meta({ description: 'Frictionless Tabular Data Package describing the CSV files' }),
    files: z.array(DataFile),
  })
  .meta({ id: 'Dataset' });
/** The open data of one plan at one published round. */
export type Dataset = z.infer<typeof Dataset>;

/** Every published dataset: the data catalogue. */
export const DataCatalogue = z.object({ datasets: z.array(Dataset) }).meta({ id: 'DataCatalogue' });
/** Every published dataset. */
export type DataCatalogue = z.infer<typeof DataCatalogue>;

/** Whether this server can render PDF reports, and what to install when it cannot. */
export const ReportCapabilities = z
  .object({
    pdf: z.object({
      available: z.boolean(),
      missing: z
        .array(z.string())
        .meta({ description: 'Each thing missing, with the command that installs it' }),
    }),
  })
  .meta({ id: 'ReportCapabilities' });
/** Whether this server can render PDF reports. */
export type ReportCapabilities = z.infer<typeof ReportCapabilities>;

/** A report workbook uploaded for a preview: the .xlsx the report gives, edited. */
export const WorkbookPreviewBody = z
  .object({
    contentBase64: z
      .base64()
      .max(14 * 1024 * 1024)
      .meta({ description: 'The .xlsx file, base64 (at most 10 MB)' }),
  })
  .strict()
  .meta({ id: 'WorkbookPreviewBody' });
/** A report workbook uploaded for a preview. */
export type WorkbookPreviewBody = z.infer<typeof WorkbookPreviewBody>;

const CellValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** What an uploaded report workbook would change, cell by cell, and every cell it could not read; writes nothing. */
export const WorkbookPreview = z
  .object({
    round: Round,
    changes: z.array(
      z.object({
        worksheet: z.string(),
        cell: z.string().meta({ description: 'A1-style address' }),
        table: z.string(),
        rowId: z.string().nullable().meta({ description: 'null for a row that is not in the plan' }),
        field: z.string(),
        before: CellValue,
        after: CellValue,
      }),
    ),
    issues: z.array(
      z.object({
        worksheet: z.string(),
        cell: z.string(),
        field: z.string().nullable(),
        found: z.string(),
        expected: z.string(),
        message: z.string(),
      }),
    ),
    dataVersion: z.int().meta({ description: "The plan's data version the preview was read at" }),
    digest: z
      .string()
      .meta({ description: 'Fingerprint of the change set, to be sent back with an acceptance' }),
  })
  .meta({ id: 'WorkbookPreview' });
/** What an uploaded report workbook would change. */
export type WorkbookPreview = z.infer<typeof WorkbookPreview>;

/** Accepting a previewed workbook: the same file, with the data version and digest its preview gave. */
export const WorkbookApplyBody = WorkbookPreviewBody.extend({
  dataVersion: z.int().min(0),
  digest: z.string().max(100),
})
  .strict()
  .meta({ id: 'WorkbookApplyBody' });
/** Accepting a previewed workbook. */
export type WorkbookApplyBody = z.infer<typeof WorkbookApplyBody>;

/** A workbook written: the cells applied, the plan's new data version and the revision that records them. */
export const WorkbookApplied = z
  .object({
    round: Round,
    applied: WorkbookPreview.shape.changes,
    dataVersion: z.int(),
    revision: z.int().nullable().meta({
      description: "The plan's revision recording the corrections (null when the workbook changed nothing)",
    }),
  })
  .meta({ id: 'WorkbookApplied' });
/** A workbook written. */
export type WorkbookApplied = z.infer<typeof WorkbookApplied>;

/** What a report render job makes: the report as PDF (A3 or A4 landscape) or Excel. */
export const ReportJobRequest = z
  .object({
    round: z.uuid().optional().meta({ description: 'A published round (default: the latest published)' }),
    format: z.enum(['pdf', 'xlsx']).default('pdf'),
    paper: z.enum(['A3', 'A4']).default('A3').meta({ description: 'Landscape paper of the PDF' }),
    revision: z.int().min(1).max(100_000).optional().meta({
      description: 'Show the plan as this revision (見直し) fixed it; statuses at the round’s as-of date',
    }),
    revisionOn: InputDate.optional().meta({
      description: 'Show the plan as the revision in force on this date fixed it',
    }),
  })
  .meta({ id: 'ReportJobRequest' });
/** What a report render job makes. */
export type ReportJobRequest = z.infer<typeof ReportJobRequest>;

/** A background job rendering a report: where it stands, and its file once done. */
export const ReportJob = z
  .object({
    id: z.uuid(),
    kind: z.literal('report'),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().int().min(0).max(100),
    step: z
      .string()
      .meta({ description: 'What it is doing now: model, html, browser, print, xlsx, save, done' }),
    attempts: z.number().int(),
    error: z.string().nullable().meta({ description: 'Why the render failed (the last attempt)' }),
    params: z.object({
      slug: z.string(),
      roundId: z.string().nullable(),
      format: z.enum(['pdf', 'xlsx']),
      paper: z.enum(['A3', 'A4']),
      revision: z.int().optional().meta({
        description: 'The revision shown, when one was asked (its number, a date resolved at the start)',
      }),
    }),
    fileUrl: z
      .string()
      .nullable()
      .meta({ description: 'Where the file is, once the job is done and while it is kept' }),
    fileName: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    expiresAt: z.string().nullable().meta({
      description:
        "When a finished job's file will be deleted (KOTEI_JOB_FILE_DAYS after it finished); null before",
    }),
    fileExpiredAt: z.string().nullable().meta({
      description: 'When the file was deleted after its retention: the job stays, its download answers 410',
    }),
  })
  .meta({ id: 'ReportJob' });
/** A background job rendering a report. */
export type ReportJob = z.infer<typeof ReportJob>;
