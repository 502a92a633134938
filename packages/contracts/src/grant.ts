import { z } from 'zod';
import { ROLES } from '@kotei/domain';
import { InputDate, IsoDate, Text } from './common.js';

/** A role grant (担当（任期）): a role, for a ministry where a reporter's, from a first day to a last. */
export const RoleGrantEntry = z
  .object({
    id: z.string(),
    userId: z.string(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    ministry: z.string().nullable(),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().meta({ description: 'The last day it holds; null while it runs' }),
    grantedBy: z.string(),
    inForce: z.boolean().meta({ description: "Whether it holds today (the server's Japan date)" }),
  })
  .meta({ id: 'RoleGrantEntry' });
/** A role grant. */
export type RoleGrantEntry = z.infer<typeof RoleGrantEntry>;

/** Every account with its role today, and every grant: the admin's screen. */
export const GrantList = z
  .object({
    today: IsoDate,
    users: z.array(
      z.object({
        id: z.string(),
        login: z.string(),
        displayName: z.string(),
        role: z.enum(ROLES).nullable().meta({ description: 'From the grant in force today; null when none' }),
        ministry: z.string().nullable(),
      }),
    ),
    grants: z.array(RoleGrantEntry),
  })
  .meta({ id: 'GrantList' });
/** Accounts and grants. */
export type GrantList = z.infer<typeof GrantList>;

/** Granting a role to an account from a first day, to a last day or open-ended. */
export const CreateGrantBody = z
  .object({
    login: Text({ max: 64 }),
    role: z.enum(ROLES),
    ministry: Text({ max: 20 }).nullable().optional(),
    validFrom: InputDate,
    validTo: InputDate.nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateGrantBody' });
/** Granting a role. */
export type CreateGrantBody = z.infer<typeof CreateGrantBody>;

/** Ending a grant: its last day (on or after its first; a day already past ends it at once). */
export const EndGrantBody = z.object({ lastDay: InputDate }).strict().meta({ id: 'EndGrantBody' });
/** Ending a grant. */
export type EndGrantBody = z.infer<typeof EndGrantBody>;

/** The grant named in a path. */
export const GrantParams = z.object({ id: Text({ max: 100 }) }).strict();
