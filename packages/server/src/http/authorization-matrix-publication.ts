// The authorization matrix's rows for what is published from a plan: the report, its workbook read back, the
// open data, and the links to the RS system's budget data (authorization-matrix.ts holds the rest).
import { all, COORDINATION, P, R, type Row } from './authorization-principals.js';

export const PUBLICATION_ROWS: Row[] = [
  {
    route: 'GET /api/plans/{slug}/rounds/{roundId}/corrections',
    cases: [
      {
        name: 'published',
        request: (f) => ({ method: 'GET', url: `${R(f, f.publishedRoundId)}/corrections` }),
        expect: all('200'),
      },
      {
        name: 'unpublished',
        request: (f) => ({ method: 'GET', url: `${R(f, f.openRoundId)}/corrections` }),
        expect: all('404 round_not_found'),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/corrections',
    cases: [
      {
        // Past the permission check, the coordinating office learns the round published no such bullet.
        name: 'published, a bullet it does not hold',
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.publishedRoundId)}/corrections`,
          payload: { kind: 'bullet', targetId: 'no-such-bullet', text: '訂正', reason: '誤記' },
        }),
        expect: COORDINATION('404 correction_target_not_found'),
      },
      {
        name: 'unpublished',
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/corrections`,
          payload: { kind: 'actual', targetId: 'any', value: 1, reason: '誤記' },
        }),
        expect: COORDINATION('404 round_not_found'),
      },
    ],
  },
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
