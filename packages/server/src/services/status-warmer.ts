import type { Clock } from '@kotei/domain';

const DAY_MS = 24 * 60 * 60 * 1000;
// Japan keeps UTC+9 all year (no daylight saving), so its midnight is 15:00 UTC.
const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;
// Statuses change with the date in Japan; warming just after midnight keeps the new day's first reader off
// the cost, and the margin makes sure the clock already reads the new date there.
const AFTER_MIDNIGHT_MS = 1000;

/** Milliseconds from `now` until just after the next midnight in Japan. */
export function msUntilNextJapanMidnight(now: Date): number {
  const sinceMidnight = (((now.getTime() + JAPAN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return DAY_MS - sinceMidnight + AFTER_MIDNIGHT_MS;
}

/**
 * Keeps the status cache warm: once at start and again at each midnight in Japan (when every plan's statuses
 * for "today" go stale), in the background. Its timer is unref'd, so it never keeps the process alive.
 */
export class StatusWarmer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly warm: () => Promise<unknown>,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Warm now in the background and schedule the next midnight; the promise settles when this warming ends. */
  start(): Promise<void> {
    this.closed = false;
    this.running = this.warmOnce();
    this.schedule();
    return this.running;
  }

  /** When the next warming is due, if one is scheduled (for tests and logs). */
  get nextInMs(): number | null {
    return this.timer === undefined ? null : msUntilNextJapanMidnight(this.clock.now());
  }

  /** Stop the timer and wait for a warming in progress, so the database can close under it. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.warmOnce();
      this.schedule();
    }, msUntilNextJapanMidnight(this.clock.now()));
    this.timer.unref();
  }

  private async warmOnce(): Promise<void> {
    try {
      await this.warm();
    } catch (error) {
      // A failed warming only means the first reader pays for the statuses; the server keeps serving.
      this.onError(error);
    }
  }
}
