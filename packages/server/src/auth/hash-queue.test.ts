import { describe, expect, it } from 'vitest';
import { HashQueue, HashQueueFullError } from './hash-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('HashQueue', () => {
  it('runs at most `concurrency` tasks at once, the rest in order as slots free', async () => {
    const queue = new HashQueue({ concurrency: 2, maxWaiting: 10 });
    const gates = Array.from({ length: 5 }, deferred);
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i);
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(queue.load).toEqual({ active: 2, waiting: 3 });
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(queue.load).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses at once when the waiting line is full, without running the task', async () => {
    const queue = new HashQueue({ concurrency: 1, maxWaiting: 1 });
    const gate = deferred();
    const first = queue.run(() => gate.promise);
    expect(queue.isFull).toBe(false);
    const second = queue.run(() => Promise.resolve('second'));
    expect(queue.isFull).toBe(true);
    let ranThird = false;
    await expect(
      queue.run(() => {
        ranThird = true;
        return Promise.resolve('third');
      }),
    ).rejects.toBeInstanceOf(HashQueueFullError);
    expect(ranThird).toBe(false);
    gate.resolve();
    await first;
    expect(await second).toBe('second');
  });

  it('frees the slot when a task fails', async () => {
    const queue = new HashQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(() => Promise.resolve(7))).toBe(7);
    expect(queue.load).toEqual({ active: 0, waiting: 0 });
  });
});
