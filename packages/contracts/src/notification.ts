import { z } from 'zod';
import { Id, Text } from './common.js';

/**
 * What a notice is about: a part submitted, returned or approved, a round published, a reminder to report, a
 * reporter's proposal sent, accepted or declined.
 */
export const NOTIFICATION_KINDS = [
  'part.submitted',
  'part.returned',
  'part.approved',
  'round.published',
  'part.reminder',
  'proposal.submitted',
  'proposal.accepted',
  'proposal.declined',
] as const;
/** What a notice is about. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One in-app notice: its kind and the texts it names; the words around them come from the web's catalogue. */
export const Notification = z
  .object({
    id: Id,
    kind: z.enum(NOTIFICATION_KINDS),
    plan: z.object({ slug: z.string(), title: z.string() }).nullable(),
    round: z.object({ id: Id, title: z.string() }).nullable(),
    part: z.object({ id: Id, measureTitle: z.string(), ministry: z.string() }).nullable(),
    reason: z.string().nullable().meta({ description: "A return's reason" }),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
/** One in-app notice. */
export type Notification = z.infer<typeof Notification>;

/** The signed-in user's notices, newest first (the latest 100), and how many are unread in all. */
export const NotificationList = z
  .object({ unread: z.int(), notifications: z.array(Notification) })
  .meta({ id: 'NotificationList' });
/** The signed-in user's notices. */
export type NotificationList = z.infer<typeof NotificationList>;

/** Mark notices read: these, or every one when `ids` is left out. */
export const MarkNotificationsReadBody = z
  .object({ ids: z.array(Id).max(500).optional() })
  .strict()
  .meta({ id: 'MarkNotificationsReadBody' });
/** Mark notices read. */
export type MarkNotificationsReadBody = z.infer<typeof MarkNotificationsReadBody>;

/** How many notices are still unread after marking. */
export const UnreadCount = z.object({ unread: z.int() }).meta({ id: 'UnreadCount' });
/** How many notices are unread. */
export type UnreadCount = z.infer<typeof UnreadCount>;

/** The outgoing webhook as the admin sees it: the secret only as its last four characters. */
export const WebhookConfig = z
  .object({
    url: z.string(),
    secretHint: z.string().meta({ description: 'The last four characters of the secret, after ••••' }),
    enabled: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookConfig' });
/** The outgoing webhook as the admin sees it. */
export type WebhookConfig = z.infer<typeof WebhookConfig>;

/** The webhook's settings, or null when none is set. */
export const WebhookConfigAnswer = z
  .object({ webhook: WebhookConfig.nullable() })
  .meta({ id: 'WebhookConfigAnswer' });
/** The webhook's settings, or null. */
export type WebhookConfigAnswer = z.infer<typeof WebhookConfigAnswer>;

/** Set the webhook: an http(s) URL, a secret of 16+ characters (kept as it was when left out), on or off. */
export const SaveWebhookBody = z
  .object({
    url: Text({ max: 2000 }).refine((value) => /^https?:\/\/[^\s/]+/iu.test(value), {
      message: 'must be an http:// or https:// URL',
    }),
    secret: Text({ max: 200, keepsSpaces: true }).min(16).optional(),
    enabled: z.boolean(),
  })
  .strict()
  .meta({ id: 'SaveWebhookBody' });
/** Set the webhook. */
export type SaveWebhookBody = z.infer<typeof SaveWebhookBody>;

/** Where a delivery stands: waiting (first try or a retry), being sent, delivered, or given up. */
export const DELIVERY_STATES = ['pending', 'sending', 'delivered', 'failed'] as const;

/** One attempt to deliver an event: when, the receiver's status (or the error) and how long it took. */
export const WebhookAttempt = z
  .object({
    number: z.int(),
    attemptedAt: z.iso.datetime(),
    statusCode: z.int().nullable(),
    error: z.string().nullable(),
    durationMs: z.int(),
  })
  .meta({ id: 'WebhookAttempt' });
/** One attempt to deliver an event. */
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

/** One event the webhook is due, with its attempts. */
export const WebhookDelivery = z
  .object({
    id: Id,
    event: z.enum(NOTIFICATION_KINDS),
    state: z.enum(DELIVERY_STATES),
    createdAt: z.iso.datetime(),
    nextAttemptAt: z.iso.datetime().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable(),
    attempts: z.array(WebhookAttempt),
  })
  .meta({ id: 'WebhookDelivery' });
/** One event the webhook is due. */
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** The latest 100 deliveries, newest first. */
export const WebhookDeliveryList = z
  .object({ deliveries: z.array(WebhookDelivery) })
  .meta({ id: 'WebhookDeliveryList' });
/** The latest deliveries. */
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;

/** Remind the ministries of parts not yet submitted: one part, or every such part of the round. */
export const SendReminderBody = z.object({ partId: Id.optional() }).strict().meta({ id: 'SendReminderBody' });
/** Remind ministries. */
export type SendReminderBody = z.infer<typeof SendReminderBody>;

/** Which parts were reminded, and which were not because they were reminded within the hour. */
export const ReminderResult = z
  .object({ reminded: z.array(Id), tooSoon: z.array(Id), notified: z.int() })
  .meta({ id: 'ReminderResult' });
/** Which parts were reminded. */
export type ReminderResult = z.infer<typeof ReminderResult>;
