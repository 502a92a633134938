import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fixedClock } from '@kotei/domain';
import { openContext, prepareFirstStart } from '@kotei/server';
import { startPostgresCluster } from '@kotei/server/testing';
import {
  backupProblems,
  backupWhileServing,
  checkRestoredCopy,
  type BackupUnderLoad,
} from './backup-under-load.js';
import { startInstance, type Instance } from './instance.js';
import { summarize, type Timing } from './stats.js';

// `node bench/dist/round-load-bench.js [--quick] [--json]`, or `npm run bench -- --round-load`.
// Issue #11's load: REPORTERS simulated reporters, each with a part of its own in one open round of the sample
// plan, save drafts as they type (GET, then PUT with the version read) and now and then submit, while a
// coordinator returns what is submitted so the writing goes on, for SECONDS; against SQLite (one app instance)
// and PostgreSQL (two app instances on one database, the reporters split between them). Reported: throughput,
// p95 per kind of request, every answer by status (no 5xx allowed), and afterwards every acknowledged save
// counted in the database (each save writes its audit event in its own transaction) and each part's content
// equal to its last acknowledged save.

const quick = process.argv.includes('--quick');
const REPORTERS = 50;
const SECONDS = quick ? 10 : 60;
const SUBMIT_EVERY = 12;
const CLOCK = '2025-07-15T10:00:00+09:00';

/** One engine's run. */
export interface RoundLoadRun {
  engine: string;
  instances: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  save: Timing;
  submit: Timing;
  read: Timing;
  answers: Record<string, number>;
  serverErrors: number;
  /** CPU the app instances used during the load, per answered request (ms): comparable on a busy machine. */
  serverCpuMsPerRequest: number;
  /** SQL statements the app instances sent during the load, per answered request (background work included). */
  statementsPerRequest: number;
  /** SQL statements of one request of each kind, sent one at a time after the load (the least of three). */
  statementsByKind: Record<string, number>;
  /** Server CPU of one read and of one save, sent one at a time after the load (ms, over READS and SAVES). */
  cpuMsByKind: { read: number; save: number };
  acknowledgedSaves: number;
  savesFoundInAudit: number;
  partsMatchingLastSave: number;
  partsChecked: number;
  /** `kotei backup` taken halfway through the load, restored and checked afterwards. */
  backup: BackupUnderLoad;
}

/** Both engines. */
export interface RoundLoadBench {
  reporters: number;
  runs: RoundLoadRun[];
}

interface Session {
  base: string;
  cookie: string;
  csrf: string;
}

async function signIn(base: string, login: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${login}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { base, cookie, csrf: csrfToken };
}

