import type { PublicUser } from '../../api/types';

/** Whether a user may import documents: coordinators and admins (the server checks it again). */
export function canImport(user: PublicUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'coordinator';
}
