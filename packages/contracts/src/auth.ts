import { z } from 'zod';
import { ROLES } from '@kotei/domain';
import { Id, Text } from './common.js';

/** Sign-in form. */
export const LoginBody = z
  .object({
    login: Text({ max: 100 }),
    password: Text({ max: 200, keepsSpaces: true, mayBeBlank: true }).min(1),
  })
  .strict()
  .meta({ id: 'LoginBody' });
/** Sign-in form. */
export type LoginBody = z.infer<typeof LoginBody>;

/** A user as others may see them. */
export const PublicUser = z
  .object({
    id: Id,
    login: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    ministry: z.string().nullable(),
  })
  .meta({ id: 'User' });
/** A user as others may see them. */
export type PublicUser = z.infer<typeof PublicUser>;

/** Who is signed in, and the CSRF token every write must echo in the `x-csrf-token` header. */
export const Session = z
  .object({
    user: PublicUser.nullable(),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Session' });
/** Who is signed in. */
export type Session = z.infer<typeof Session>;
