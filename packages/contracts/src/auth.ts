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

/** The smallest password kotei accepts; long passphrases beat complexity rules. */
export const MIN_PASSWORD_LENGTH = 12;

/** One of the signed-in user's sessions: enough to recognise it, never its token. */
export const SessionInfo = z
  .object({
    id: Id,
    createdAt: z.string().meta({ description: 'ISO instant' }),
    lastSeenAt: z.string().meta({ description: 'ISO instant, written at most once a minute' }),
    expiresAt: z.string().meta({ description: 'ISO instant' }),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    isCurrent: z.boolean().meta({ description: 'The session this request was made with' }),
  })
  .meta({ id: 'SessionInfo' });
/** One of the signed-in user's sessions. */
export type SessionInfo = z.infer<typeof SessionInfo>;

/** The signed-in user's live sessions, the most recently used first. */
export const SessionList = z.object({ sessions: z.array(SessionInfo) }).meta({ id: 'SessionList' });
/** The signed-in user's live sessions. */
export type SessionList = z.infer<typeof SessionList>;

/** The session named in a path. */
export const SessionParams = z.object({ id: Id });
/** The session named in a path. */
export type SessionParams = z.infer<typeof SessionParams>;

/** A user changing their own password: the current one, and the new one. */
export const PasswordChangeBody = z
  .object({
    currentPassword: Text({ max: 200, keepsSpaces: true, mayBeBlank: true }).min(1),
    newPassword: Text({ max: 200, keepsSpaces: true, mayBeBlank: true }).min(MIN_PASSWORD_LENGTH),
  })
  .strict()
  .meta({ id: 'PasswordChangeBody' });
/** A user changing their own password. */
export type PasswordChangeBody = z.infer<typeof PasswordChangeBody>;
