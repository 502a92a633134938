import type { Role } from './codes.js';
import type { User } from './entities.js';
import { isGrantActive, type RoleGrant } from '../cycle/role-grants.js';

/** Things a signed-in user may try to do; each is checked in the service that does it. */
export type Permission =
  | 'plan:edit'
  | 'plan:import'
  | 'round:manage'
  | 'round:view'
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
    'round:view',
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
    'round:view',
    'progress:report',
    'progress:approve',
    'status:override',
  ],
  ministry: ['progress:report'],
  expert: ['evaluation:write'],
  // Reads the rounds' boards (who has reported what) while they run; writes nothing.
  viewer: ['round:view'],
};

/** Whether a user's role grants a permission at all (ownership checks come on top). */
export function hasPermission(user: Pick<User, 'role' | 'isActive'>, permission: Permission): boolean {
  return user.isActive && user.role !== null && GRANTS[user.role].includes(permission);
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

/**
 * Whether a person may do something on a date, from their role grants (担当（任期）): some grant holding that day
 * gives the permission, and where a ministry is named (reporting for a measure or part), a ministry reporter's
 * grant must be for that ministry. An expired grant gives nothing, so a rotated-out reporter can no longer write.
 */
export function mayOn(
  grants: readonly Pick<RoleGrant, 'role' | 'ministry' | 'validFrom' | 'validTo'>[],
  date: string,
  permission: Permission,
  ministry?: string | null,
): boolean {
  return grants.some(
    (grant) =>
      isGrantActive(grant, date) &&
      GRANTS[grant.role].includes(permission) &&
      (grant.role !== 'ministry' ||
        ministry === undefined ||
        (ministry !== null && grant.ministry === ministry)),
  );
}
