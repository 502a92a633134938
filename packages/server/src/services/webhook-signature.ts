import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers a delivery carries: its signature, the time it was signed, its id (for idempotency), its event. */
export const SIGNATURE_HEADER = 'x-kotei-signature';
export const TIMESTAMP_HEADER = 'x-kotei-timestamp';
export const DELIVERY_HEADER = 'x-kotei-delivery';
export const EVENT_HEADER = 'x-kotei-event';

/**
 * The signature of a delivery: `sha256=` and the hex HMAC-SHA256, keyed by the webhook's secret, of the Unix
 * timestamp (seconds), a dot and the exact body. Signing the time too lets a receiver refuse an old replay.
 */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Whether a signature header is the right one for this timestamp and body (compared in constant time). */
export function verifyDelivery(secret: string, timestamp: string, body: string, signature: string): boolean {
  if (!/^\d+$/u.test(timestamp)) return false;
  const expected = Buffer.from(signDelivery(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The wait before the next attempt after `attempts` failed ones: `base` doubled each time, at most `max`
 * (30 s, 1 min, 2 min, … by default).
 */
export function backoffMs(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.max(0, attempts - 1));
}
