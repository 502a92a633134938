import type { PublicUser } from '../../api/types';

/** Whether a user may write overall evaluations: experts and admins (the server checks it again). */
export function canEvaluate(user: PublicUser | null): boolean {
  return user?.role === 'expert' || user?.role === 'admin';
}

/** Whether a user compiles a round's overall evaluation: the coordinating office (the server checks it again). */
export function canCompileEvaluations(user: PublicUser | null): boolean {
  return user?.role === 'coordinator' || user?.role === 'admin';
}
