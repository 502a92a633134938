import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Clock } from '@kotei/domain';
import type { WebhookDeliveryRow, WebhookRepository } from '../repositories/webhook.repository.js';
import { newId } from '../ids.js';
import {
  backoffMs,
  DELIVERY_HEADER,
  EVENT_HEADER,
  signDelivery,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './webhook-signature.js';

/** How the dispatcher sends and retries; the defaults suit a server, tests shorten them. */
export interface DispatcherOptions {
  /** This dispatcher's name in the claims it makes (a fresh one per process by default). */
  id?: string;
  /** Attempts before a delivery is given up (8: the last about an hour after the first, by default). */
  maxAttempts?: number;
  /** The wait after the first failure, doubled after each (30 s). */
  baseDelayMs?: number;
  /** The longest wait between attempts (1 h). */
  maxDelayMs?: number;
  /** How long a claim holds: a dispatcher that stops mid-send leaves its deliveries to others after this (2 min). */
  leaseMs?: number;
  /** How long a receiver may take to answer (10 s; shorter than the lease). */
  timeoutMs?: number;
  /** Deliveries claimed per run (20). */
  batch?: number;
  /** The HTTP client (the platform's fetch). */
  fetch?: typeof fetch;
}

/** What one run did. */
export interface DispatchRun {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * Sends the outbox's deliveries to the admin's webhook. Each run claims due deliveries in the database (so two
 * app instances never send one twice, and a delivery a stopped process held is picked up once its claim lapses),
 * POSTs each body signed with HMAC-SHA256, records the attempt, and on failure makes the delivery due again after
 * an exponential back-off, until it is given up after `maxAttempts`. `serve` runs it every few seconds.
 */
export class WebhookDispatcher {
  private readonly id: string;
  private readonly options: Required<Omit<DispatcherOptions, 'id'>>;
  private running: Promise<DispatchRun> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
    options: DispatcherOptions = {},
  ) {
    this.id = options.id ?? `dispatcher-${randomUUID()}`;
    this.options = {
      maxAttempts: options.maxAttempts ?? 8,
      baseDelayMs: options.baseDelayMs ?? 30_000,
      maxDelayMs: options.maxDelayMs ?? 60 * 60 * 1000,
      leaseMs: options.leaseMs ?? 120_000,
      timeoutMs: options.timeoutMs ?? 10_000,
      batch: options.batch ?? 20,
      fetch: options.fetch ?? fetch,
    };
  }

  /** Send what is due now; a run already going is awaited rather than doubled. */
  runOnce(): Promise<DispatchRun> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Run every `intervalMs` until closed; a failed run is reported and the next one tries again. */
  start(intervalMs: number, onError: (error: unknown) => void): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.runOnce().catch(onError);
    }, intervalMs);
    this.timer.unref();
  }

  /** Stop the timer and let a run in flight finish. */
  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<DispatchRun> {
    const done: DispatchRun = { delivered: 0, retrying: 0, failed: 0 };
    const config = await this.webhooks.config();
    if (!config || config.is_enabled !== 1) return done;
    const now = this.clock.now();
    const claimed = await this.webhooks.claimDue(
      now.toISOString(),
      new Date(now.getTime() + this.options.leaseMs).toISOString(),
      this.id,
      this.options.batch,
    );
    for (const delivery of claimed) {
      const outcome = await this.send(delivery, config.url, config.secret);
      done[outcome] += 1;
    }
    return done;
  }

  private async send(delivery: WebhookDeliveryRow, url: string, secret: string): Promise<keyof DispatchRun> {
    const sentAt = this.clock.now();
    const timestamp = Math.floor(sentAt.getTime() / 1000);
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await this.options.fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'kotei-webhook',
          [SIGNATURE_HEADER]: signDelivery(secret, timestamp, delivery.payload),
          [TIMESTAMP_HEADER]: String(timestamp),
          [DELIVERY_HEADER]: delivery.id,
          [EVENT_HEADER]: delivery.event,
        },
        body: delivery.payload,
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    const durationMs = Math.round(performance.now() - started);
    const after = this.clock.now();
    const outcome: keyof DispatchRun =
      error === null ? 'delivered' : delivery.attempts >= this.options.maxAttempts ? 'failed' : 'retrying';
    const wait = backoffMs(delivery.attempts, this.options.baseDelayMs, this.options.maxDelayMs);
    await this.webhooks.complete(
      delivery.id,
      this.id,
      {
        id: newId(),
        delivery_id: delivery.id,
        number: delivery.attempts,
        attempted_at: sentAt.toISOString(),
        status_code: status,
        error: error === null ? null : error.slice(0, 500),
        duration_ms: durationMs,
      },
      {
        state: outcome === 'delivered' ? 'delivered' : outcome === 'failed' ? 'failed' : 'pending',
        next_attempt_at: new Date(after.getTime() + (outcome === 'retrying' ? wait : 0)).toISOString(),
        delivered_at: outcome === 'delivered' ? after.toISOString() : null,
        last_status: status,
        last_error: error === null ? null : error.slice(0, 500),
      },
    );
    return outcome;
  }
}
