import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock, systemClock } from '@kotei/domain';
import { decodeDocument, parseFollowUp } from '@kotei/importers';
import { openContext, prepareFirstStart } from '@kotei/server';
import { startInstance } from './instance.js';
import { summarize, type Timing } from './stats.js';

const SEED = new URL('../../packages/server/sample/drug-discovery-2024.follow-up.md', import.meta.url);
const HEADER =
  '\t2024 年夏\t2024 年末\t2024 年度末\t2025 年度\t2026- 2028年度\tKPI (成果指標)\t進捗状況※\t該当事業';

/** One size of document and what reading it cost. */
export interface ImportScaleRow {
  rows: number;
  bytes: number;
  /** decode + parse (the importer) in this thread. */
  parse: Timing;
  /** The whole preview through the service: read on the worker thread, map to rows, assemble the tree. */
  preview: Timing | null;
  parseMsPerRow: number;
  previewMsPerRow: number | null;
}

/** What the scale benchmark measured. */
export interface ImportScaleBench {
  sizes: ImportScaleRow[];
  /** Cost per row of the largest document over the smallest's: 1.0 is linear. */
  parseRatio: number;
  previewRatio: number | null;
  /** GET /api/health while a preview of `healthDuringRows` rows runs through the HTTP server. */
  health: { rows: number; samples: number; p50: number; p95: number; max: number; previewMs: number };
}

/**
 * A one-sheet follow-up document of `rows` measure rows, each with phases, a KPI with baseline and target,
 * a tagged progress bullet and a budget project: the seed's preamble, then one roadmap table.
 */
export function oneSheetDocument(rows: number): Buffer {
  const seed = readFileSync(SEED, 'utf8').split('\n');
  const preamble = seed.slice(
    0,
    seed.findIndex((line) => line.includes('工程表①')),
  );
  const lines = [...preamble, '# 各施策のスケジュール・工程表①', '', '## 大規模な工程表', '', HEADER];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(
      [
        `施策${i}の推進`,
        `検討${i}`,
        '',
        `実施${i}`,
        '',
        `展開${i}`,
        `指標${i}の件数 ${(i % 50) + 20}件 (R10) ${(i % 7) + 1}件 (R5)`,
        `<ul><li>施策${i}について第${(i % 9) + 1}回の会議を開催した【厚】</li></ul>`,
        `・ 施策${i}推進事業【厚】(令和6年度補正予算${(i % 9) + 1}億円)`,
      ].join('\t'),
    );
  }
  lines.push('', '※2025年6月末時点', '');
  return Buffer.from(lines.join('\n'));
}

function parse(bytes: Uint8Array): number {
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return parseFollowUp(decoded.text, { slug: 'scale' }).plan.sheets.length;
}

async function timeEach(n: number, run: () => unknown): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

