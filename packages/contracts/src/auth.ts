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
    role: z.enum(ROLES).nullable().meta({
      description: 'The role of the grant in force today; null when none holds (read as the public)',
    }),
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

/** What an API token may do: read only, or read and write (within its user's role). */
export const TokenScope = z.enum(['read', 'write']);
/** What an API token may do. */
export type TokenScope = z.infer<typeof TokenScope>;

/** An API token as its owner sees it: never its secret. */
export const ApiTokenInfo = z
  .object({
    id: Id,
    name: z.string(),
    scope: TokenScope,
    createdAt: z.string().meta({ description: 'ISO instant' }),
    lastUsedAt: z.string().nullable().meta({ description: 'ISO instant, written at most once a minute' }),
  })
  .meta({ id: 'ApiTokenInfo' });
/** An API token as its owner sees it. */
export type ApiTokenInfo = z.infer<typeof ApiTokenInfo>;

/** The signed-in user's API tokens, newest first. */
export const ApiTokenList = z.object({ tokens: z.array(ApiTokenInfo) }).meta({ id: 'ApiTokenList' });
/** The signed-in user's API tokens. */
export type ApiTokenList = z.infer<typeof ApiTokenList>;

/** A new API token: a name to recognise it by, and its scope. */
export const CreateApiTokenBody = z
  .object({ name: Text({ max: 100 }), scope: TokenScope })
  .strict()
  .meta({ id: 'CreateApiTokenBody' });
/** A new API token. */
export type CreateApiTokenBody = z.infer<typeof CreateApiTokenBody>;

/** A token just made, with its secret: shown in this answer only, sent as `Authorization: Bearer <secret>`. */
export const CreatedApiToken = z
  .object({ token: ApiTokenInfo, secret: z.string() })
  .meta({ id: 'CreatedApiToken' });
/** A token just made, with its secret. */
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;
