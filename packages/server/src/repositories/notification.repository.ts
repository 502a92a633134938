import type { Kysely } from 'kysely';
import { toJapanDate } from '@kotei/domain';
import type { NotificationKind } from '@kotei/contracts';
import type { DB, NotificationTable } from '../db/schema.js';
import { newId } from '../ids.js';
import { insertBatched } from './batched-writes.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** The texts a notice names; stored as JSON beside the row's references. */
export interface NotificationParams {
  planSlug: string;
  planTitle: string;
  roundTitle: string;
  measureTitle?: string;
  ministry?: string;
  reason?: string;
}

/**
 * An event of a round and what it leaves behind: a notice to each active user it concerns (holders of these
 * roles, or the reporters of these ministries; never the actor), and, when `webhook` is given and the admin's
 * webhook is on, an outbox row for the dispatcher.
 */
export interface RoundEvent {
  kind: NotificationKind;
  at: string;
  actorId: string | null;
  recipients: { roles: readonly string[] } | { ministries: readonly string[] };
  refs: { planId: string; roundId: string | null; partId: string | null; measureId: string | null };
  params: NotificationParams;
  /** The webhook's JSON body, without the delivery id and event the outbox adds; null sends none. */
  webhook: Record<string, unknown> | null;
}

/** The id of the one webhook row. */
export const WEBHOOK_ID = 'default';

/**
 * Write an event's notices and outbox row with the executor of the event's own transaction, so the event, its
 * notices and its delivery commit together or not at all. Returns how many notices were written.
 */
export async function recordRoundEvent(trx: Kysely<DB>, event: RoundEvent): Promise<number> {
  // Rights come from the grants in force on the event's day (Japan time), as they do for every request.
  const day = toJapanDate(new Date(event.at));
  let users = trx
    .selectFrom('app_user')
    .innerJoin('role_grant', 'role_grant.user_id', 'app_user.id')
    .select('app_user.id')
    .distinct()
    .where('app_user.is_active', '=', 1)
    .where('role_grant.valid_from', '<=', day)
    .where((eb) => eb.or([eb('role_grant.valid_to', 'is', null), eb('role_grant.valid_to', '>=', day)]));
  if ('roles' in event.recipients) {
    if (event.recipients.roles.length === 0) return 0;
    users = users.where('role_grant.role', 'in', [...event.recipients.roles]);
  } else {
    if (event.recipients.ministries.length === 0) return 0;
    users = users
      .where('role_grant.role', '=', 'ministry')
      .where('role_grant.ministry', 'in', [...event.recipients.ministries]);
  }
  if (event.actorId !== null) users = users.where('app_user.id', '!=', event.actorId);
  const recipients = await users.orderBy('app_user.id').execute();
  const params = JSON.stringify(event.params);
  const rows: NotificationTable[] = recipients.map((user) => ({
    id: newId(),
    recipient_id: user.id,
    kind: event.kind,
    plan_id: event.refs.planId,
    round_id: event.refs.roundId,
    part_id: event.refs.partId,
    measure_id: event.refs.measureId,
    params,
    created_at: event.at,
    read_at: null,
  }));
  await insertBatched(rows, (batch) => trx.insertInto('notification').values(batch).execute());
  if (event.webhook !== null) {
    const hook = await trx
      .selectFrom('webhook_config')
      .select('id')
      .where('id', '=', WEBHOOK_ID)
      .where('is_enabled', '=', 1)
      .executeTakeFirst();
    if (hook) {
      const id = newId();
      await trx
        .insertInto('webhook_delivery')
        .values({
          id,
          event: event.kind,
          payload: JSON.stringify({ id, event: event.kind, occurredAt: event.at, ...event.webhook }),
          state: 'pending',
          attempts: 0,
          next_attempt_at: event.at,
          claimed_by: null,
          claimed_until: null,
          created_at: event.at,
          delivered_at: null,
          last_status: null,
          last_error: null,
        })
        .execute();
    }
  }
  return rows.length;
}

/** A notice as stored, with the slug of its plan. */
export type NotificationRow = NotificationTable;

/** In-app notices: the recipient's list, unread count and marking read. */
export class NotificationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** A user's latest notices, newest first. */
  async listFor(userId: string, limit: number): Promise<NotificationRow[]> {
    return this.db
      .selectFrom('notification')
      .selectAll()
      .where('recipient_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** How many of a user's notices are unread. */
  async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('recipient_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Mark a user's notices read (these, or all when null); another user's ids are left alone. */
  async markRead(userId: string, ids: readonly string[] | null, at: string): Promise<void> {
    if (ids !== null && ids.length === 0) return;
    let update = this.db
      .updateTable('notification')
      .set({ read_at: at })
      .where('recipient_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== null) update = update.where('id', 'in', [...ids]);
    await update.execute();
  }

  /**
   * Remind the ministries of these parts: each part not reminded since `cutoff` gets `reminded_at` and its
   * event's notices, the rest are too soon; the audit event names those reminded. One transaction, and the
   * condition on `reminded_at` holds across instances, so a double click reminds once.
   */
  async remind(
    parts: readonly { id: string; event: RoundEvent }[],
    cutoff: string,
    at: string,
    audit: (reminded: string[]) => AuditEntry,
  ): Promise<{ reminded: string[]; tooSoon: string[]; notified: number }> {
    return this.db.transaction().execute(async (trx) => {
      const reminded: string[] = [];
      const tooSoon: string[] = [];
      let notified = 0;
      for (const part of parts) {
        const result = await trx
          .updateTable('progress_report')
          .set({ reminded_at: at })
          .where('id', '=', part.id)
          .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<=', cutoff)]))
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) {
          tooSoon.push(part.id);
          continue;
        }
        reminded.push(part.id);
        notified += await recordRoundEvent(trx, part.event);
      }
      if (reminded.length > 0) await insertAuditEvent(trx, at, audit(reminded));
      return { reminded, tooSoon, notified };
    });
  }
}
