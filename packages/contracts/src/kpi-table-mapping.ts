import { z } from 'zod';
import { Text } from './common.js';
import { ColumnRoles } from './import.js';

/** A KPI table's column mapping to keep under a name, for next year's file from the same office. */
export const SaveKpiTableMappingBody = z
  .object({
    name: Text({ max: 100 }),
    signature: z
      .string()
      .min(1)
      .max(4000)
      .meta({ description: 'The preview table signature it was made for' }),
    columnRoles: ColumnRoles.min(1),
  })
  .strict()
  .meta({ id: 'SaveKpiTableMappingBody' });
/** A mapping to save. */
export type SaveKpiTableMappingBody = z.infer<typeof SaveKpiTableMappingBody>;

/** A saved mapping: whose, for which headers, and the roles. */
export const SavedKpiTableMapping = z
  .object({
    id: z.string(),
    name: z.string(),
    signature: z.string(),
    columnRoles: ColumnRoles,
    office: z.string().nullable().meta({ description: "The owner's ministry when saved" }),
    isOwn: z.boolean().meta({ description: "The caller's own (else a colleague's of the same office)" }),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedKpiTableMapping' });
/** A saved mapping. */
export type SavedKpiTableMapping = z.infer<typeof SavedKpiTableMapping>;

/** The caller's saved mappings and their office's, newest first; those for one signature when it is given. */
export const SavedKpiTableMappingList = z
  .object({ mappings: z.array(SavedKpiTableMapping) })
  .meta({ id: 'SavedKpiTableMappingList' });
/** Saved mappings. */
export type SavedKpiTableMappingList = z.infer<typeof SavedKpiTableMappingList>;

/** Which saved mappings to list. */
export const SavedKpiTableMappingQuery = z.object({ signature: z.string().max(4000).optional() });

/** A saved mapping's id in the path. */
export const SavedKpiTableMappingParams = z.object({ id: z.string().min(1).max(64) });
