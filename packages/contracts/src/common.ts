import { z } from 'zod';

/** UUID of any entity; ids never change across revisions. */
export const Id = z.uuid().meta({ description: 'Stable UUID' });

/** Calendar date in Japan (YYYY-MM-DD). */
export const IsoDate = z.iso
  .date()
  .meta({ description: 'Date in Japan time, YYYY-MM-DD', example: '2025-06-30' });

/** The one error shape every endpoint returns. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'not_found' }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
/** The one error shape every endpoint returns. */
export type ErrorBody = z.infer<typeof ErrorBody>;
