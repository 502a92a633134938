import type { Kysely } from 'kysely';
import type { DB, WebhookAttemptTable, WebhookConfigTable, WebhookDeliveryTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { WEBHOOK_ID } from './notification.repository.js';

/** A delivery as stored. */
export type WebhookDeliveryRow = WebhookDeliveryTable;

/** What an attempt's outcome sets on its delivery. */
export type DeliveryOutcome = Pick<
  WebhookDeliveryTable,
  'state' | 'next_attempt_at' | 'delivered_at' | 'last_status' | 'last_error'
>;

/** The outgoing webhook's settings and its outbox of deliveries. The only SQL of the webhook. */
export class WebhookRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The webhook's settings, if an admin set them. */
  async config(): Promise<WebhookConfigTable | undefined> {
    return this.db.selectFrom('webhook_config').selectAll().where('id', '=', WEBHOOK_ID).executeTakeFirst();
  }

  /** Set the webhook (insert or replace the one row), with its audit event. */
  async saveConfig(row: Omit<WebhookConfigTable, 'id'>, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const values = { id: WEBHOOK_ID, ...row };
      await trx
        .insertInto('webhook_config')
        .values(values)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      await insertAuditEvent(trx, row.updated_at, audit);
    });
  }

  /**
   * Claim up to `limit` deliveries due at `now` for one dispatcher until `until`: waiting ones whose time has
   * come, and ones whose earlier claim lapsed (a dispatcher that stopped mid-send). Each claim is an update
   * conditional on the row still being claimable, so of two dispatchers (or app instances) only one gets a row:
   * PostgreSQL re-checks the condition on the row after the other's update commits, SQLite runs one writer.
   */
  async claimDue(
    now: string,
    until: string,
    dispatcher: string,
    limit: number,
  ): Promise<WebhookDeliveryTable[]> {
    const candidates = await this.db
      .selectFrom('webhook_delivery')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('state', '=', 'sending'), eb('claimed_until', '<=', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: WebhookDeliveryTable[] = [];
    for (const { id } of candidates) {
      const row = await this.db
        .updateTable('webhook_delivery')
        .set((eb) => ({
          state: 'sending',
          claimed_by: dispatcher,
          claimed_until: until,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('state', '=', 'sending'), eb('claimed_until', '<=', now)]),
          ]),
        )
        .returningAll()
        .executeTakeFirst();
      if (row) claimed.push(row);
    }
    return claimed;
  }

  /**
   * Record an attempt and its outcome, if the dispatcher still holds the delivery (a claim that lapsed and was
   * taken by another dispatcher is theirs now). Returns whether it did.
   */
  async complete(
    id: string,
    dispatcher: string,
    attempt: WebhookAttemptTable,
    outcome: DeliveryOutcome,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('webhook_delivery')
        .set({ ...outcome, claimed_by: null, claimed_until: null })
        .where('id', '=', id)
        .where('state', '=', 'sending')
        .where('claimed_by', '=', dispatcher)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await trx.insertInto('webhook_attempt').values(attempt).execute();
      return true;
    });
  }

  /** The latest deliveries, newest first, with their attempts. */
  async list(limit: number): Promise<{ delivery: WebhookDeliveryTable; attempts: WebhookAttemptTable[] }[]> {
    const deliveries = await this.db
      .selectFrom('webhook_delivery')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    if (deliveries.length === 0) return [];
    const attempts = await this.db
      .selectFrom('webhook_attempt')
      .selectAll()
      .where(
        'delivery_id',
        'in',
        deliveries.map((d) => d.id),
      )
      .orderBy('number')
      .execute();
    return deliveries.map((delivery) => ({
      delivery,
      attempts: attempts.filter((a) => a.delivery_id === delivery.id),
    }));
  }

  /** One delivery, if any. */
  async find(id: string): Promise<WebhookDeliveryTable | undefined> {
    return this.db.selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Make a waiting or given-up delivery due now ("retry now"), with its audit event. A delivery being sent or
   * delivered is left alone; returns whether it was made due.
   */
  async retryNow(id: string, now: string, audit: AuditEntry): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('webhook_delivery')
        .set({ state: 'pending', next_attempt_at: now })
        .where('id', '=', id)
        .where('state', 'in', ['pending', 'failed'])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertAuditEvent(trx, now, audit);
      return true;
    });
  }
}
