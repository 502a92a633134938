/** Thrown when the queue's waiting line is full: the caller answers at once instead of waiting. */
export class HashQueueFullError extends Error {
  constructor() {
    super('The password hashing queue is full');
    this.name = 'HashQueueFullError';
  }
}

/** How many hashes run at once and how many may wait. */
export interface HashQueueOptions {
  concurrency: number;
  maxWaiting: number;
}

/**
 * A bounded queue for password hashing. scrypt runs on libuv's thread pool (4 threads by default), the same
 * pool that reads files for the web app and serves the SQLite driver's file system calls: a storm of sign-ins
 * must not take all of it. At most `concurrency` hashes run; up to `maxWaiting` more wait in order; beyond
 * that `run` refuses at once with HashQueueFullError.
 */
export class HashQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: HashQueueOptions) {}

  /** Run `task` when a slot is free; rejects with HashQueueFullError when the waiting line is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.concurrency) {
      if (this.waiting.length >= this.options.maxWaiting) throw new HashQueueFullError();
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
      });
    } else {
      this.active += 1;
    }
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so `active` never drops while someone waits.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Whether `run` would refuse now: callers check it before doing any other work for a doomed request. */
  get isFull(): boolean {
    return this.active >= this.options.concurrency && this.waiting.length >= this.options.maxWaiting;
  }

  /** Hashes running and waiting now (for tests and the benchmark). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }
}
