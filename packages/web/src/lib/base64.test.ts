import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';

describe('bytesToBase64', () => {
  it('encodes UTF-8 Japanese text byte for byte', () => {
    const bytes = new TextEncoder().encode('工程表①');
    expect(bytesToBase64(bytes)).toBe(Buffer.from('工程表①', 'utf8').toString('base64'));
  });

  it('encodes files larger than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => index % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
