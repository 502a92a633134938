import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBody,
  MarkNotificationsReadBody,
  NotificationList,
  ReminderResult,
  SaveWebhookBody,
  SendReminderBody,
  SlugParam,
  UnreadCount,
  WebhookConfigAnswer,
  WebhookDeliveryList,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { actorOf } from '../auth.js';

const signedIn = [{ session: [] }];
const guarded = [{ session: [], csrf: [] }];
const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...readErrors, 409: ErrorBody };
type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

function addNotificationRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notices, newest first, and how many are unread',
        security: signedIn,
        response: { 200: NotificationList, ...readErrors },
      },
    },
    (request) => ctx.notifications.list(actorOf(request)),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark my notices read: these, or all',
        security: guarded,
        body: MarkNotificationsReadBody,
        response: { 200: UnreadCount, ...readErrors },
      },
    },
    (request) => ctx.notifications.markRead(actorOf(request), request.body),
  );

  app.post(
    '/plans/:slug/rounds/:roundId/reminders',
    {
      schema: {
        tags: ['rounds'],
        summary:
          'Remind the ministries of parts not yet submitted, one part or all; once per part per hour (coordinator)',
        security: guarded,
        params: z.object({ slug: SlugParam, roundId: z.uuid() }),
        body: SendReminderBody,
        response: { 200: ReminderResult, ...writeErrors },
      },
    },
    (request) =>
      ctx.notifications.remind(actorOf(request), request.params.slug, request.params.roundId, request.body),
  );
}

function addWebhookRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    '/admin/webhook',
    {
      schema: {
        tags: ['admin'],
        summary: 'The outgoing webhook (admin); its secret only as a hint',
        security: signedIn,
        response: { 200: WebhookConfigAnswer, ...readErrors },
      },
    },
    (request) => ctx.webhooks.config(actorOf(request)),
  );

  app.put(
    '/admin/webhook',
    {
      schema: {
        tags: ['admin'],
        summary: 'Set the outgoing webhook: URL, secret (kept when left out), on or off (admin)',
        security: guarded,
        body: SaveWebhookBody,
        response: { 200: WebhookConfigAnswer, ...readErrors },
      },
    },
    (request) => ctx.webhooks.save(actorOf(request), request.body),
  );

  app.get(
    '/admin/webhook/deliveries',
    {
      schema: {
        tags: ['admin'],
        summary: "The webhook's latest deliveries with their attempts (admin)",
        security: signedIn,
        response: { 200: WebhookDeliveryList, ...readErrors },
      },
    },
    (request) => ctx.webhooks.deliveries(actorOf(request)),
  );

  app.post(
    '/admin/webhook/deliveries/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Make a waiting or given-up delivery due now (admin)',
        security: guarded,
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await ctx.webhooks.retry(actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}

/** In-app notices, the coordinator's reminders, and the admin's outgoing webhook. */
export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    addNotificationRoutes(app, ctx);
    addWebhookRoutes(app, ctx);
  };
}
