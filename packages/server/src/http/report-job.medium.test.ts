import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@kotei/domain';
import type { ReportJob } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { JobRepository } from '../repositories/job.repository.js';
import { JobWorker, type JobHandler } from '../services/job-worker.js';
import { newId } from '../ids.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const PEOPLE = {
  coordinator: { login: 'job-coord', password: 'coordinator passphrase 1', role: 'coordinator' as const },
  mhlw: { login: 'job-mhlw', password: 'ministry passphrase one', role: 'ministry' as const, ministry: '厚' },
  mext: { login: 'job-mext', password: 'ministry passphrase two', role: 'ministry' as const, ministry: '文' },
};

/** A clock the test moves, so a lease can run out. */
function movableClock(start: string) {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe.each(TEST_DATABASES)('reports rendered as background jobs on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let jobs: JobRepository;
  const as = {} as Record<keyof typeof PEOPLE, Record<string, string>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    for (const person of Object.values(PEOPLE))
      await database.ctx.users.add('system', { ...person, displayName: person.login });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    for (const [key, person] of Object.entries(PEOPLE))
      as[key as keyof typeof PEOPLE] = await signIn(app, person.login, person.password);
    jobs = new JobRepository(database.ctx.database.db, database.ctx.database.kind);
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  /** Queue a job of `kind` straight in the table, as the service would. */
  async function queue(jobKind: string): Promise<string> {
    const id = newId();
    await jobs.insert(
      {
        id,
        kind: jobKind,
        params_json: '{}',
        state: 'queued',
        progress: 0,
        step: 'queued',
        attempts: 0,
        max_attempts: 3,
        locked_by: null,
        locked_until: null,
        error: null,
        plan_id: null,
        created_by: null,
        created_at: new Date().toISOString(),
        started_at: null,
        finished_at: null,
        file_expired_at: null,
      },
      {
        actorId: 'system',
        action: 'job.create',
        entityType: 'job',
        entityId: id,
        detail: {},
        requestId: null,
      },
    );
    return id;
  }

  it('renders an Excel report in the background: queued, then done with its file, seen only by its requester and the office', async () => {
    const started = await app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/report/jobs`,
      headers: as.mhlw,
      payload: { format: 'xlsx' },
    });
    expect(started.statusCode).toBe(202);
    const job = started.json<ReportJob>();
    expect(job).toMatchObject({ state: 'queued', progress: 0, fileUrl: null });
    expect(job.params).toMatchObject({ slug: SLUG, format: 'xlsx', paper: 'A3' });

    // Nothing is rendered until a worker takes it; the file is not there yet.
    const early = await app.inject({ url: `/api/report-jobs/${job.id}/file`, headers: as.mhlw });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('job_not_done');

    await expect(database.ctx.jobWorker.runOnce()).resolves.toBe(true);
    await expect(database.ctx.jobWorker.runOnce()).resolves.toBe(false);

    const done = (
      await app.inject({ url: `/api/report-jobs/${job.id}`, headers: as.mhlw })
    ).json<ReportJob>();
    expect(done).toMatchObject({ state: 'done', progress: 100, attempts: 1, error: null });
    expect(done.fileUrl).toBe(`/api/report-jobs/${job.id}/file`);
    expect(done.fileName).toMatch(/\.xlsx$/);
    const file = await app.inject({ url: done.fileUrl ?? '', headers: as.coordinator });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    expect(file.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    // The workbook the report gives within a request: the same worksheets.
    const direct = await app.inject({ url: `/api/plans/${SLUG}/report?format=xlsx` });
    const sheets = async (bytes: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return workbook.worksheets.map((ws) => ws.name);
    };
    expect(await sheets(file.rawPayload)).toEqual(await sheets(direct.rawPayload));

    // Another ministry's reporter and the public do not see it.
    for (const who of [as.mext, {}]) {
      const res = await app.inject({ url: `/api/report-jobs/${job.id}`, headers: who });
      expect(res.statusCode).toBe(404);
    }
    const audit = await database.ctx.audit.listForEntity('job', job.id);
    expect(audit.map((e) => e.action).sort()).toEqual(['job.create', 'job.done']);
  });

  it('renders the report as a revision fixed the plan, a date resolved to its revision at the start', async () => {
    const start = (payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/plans/${SLUG}/report/jobs`, headers: as.mhlw, payload });
    const started = await start({ format: 'xlsx', revisionOn: '2025-07-20' });
    expect(started.statusCode).toBe(202);
    const job = started.json<ReportJob>();
    expect(job.params).toMatchObject({ slug: SLUG, format: 'xlsx', revision: 1 });
    await expect(database.ctx.jobWorker.runOnce()).resolves.toBe(true);
    const done = (
      await app.inject({ url: `/api/report-jobs/${job.id}`, headers: as.mhlw })
    ).json<ReportJob>();
    expect(done.state).toBe('done');
    expect(done.fileName).toMatch(/-r1\.xlsx$/);
    const file = await app.inject({ url: done.fileUrl ?? '', headers: as.mhlw });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet('表紙')?.getCell('A3').value).toBe('第1版（策定）の計画による');

    const missing = await start({ format: 'xlsx', revision: 99 });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('revision_not_found');
  });

  it('refuses a render from nobody, and of a round that is not published', async () => {
    const anonymous = await app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/report/jobs`,
      payload: { format: 'pdf' },
    });
    expect(anonymous.statusCode).toBe(401);
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/report/jobs`,
      headers: as.coordinator,
      payload: { format: 'pdf', round: newId() },
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('says why a render failed, and does not retry what cannot work', async () => {
    const reasons: Record<string, JobHandler> = {
      missing: () => {
        throw new DomainError(
          'unavailable',
          'pdf_unavailable',
          'PDF output needs Chromium (/usr/bin/chromium)',
        );
      },
      flaky: () => Promise.reject(new Error('the browser closed')),
    };
    const worker = new JobWorker(jobs, database.ctx.clock, reasons, { workerId: 'failing' });
    const missing = await queue('missing');
    await worker.runOnce();
    expect(await jobs.find(missing)).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'PDF output needs Chromium (/usr/bin/chromium)',
    });
    // Any other error is tried again, up to three attempts, then failed with the last reason.
    const flaky = await queue('flaky');
    await worker.runOnce();
    expect(await jobs.find(flaky)).toMatchObject({
      state: 'queued',
      attempts: 1,
      error: 'the browser closed',
    });
    while (await worker.runOnce()) {
      // Drain the retries.
    }
    expect(await jobs.find(flaky)).toMatchObject({
      state: 'failed',
      attempts: 3,
      error: 'the browser closed',
    });
  });

  it('takes a job again after the lease of a worker that died holding it; the dead worker writes nothing', async () => {
    const clock = movableClock(TEST_NOW);
    const runs: string[] = [];
    const handlers: Record<string, JobHandler> = {
      lease: async (_params, progress) => {
        await progress(50, 'half');
        runs.push('ran');
        return { fileName: 'x.txt', contentType: 'text/plain', body: Buffer.from('x') };
      },
    };
    const id = await queue('lease');
    // The first worker claims it and dies (it never writes again).
    const dead = await jobs.claim(
      'dead',
      clock.now().toISOString(),
      new Date(clock.now().getTime() + 60_000).toISOString(),
    );
    expect(dead?.id).toBe(id);
    const survivor = new JobWorker(jobs, clock, handlers, { workerId: 'survivor', leaseMs: 60_000 });
    // Held under its lease: nobody else takes it.
    await expect(survivor.runOnce()).resolves.toBe(false);
    clock.advance(61_000);
    await expect(survivor.runOnce()).resolves.toBe(true);
    expect(await jobs.find(id)).toMatchObject({ state: 'done', attempts: 2, locked_by: null });
    expect(runs).toEqual(['ran']);
    // The dead worker's late writes are refused.
    await expect(jobs.progress(id, 'dead', 90, 'late', clock.now().toISOString())).resolves.toBe(false);
    const late = { job_id: id, file_name: 'y', content_type: 'text/plain', size: 1, body: Buffer.from('y') };
    const audit = {
      actorId: 'system',
      action: 'job.done',
      entityType: 'job',
      entityId: id,
      detail: {},
      requestId: null,
    };
    await expect(jobs.finish(id, 'dead', clock.now().toISOString(), late, audit)).resolves.toBe(false);
    expect((await jobs.file(id))?.body.toString()).toBe('x');
  });

  it('runs each job once with two workers taking jobs at the same time', async () => {
    const runs: string[] = [];
    const handlers: Record<string, JobHandler> = {
      once: async (_params, progress) => {
        await progress(10, 'start');
        runs.push('once');
        return { fileName: 'x.txt', contentType: 'text/plain', body: Buffer.from('x') };
      },
    };
    const ids = [await queue('once'), await queue('once'), await queue('once'), await queue('once')];
    const first = new JobWorker(jobs, database.ctx.clock, handlers, { workerId: 'first' });
    const second = new JobWorker(jobs, database.ctx.clock, handlers, { workerId: 'second' });
    const drain = async (worker: JobWorker) => {
      let count = 0;
      while (await worker.runOnce()) count += 1;
      return count;
    };
    const [a, b] = await Promise.all([drain(first), drain(second)]);
    expect(a + b).toBe(ids.length);
    expect(runs).toHaveLength(ids.length);
    for (const id of ids) expect(await jobs.find(id)).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('deletes a file after its retention by the injected clock, keeping the job, whose download then answers 410', async () => {
    const DAY = 86_400_000;
    const clock = movableClock(TEST_NOW);
    clock.advance(100 * DAY);
    const worker = new JobWorker(
      jobs,
      clock,
      { report: database.ctx.reportJobs.handler() },
      { workerId: 'retention', fileRetentionMs: 7 * DAY },
    );
    // The files of the jobs the tests above finished are long past their retention.
    await worker.expireFiles();
    const started = await app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/report/jobs`,
      headers: as.mhlw,
      payload: { format: 'xlsx' },
    });
    const job = started.json<ReportJob>();
    await expect(worker.runOnce()).resolves.toBe(true);
    const read = async () =>
      (await app.inject({ url: `/api/report-jobs/${job.id}`, headers: as.mhlw })).json<ReportJob>();
    const done = await read();
    expect(done).toMatchObject({ state: 'done', fileExpiredAt: null });
    expect(done.expiresAt).toBe(new Date(clock.now().getTime() + 7 * DAY).toISOString());

    // Six days on, the file is kept.
    clock.advance(6 * DAY);
    await expect(worker.expireFiles()).resolves.toBe(0);
    const kept = await app.inject({ url: `/api/report-jobs/${job.id}/file`, headers: as.mhlw });
    expect(kept.statusCode).toBe(200);

    // Past seven days the file goes; the job stays, done, saying when its file expired.
    clock.advance(DAY + 1);
    await expect(worker.expireFiles()).resolves.toBe(1);
    await expect(worker.expireFiles()).resolves.toBe(0);
    expect(await jobs.file(job.id)).toBeUndefined();
    const expired = await read();
    expect(expired).toMatchObject({
      state: 'done',
      fileUrl: null,
      expiresAt: null,
      fileExpiredAt: clock.now().toISOString(),
      params: { slug: SLUG, format: 'xlsx' },
    });
    for (const who of [as.mhlw, as.coordinator]) {
      const gone = await app.inject({ url: `/api/report-jobs/${job.id}/file`, headers: who });
      expect(gone.statusCode).toBe(410);
      const body = gone.json<{ error: { code: string; message: string } }>().error;
      expect(body.code).toBe('job_file_expired');
      expect(body.message).toContain('Render the report again');
    }
    // Still nobody else's: another ministry's reporter gets 404, not 410.
    const other = await app.inject({ url: `/api/report-jobs/${job.id}/file`, headers: as.mext });
    expect(other.statusCode).toBe(404);
    const audit = await database.ctx.audit.listForEntity('job', job.id);
    expect(audit.map((e) => e.action).sort()).toEqual(['job.create', 'job.done', 'job.file_expired']);
  });
});