async function call(
  session: Session,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; ms: number }> {
  const start = performance.now();
  const res = await fetch(`${session.base}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    json: text === '' ? null : (JSON.parse(text) as unknown),
    ms: performance.now() - start,
  };
}

interface Part {
  id: string;
  ministry: string;
  version: number;
  state: string;
  bullets: string[];
}

// Prepare the database: the sample plan, an open round on every measure, one reporter per part (up to REPORTERS).
async function prepare(databaseUrl: string): Promise<{ admin: { login: string; password: string } }> {
  const ctx = await openContext({ databaseUrl, cwd: tmpdir(), clock: fixedClock(CLOCK) });
  try {
    const first = await prepareFirstStart(ctx, { loadSample: true });
    return { admin: { login: 'admin', password: first.admin?.password ?? '' } };
  } finally {
    await ctx.close();
  }
}

async function addReporters(databaseUrl: string, parts: readonly Part[]): Promise<void> {
  const ctx = await openContext({ databaseUrl, cwd: tmpdir(), clock: fixedClock(CLOCK) });
  try {
    for (const [i, part] of parts.entries())
      await ctx.users.add('system', {
        login: `load-${i}`,
        password: `load reporter passphrase ${i}`,
        displayName: `報告者${i}`,
        role: 'ministry',
        ministry: part.ministry,
      });
  } finally {
    await ctx.close();
  }
}

async function countAudit(databaseUrl: string, action: string): Promise<Map<string, number>> {
  const ctx = await openContext({ databaseUrl, cwd: tmpdir(), clock: fixedClock(CLOCK) });
  try {
    const counts = new Map<string, number>();
    for (const event of await ctx.audit.listByAction(action))
      counts.set(event.entityId ?? '', (counts.get(event.entityId ?? '') ?? 0) + 1);
    return counts;
  } finally {
    await ctx.close();
  }
}

type Acknowledged = Map<string, { saves: number; lastBullets: string[]; version: number }>;

// Every acknowledged save must be in the database: counted in the audit trail (each save writes its event in its
// own transaction), and each part must hold its last acknowledged save.
async function verifyWrites(
  databaseUrl: string,
  parts: readonly Part[],
  acknowledged: Acknowledged,
  finalParts: readonly { json: unknown }[],
): Promise<
  Pick<RoundLoadRun, 'acknowledgedSaves' | 'savesFoundInAudit' | 'partsMatchingLastSave' | 'partsChecked'>
> {
  const audited = await countAudit(databaseUrl, 'part.save');
  let acknowledgedSaves = 0;
  let savesFoundInAudit = 0;
  let partsMatchingLastSave = 0;
  parts.forEach((part, i) => {
    const ack = acknowledged.get(part.id);
    acknowledgedSaves += ack?.saves ?? 0;
    savesFoundInAudit += audited.get(part.id) ?? 0;
    const bullets = (finalParts[i]?.json as Part | undefined)?.bullets ?? [];
    if (ack && JSON.stringify(bullets) === JSON.stringify(ack.lastBullets)) partsMatchingLastSave += 1;
  });
  return { acknowledgedSaves, savesFoundInAudit, partsMatchingLastSave, partsChecked: parts.length };
}

// The databases of one engine's run: the one served, and a new one to restore the backup into.
interface Databases {
  served: string;
  restored: string;
  backupFile: string;
}

const SLUG = 'drug-discovery-2024';

interface Stage {
  servers: Instance[];
  roundId: string;
  parts: Part[];
  seats: Part[];
  sessions: Session[];
  boss: Session;
}

// The sample plan, a round open on every measure, and REPORTERS signed-in reporters seated at its parts.
async function setStage(databaseUrl: string, instances: number): Promise<Stage> {
  const { admin } = await prepare(databaseUrl);
  const serve = () =>
    Promise.all(
      Array.from({ length: instances }, () => startInstance(databaseUrl, { env: { KOTEI_CLOCK: CLOCK } })),
    );
  let servers = await serve();
  const coordinator = await signIn(servers[0]?.url ?? '', admin.login, admin.password);
  const opened = await call(coordinator, 'POST', `/api/plans/${SLUG}/rounds`, {
    title: '負荷試験',
    asOfDate: '2025-07-01',
  });
  const roundId = (opened.json as { id: string }).id;
  const board = (await call(coordinator, 'GET', `/api/plans/${SLUG}/rounds/${roundId}`)).json as {
    parts: Part[];
  };
  // The sample's round has fewer parts than reporters, so some parts have two reporters of their ministry, who
  // then save over each other: one of them gets 409 with the part as it stands, as colleagues would.
  const parts = board.parts;
  const seats = Array.from({ length: REPORTERS }, (_, i) => parts[i % parts.length] as Part);
  // Users are added with the servers stopped, so the SQLite file has one writer at a time while preparing.
  await Promise.all(servers.map((s) => s.stop()));
  await addReporters(databaseUrl, seats);
  servers = await serve();
  // One at a time: the server's password-hashing queue is bounded and answers a crowd of sign-ins with 503.
  const sessions: Session[] = [];
  for (const [i] of seats.entries())
    sessions.push(
      await signIn(servers[i % instances]?.url ?? '', `load-${i}`, `load reporter passphrase ${i}`),
    );
  const boss = await signIn(servers[0]?.url ?? '', admin.login, admin.password);
  return { servers, roundId, parts, seats, sessions, boss };
}

// One request of each kind the load sends, one at a time through the first instance with the load over, and
// the statements each cost (the least of three rounds, so the instance's background work does not count). The
// part is saved, submitted and returned: the save is acknowledged like the load's.
async function probeStatements(
  server: Instance,
  reporter: Session,
  boss: Session,
  probe: { partPath: string; boardPath: string; acknowledged: Acknowledged },
): Promise<Record<string, number>> {
  const least: Record<string, number> = {};
  const measure = async (kind: string, request: () => Promise<{ status: number; json: unknown }>) => {
    const before = await server.statements();
    const answer = await request();
    const n = (await server.statements()) - before;
    if (answer.status !== 200) throw new Error(`${kind}: ${answer.status} ${JSON.stringify(answer.json)}`);
    least[kind] = Math.min(least[kind] ?? n, n);
    return answer.json as Part;
  };
  for (let i = 0; i < 3; i += 1) {
    let part = (await call(reporter, 'GET', probe.partPath)).json as Part;
    if (part.state === 'submitted')
      await call(boss, 'POST', `${probe.partPath}/return`, { version: part.version, reason: '確認' });
    part = await measure('read', () => call(reporter, 'GET', probe.partPath));
    const bullets = [`計測 ${i}`];
    part = await measure('save', () =>
      call(reporter, 'PUT', probe.partPath, { version: part.version, bullets, actuals: [], phases: [] }),
    );
    const ack = probe.acknowledged.get(part.id) ?? { saves: 0, lastBullets: [], version: -1 };
    probe.acknowledged.set(part.id, { saves: ack.saves + 1, lastBullets: bullets, version: part.version });
    part = await measure('submit', () =>
      call(reporter, 'POST', `${probe.partPath}/submit`, { version: part.version }),
    );
    part = await measure('return', () =>
      call(boss, 'POST', `${probe.partPath}/return`, { version: part.version, reason: '追記' }),
    );
    await measure('board', () => call(boss, 'GET', probe.boardPath));
  }
  return least;
}

const READS = 100;
const SAVES = 40;

// The server CPU of one read and of one save, each sent one after the other with nothing else running: the
// figure a change to the hot path moves, less blurred by the load than the CPU of the whole run.
async function probeCpu(
  server: Instance,
  reporter: Session,
  probe: { partPath: string; acknowledged: Acknowledged },
): Promise<{ read: number; save: number }> {
  let cpu = server.cpuMs();
  let part = (await call(reporter, 'GET', probe.partPath)).json as Part;
  for (let i = 0; i < READS; i += 1) part = (await call(reporter, 'GET', probe.partPath)).json as Part;
  const read = (server.cpuMs() - cpu) / (READS + 1);
  cpu = server.cpuMs();
  for (let i = 0; i < SAVES; i += 1) {
    const bullets = [`計測 CPU ${i}`, '関係機関と調整中'];
    const saved = await call(reporter, 'PUT', probe.partPath, {
      version: part.version,
      bullets,
      actuals: [],
      phases: [],
    });
    if (saved.status !== 200) throw new Error(`save: ${saved.status}`);
    part = saved.json as Part;
    const ack = probe.acknowledged.get(part.id) ?? { saves: 0, lastBullets: [], version: -1 };
    probe.acknowledged.set(part.id, { saves: ack.saves + 1, lastBullets: bullets, version: part.version });
  }
  return { read, save: (server.cpuMs() - cpu) / SAVES };
}

async function runEngine(engine: string, databases: Databases, instances: number): Promise<RoundLoadRun> {
  const databaseUrl = databases.served;
  const { servers, roundId, parts, seats, sessions, boss } = await setStage(databaseUrl, instances);
  const slug = SLUG;

  const answers: Record<string, number> = {};
  const timings = { save: [] as number[], submit: [] as number[], read: [] as number[] };
  const acknowledged: Acknowledged = new Map();
  const count = (status: number) => (answers[status] = (answers[status] ?? 0) + 1);
  const deadline = performance.now() + SECONDS * 1000;
  const partPath = (partId: string) => `/api/plans/${slug}/rounds/${roundId}/parts/${partId}`;

  const reporter = async (session: Session, part: Part) => {
    let n = 0;
    while (performance.now() < deadline) {
      const read = await call(session, 'GET', partPath(part.id));
      count(read.status);
      timings.read.push(read.ms);
      const current = read.json as Part;
      if (current.state === 'submitted') {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      n += 1;
      const bullets = [`進捗の下書き ${part.id.slice(0, 8)} 第${n}版`, '関係機関と調整中'];
      const saved = await call(session, 'PUT', partPath(part.id), {
        version: current.version,
        bullets,
        actuals: [],
        phases: [],
      });
      count(saved.status);
      timings.save.push(saved.ms);
      if (saved.status === 200) {
        // The last save is the one with the highest version, whichever answer arrived last.
        const version = (saved.json as Part).version;
        const ack = acknowledged.get(part.id) ?? { saves: 0, lastBullets: [], version: -1 };
        acknowledged.set(part.id, {
          saves: ack.saves + 1,
          ...(version > ack.version
            ? { lastBullets: bullets, version }
            : { lastBullets: ack.lastBullets, version: ack.version }),
        });
      }
      if (saved.status === 200 && n % SUBMIT_EVERY === 0) {
        const { version } = saved.json as Part;
        const submitted = await call(session, 'POST', `${partPath(part.id)}/submit`, { version });
        count(submitted.status);
        timings.submit.push(submitted.ms);
      }
    }
  };
  // The coordinator returns submitted parts, so their reporters write on.
  const returner = async () => {
    while (performance.now() < deadline) {
      const seen = await call(boss, 'GET', `/api/plans/${slug}/rounds/${roundId}`);
      count(seen.status);
      for (const part of (seen.json as { parts: Part[] }).parts.filter((p) => p.state === 'submitted')) {
        const returned = await call(boss, 'POST', `${partPath(part.id)}/return`, {
          version: part.version,
          reason: '追記をお願いします',
        });
        count(returned.status);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  // Halfway through, an operator takes a backup while the reporters write on.
  const backupTaken = new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 2)).then(() =>
    backupWhileServing(databaseUrl, databases.backupFile),
  );
  const countStatements = async () =>
    (await Promise.all(servers.map((s) => s.statements()))).reduce((a, b) => a + b, 0);
  const statementsAtStart = await countStatements();
  const cpuAtStart = servers.reduce((ms, s) => ms + s.cpuMs(), 0);
  const start = performance.now();
  await Promise.all([...seats.map((part, i) => reporter(sessions[i] as Session, part)), returner()]);
  const taken = await backupTaken;
  const wallSeconds = (performance.now() - start) / 1000;
  const serverCpuMs = servers.reduce((ms, s) => ms + s.cpuMs(), 0) - cpuAtStart;
  const statements = (await countStatements()) - statementsAtStart;

  const statementsByKind = await probeStatements(servers[0] as Instance, sessions[0] as Session, boss, {
    partPath: partPath((seats[0] as Part).id),
    boardPath: `/api/plans/${slug}/rounds/${roundId}`,
    acknowledged,
  });
  const cpuMsByKind = await probeCpu(servers[0] as Instance, sessions[0] as Session, {
    partPath: partPath((seats[0] as Part).id),
    acknowledged,
  });
  // Every acknowledged save is in the audit trail (same transaction as the save), and each part holds its last.
  const finalBoard = await Promise.all(parts.map((p) => call(boss, 'GET', partPath(p.id))));
  await Promise.all(servers.map((s) => s.stop()));
  const written = await verifyWrites(databaseUrl, parts, acknowledged, finalBoard);
  const backup = await checkRestoredCopy(databaseUrl, databases.restored, databases.backupFile, taken);
  const requests = Object.values(answers).reduce((a, b) => a + b, 0);
  return {
    engine,
    instances,
    seconds: wallSeconds,
    requests,
    requestsPerSecond: requests / wallSeconds,
    save: summarize(timings.save),
    submit: summarize(timings.submit),
    read: summarize(timings.read),
    answers,
    serverErrors: Object.entries(answers)
      .filter(([status]) => Number(status) >= 500)
      .reduce((n, [, c]) => n + c, 0),
    serverCpuMsPerRequest: serverCpuMs / requests,
    statementsPerRequest: statements / requests,
    statementsByKind,
    cpuMsByKind,
    ...written,
    backup,
  };
}

/** Run the load on SQLite (one instance) and PostgreSQL (two instances). */
export async function benchRoundLoad(): Promise<RoundLoadBench> {
  const runs: RoundLoadRun[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'kotei-round-load-'));
  try {
    const sqlite = {
      served: `sqlite:${join(dir, 'kotei.db')}`,
      restored: `sqlite:${join(dir, 'restored.db')}`,
      backupFile: join(dir, 'kotei.backup'),
    };
    runs.push(await runEngine('SQLite', sqlite, 1));
    const cluster = await startPostgresCluster();
    try {
      const admin = new pg.Client({ connectionString: cluster.adminUrl });
      await admin.connect();
      await admin.query('create database kotei_round_load');
      await admin.query('create database kotei_round_restored');
      await admin.end();
      const postgres = {
        served: cluster.adminUrl.replace(/\/postgres$/, '/kotei_round_load'),
        restored: cluster.adminUrl.replace(/\/postgres$/, '/kotei_round_restored'),
        backupFile: join(dir, 'kotei.pgdump'),
      };
      runs.push(await runEngine('PostgreSQL', postgres, 2));
    } finally {
      cluster.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { reporters: REPORTERS, runs };
}

/** Run this benchmark in a process of its own and read its JSON. */
export async function roundLoadInChild(quickRun: boolean): Promise<RoundLoadBench> {
  const script = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [script, '--json', ...(quickRun ? ['--quick'] : [])],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as RoundLoadBench;
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

/** The benchmark table's rows. */
export function roundLoadRows(bench: RoundLoadBench): string[][] {
  return bench.runs.map((run) => [
    `${run.engine} ×${run.instances}`,
    `${bench.reporters} reporters, ${run.seconds.toFixed(0)} s: ${run.requestsPerSecond.toFixed(0)} req/s, server CPU ${fmt(run.serverCpuMsPerRequest)} and ${run.statementsPerRequest.toFixed(1)} SQL statements a request; save p95 / submit p95 / read p95`,
    `${fmt(run.save.p95)} / ${fmt(run.submit.p95)} / ${fmt(run.read.p95)}`,
    `answers ${JSON.stringify(run.answers)}; 5xx ${run.serverErrors}; saves acknowledged ${run.acknowledgedSaves}, in the database ${run.savesFoundInAudit}`,
    `${run.partsMatchingLastSave}/${run.partsChecked} parts = last save`,
    `SQL statements: ${Object.entries(run.statementsByKind)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(
        ', ',
      )}; server CPU one at a time: read ${fmt(run.cpuMsByKind.read)}, save ${fmt(run.cpuMsByKind.save)}`,
    backupRow(run.backup),
  ]);
}

function backupRow(backup: BackupUnderLoad): string {
  const problems = backupProblems(backup);
  return `backup under load ${fmt(backup.backupMs)}, restored ${backup.restoredEvents} audit events (${backup.eventsAtStart}–${backup.eventsAtEnd} while it ran): ${problems.length === 0 ? `whole (audit verified${backup.integrity === null ? '' : `, integrity ${backup.integrity}`}, row counts equal)` : problems.join('; ')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bench = await benchRoundLoad();
  if (process.argv.includes('--json')) console.log(JSON.stringify(bench));
  else for (const row of roundLoadRows(bench)) console.log(row.join(' | '));
}
