/** Summary of a sample of durations in milliseconds. */
export interface Timing {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

/** Percentiles by nearest rank. */
export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    n: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** Time a function `n` times after `warmup` untimed runs. */
export async function time(n: number, warmup: number, run: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i += 1) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Run `total` calls with `concurrency` in flight; returns each call's duration and the wall time. */
export async function concurrently(
  total: number,
  concurrency: number,
  run: (i: number) => Promise<unknown>,
): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next;
        next += 1;
        const t = performance.now();
        await run(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  return { samples, wallMs: performance.now() - start };
}
