// The authorization matrix's rows for notices, reminders and the admin's outgoing webhook
// (authorization-matrix.ts holds the rest).
import { answers, COORDINATION, R, WRITE_GUARD, type Row } from './authorization-principals.js';

// What only the admin may do: the admin's read token reads too, everyone else signed in is refused.
const ADMIN_READ = answers('403 forbidden', {
  anonymous: '401 unauthenticated',
  readToken: '200',
  admin: '200',
});
const ADMIN_WRITE = (answer: string) => answers('403 forbidden', { ...WRITE_GUARD, admin: answer });
const NO_DELIVERY = '00000000-0000-4000-8000-000000000000';

export const NOTIFICATION_ROWS: Row[] = [
  {
    route: 'GET /api/notifications',
    cases: [
      {
        name: '',
        request: () => ({ method: 'GET', url: '/api/notifications' }),
        expect: answers('200', { anonymous: '401 unauthenticated' }),
      },
    ],
  },
  {
    route: 'POST /api/notifications/read',
    cases: [
      {
        name: 'all of mine',
        request: () => ({ method: 'POST', url: '/api/notifications/read', payload: {} }),
        expect: answers('200', WRITE_GUARD),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/reminders',
    cases: [
      {
        // The first reminds 厚's draft part; the later ones answer 200 naming it too soon (once an hour).
        name: 'unpublished, one part',
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/reminders`,
          payload: { partId: f.ownPartId },
        }),
        expect: COORDINATION('200'),
      },
      {
        name: 'published',
        request: (f) => ({ method: 'POST', url: `${R(f, f.publishedRoundId)}/reminders`, payload: {} }),
        expect: COORDINATION('409 round_not_open'),
      },
    ],
  },
  {
    route: 'GET /api/admin/webhook',
    cases: [{ name: '', request: () => ({ method: 'GET', url: '/api/admin/webhook' }), expect: ADMIN_READ }],
  },
  {
    route: 'PUT /api/admin/webhook',
    cases: [
      {
        // Off, so the rows after it send nothing.
        name: 'set, switched off',
        request: () => ({
          method: 'PUT',
          url: '/api/admin/webhook',
          payload: { url: 'http://127.0.0.1:9/hook', secret: 'matrix secret 0123456789', enabled: false },
        }),
        expect: ADMIN_WRITE('200'),
      },
    ],
  },
  {
    route: 'GET /api/admin/webhook/deliveries',
    cases: [
      {
        name: '',
        request: () => ({ method: 'GET', url: '/api/admin/webhook/deliveries' }),
        expect: ADMIN_READ,
      },
    ],
  },
  {
    route: 'POST /api/admin/webhook/deliveries/{id}/retry',
    cases: [
      {
        name: 'no such delivery',
        request: () => ({ method: 'POST', url: `/api/admin/webhook/deliveries/${NO_DELIVERY}/retry` }),
        expect: ADMIN_WRITE('404 delivery_not_found'),
      },
    ],
  },
];
