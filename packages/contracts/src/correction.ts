import { z } from 'zod';
import { Text } from './common.js';

/**
 * 正誤: a correction of a published round's progress bullet or actual, a new visible entry (never an edit in
 * place): what it corrects, the value as published, the corrected value and why.
 */
export const Correction = z
  .object({
    id: z.string(),
    roundId: z.string(),
    measureId: z.string().nullable(),
    ministry: z.string().nullable(),
    kind: z.enum(['bullet', 'actual']),
    targetId: z.string().meta({ description: "The bullet's id, or the actual's (an observation's) id" }),
    original: z.string().meta({ description: 'As published' }),
    corrected: z.string().meta({ description: 'The corrected text, or the corrected value as text' }),
    correctedValue: z.number().nullable().meta({ description: "An actual's corrected value" }),
    reason: z.string(),
    createdAt: z.string().meta({ description: 'ISO instant' }),
  })
  .meta({ id: 'Correction' });
/** A correction (正誤). */
export type Correction = z.infer<typeof Correction>;

/** A round's corrections, oldest first. */
export const CorrectionList = z.object({ corrections: z.array(Correction) }).meta({ id: 'CorrectionList' });
/** A round's corrections. */
export type CorrectionList = z.infer<typeof CorrectionList>;

/** A coordinator's correction: a bullet's new text or an actual's new value, and the reason, required. */
export const CreateCorrectionBody = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('bullet'),
        targetId: Text({ max: 100 }),
        text: Text({ max: 4000, isMultiline: true }),
        reason: Text({ max: 2000, isMultiline: true }),
      })
      .strict(),
    z
      .object({
        kind: z.literal('actual'),
        targetId: Text({ max: 100 }).meta({ description: "The KPI's id: the round's actual of that KPI" }),
        period: Text({ max: 60 })
          .optional()
          .meta({ description: "The actual's period label, when the round published several for the KPI" }),
        value: z.number(),
        reason: Text({ max: 2000, isMultiline: true }),
      })
      .strict(),
  ])
  .meta({ id: 'CreateCorrectionBody' });
/** A coordinator's correction. */
export type CreateCorrectionBody = z.infer<typeof CreateCorrectionBody>;
