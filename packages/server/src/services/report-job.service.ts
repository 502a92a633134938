import { DomainError, hasPermission, type Clock } from '@kotei/domain';
import type { ReportJob, ReportJobRequest } from '@kotei/contracts';
import type { JobFileRow, JobRepository, JobRow } from '../repositories/job.repository.js';
import { newId } from '../ids.js';
import { auditedBy, type Actor } from './actor.js';
import type { JobHandler, JobOutput } from './job-worker.js';
import type { ReportService } from './report.service.js';

/** The kind of job that renders a report. */
export const REPORT_JOB = 'report';

/** What a report job is asked to make. */
interface ReportJobParams {
  slug: string;
  roundId: string | null;
  format: 'pdf' | 'xlsx';
  paper: 'A3' | 'A4';
  /** The revision shown (time travel), when one was asked; a date is resolved to its revision at the start. */
  revision?: number;
}

function paramsOf(job: JobRow): ReportJobParams {
  return JSON.parse(job.params_json) as ReportJobParams;
}

function toReportJob(job: JobRow, fileName: string | null, retentionMs: number): ReportJob {
  const kept = job.state === 'done' && job.file_expired_at === null;
  return {
    id: job.id,
    kind: REPORT_JOB,
    state: job.state,
    progress: job.progress,
    step: job.step,
    attempts: job.attempts,
    error: job.error,
    params: paramsOf(job),
    fileUrl: kept ? `/api/report-jobs/${job.id}/file` : null,
    fileName,
    createdAt: job.created_at,
    startedAt: job.started_at,
    finishedAt: job.finished_at,
    expiresAt:
      kept && job.finished_at !== null
        ? new Date(new Date(job.finished_at).getTime() + retentionMs).toISOString()
        : null,
    fileExpiredAt: job.file_expired_at,
  };
}

/**
 * A plan's report rendered in the background (#12): a signed-in user queues a job, a worker (`JobWorker`,
 * started by `serve`) renders it, and the file is kept in the database for download. A job is seen by the one
 * who asked for it and by the coordinating office; to anyone else it does not exist. The file is kept for
 * `fileRetentionMs` after the job finished; then the worker deletes it and the job says so (410 on download).
 */
export class ReportJobService {
  private onQueued: () => void = () => undefined;

  constructor(
    private readonly jobs: JobRepository,
    private readonly reports: ReportService,
    private readonly clock: Clock,
    private readonly fileRetentionMs: number,
  ) {}

  /** Called whenever a job is queued (the worker wakes up). */
  whenQueued(listener: () => void): void {
    this.onQueued = listener;
  }

  /** Queue a render of a plan's published round; its round is checked now, so a wrong one is refused at once. */
  async start(actor: Actor, slug: string, request: ReportJobRequest): Promise<ReportJob> {
    if (actor.user === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
    const data = await this.reports.roundData(slug, request.round, {
      revision: request.revision,
      revisionOn: request.revisionOn,
    });
    const now = this.clock.now().toISOString();
    const revision = data.tree.revision?.number;
    const params: ReportJobParams = {
      slug: data.tree.slug,
      roundId: data.round.id,
      format: request.format,
      paper: request.paper,
      ...(revision === undefined ? {} : { revision }),
    };
    const job: JobRow = {
      id: newId(),
      kind: REPORT_JOB,
      params_json: JSON.stringify(params),
      state: 'queued',
      progress: 0,
      step: 'queued',
      attempts: 0,
      max_attempts: 3,
      locked_by: null,
      locked_until: null,
      error: null,
      plan_id: data.tree.id,
      created_by: actor.user.id,
      created_at: now,
      started_at: null,
      finished_at: null,
      file_expired_at: null,
    };
    await this.jobs.insert(job, {
      ...auditedBy(actor),
      action: 'job.create',
      entityType: 'job',
      entityId: job.id,
      detail: { kind: REPORT_JOB, ...params },
    });
    this.onQueued();
    return toReportJob(job, null, this.fileRetentionMs);
  }

  private async visible(actor: Actor, id: string): Promise<JobRow> {
    const job = await this.jobs.find(id);
    const user = actor.user;
    const mine =
      user !== null && job !== undefined && (job.created_by === user.id || hasPermission(user, 'plan:edit'));
    if (!job || job.kind !== REPORT_JOB || !mine) {
      throw new DomainError('not_found', 'job_not_found', `No report job ${id}`);
    }
    return job;
  }

  /** Where a job stands: its state, progress and step, its error, its file once done. */
  async get(actor: Actor, id: string): Promise<ReportJob> {
    const job = await this.visible(actor, id);
    const file = job.state === 'done' ? await this.jobs.file(id) : undefined;
    return toReportJob(job, file?.file_name ?? null, this.fileRetentionMs);
  }

  /** The file of a finished job (409 job_not_done before, 410 job_file_expired after its retention). */
  async file(actor: Actor, id: string): Promise<JobFileRow> {
    const job = await this.visible(actor, id);
    if (job.file_expired_at !== null) {
      const days = Math.round((this.fileRetentionMs / 86_400_000) * 10) / 10;
      throw new DomainError(
        'gone',
        'job_file_expired',
        `This report file was deleted on ${job.file_expired_at}: files are kept ${String(days)} day(s) after the render finished. Render the report again to get a new file.`,
      );
    }
    const file = job.state === 'done' ? await this.jobs.file(id) : undefined;
    if (!file) {
      throw new DomainError(
        'conflict',
        'job_not_done',
        job.state === 'failed' ? `The render failed: ${job.error ?? ''}` : `The render is ${job.state}`,
      );
    }
    return file;
  }

  /** The worker's handler: render the report, telling each step. */
  handler(): JobHandler {
    return async (raw, progress): Promise<JobOutput> => {
      const params = raw as ReportJobParams;
      const file = await this.reports.render(
        params.slug,
        {
          format: params.format,
          paper: params.paper,
          ...(params.roundId === null ? {} : { roundId: params.roundId }),
          ...(params.revision === undefined ? {} : { asOf: { revision: params.revision } }),
        },
        progress,
      );
      await progress(95, 'save');
      return { fileName: file.fileName, contentType: file.contentType, body: file.body };
    };
  }
}
