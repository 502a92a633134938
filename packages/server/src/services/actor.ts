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

/**
 * Someone at the server itself, with no session: the CLI's operator (`{ operator: 'cli:tanaka' }`), or
 * `'system'` for kotei's own work (tests, benchmarks). May do what the CLI offers; named as the audit's actor.
 */
export type Operator = 'system' | { operator: string };

/** Whether a caller is an operator at the server rather than a request's actor. */
export function isOperator(caller: Actor | Operator): caller is Operator {
  return caller === 'system' || 'operator' in caller;
}

/** Who an audit event names for a caller, and the request it came with: the operator, or the user (if any). */
export function auditedBy(caller: Actor | Operator): { actorId: string | null; requestId: string | null } {
  if (caller === 'system') return { actorId: 'system', requestId: null };
  if ('operator' in caller) return { actorId: caller.operator, requestId: null };
  return { actorId: caller.user?.id ?? null, requestId: caller.requestId };
}
