// The authorization matrix's rows for plan authoring and revisions (#13): a plan from scratch, the draft revision
// and its adoption (the coordinating office's), the revisions and their diff (public). The rows run in order:
// the draft is discarded (none yet), opened, read, edited by each writer in turn (version 3 after them), adopted.
import { all, answers, COORDINATION, P, WRITE_GUARD, type Row } from './authorization-principals.js';

export const REVISION_ROWS: Row[] = [
  {
    route: 'POST /api/plans',
    cases: [
      {
        name: 'from scratch',
        request: (_f, who) => ({
          method: 'POST',
          url: '/api/plans',
          payload: {
            slug: `matrix-${who.toLowerCase()}`,
            title: '一から作る計画',
            owner: '内閣官房',
            policyFields: [],
            horizon: { from: 2025, to: 2030 },
          },
        }),
        expect: COORDINATION('201'),
      },
    ],
  },
  {
    route: 'DELETE /api/plans/{slug}/draft',
    cases: [
      {
        name: 'none open',
        request: (f) => ({ method: 'DELETE', url: `${P(f)}/draft` }),
        expect: COORDINATION('404 draft_not_found'),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/draft',
    cases: [
      { name: '', request: (f) => ({ method: 'POST', url: `${P(f)}/draft` }), expect: COORDINATION('200') },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/draft',
    cases: [
      {
        name: '',
        request: (f) => ({ method: 'GET', url: `${P(f)}/draft` }),
        // The read token is the admin's: a read needs no write scope.
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
    route: 'POST /api/plans/{slug}/draft/edits',
    cases: [
      {
        name: '',
        request: (f, who) => ({
          method: 'POST',
          url: `${P(f)}/draft/edits`,
          payload: { edits: [{ op: 'plan.update', owner: `内閣官房 (${who})` }] },
        }),
        expect: COORDINATION('200'),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/draft/adopt',
    cases: [
      {
        // The first writer adopts; the draft is gone for the others, who get past the permission check to 409.
        name: 'the draft at version 3',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/draft/adopt`,
          payload: { reason: '令和7年 見直し', version: 3 },
        }),
        expect: answers('403 forbidden', {
          ...WRITE_GUARD,
          writeToken: '200',
          coordinator: '409 revision_conflict',
          admin: '409 revision_conflict',
        }),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/revisions',
    cases: [{ name: '', request: (f) => ({ method: 'GET', url: `${P(f)}/revisions` }), expect: all('200') }],
  },
  {
    route: 'GET /api/plans/{slug}/revisions/{number}',
    cases: [
      { name: '', request: (f) => ({ method: 'GET', url: `${P(f)}/revisions/2` }), expect: all('200') },
      {
        name: 'none such',
        request: (f) => ({ method: 'GET', url: `${P(f)}/revisions/99` }),
        expect: all('404 revision_not_found'),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/revisions/diff',
    cases: [
      {
        name: '',
        request: (f) => ({ method: 'GET', url: `${P(f)}/revisions/diff?from=1&to=2` }),
        expect: all('200'),
      },
    ],
  },
];
