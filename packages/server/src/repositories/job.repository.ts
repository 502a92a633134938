import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database.js';
import type { DB, JobFileTable, JobTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** A job's row, as the service reads it. */
export type JobRow = JobTable;
/** A finished job's file. */
export type JobFileRow = JobFileTable;

// A job a worker may take at `now`: queued, or running under a lease that ran out (its worker died) with
// attempts left.
const claimable = (now: string) => (eb: ExpressionBuilder<DB, 'job'>) =>
  eb.or([
    eb('state', '=', 'queued'),
    eb.and([
      eb('state', '=', 'running'),
      eb('locked_until', '<', now),
      eb('attempts', '<', eb.ref('max_attempts')),
    ]),
  ]);

/**
 * Jobs in the database, one code path for both engines: a worker claims the oldest claimable job with one
 * conditional update (on PostgreSQL the candidate is read FOR UPDATE SKIP LOCKED, so concurrent workers take
 * different jobs without waiting), and every later write of the job is conditional on the worker still holding
 * it, so a worker whose lease ran out and whose job was taken again writes nothing.
 */
export class JobRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly kind: DatabaseKind,
  ) {}

  /** Queue a job with its audit event. */
  async insert(job: JobTable, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('job').values(job).execute();
      await insertAuditEvent(trx, job.created_at, audit);
    });
  }

  async find(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Take the oldest claimable job for `workerId` until `leaseUntil`, or nothing. A running job whose lease ran
   * out with no attempts left is failed first.
   */
  async claim(workerId: string, now: string, leaseUntil: string): Promise<JobRow | undefined> {
    await this.db
      .updateTable('job')
      .set({
        state: 'failed',
        error: 'abandoned: its worker stopped on every attempt',
        locked_by: null,
        locked_until: null,
        finished_at: now,
      })
      .where('state', '=', 'running')
      .where('locked_until', '<', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute();
    let candidate = this.db
      .selectFrom('job')
      .select('id')
      .where(claimable(now))
      .orderBy('created_at')
      .orderBy('id')
      .limit(1);
    if (this.kind === 'postgres') candidate = candidate.forUpdate().skipLocked();
    return (
      this.db
        .updateTable('job')
        .set({
          state: 'running',
          locked_by: workerId,
          locked_until: leaseUntil,
          attempts: sql<number>`attempts + 1`,
          started_at: now,
          progress: 0,
          step: '',
        })
        .where('id', '=', candidate)
        // Checked again on the row itself: on SQLite the select and the update are one statement, on PostgreSQL
        // a worker that read the same candidate without SKIP LOCKED finds it no longer claimable.
        .where(claimable(now))
        .returningAll()
        .executeTakeFirst()
    );
  }

  /** Record progress and extend the lease; false when the worker no longer holds the job. */
  async progress(
    id: string,
    workerId: string,
    progress: number,
    step: string,
    leaseUntil: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('job')
      .set({ progress, step, locked_until: leaseUntil })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Mark the job done and keep its file, with the audit event; false when the worker no longer holds it. */
  async finish(
    id: string,
    workerId: string,
    now: string,
    file: JobFileTable,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('job')
        .set({
          state: 'done',
          progress: 100,
          step: 'done',
          error: null,
          locked_by: null,
          locked_until: null,
          finished_at: now,
        })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .where('locked_by', '=', workerId)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) return false;
      await trx.deleteFrom('job_file').where('job_id', '=', id).execute();
      await trx.insertInto('job_file').values(file).execute();
      await insertAuditEvent(trx, now, audit);
      return true;
    });
  }

  /**
   * A failed attempt: queued again when `retry` and attempts are left, else failed for good with the audit
   * event. False when the worker no longer holds the job.
   */
  async fail(
    id: string,
    workerId: string,
    now: string,
    error: string,
    retry: boolean,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const job = await trx
        .selectFrom('job')
        .select(['attempts', 'max_attempts'])
        .where('id', '=', id)
        .where('state', '=', 'running')
        .where('locked_by', '=', workerId)
        .executeTakeFirst();
      if (!job) return false;
      const again = retry && job.attempts < job.max_attempts;
      await trx
        .updateTable('job')
        .set({
          state: again ? 'queued' : 'failed',
          error,
          locked_by: null,
          locked_until: null,
          finished_at: again ? null : now,
        })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .execute();
      if (!again) await insertAuditEvent(trx, now, audit);
      return true;
    });
  }

  /**
   * Delete the files of jobs finished before `cutoff` (at most `limit` of them), keeping the jobs, stamped
   * `file_expired_at = now`, each with its audit event; the ids expired. The stamp is a conditional
   * update, so two workers expiring at once take each job once (PostgreSQL re-checks the condition on a row
   * another transaction changed; SQLite has one writer).
   */
  async expireFiles(
    cutoff: string,
    now: string,
    limit: number,
    audit: (id: string) => AuditEntry,
  ): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const due = trx
        .selectFrom('job')
        .select('id')
        .where('state', '=', 'done')
        .where('finished_at', '<', cutoff)
        .where('file_expired_at', 'is', null)
        .orderBy('finished_at')
        .limit(limit);
      const stamped = await trx
        .updateTable('job')
        .set({ file_expired_at: now })
        .where('id', 'in', due)
        .where('file_expired_at', 'is', null)
        .returning('id')
        .execute();
      const ids = stamped.map((row) => row.id);
      if (ids.length === 0) return [];
      await trx.deleteFrom('job_file').where('job_id', 'in', ids).execute();
      for (const id of ids) await insertAuditEvent(trx, now, audit(id));
      return ids;
    });
  }

  /** A finished job's file. */
  async file(id: string): Promise<JobFileRow | undefined> {
    return this.db.selectFrom('job_file').selectAll().where('job_id', '=', id).executeTakeFirst();
  }
}