// Health requests fired every `everyMs`, independent of each other, so a stalled event loop shows as the
// requests that wait behind it (a request only sent after the last answer would hide the stall).
async function sampleHealth(
  url: string,
  everyMs: number,
  until: Promise<unknown>,
): Promise<{ samples: number[] }> {
  const samples: number[] = [];
  const inFlight: Promise<void>[] = [];
  const state = { done: false };
  void until.finally(() => {
    state.done = true;
  });
  while (!state.done) {
    const start = performance.now();
    inFlight.push(
      fetch(url).then(async (res) => {
        await res.arrayBuffer();
        samples.push(performance.now() - start);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  await Promise.all(inFlight);
  return { samples };
}

const PREVIEW_CLIENT = `
const [url, file, headers] = process.argv.slice(1);
const body = require('node:fs').readFileSync(file);
const start = performance.now();
fetch(url, { method: 'POST', headers: JSON.parse(headers), body }).then(async (res) => {
  const bytes = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200) throw new Error('preview answered ' + res.status);
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, bytes }));
});
`;

// Posts the preview from a child process and resolves with its duration once the whole answer is read.
function previewInChild(url: string, bodyFile: string, headers: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, ['-e', PREVIEW_CLIENT, url, bodyFile, JSON.stringify(headers)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the preview client exited with ${code}`));
      else resolve((JSON.parse(out) as { ms: number }).ms);
    });
  });
}

async function healthDuringPreview(bytes: Buffer): Promise<{ samples: number[]; previewMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'kotei-import-scale-'));
  const databaseUrl = `sqlite:${join(dir, 'kotei.db')}`;
  try {
    const ctx = await openContext({ databaseUrl, cwd: dir, clock: systemClock });
    const first = await prepareFirstStart(ctx, { loadSample: false });
    await ctx.close();
    const server = await startInstance(databaseUrl);
    try {
      const base = server.url.replace(/\/$/u, '');
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password: first.admin?.password ?? '' }),
      });
      const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      // The preview is sent and its answer (60 MB at 32k rows) read by another process: reading it here would
      // busy the sampler's own event loop and blame the server for it.
      const bodyFile = join(dir, 'preview.json');
      writeFileSync(
        bodyFile,
        JSON.stringify({ fileName: 'scale.md', contentBase64: bytes.toString('base64'), slug: 'scale' }),
      );
      const preview = previewInChild(`${base}/api/imports/preview`, bodyFile, {
        'content-type': 'application/json',
        cookie,
        'x-csrf-token': csrfToken,
      });
      const { samples } = await sampleHealth(`${base}/api/health`, 10, preview);
      return { samples, previewMs: await preview };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Import time for one-sheet documents of growing size (8k … 64k measure rows): the importer alone, and the
 * preview through the service. Then the server's health latency while a large preview runs over HTTP.
 */
export async function benchImportScale(
  sizes: readonly number[],
  samples: number,
  healthDuringRows: number,
): Promise<ImportScaleBench> {
  const clock = fixedClock('2025-07-15T10:00:00+09:00');
  const ctx = await openContext({ databaseUrl: 'sqlite::memory:', cwd: process.cwd(), clock });
  const results: ImportScaleRow[] = [];
  try {
    for (const rows of sizes) {
      const bytes = oneSheetDocument(rows);
      // Warm the code paths once, on the smallest size only: a 64k-row document takes a minute to read.
      if (rows === sizes[0]) parse(bytes);
      const parseTiming = await timeEach(samples, () => parse(bytes));
      const input = { bytes, fileName: 'scale.md', slug: 'scale' };
      const preview = await timeEach(samples, () => ctx.imports.preview('system', input));
      results.push({
        rows,
        bytes: bytes.length,
        parse: parseTiming,
        preview,
        parseMsPerRow: parseTiming.p50 / rows,
        previewMsPerRow: preview.p50 / rows,
      });
    }
  } finally {
    await ctx.close();
  }
  const first = results[0];
  const last = results[results.length - 1];
  const ratio = (get: (row: ImportScaleRow) => number | null): number | null => {
    const a = first === undefined ? null : get(first);
    const b = last === undefined ? null : get(last);
    return a === null || b === null ? null : b / a;
  };

  const during = await healthDuringPreview(oneSheetDocument(healthDuringRows));
  const timing = summarize(during.samples);
  return {
    sizes: results,
    parseRatio: ratio((r) => r.parseMsPerRow) ?? NaN,
    previewRatio: ratio((r) => r.previewMsPerRow),
    health: {
      rows: healthDuringRows,
      samples: timing.n,
      p50: timing.p50,
      p95: timing.p95,
      max: Math.max(...during.samples),
      previewMs: during.previewMs,
    },
  };
}

/** The benchmark's lines for the results table. */
export function importScaleRows(bench: ImportScaleBench): string[][] {
  const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
  const rows = bench.sizes.map((size) => [
    'importer',
    `one sheet, ${size.rows.toLocaleString('en')} measure rows: parse / preview p50`,
    fmt(size.parse.p50),
    size.preview === null ? '' : fmt(size.preview.p50),
    `${(size.parseMsPerRow * 1000).toFixed(1)} / ${((size.previewMsPerRow ?? NaN) * 1000).toFixed(1)} µs per row`,
  ]);
  const last = bench.sizes[bench.sizes.length - 1]?.rows ?? 0;
  const first = bench.sizes[0]?.rows ?? 0;
  rows.push([
    'importer',
    `per-row cost ${last.toLocaleString('en')} rows / ${first.toLocaleString('en')} rows (parse / preview)`,
    `${bench.parseRatio.toFixed(2)}×`,
    bench.previewRatio === null ? '' : `${bench.previewRatio.toFixed(2)}×`,
    'target ≤ 1.5×',
  ]);
  rows.push([
    'HTTP',
    `GET /api/health during a ${bench.health.rows.toLocaleString('en')}-row preview (${bench.health.samples} samples), p95`,
    fmt(bench.health.p95),
    `p50 ${fmt(bench.health.p50)}, max ${fmt(bench.health.max)}`,
    `preview took ${fmt(bench.health.previewMs)}; target p95 < 50 ms`,
  ]);
  return rows;
}

// Runnable alone: `node bench/dist/import-scale-bench.js [--quick | --health-only] [--json]`; `npm run bench` runs
// it so, with --json, in a process of its own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  // --health-only: just the health latency during the large preview.
  const sizes = process.argv.includes('--health-only') ? [] : [8000, 16000, 32000, 64000];
  // Two samples a size: the p50 of two by nearest rank is the faster, the one a busy machine disturbed less.
  const bench = await benchImportScale(
    quick ? [1000, 2000, 4000, 8000] : sizes,
    quick ? 1 : 2,
    quick ? 8000 : 32000,
  );
  if (process.argv.includes('--json')) console.log(JSON.stringify(bench));
  else for (const row of importScaleRows(bench)) console.log(`| ${row.join(' | ')} |`);
}
