import { DomainError, hasPermission, type Permission, type User } from '@kotei/domain';

/** Who makes a request, as services see it: the signed-in user (or none) and the request id for the audit. */
export interface Actor {
  user: User | null;
  requestId: string | null;
}

/** The signed-in user, if they hold the permission; otherwise a 401 or 403 error. */
export function requirePermission(actor: Actor, permission: Permission): User {
  if (actor.user === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
  if (!hasPermission(actor.user, permission)) {
    throw new DomainError('forbidden', 'forbidden', `Your role may not do this (${permission})`);
  }
  return actor.user;
}
