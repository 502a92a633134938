import { DomainError, type Clock } from '@kotei/domain';
import type {
  MarkNotificationsReadBody,
  Notification,
  NotificationKind,
  NotificationList,
  ReminderResult,
  SendReminderBody,
  UnreadCount,
} from '@kotei/contracts';
import type {
  NotificationParams,
  NotificationRepository,
  NotificationRow,
} from '../repositories/notification.repository.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import type { RoundRepository } from '../repositories/round.repository.js';
import { partStateOf } from '../repositories/round-part.mapper.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';
import { reminderEvent } from './round-events.js';

/** How many notices a list shows. */
const LIST_LIMIT = 100;
/** A part's ministry is reminded at most once an hour, whoever sends it and however often they click. */
export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

function toNotification(row: NotificationRow): Notification {
  const params = JSON.parse(row.params) as NotificationParams;
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    plan: params.planSlug ? { slug: params.planSlug, title: params.planTitle } : null,
    round: row.round_id === null ? null : { id: row.round_id, title: params.roundTitle },
    part:
      row.part_id === null
        ? null
        : { id: row.part_id, measureTitle: params.measureTitle ?? '', ministry: params.ministry ?? '' },
    reason: params.reason ?? null,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

/** In-app notices: the signed-in user's own list, and the coordinator's reminders that write them. */
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly plans: PlanRepository,
    private readonly rounds: RoundRepository,
    private readonly clock: Clock,
  ) {}

  private static signedIn(actor: Actor) {
    if (actor.user === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
    return actor.user;
  }

  /** My latest notices and how many are unread. */
  async list(actor: Actor): Promise<NotificationList> {
    const user = NotificationService.signedIn(actor);
    const [rows, unread] = await Promise.all([
      this.notifications.listFor(user.id, LIST_LIMIT),
      this.notifications.unreadCount(user.id),
    ]);
    return { unread, notifications: rows.map(toNotification) };
  }

  /** Mark my notices read (these, or all). Reading is not audited: it changes nothing but the reader's view. */
  async markRead(actor: Actor, body: MarkNotificationsReadBody): Promise<UnreadCount> {
    const user = NotificationService.signedIn(actor);
    await this.notifications.markRead(user.id, body.ids ?? null, this.clock.now().toISOString());
    return { unread: await this.notifications.unreadCount(user.id) };
  }

  /**
   * Remind the reporters of parts not yet submitted (未着手, draft or returned) in an open round: one part, or
   * all. A part reminded within the hour is skipped (`tooSoon`). Needs `round:manage`; audited.
   */
  async remind(actor: Actor, slug: string, roundId: string, body: SendReminderBody): Promise<ReminderResult> {
    const user = requirePermission(actor, 'round:manage');
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const round = await this.rounds.findRound(plan.id, roundId);
    if (!round)
      throw new DomainError('not_found', 'round_not_found', `No round ${roundId} in plan "${slug}"`);
    if (round.state !== 'open')
      throw new DomainError('conflict', 'round_not_open', 'Reminders go out while a round is open');
    const parts = await this.rounds.listParts(round.id);
    if (body.partId !== undefined && !parts.some((p) => p.id === body.partId))
      throw new DomainError('not_found', 'part_not_found', `No part ${body.partId} in round ${roundId}`);
    const due = parts.filter(
      (p) =>
        (body.partId === undefined || p.id === body.partId) &&
        ['not_started', 'draft', 'returned'].includes(partStateOf(p, 'open')),
    );
    if (body.partId !== undefined && due.length === 0)
      throw new DomainError(
        'conflict',
        'part_submitted',
        'This part is submitted already: nothing to remind',
      );
    const now = this.clock.now();
    const at = now.toISOString();
    const cutoff = new Date(now.getTime() - REMINDER_INTERVAL_MS).toISOString();
    return this.notifications.remind(
      due.map((part) => ({ id: part.id, event: reminderEvent(plan, round, part, user.id, at) })),
      cutoff,
      at,
      (reminded) => ({
        ...auditedBy(actor),
        action: 'round.remind',
        entityType: 'follow_up_round',
        entityId: round.id,
        detail: {
          after: {
            reminded: reminded.map((id) => {
              const part = due.find((p) => p.id === id);
              return { partId: id, ministry: part?.ministry ?? null, measure: part?.measure_title ?? null };
            }),
          },
        },
      }),
    );
  }
}
