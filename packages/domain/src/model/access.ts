import type { Role } from './codes.js';
import type { User } from './entities.js';

/** Things a signed-in user may try to do; each is checked in the service that does it. */
export type Permission =
  | 'plan:edit'
  | 'plan:import'
  | 'round:manage'
  | 'progress:report'
  | 'progress:approve'
  | 'status:override'
  | 'evaluation:write'
  | 'user:manage';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    'plan:edit',
    'plan:import',
    'round:manage',
    'progress:report',
    'progress:approve',
    'status:override',
    'evaluation:write',
    'user:manage',
  ],
  coordinator: [
    'plan:edit',
    'plan:import',
    'round:manage',
    'progress:report',
    'progress:approve',
    'status:override',
  ],
  ministry: ['progress:report'],
  expert: ['evaluation:write'],
};

/** Whether a user's role grants a permission at all (ownership checks come on top). */
export function hasPermission(user: Pick<User, 'role' | 'isActive'>, permission: Permission): boolean {
  return user.isActive && GRANTS[user.role].includes(permission);
}

/**
 * Whether a user may report for a measure: coordinators for any, ministry staff only where their ministry is
 * one of the measure's responsible ministries.
 */
export function mayReportFor(
  user: Pick<User, 'role' | 'isActive' | 'ministry'>,
  measureMinistries: readonly string[],
): boolean {
  if (!hasPermission(user, 'progress:report')) return false;
  if (user.role !== 'ministry') return true;
  return user.ministry !== null && measureMinistries.includes(user.ministry);
}
