import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { fixedClock } from '@kotei/domain';
import { openContext, type AppContext } from '@kotei/server';
import { startPostgresCluster } from '@kotei/server/testing';
import { generateRsRelease, type GeneratedRelease } from './rs-generator.js';

// `node bench/dist/rs-bench.js [--quick]`: imports a generated national-size RS year (about 6,000 projects, the
// largest file over 100,000 rows) with `kotei rs import`'s service, on SQLite and PostgreSQL, and reports rows
// per second and peak memory. The baseline, measured in the same run, is the dry run (read and check every
// file, write nothing); bounded memory shows as the same peak at a quarter of the size.

const quick = process.argv.includes('--quick');
const clock = fixedClock('2025-07-15T10:00:00+09:00');
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

interface Run {
  label: string;
  rows: number;
  projects: number;
  seconds: number;
  rowsPerSecond: number;
  /** Peak RSS and heap over the run, in MiB, sampled every 20 ms (RSS less the RSS before the run). */
  peakRssMiB: number;
  peakHeapMiB: number;
}

async function measure(
  label: string,
  work: () => Promise<{ rows: number; projects: number; errors: number }>,
): Promise<Run> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  let peakHeap = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  sample();
  if (result.errors > 0) throw new Error(`${label}: ${result.errors} error(s)`);
  const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
  const run = {
    label,
    rows: result.rows,
    projects: result.projects,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(result.rows / seconds),
    peakRssMiB: mib(peakRss - rssBefore),
    peakHeapMiB: mib(peakHeap),
  };
  log(
    `${label}: ${run.rows} rows, ${run.projects} projects in ${run.seconds}s = ${run.rowsPerSecond} rows/s, peak RSS +${run.peakRssMiB} MiB, heap ${run.peakHeapMiB} MiB`,
  );
  return run;
}

async function importInto(url: string, release: GeneratedRelease, label: string): Promise<Run> {
  const ctx: AppContext = await openContext({ databaseUrl: url, cwd: process.cwd(), clock });
  try {
    return await measure(label, () =>
      ctx.rs.importFiles(
        'system',
        release.files.map((f) => f.path),
      ),
    );
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kotei-rs-bench-'));
  const times = quick ? 4 : 44;
  try {
    const release = await generateRsRelease(dir, times);
    const quarter = await generateRsRelease(
      mkdtempSync(join(dir, 'quarter-')),
      Math.max(1, Math.round(times / 4)),
    );
    for (const f of release.files)
      log(`generated ${f.type}: ${f.rows} rows, ${(statSync(f.path).size / 2 ** 20).toFixed(1)} MiB`);
    const sqliteDb = (name: string): string => `sqlite:${join(dir, `${name}.db`)}`;
    const runs: Run[] = [];
    const ctx = await openContext({ databaseUrl: sqliteDb('dry'), cwd: process.cwd(), clock });
    runs.push(
      await measure('dry run (read only, baseline)', () =>
        ctx.rs.importFiles(
          'system',
          release.files.map((f) => f.path),
          { dryRun: true },
        ),
      ),
    );
    await ctx.close();
    runs.push(await importInto(sqliteDb('quarter'), quarter, 'SQLite import, a quarter of the size'));
    runs.push(await importInto(sqliteDb('full'), release, 'SQLite import'));
    const cluster = await startPostgresCluster();
    try {
      const admin = new pg.Client({ connectionString: cluster.adminUrl });
      await admin.connect();
      await admin.query('create database kotei_rs_bench');
      await admin.end();
      runs.push(
        await importInto(
          cluster.adminUrl.replace(/\/postgres$/, '/kotei_rs_bench'),
          release,
          'PostgreSQL import',
        ),
      );
    } finally {
      cluster.stop();
    }
    const [dry] = runs;
    const ratios = runs.slice(1).map((r) => ({
      label: r.label,
      slowerThanDryRun: Math.round(((dry?.rowsPerSecond ?? 0) / r.rowsPerSecond) * 10) / 10,
    }));
    const largest = release.files.reduce((a, b) => (b.rows > a.rows ? b : a));
    process.stdout.write(
      `${JSON.stringify({ projects: release.projects, files: release.files.map((f) => ({ type: f.type, rows: f.rows })), largest: { type: largest.type, rows: largest.rows }, runs, ratios }, null, 2)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
