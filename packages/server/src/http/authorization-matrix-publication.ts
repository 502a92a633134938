// The authorization matrix's rows for what is published from a plan: the report, its workbook read back, the
// open data, and the links to the RS system's budget data (authorization-matrix.ts holds the rest).
import { all, answers, COORDINATION, P, R, WRITE_GUARD, type Row } from './authorization-principals.js';

// Saved KPI table column mappings (the import screen's mapping step): those who may import save, list and delete
// their own. Each principal saves under a name of its own, so each save is a new one (201).
export const TABLE_MAPPING_ROWS: Row[] = [
  {
    route: 'GET /api/imports/table-mappings',
    cases: [
      {
        name: '',
        request: () => ({ method: 'GET', url: '/api/imports/table-mappings?signature=x' }),
        expect: answers('403 forbidden', {
          anonymous: '401 unauthenticated',
          readToken: '200',
          writeToken: '200',
          coordinator: '200',
          admin: '200',
        }),
      },
    ],
  },
  {
    route: 'PUT /api/imports/table-mappings',
    cases: [
      {
        name: 'a new name',
        request: (_f, who) => ({
          method: 'PUT',
          url: '/api/imports/table-mappings',
          payload: {
            name: `matrix ${who}`,
            signature: '指標 | 目標値',
            columnRoles: [{ column: 0, role: 'name' }],
          },
        }),
        expect: COORDINATION('201'),
      },
    ],
  },
  {
    route: 'DELETE /api/imports/table-mappings/{id}',
    cases: [
      {
        name: 'none of that id',
        request: () => ({ method: 'DELETE', url: '/api/imports/table-mappings/no-such-mapping' }),
        expect: COORDINATION('404 kpi_table_mapping_not_found'),
      },
    ],
  },
];

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
    route: 'POST /api/plans/{slug}/report/workbook/apply',
    cases: [
      {
        // Checked against the plan's version first: a version the plan never had is a stale preview.
        name: 'a stale preview',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/report/workbook/apply?round=${f.publishedRoundId}`,
          payload: { contentBase64: 'AAAA', dataVersion: 999999, digest: 'x' },
        }),
        expect: COORDINATION('409 stale_version'),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/rounds/{roundId}/parts/{partId}/workbook',
    cases: [
      {
        name: "unpublished, 厚's part",
        request: (f) => ({ method: 'GET', url: `${R(f, f.openRoundId)}/parts/${f.ownPartId}/workbook` }),
        expect: answers('200', {
          anonymous: '404 round_not_found',
          reporterOther: '403 not_yours',
          expert: '403 not_yours',
          viewer: '403 not_yours',
          expired: '403 forbidden',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/parts/{partId}/workbook',
    cases: [
      {
        // Read before anything is written: a file that is no workbook names what it expected.
        name: "unpublished, 厚's draft, a file that is no workbook",
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/parts/${f.ownPartId}/workbook`,
          payload: { contentBase64: 'AAAA' },
        }),
        expect: answers('400 workbook_invalid', {
          ...WRITE_GUARD,
          reporterOther: '403 not_yours',
          expert: '403 not_yours',
          viewer: '403 not_yours',
          expired: '403 forbidden',
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
