// The authorization matrix's rows for report render jobs: any signed-in user may have the (public) report rendered;
// a job is seen by whoever asked for it and by the coordinating office.
import { answers, P, WRITE_GUARD, type Row } from './authorization-principals.js';

export const JOB_ROWS: Row[] = [
  {
    route: 'POST /api/plans/{slug}/report/jobs',
    cases: [
      {
        // Any signed-in user may have the (public) report rendered; the job is theirs.
        name: 'an Excel render',
        request: (f) => ({ method: 'POST', url: `${P(f)}/report/jobs`, payload: { format: 'xlsx' } }),
        expect: answers('202', WRITE_GUARD),
      },
      {
        name: 'an unpublished round',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/report/jobs`,
          payload: { format: 'pdf', round: f.openRoundId },
        }),
        expect: answers('404 round_not_found', WRITE_GUARD),
      },
    ],
  },
  {
    route: 'GET /api/report-jobs/{id}',
    cases: [
      {
        // The coordinator's job: seen by the coordinator (and its token), the admin (and its read token).
        name: "the coordinator's job",
        request: (f) => ({ method: 'GET', url: `/api/report-jobs/${f.reportJobId}` }),
        expect: answers('404 job_not_found', {
          readToken: '200',
          writeToken: '200',
          coordinator: '200',
          admin: '200',
        }),
      },
    ],
  },
  {
    route: 'GET /api/report-jobs/{id}/file',
    cases: [
      {
        // No worker runs in this test: the job is still queued.
        name: 'a queued job',
        request: (f) => ({ method: 'GET', url: `/api/report-jobs/${f.reportJobId}/file` }),
        expect: answers('404 job_not_found', {
          readToken: '409 job_not_done',
          writeToken: '409 job_not_done',
          coordinator: '409 job_not_done',
          admin: '409 job_not_done',
        }),
      },
    ],
  },
];
