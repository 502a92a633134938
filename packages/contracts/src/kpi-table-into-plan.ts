import { z } from 'zod';
import { DIRECTIONS, KPI_SHAPES } from '@kotei/domain';
import { Text } from './common.js';
import { ColumnRoles, ImportIssue, KpiTableMapping } from './import.js';

const TableFile = {
  fileName: Text({ max: 255 }),
  contentBase64: z
    .base64()
    .max(14 * 1024 * 1024)
    .meta({ description: 'The file, base64 (at most 10 MB)' }),
  columnRoles: ColumnRoles.optional().meta({
    description: 'The columns whose proposed role the user corrected (0-based)',
  }),
};

/** A KPI table to add to an existing plan: the same file and column roles as the import preview takes. */
export const TableIntoPlanPreviewBody = z.object(TableFile).strict().meta({ id: 'TableIntoPlanPreviewBody' });
/** A KPI table to preview against a plan. */
export type TableIntoPlanPreviewBody = z.infer<typeof TableIntoPlanPreviewBody>;

const TablePoint = z
  .object({ value: z.number().nullable(), label: z.string() })
  .nullable()
  .meta({ id: 'TableIntoPlanPoint' });

/** One KPI a group would add, as read from the table. */
export const TableIntoPlanKpi = z
  .object({
    name: z.string(),
    unit: z.string(),
    shape: z.enum(KPI_SHAPES),
    direction: z.enum(DIRECTIONS),
    baseline: TablePoint,
    target: TablePoint,
    actuals: z.int().meta({ description: 'How many actuals it brings (observations)' }),
    line: z.int().meta({ description: 'The line (text) or row (worksheet) it was read from' }),
    existsOnProposed: z
      .boolean()
      .meta({ description: 'A KPI of this name is already on the proposed measure: it would not be added' }),
  })
  .meta({ id: 'TableIntoPlanKpi' });

/** A group of the table's KPIs (one measure of a new plan), with the measure of the plan proposed for it. */
export const TableIntoPlanGroup = z
  .object({
    key: z.string().meta({ description: 'Stable for the same file and column roles: what the commit names' }),
    title: z.string(),
    section: z.string().meta({ description: 'The section or worksheet the group stands under' }),
    proposal: z
      .object({ measureId: z.string(), score: z.number().min(0).max(1) })
      .nullable()
      .meta({ description: 'The measure whose title agrees best with the group name; null when none does' }),
    kpis: z.array(TableIntoPlanKpi),
  })
  .meta({ id: 'TableIntoPlanGroup' });

/** What adding a KPI table to a plan would do: the groups, their proposed measures, and the plan's measures. */
export const TableIntoPlanPreview = z
  .object({
    plan: z.object({ id: z.string(), slug: z.string(), title: z.string(), dataVersion: z.int() }),
    fileName: z.string(),
    encoding: z.string(),
    fingerprint: z.string(),
    table: KpiTableMapping,
    issues: z.array(ImportIssue),
    sheets: z.array(z.object({ id: z.string(), number: z.int(), title: z.string() })),
    measures: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        sheetId: z.string(),
        sheetNumber: z.int(),
        kpiNames: z.array(z.string()),
      }),
    ),
    groups: z.array(TableIntoPlanGroup),
  })
  .meta({ id: 'TableIntoPlanPreview' });
/** The preview of adding a KPI table to a plan. */
export type TableIntoPlanPreview = z.infer<typeof TableIntoPlanPreview>;

/** Where one group's KPIs go: an existing measure of the plan, or a new measure on a sheet of it. */
export const TableIntoPlanTarget = z
  .union([
    z.object({ key: z.string().max(40), measureId: z.string().max(64) }).strict(),
    z
      .object({
        key: z.string().max(40),
        newMeasureOnSheet: z.string().max(64).meta({ description: 'The id of a sheet of the plan' }),
        title: Text({ max: 500 })
          .optional()
          .meta({ description: "The new measure's title; the group's if none" }),
      })
      .strict(),
  ])
  .meta({ id: 'TableIntoPlanTarget' });
/** Where one group's KPIs go. */
export type TableIntoPlanTarget = z.infer<typeof TableIntoPlanTarget>;

/** The table again (as previewed) and where each group goes; a group not listed is left out. */
export const TableIntoPlanBody = z
  .object({ ...TableFile, groups: z.array(TableIntoPlanTarget).min(1).max(1000) })
  .strict()
  .meta({ id: 'TableIntoPlanBody' });
/** A KPI table to add to a plan, with where each group goes. */
export type TableIntoPlanBody = z.infer<typeof TableIntoPlanBody>;

/** What adding a KPI table wrote: the KPIs added, those not added as duplicates, the revision it made. */
export const TableIntoPlanResult = z
  .object({
    slug: z.string(),
    revision: z.int().nullable().meta({
      description:
        "The plan's revision recording the addition; null when nothing was added (nothing written)",
    }),
    dataVersion: z.int(),
    added: z.array(
      z.object({
        group: z.string(),
        measureId: z.string(),
        kpiId: z.string(),
        name: z.string(),
        actuals: z.int(),
      }),
    ),
    duplicates: z.array(
      z.object({
        group: z.string(),
        measureId: z.string(),
        name: z.string(),
        existingKpiId: z.string(),
      }),
    ),
    newMeasures: z.array(
      z.object({ group: z.string(), measureId: z.string(), sheetId: z.string(), title: z.string() }),
    ),
    leftOut: z.array(z.string()).meta({ description: 'The keys of the groups the commit did not list' }),
  })
  .meta({ id: 'TableIntoPlanResult' });
/** What adding a KPI table wrote. */
export type TableIntoPlanResult = z.infer<typeof TableIntoPlanResult>;
