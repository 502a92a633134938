import type { Role } from '../model/codes.js';
import type { Id } from '../model/entities.js';

/**
 * 担当（任期）: a person's role, for one ministry where the role reports for one, from a first day to a last day
 * (both inclusive, Japan dates). The April 人事異動 is data: one grant ends on 03-31, the successor's starts 04-01.
 */
export interface RoleGrant {
  id: Id;
  userId: Id;
  role: Role;
  /** The ministry a reporter reports for (its short code, 厚); null for roles that are not a ministry's. */
  ministry: string | null;
  validFrom: string;
  /** Last day the grant holds; null while it runs. */
  validTo: string | null;
}

/** Whether a grant holds on a date (ISO, Japan time): from its first day through its last. */
export function isGrantActive(grant: Pick<RoleGrant, 'validFrom' | 'validTo'>, date: string): boolean {
  return grant.validFrom <= date && (grant.validTo === null || date <= grant.validTo);
}

/** The grants of a user that hold on a date. */
export function grantsOn<G extends Pick<RoleGrant, 'validFrom' | 'validTo'>>(
  grants: readonly G[],
  date: string,
): G[] {
  return grants.filter((grant) => isGrantActive(grant, date));
}

/** Why a grant cannot be stored as given, field by field; empty when it is sound. */
export function checkGrant(
  grant: Pick<RoleGrant, 'role' | 'ministry' | 'validFrom' | 'validTo'>,
): { field: keyof RoleGrant; message: string }[] {
  const problems: { field: keyof RoleGrant; message: string }[] = [];
  if (grant.role === 'ministry' && grant.ministry === null)
    problems.push({ field: 'ministry', message: 'a ministry reporter needs the ministry it reports for' });
  if (grant.role !== 'ministry' && grant.ministry !== null)
    problems.push({
      field: 'ministry',
      message: `a ${grant.role} grant is not a ministry's; leave ministry empty`,
    });
  if (grant.validTo !== null && grant.validTo < grant.validFrom)
    problems.push({ field: 'validTo', message: `must not be before validFrom (${grant.validFrom})` });
  return problems;
}

/** A piece of open work and who holds it: a round part waiting on a ministry. */
export interface OpenTask {
  id: Id;
  ministry: string;
}

/** An open task at a handover: who held it until the grant ended, and who holds it from the next day. */
export interface HandedOverTask {
  taskId: Id;
  ministry: string;
  from: Id;
  to: Id[];
}

/**
 * The open tasks a grant ending on `lastDay` hands over: each of its ministry's tasks goes to the reporters whose
 * grant for that ministry holds the next day. Both sides see the list (the successor what is waiting, the
 * predecessor what they passed on); a task with no successor is handed to nobody and stays listed, so the
 * coordinator sees it.
 */
export function handOver(
  ending: Pick<RoleGrant, 'userId' | 'role' | 'ministry'>,
  nextDay: string,
  grants: readonly RoleGrant[],
  tasks: readonly OpenTask[],
): HandedOverTask[] {
  if (ending.role !== 'ministry' || ending.ministry === null) return [];
  const successors = grants
    .filter(
      (grant) =>
        grant.role === 'ministry' &&
        grant.ministry === ending.ministry &&
        grant.userId !== ending.userId &&
        isGrantActive(grant, nextDay),
    )
    .map((grant) => grant.userId);
  return tasks
    .filter((task) => task.ministry === ending.ministry)
    .map((task) => ({ taskId: task.id, ministry: task.ministry, from: ending.userId, to: successors }));
}

/** Roles from the widest to the narrowest: the widest grant in force decides what a user holds today. */
const RANK: readonly Role[] = ['admin', 'coordinator', 'ministry', 'expert', 'viewer'];

/**
 * The grant a user acts under on a date: of the grants holding that day, the widest role's (then the latest to
 * begin); null when none holds, as after the last day of a rotated-out reporter's grant.
 */
export function grantInForce<G extends Pick<RoleGrant, 'role' | 'validFrom' | 'validTo'>>(
  grants: readonly G[],
  date: string,
): G | null {
  const holding = grantsOn(grants, date).sort(
    (a, b) => RANK.indexOf(a.role) - RANK.indexOf(b.role) || b.validFrom.localeCompare(a.validFrom),
  );
  return holding[0] ?? null;
}

/**
 * A user as they stand on a date: the role and ministry of the grant in force, or no role at all (and no
 * ministry) when no grant holds. Rights at a request come from here, for the Japan date of the clock.
 */
export function userOn<A extends object>(
  account: A,
  grants: readonly Pick<RoleGrant, 'role' | 'ministry' | 'validFrom' | 'validTo'>[],
  date: string,
): A & { role: Role | null; ministry: string | null } {
  const grant = grantInForce(grants, date);
  return { ...account, role: grant?.role ?? null, ministry: grant?.ministry ?? null };
}

/** The ISO date before another. */
export function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Whom a reporter took over an open task from (引き継ぎ): another reporter of the same ministry whose grant began
 * before theirs and ran at least to the eve of their first day, when the task's round was opened before that
 * first day (so it was the predecessor's to do). The latest such predecessor; null when the task is simply theirs.
 */
export function predecessorOf<G extends RoleGrant>(
  mine: Pick<RoleGrant, 'userId' | 'role' | 'ministry' | 'validFrom'>,
  grants: readonly G[],
  openedOn: string,
): G | null {
  if (mine.role !== 'ministry' || mine.ministry === null || openedOn >= mine.validFrom) return null;
  const eve = dayBefore(mine.validFrom);
  const before = grants
    .filter(
      (grant) =>
        grant.role === 'ministry' &&
        grant.ministry === mine.ministry &&
        grant.userId !== mine.userId &&
        grant.validFrom < mine.validFrom &&
        grant.validTo !== null &&
        grant.validTo >= eve &&
        grant.validTo >= openedOn,
    )
    .sort((a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? ''));
  return before[0] ?? null;
}
