import type { PublicUser } from '../../api/types';

/** Whether a user may import documents: coordinators and admins (the server checks it again). */
export function canImport(user: PublicUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator';
}

/**
 * Whether a user may correct a plan's wording and figures (the plan workbook's round trip, `plan:edit`): the
 * coordinating office and admins (the server checks it again).
 */
export function canEditPlan(user: PublicUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator';
}
