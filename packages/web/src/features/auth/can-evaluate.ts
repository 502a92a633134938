import type { PublicUser } from '@kotei/contracts';

/** Whether a user may write overall evaluations: experts and admins (the server checks it again). */
export function canEvaluate(user: PublicUser | null): boolean {
  return user?.role === 'expert' || user?.role === 'admin';
}
