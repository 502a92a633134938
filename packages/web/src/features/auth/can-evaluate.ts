import type { PublicUser } from '../../api/types';

/** Whether a user may write overall evaluations: experts and admins (the server checks it again). */
export function canEvaluate(user: PublicUser | null): boolean {
  return user?.role === 'expert' || user?.role === 'admin';
}
