// The authorization matrix's rows for what is published from a plan: the report, its workbook read back, the
// open data, and the links to the RS system's budget data (authorization-matrix.ts holds the rest).
import { all, answers, COORDINATION, P, WRITE_GUARD, type Row } from './authorization-principals.js';

export const PUBLICATION_ROWS: Row[] = [
  {
    route: 'GET /api/plans/{slug}/rs-links',
    cases: [{ name: '', request: (f) => ({ method: 'GET', url: `${P(f)}/rs-links` }), expect: all('200') }],
  },
  {
    route: 'POST /api/plans/{slug}/rs-links',
    cases: [
      {
        // The sample holds no RS data, so the coordinating office gets past the permission check to a 404.
        name: 'reject a link',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/rs-links`,
          payload: { budgetProjectId: f.budgetProjectId, rsId: 2089, decision: 'reject' },
        }),
        expect: COORDINATION('404 rs_project_not_found'),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/report',
    cases: [
      {
        name: 'published, JSON',
        request: (f) => ({ method: 'GET', url: `${P(f)}/report?format=json&round=${f.publishedRoundId}` }),
        expect: all('200'),
      },
      {
        name: 'unpublished',
        request: (f) => ({ method: 'GET', url: `${P(f)}/report?format=json&round=${f.openRoundId}` }),
        expect: all('404 round_not_found'),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/report/workbook/preview',
    cases: [
      {
        // Read, never written: the answer lists what it cannot read.
        name: 'a file that is no workbook',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/report/workbook/preview?round=${f.publishedRoundId}`,
          payload: { contentBase64: 'AAAA' },
        }),
        expect: COORDINATION('200'),
      },
    ],
  },
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
  {
    route: 'GET /api/report-capabilities',
    cases: [
      { name: '', request: () => ({ method: 'GET', url: '/api/report-capabilities' }), expect: all('200') },
    ],
  },
  {
    route: 'GET /api/open-data',
    cases: [{ name: '', request: () => ({ method: 'GET', url: '/api/open-data' }), expect: all('200') }],
  },
  {
    route: 'GET /api/open-data/{slug}/{roundId}/{file}',
    cases: [
      {
        name: 'published',
        request: (f) => ({
          method: 'GET',
          url: `/api/open-data/${f.slug}/${f.publishedRoundId}/datapackage.json`,
        }),
        expect: all('200'),
      },
      {
        name: 'unpublished',
        request: (f) => ({
          method: 'GET',
          url: `/api/open-data/${f.slug}/${f.openRoundId}/datapackage.json`,
        }),
        expect: all('404 round_not_found'),
      },
    ],
  },
  {
    route: 'GET /api/open-data/{slug}/{roundId}/excel/{file}',
    cases: [
      {
        name: 'published',
        request: (f) => ({
          method: 'GET',
          url: `/api/open-data/${f.slug}/${f.publishedRoundId}/excel/kpis.csv`,
        }),
        expect: all('200'),
      },
      {
        name: 'unpublished',
        request: (f) => ({ method: 'GET', url: `/api/open-data/${f.slug}/${f.openRoundId}/excel/kpis.csv` }),
        expect: all('404 round_not_found'),
      },
    ],
  },
];
