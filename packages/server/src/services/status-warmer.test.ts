import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { msUntilNextJapanMidnight, StatusWarmer } from './status-warmer.js';

const HOUR = 60 * 60 * 1000;

describe('msUntilNextJapanMidnight', () => {
  it('counts to 15:00 UTC, which is midnight in Japan, plus a second', () => {
    expect(msUntilNextJapanMidnight(new Date('2025-07-15T10:00:00+09:00'))).toBe(14 * HOUR + 1000);
    expect(msUntilNextJapanMidnight(new Date('2025-07-15T14:59:59Z'))).toBe(2000);
  });

  it('waits a whole day from midnight itself, whatever the zone of the instant', () => {
    expect(msUntilNextJapanMidnight(new Date('2025-07-16T00:00:00+09:00'))).toBe(24 * HOUR + 1000);
    expect(msUntilNextJapanMidnight(new Date('2025-07-15T15:00:00Z'))).toBe(24 * HOUR + 1000);
  });
});

describe('StatusWarmer', () => {
  let now: Date;
  const clock = { now: (): Date => now };

  beforeEach(() => {
    vi.useFakeTimers();
    now = new Date('2025-07-15T23:00:00+09:00');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // The fake clock follows the fake timers, as the real clock follows real time.
  async function advance(ms: number): Promise<void> {
    now = new Date(now.getTime() + ms);
    await vi.advanceTimersByTimeAsync(ms);
  }

  it('warms at start, then just after each midnight in Japan, and not in between', async () => {
    const warm = vi.fn(() => Promise.resolve());
    const warmer = new StatusWarmer(warm, clock, () => undefined);
    await warmer.start();
    expect(warm).toHaveBeenCalledTimes(1);
    expect(warmer.nextInMs).toBe(HOUR + 1000);

    await advance(HOUR);
    expect(warm).toHaveBeenCalledTimes(1);
    await advance(1000);
    expect(warm).toHaveBeenCalledTimes(2);
    // The next one is a day later, computed from the clock again.
    await advance(24 * HOUR - 1);
    expect(warm).toHaveBeenCalledTimes(2);
    await advance(1);
    expect(warm).toHaveBeenCalledTimes(3);
    await warmer.close();
  });

  it('stops on close: no timer is left and no later warming runs', async () => {
    const warm = vi.fn(() => Promise.resolve());
    const warmer = new StatusWarmer(warm, clock, () => undefined);
    await warmer.start();
    await warmer.close();
    expect(warmer.nextInMs).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
    await advance(3 * 24 * HOUR);
    expect(warm).toHaveBeenCalledTimes(1);
  });

  it('reports a failed warming and keeps its schedule', async () => {
    const errors: unknown[] = [];
    const warm = vi.fn(() => Promise.reject(new Error('database gone')));
    const warmer = new StatusWarmer(warm, clock, (error) => errors.push(error));
    await warmer.start();
    expect(errors).toHaveLength(1);
    await advance(HOUR + 1000);
    expect(errors).toHaveLength(2);
    await warmer.close();
  });

  it('does not keep the process alive', async () => {
    const unref = vi.spyOn(globalThis, 'setTimeout');
    const warmer = new StatusWarmer(
      () => Promise.resolve(),
      clock,
      () => undefined,
    );
    await warmer.start();
    const timer = unref.mock.results.at(-1)?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await warmer.close();
  });
});
