import { z } from 'zod';
import type * as domain from '@kotei/domain';
import { describes, IsoDate } from './common.js';

/** A ministry or office, with the dates its code is valid. */
export const Organisation = describes<domain.Organisation>()(
  z
    .object({
      code: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
      validFrom: IsoDate,
      validTo: IsoDate.nullable(),
    })
    .meta({ id: 'Organisation' }),
);
/** A ministry or office. */
export type Organisation = domain.Organisation;

/** A bureau-level policy field with its stated aim. */
export const PolicyField = describes<domain.PolicyField>()(
  z
    .object({ code: z.string(), nameJa: z.string(), nameEn: z.string(), aimJa: z.string() })
    .meta({ id: 'PolicyField' }),
);
/** A bureau-level policy field. */
export type PolicyField = domain.PolicyField;
