import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { backoffMs, signDelivery, verifyDelivery } from './webhook-signature.js';

describe('signDelivery', () => {
  it('is sha256= and the hex HMAC-SHA256 of "timestamp.body" under the secret', () => {
    const expected = createHmac('sha256', 'a secret of sixteen').update('1752541200.{"a":1}').digest('hex');
    expect(signDelivery('a secret of sixteen', 1752541200, '{"a":1}')).toBe(`sha256=${expected}`);
  });
});

describe('verifyDelivery', () => {
  const signature = signDelivery('s3cret-s3cret-s3cret', 100, 'body');
  it('accepts the signature of the same secret, time and body', () => {
    expect(verifyDelivery('s3cret-s3cret-s3cret', '100', 'body', signature)).toBe(true);
  });
  it('refuses another body, another time, another secret or a malformed header', () => {
    expect(verifyDelivery('s3cret-s3cret-s3cret', '100', 'body!', signature)).toBe(false);
    expect(verifyDelivery('s3cret-s3cret-s3cret', '101', 'body', signature)).toBe(false);
    expect(verifyDelivery('another secret here!', '100', 'body', signature)).toBe(false);
    expect(verifyDelivery('s3cret-s3cret-s3cret', 'x', 'body', signature)).toBe(false);
    expect(verifyDelivery('s3cret-s3cret-s3cret', '100', 'body', 'sha256=00')).toBe(false);
  });
});

describe('backoffMs', () => {
  it('doubles from the base after each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, 30_000, 100_000))).toEqual([
      30_000, 60_000, 100_000, 100_000, 100_000,
    ]);
  });
});
