import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HashQueue } from './hash-queue.js';
import { hashPassword, verifyPassword } from './password.js';

type Reply = { id: number; result: string | boolean } | { id: number; error: string };

interface Thread {
  worker: Worker;
  isDead: boolean;
  pending: Map<number, { resolve: (result: string | boolean) => void; reject: (error: Error) => void }>;
}

/**
 * Password hashing off the event loop and off libuv's thread pool (which reads the web app's files and serves
 * the database drivers): `threads` worker threads of low priority, each hashing one password at a time, behind
 * a HashQueue with a bounded waiting line. From TypeScript sources (tests) there is no compiled worker entry;
 * hashes then run on libuv's pool, still through the same queue.
 */
export class PasswordHasher {
  private readonly queue: HashQueue;
  private readonly idle: Thread[] = [];
  private started = 0;
  private nextId = 1;

  constructor(
    private readonly entry: URL | null,
    private readonly threads: number,
    maxWaiting: number,
  ) {
    this.queue = new HashQueue({ concurrency: threads, maxWaiting });
  }

  /**
   * The hasher of the compiled worker entry beside this file: half the machine's cores (one on two cores, so
   * the event loop keeps one), and a waiting line of eight per thread (under a second of work each).
   */
  static beside(): PasswordHasher {
    const entry = new URL('./password.worker.js', import.meta.url);
    const threads = Math.max(1, Math.floor(availableParallelism() / 2));
    return new PasswordHasher(existsSync(fileURLToPath(entry)) ? entry : null, threads, 8 * threads);
  }

  /** Whether a hash asked for now would be refused at once (HashQueueFullError). */
  get isFull(): boolean {
    return this.queue.isFull;
  }

  /** Hash a new password; rejects with HashQueueFullError when the waiting line is full. */
  hash(password: string): Promise<string> {
    return this.queue.run(async () => {
      if (this.entry === null) return hashPassword(password);
      return (await this.post({ kind: 'hash', password })) as string;
    });
  }

  /** Check a password against a stored hash; rejects with HashQueueFullError when the line is full. */
  verify(password: string, stored: string): Promise<boolean> {
    return this.queue.run(async () => {
      if (this.entry === null) return verifyPassword(password, stored);
      return (await this.post({ kind: 'verify', password, stored })) as boolean;
    });
  }

  private async post(message: {
    kind: 'hash' | 'verify';
    password: string;
    stored?: string;
  }): Promise<unknown> {
    // The queue admits at most `threads` tasks at once, so an idle thread exists or may be started.
    const thread = this.idle.pop() ?? this.start();
    const id = this.nextId++;
    try {
      thread.worker.ref();
      return await new Promise<string | boolean>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ id, ...message });
      });
    } finally {
      // An idle thread must not keep the process alive (a CLI run ends when its work is done).
      thread.worker.unref();
      if (!thread.isDead) this.idle.push(thread);
    }
  }

  private start(): Thread {
    if (this.entry === null || this.started >= this.threads) throw new Error('no hashing thread is free');
    this.started += 1;
    const thread: Thread = { worker: new Worker(this.entry), isDead: false, pending: new Map() };
    thread.worker.on('message', (reply: Reply) => {
      const waiting = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.result);
    });
    // A thread that died is dropped; the next hash starts a fresh one.
    thread.worker.once('exit', (code) => {
      thread.isDead = true;
      for (const waiting of thread.pending.values())
        waiting.reject(new Error(`hashing thread exited (${code})`));
      thread.pending.clear();
      const at = this.idle.indexOf(thread);
      if (at >= 0) this.idle.splice(at, 1);
      this.started -= 1;
    });
    return thread;
  }
}
