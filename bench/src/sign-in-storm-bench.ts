import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startInstance, type Instance } from './instance.js';
import { summarize, type Timing } from './stats.js';

// `node bench/dist/sign-in-storm-bench.js [--quick] [--json]`, or `npm run bench -- --sign-in-storm`.
// A `kotei serve` process on SQLite with the sample plan and the built web app. The storm keeps `STORM`
// bad sign-ins in flight, each from an address of its own (through a trusted proxy's X-Forwarded-For) and at
// a login of its own, so no throttle stops them: every one reaches the password check, the worst case for the
// hashing queue. Meanwhile GET / and GET /api/plans are timed, and the same reads are timed without the storm
// in the same run first.

const STORM = 300;

/** Reads timed with and without the storm, and what the storm's sign-ins got. */
export interface SignInStormBench {
  storm: number;
  quiet: { page: Timing; api: Timing };
  during: { page: Timing; api: Timing };
  /** How the storm's sign-ins were answered, by HTTP status. */
  stormAnswers: Record<string, number>;
  stormMs: number;
  /** A real user's sign-ins during the storm: how long each took and how it was answered. */
  realSignIn: { timing: Timing; answers: Record<string, number> };
}

interface StormTarget extends Instance {
  adminLogin: string;
  adminPassword: string;
}

async function startStormTarget(databaseUrl: string): Promise<StormTarget> {
  const instance = await startInstance(databaseUrl, {
    sample: true,
    env: { KOTEI_CLOCK: '2025-07-15T10:00:00+09:00', KOTEI_TRUST_PROXY: '127.0.0.1' },
    ready: (output) => /admin password: \S+/u.test(output),
  });
  const adminLogin = /admin login: (\S+)/u.exec(instance.output)?.[1] ?? '';
  const adminPassword = /admin password: (\S+)/u.exec(instance.output)?.[1] ?? '';
  return { ...instance, adminLogin, adminPassword };
}

async function timed(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - start;
}

/** Time GET / and GET /api/plans one after the other, every `gapMs`, for `ms`. */
async function sampleReads(
  base: string,
  ms: number,
  gapMs: number,
): Promise<{ page: number[]; api: number[] }> {
  const page: number[] = [];
  const api: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    page.push(await timed(`${base}/`));
    api.push(await timed(`${base}/api/plans`));
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  return { page, api };
}

function count(answers: Record<string, number>, status: number | string): void {
  answers[String(status)] = (answers[String(status)] ?? 0) + 1;
}

function signIn(base: string, login: string, password: string, address: string): Promise<Response> {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ login, password }),
  });
}

/** Keep `size` bad sign-ins in flight until `isOver()`; each from its own address, at its own login. */
async function storm(base: string, size: number, isOver: () => boolean): Promise<Record<string, number>> {
  const answers: Record<string, number> = {};
  let n = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (!isOver()) {
        const i = n++;
        const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
        try {
          const res = await signIn(base, `attacker-${i}`, 'wrong password guess', address);
          await res.arrayBuffer();
          count(answers, res.status);
        } catch {
          count(answers, 'network error');
        }
      }
    }),
  );
  return answers;
}

/**
 * The storm in a process of its own, so the timed reads here do not queue behind its 300 requests in this
 * process's event loop: the server's latency is measured, not the client's. It stops on a line on stdin.
 */
function stormInChild(base: string): { stop: () => Promise<Record<string, number>> } {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, [script, '--storm', base], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  return {
    stop: async () => {
      child.stdin.end('stop\n');
      await exited;
      return JSON.parse(out) as Record<string, number>;
    },
  };
}

/** Run the storm against a fresh SQLite instance and time the reads with and without it. */
export async function benchSignInStorm(quick: boolean): Promise<SignInStormBench> {
  const dir = mkdtempSync(join(tmpdir(), 'kotei-storm-'));
  const instance = await startStormTarget(`sqlite:${join(dir, 'kotei.db')}`);
  try {
    const sampleMs = quick ? 3000 : 10_000;
    // Warm the page, the API and the JIT before any timing.
    await sampleReads(instance.url, 1000, 5);
    const quiet = await sampleReads(instance.url, sampleMs, 10);

    const stormStart = performance.now();
    const stormChild = stormInChild(instance.url);
    // Let the storm fill the queue before timing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const realTimes: number[] = [];
    const realAnswers: Record<string, number> = {};
    const realSignIns = (async () => {
      for (let i = 0; i < 5; i += 1) {
        const start = performance.now();
        const res = await signIn(instance.url, instance.adminLogin, instance.adminPassword, '192.168.1.10');
        await res.arrayBuffer();
        realTimes.push(performance.now() - start);
        count(realAnswers, res.status);
        await new Promise((resolve) => setTimeout(resolve, sampleMs / 6));
      }
    })();
    const during = await sampleReads(instance.url, sampleMs, 10);
    await realSignIns;
    const stormAnswers = await stormChild.stop();
    return {
      storm: STORM,
      quiet: { page: summarize(quiet.page), api: summarize(quiet.api) },
      during: { page: summarize(during.page), api: summarize(during.api) },
      stormAnswers,
      stormMs: performance.now() - stormStart,
      realSignIn: { timing: summarize(realTimes), answers: realAnswers },
    };
  } finally {
    await instance.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The storm benchmark in a process of its own (`npm run bench` runs it so), like the server it measures. */
export async function signInStormInChild(quick: boolean): Promise<SignInStormBench> {
  const script = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, [
    script,
    '--json',
    ...(quick ? ['--quick'] : []),
  ]);
  return JSON.parse(stdout) as SignInStormBench;
}

/** The benchmark's lines for the results table. */
export function signInStormRows(bench: SignInStormBench): string[][] {
  const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
  const answers = (a: Record<string, number>): string =>
    Object.entries(a)
      .map(([status, n]) => `${n.toLocaleString('en')}× ${status}`)
      .join(', ');
  const row = (what: string, during: Timing, quiet: Timing): string[] => [
    'HTTP',
    `${what} during ${bench.storm} concurrent bad sign-ins (${during.n} samples), p95 / p50`,
    `${fmt(during.p95)} / ${fmt(during.p50)}`,
    `${fmt(quiet.p95)} / ${fmt(quiet.p50)} without`,
    'target p95 < 100 ms',
  ];
  return [
    row('GET / (the web app)', bench.during.page, bench.quiet.page),
    row('GET /api/plans', bench.during.api, bench.quiet.api),
    [
      'HTTP',
      `the storm's sign-ins over ${(bench.stormMs / 1000).toFixed(1)} s`,
      answers(bench.stormAnswers),
      '',
      '429/503 are refused without hashing',
    ],
    [
      'HTTP',
      `a real sign-in during the storm (${bench.realSignIn.timing.n}), p50 / p95`,
      `${fmt(bench.realSignIn.timing.p50)} / ${fmt(bench.realSignIn.timing.p95)}`,
      answers(bench.realSignIn.answers),
      '',
    ],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--storm') {
  let over = false;
  process.stdin.once('data', () => {
    over = true;
  });
  const answers = await storm(process.argv[3] ?? '', STORM, () => over);
  process.stdout.write(JSON.stringify(answers));
  process.exit(0);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bench = await benchSignInStorm(process.argv.includes('--quick'));
  if (process.argv.includes('--json')) console.log(JSON.stringify(bench));
  else for (const row of signInStormRows(bench)) console.log(`| ${row.join(' | ')} |`);
}
