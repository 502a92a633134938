// The authorization matrix's rows for role grants (担当（任期）): only the admin lists, adds and ends them
// (authorization-matrix.ts holds the rest).
import { answers, WRITE_GUARD, type Row } from './authorization-principals.js';

export const GRANT_ROWS: Row[] = [
  {
    route: 'GET /api/admin/grants',
    cases: [
      {
        name: '',
        request: () => ({ method: 'GET', url: '/api/admin/grants' }),
        // The read token is the admin's: reading is what it may do.
        expect: answers('403 forbidden', {
          anonymous: '401 unauthenticated',
          readToken: '200',
          admin: '200',
        }),
      },
    ],
  },
  {
    route: 'POST /api/admin/grants',
    cases: [
      {
        name: 'a viewer grant to the expert from 2030',
        request: () => ({
          method: 'POST',
          url: '/api/admin/grants',
          payload: { login: 'matrix-expert', role: 'viewer', validFrom: '2030-04-01' },
        }),
        expect: answers('403 forbidden', { ...WRITE_GUARD, admin: '201' }),
      },
    ],
  },
  {
    route: 'POST /api/admin/grants/{id}/end',
    cases: [
      {
        name: "the viewer's open grant, ending far ahead",
        request: (f) => ({
          method: 'POST',
          url: `/api/admin/grants/${f.viewerGrantId}/end`,
          payload: { lastDay: '2099-12-31' },
        }),
        expect: answers('403 forbidden', { ...WRITE_GUARD, admin: '200' }),
      },
      {
        name: 'the expired grant, which has ended already',
        request: (f) => ({
          method: 'POST',
          url: `/api/admin/grants/${f.expiredGrantId}/end`,
          payload: { lastDay: '2025-07-14' },
        }),
        expect: answers('403 forbidden', { ...WRITE_GUARD, admin: '409 grant_ended' }),
      },
    ],
  },
];
