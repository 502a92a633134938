import { DomainError, type Clock } from '@kotei/domain';
import type {
  NotificationKind,
  SaveWebhookBody,
  WebhookConfigAnswer,
  WebhookDelivery,
  WebhookDeliveryList,
} from '@kotei/contracts';
import type { WebhookRepository } from '../repositories/webhook.repository.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';

/** How many deliveries the admin's list shows. */
const LIST_LIMIT = 100;

/** The secret as the admin sees it again: only its last four characters. */
export function secretHint(secret: string): string {
  return `••••${secret.slice(-4)}`;
}

/** The outgoing webhook's settings and deliveries, for the admin (`user:manage`). */
export class WebhookService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
  ) {}

  /** The webhook's settings, the secret shown only as a hint. */
  async config(actor: Actor): Promise<WebhookConfigAnswer> {
    requirePermission(actor, 'user:manage');
    const row = await this.webhooks.config();
    return {
      webhook: row
        ? {
            url: row.url,
            secretHint: secretHint(row.secret),
            enabled: row.is_enabled === 1,
            updatedAt: row.updated_at,
          }
        : null,
    };
  }

  /** Set the webhook: URL, secret (kept when left out; required the first time), on or off. Audited. */
  async save(actor: Actor, body: SaveWebhookBody): Promise<WebhookConfigAnswer> {
    const user = requirePermission(actor, 'user:manage');
    const before = await this.webhooks.config();
    const secret = body.secret ?? before?.secret;
    if (secret === undefined)
      throw new DomainError('invalid_input', 'secret_required', 'A new webhook needs a secret', [
        { path: 'secret', message: 'required when no webhook is set yet' },
      ]);
    const now = this.clock.now().toISOString();
    await this.webhooks.saveConfig(
      { url: body.url, secret, is_enabled: body.enabled ? 1 : 0, updated_at: now, updated_by: user.id },
      {
        ...auditedBy(actor),
        action: 'webhook.update',
        entityType: 'webhook_config',
        entityId: 'default',
        // The secret never enters the audit trail: only whether it changed.
        detail: {
          before: before ? { url: before.url, enabled: before.is_enabled === 1 } : null,
          after: { url: body.url, enabled: body.enabled, secretChanged: body.secret !== undefined },
        },
      },
    );
    return this.config(actor);
  }

  /** The latest deliveries with their attempts. */
  async deliveries(actor: Actor): Promise<WebhookDeliveryList> {
    requirePermission(actor, 'user:manage');
    const rows = await this.webhooks.list(LIST_LIMIT);
    return {
      deliveries: rows.map(({ delivery, attempts }): WebhookDelivery => ({
        id: delivery.id,
        event: delivery.event as NotificationKind,
        state: delivery.state as WebhookDelivery['state'],
        createdAt: delivery.created_at,
        nextAttemptAt: ['pending', 'sending'].includes(delivery.state) ? delivery.next_attempt_at : null,
        deliveredAt: delivery.delivered_at,
        lastError: delivery.last_error,
        attempts: attempts.map((a) => ({
          number: a.number,
          attemptedAt: a.attempted_at,
          statusCode: a.status_code,
          error: a.error,
          durationMs: a.duration_ms,
        })),
      })),
    };
  }

  /** Make a waiting or given-up delivery due now; one more attempt for a given-up one. Audited. */
  async retry(actor: Actor, id: string): Promise<void> {
    requirePermission(actor, 'user:manage');
    const delivery = await this.webhooks.find(id);
    if (!delivery) throw new DomainError('not_found', 'delivery_not_found', `No delivery ${id}`);
    const now = this.clock.now().toISOString();
    const made = await this.webhooks.retryNow(id, now, {
      ...auditedBy(actor),
      action: 'webhook.retry',
      entityType: 'webhook_delivery',
      entityId: id,
      detail: { before: { state: delivery.state }, after: { state: 'pending', nextAttemptAt: now } },
    });
    if (!made)
      throw new DomainError(
        'conflict',
        'delivery_not_retryable',
        `The delivery is ${delivery.state}: only a waiting or given-up one is retried`,
      );
  }
}
