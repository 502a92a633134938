import { hostname } from 'node:os';
import { DomainError, type Clock } from '@kotei/domain';
import type { JobRepository, JobRow } from '../repositories/job.repository.js';
import { newId } from '../ids.js';

/** What a job hands back: the file it made. */
export interface JobOutput {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** Tell the job's progress (0–100) and step; resolves once it is stored and the lease extended. */
export type ReportProgress = (progress: number, step: string) => Promise<void>;

/** Runs one kind of job from its parameters. A DomainError fails the job for good; any other error is retried. */
export type JobHandler = (params: unknown, progress: ReportProgress) => Promise<JobOutput>;

/** Thrown into a handler whose worker lost the job (its lease ran out and another worker took it). */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} was taken by another worker`);
    this.name = 'LeaseLostError';
  }
}

/** How a worker claims and holds jobs. */
export interface JobWorkerOptions {
  /** Names the worker in `job.locked_by`; by default host, process and a random part. */
  workerId?: string;
  /** How long a claim holds without news from the worker; a crashed worker's job is taken again after it. */
  leaseMs?: number;
  /** How often an idle worker looks for a job. */
  pollMs?: number;
  /** Where an unexpected failure of the loop itself is reported. */
  onError?: (error: unknown) => void;
  /** How long a finished job's file is kept before the worker deletes it (the job stays); 7 days by default. */
  fileRetentionMs?: number;
  /** How often the loop deletes the files past their retention; hourly by default. */
  expiryEveryMs?: number;
}

/** A finished job's file is kept this long unless configured (`KOTEI_JOB_FILE_DAYS`). */
export const DEFAULT_JOB_FILE_DAYS = 7;
const DAY_MS = 86_400_000;
// Files expired in one transaction, so one pass never holds the table long.
const EXPIRY_BATCH = 200;

/**
 * Takes jobs from the database one at a time and runs them: claim (a conditional update), run the kind's
 * handler while extending the lease, then store the file or the reason it failed. Several workers, in one
 * process or many, share the table; each job runs once unless its worker dies, and then again after its lease.
 */
export class JobWorker {
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  /** How long a finished job's file is kept. */
  readonly fileRetentionMs: number;
  private readonly expiryEveryMs: number;
  private lastExpiry = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly jobs: JobRepository,
    private readonly clock: Clock,
    private readonly handlers: Readonly<Record<string, JobHandler>>,
    private readonly options: JobWorkerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.fileRetentionMs = options.fileRetentionMs ?? DEFAULT_JOB_FILE_DAYS * DAY_MS;
    this.expiryEveryMs = options.expiryEveryMs ?? 3_600_000;
  }

  /** Look for jobs every `pollMs` until `close`. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** A job was queued: look now rather than at the next poll (when started). */
  wake(): void {
    if (!this.stopped && this.running === null) this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running ??= this.drain()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.schedule(this.pollMs);
        });
    }, delay);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastExpiry >= this.expiryEveryMs) {
      this.lastExpiry = now;
      await this.expireFiles();
    }
    while (!this.stopped && (await this.runOnce())) {
      // Keep going while there is work.
    }
  }

  private leaseUntil(): string {
    return new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
  }

  /**
   * Delete the files of jobs that finished more than the retention ago by the injected clock, keeping the jobs
   * (which then say their file expired); how many were expired.
   */
  async expireFiles(): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.fileRetentionMs).toISOString();
    let total = 0;
    for (;;) {
      const ids = await this.jobs.expireFiles(cutoff, now.toISOString(), EXPIRY_BATCH, (id) => ({
        actorId: 'system',
        action: 'job.file_expired',
        entityType: 'job',
        entityId: id,
        detail: { finishedBefore: cutoff, retentionDays: this.fileRetentionMs / DAY_MS },
        requestId: null,
      }));
      total += ids.length;
      if (ids.length < EXPIRY_BATCH) return total;
    }
  }

  /** Claim one job and run it to its end; false when there was none to claim. */
  async runOnce(): Promise<boolean> {
    const job = await this.jobs.claim(this.workerId, this.clock.now().toISOString(), this.leaseUntil());
    if (!job) return false;
    await this.run(job);
    return true;
  }

  private async run(job: JobRow): Promise<void> {
    let lost = false;
    const progress: ReportProgress = async (value, step) => {
      if (lost) throw new LeaseLostError(job.id);
      const held = await this.jobs.progress(job.id, this.workerId, value, step, this.leaseUntil());
      if (!held) {
        lost = true;
        throw new LeaseLostError(job.id);
      }
    };
    // A long step (Chromium printing) says nothing for a while: keep the lease alive meanwhile.
    const heartbeat = setInterval(() => {
      void this.jobs
        .progress(job.id, this.workerId, job.progress, job.step, this.leaseUntil())
        .then((held) => (lost ||= !held))
        .catch(() => undefined);
    }, this.leaseMs / 3);
    heartbeat.unref();
    const audit = { actorId: 'system', entityType: 'job', entityId: job.id, requestId: null };
    try {
      const handler = this.handlers[job.kind];
      if (!handler)
        throw new DomainError('invalid_input', 'unknown_job_kind', `No handler for "${job.kind}"`);
      const output = await handler(JSON.parse(job.params_json) as unknown, async (value, step) => {
        job.progress = value;
        job.step = step;
        await progress(value, step);
      });
      const now = this.clock.now().toISOString();
      await this.jobs.finish(
        job.id,
        this.workerId,
        now,
        {
          job_id: job.id,
          file_name: output.fileName,
          content_type: output.contentType,
          size: output.body.length,
          body: output.body,
        },
        {
          ...audit,
          action: 'job.done',
          detail: {
            kind: job.kind,
            attempts: job.attempts,
            fileName: output.fileName,
            size: output.body.length,
          },
        },
      );
    } catch (error) {
      if (error instanceof LeaseLostError) return;
      const message = error instanceof Error ? error.message : String(error);
      await this.jobs.fail(
        job.id,
        this.workerId,
        this.clock.now().toISOString(),
        message,
        !(error instanceof DomainError),
        {
          ...audit,
          action: 'job.failed',
          detail: { kind: job.kind, attempts: job.attempts, error: message },
        },
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Stop looking for jobs and wait for the one running, if any. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
