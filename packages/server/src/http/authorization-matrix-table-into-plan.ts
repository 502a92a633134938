// The authorization matrix's rows for importing documents, and for adding a KPI table's KPIs to an existing plan (#14): the coordinating
// office only (plan:edit). The commit names a measure the plan does not have, so it answers 422 and writes nothing.
import { COORDINATION, P, type Row } from './authorization-principals.js';

const TABLE = Buffer.from('指標名,現状,目標\n図書館入館者数,"100人(2020年)","120人(2027年)"\n').toString(
  'base64',
);

/** Importing a document as a plan, or as the next round of its plan: the coordinating office only. */
export const IMPORT_ROWS: Row[] = [
  {
    route: 'POST /api/imports/preview',
    cases: [
      {
        name: 'the sample again',
        request: (f) => ({
          method: 'POST',
          url: '/api/imports/preview',
          payload: { fileName: 'sample.md', contentBase64: f.sample, slug: f.slug },
        }),
        expect: COORDINATION('200'),
      },
    ],
  },
  {
    route: 'POST /api/imports',
    cases: [
      {
        name: 'the sample again',
        request: (f) => ({
          method: 'POST',
          url: '/api/imports',
          payload: { fileName: 'sample.md', contentBase64: f.sample, slug: f.slug },
        }),
        expect: COORDINATION('200'),
      },
    ],
  },
];

export const TABLE_INTO_PLAN_ROWS: Row[] = [
  {
    route: 'POST /api/plans/{slug}/imports/kpi-table/preview',
    cases: [
      {
        name: 'a small table',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/imports/kpi-table/preview`,
          payload: { fileName: 'table.csv', contentBase64: TABLE },
        }),
        expect: COORDINATION('200'),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/imports/kpi-table',
    cases: [
      {
        name: 'a measure not in the plan',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/imports/kpi-table`,
          payload: {
            fileName: 'table.csv',
            contentBase64: TABLE,
            groups: [{ key: '1-1', measureId: '00000000-0000-4000-8000-000000000000' }],
          },
        }),
        expect: COORDINATION('422 measure_not_in_plan'),
      },
    ],
  },
];
