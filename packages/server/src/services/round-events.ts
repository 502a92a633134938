import type { NotificationKind } from '@kotei/contracts';
import type { RoundEvent } from '../repositories/notification.repository.js';

// Who hears of what in a round (#11): a submitted part goes to the coordinating office (coordinators and
// admins), a returned or approved part to its ministry's reporters, a publication to the reporters of every
// ministry with a part, a reminder to the reporters of the part's ministry. The webhook hears of all but
// reminders. The actor never notifies themselves.

const COORDINATING_ROLES = ['coordinator', 'admin'] as const;

const KIND_OF = {
  submit: 'part.submitted',
  return: 'part.returned',
  approve: 'part.approved',
} as const satisfies Record<string, NotificationKind>;

interface Plan {
  id: string;
  slug: string;
  title: string;
}
interface RoundRow {
  id: string;
  title: string;
  as_of_date: string;
}
interface Part {
  id: string;
  ministry: string | null;
  measure_id: string | null;
  measure_title: string;
}

function about(plan: Plan, round: RoundRow) {
  return {
    plan: { slug: plan.slug, title: plan.title },
    round: { id: round.id, title: round.title, asOfDate: round.as_of_date },
  };
}

/** The event of a part submitted, returned (with its reason) or approved. */
export function partDecisionEvent(
  action: keyof typeof KIND_OF,
  plan: Plan,
  round: RoundRow,
  part: Part,
  actorId: string | null,
  at: string,
  reason?: string,
): RoundEvent {
  const ministry = part.ministry ?? '';
  return {
    kind: KIND_OF[action],
    at,
    actorId,
    recipients: action === 'submit' ? { roles: COORDINATING_ROLES } : { ministries: [ministry] },
    refs: { planId: plan.id, roundId: round.id, partId: part.id, measureId: part.measure_id },
    params: {
      planSlug: plan.slug,
      planTitle: plan.title,
      roundTitle: round.title,
      measureTitle: part.measure_title,
      ministry,
      ...(reason !== undefined ? { reason } : {}),
    },
    webhook: {
      ...about(plan, round),
      part: { id: part.id, ministry, measure: { id: part.measure_id, title: part.measure_title } },
      ...(reason !== undefined ? { reason } : {}),
    },
  };
}

/** The event of a round published: every ministry with a part hears of it. */
export function publicationEvent(
  plan: Plan,
  round: RoundRow,
  ministries: readonly string[],
  actorId: string | null,
  at: string,
): RoundEvent {
  return {
    kind: 'round.published',
    at,
    actorId,
    recipients: { ministries: [...new Set(ministries)].sort() },
    refs: { planId: plan.id, roundId: round.id, partId: null, measureId: null },
    params: { planSlug: plan.slug, planTitle: plan.title, roundTitle: round.title },
    webhook: about(plan, round),
  };
}

/** A reminder to the reporters of a part not yet submitted (in-app only). */
export function reminderEvent(
  plan: Plan,
  round: RoundRow,
  part: Part,
  actorId: string | null,
  at: string,
): RoundEvent {
  const ministry = part.ministry ?? '';
  return {
    kind: 'part.reminder',
    at,
    actorId,
    recipients: { ministries: [ministry] },
    refs: { planId: plan.id, roundId: round.id, partId: part.id, measureId: part.measure_id },
    params: {
      planSlug: plan.slug,
      planTitle: plan.title,
      roundTitle: round.title,
      measureTitle: part.measure_title,
      ministry,
    },
    webhook: null,
  };
}
