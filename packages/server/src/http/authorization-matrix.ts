// The authorization matrix of #11: every API route × every principal, each with the exact answer expected.
// authorization-matrix.medium.test.ts runs it on both engines and fails when a route of the contract has no row.
// An answer is the status, with the error code where there is one ("403 not_yours"): a 2xx says the principal
// got through; a 409 or 400 with a rule's code says it got past the permission check to the rules themselves.

import {
  all,
  answers,
  COORDINATION,
  P,
  PRINCIPALS,
  R,
  SESSION_ONLY,
  WRITE_GUARD,
  type Row,
} from './authorization-principals.js';

export { PRINCIPALS, type Fixture, type Principal } from './authorization-principals.js';
import { PUBLICATION_ROWS, TABLE_MAPPING_ROWS } from './authorization-matrix-publication.js';
import { EVALUATION_ROWS } from './authorization-matrix-evaluations.js';
import { NOTIFICATION_ROWS } from './authorization-matrix-notifications.js';
import { JOB_ROWS } from './authorization-matrix-jobs.js';
import { REVISION_ROWS } from './authorization-matrix-revisions.js';
import { PROPOSAL_ROWS } from './authorization-matrix-proposals.js';
import { GRANT_ROWS } from './authorization-matrix-grants.js';
import { IMPORT_ROWS, TABLE_INTO_PLAN_ROWS } from './authorization-matrix-table-into-plan.js';

// A viewer and a reporter whose grant has ended on an unpublished round's part: the viewer sees the round's
// board but no part's draft; the ended grant sees no unpublished round at all, as the public (a signed-in 403).
const OFF_THE_PART = { viewer: '403 not_yours', expired: '403 forbidden' } as const;

export const MATRIX: Row[] = [
  {
    route: 'GET /api/reference',
    cases: [{ name: '', request: () => ({ method: 'GET', url: '/api/reference' }), expect: all('200') }],
  },
  {
    route: 'GET /api/health',
    cases: [{ name: '', request: () => ({ method: 'GET', url: '/api/health' }), expect: all('200') }],
  },
  {
    route: 'GET /api/auth/session',
    cases: [{ name: '', request: () => ({ method: 'GET', url: '/api/auth/session' }), expect: all('200') }],
  },
  {
    route: 'POST /api/auth/login',
    cases: [
      {
        name: 'a wrong password',
        request: () => ({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: 'matrix-nobody', password: 'not the password' },
        }),
        expect: all('401 invalid_credentials'),
      },
    ],
  },
  {
    route: 'GET /api/auth/sessions',
    cases: [
      {
        name: '',
        request: () => ({ method: 'GET', url: '/api/auth/sessions' }),
        expect: SESSION_ONLY('200'),
      },
    ],
  },
  {
    route: 'DELETE /api/auth/sessions/{id}',
    cases: [
      {
        name: "the admin's spare session",
        request: (f) => ({ method: 'DELETE', url: `/api/auth/sessions/${f.spareSessionId}` }),
        expect: answers('404 session_not_found', {
          ...WRITE_GUARD,
          writeToken: '401 unauthenticated',
          admin: '204',
        }),
      },
    ],
  },
  {
    route: 'POST /api/auth/password',
    cases: [
      {
        name: 'a wrong current password',
        request: () => ({
          method: 'POST',
          url: '/api/auth/password',
          payload: { currentPassword: 'not the password', newPassword: 'a brand new passphrase' },
        }),
        expect: answers('400 wrong_password', { ...WRITE_GUARD, writeToken: '401 unauthenticated' }),
      },
    ],
  },
  {
    route: 'GET /api/auth/tokens',
    cases: [
      { name: '', request: () => ({ method: 'GET', url: '/api/auth/tokens' }), expect: SESSION_ONLY('200') },
    ],
  },
  {
    route: 'POST /api/auth/tokens',
    cases: [
      {
        name: '',
        request: () => ({
          method: 'POST',
          url: '/api/auth/tokens',
          payload: { name: 'matrix', scope: 'read' },
        }),
        expect: answers('201', { ...WRITE_GUARD, writeToken: '401 unauthenticated' }),
      },
    ],
  },
  {
    route: 'DELETE /api/auth/tokens/{id}',
    cases: [
      {
        name: "the admin's spare token",
        request: (f) => ({ method: 'DELETE', url: `/api/auth/tokens/${f.spareTokenId}` }),
        expect: answers('404 token_not_found', {
          ...WRITE_GUARD,
          writeToken: '401 unauthenticated',
          admin: '204',
        }),
      },
    ],
  },
  {
    route: 'GET /api/plans',
    cases: [{ name: '', request: () => ({ method: 'GET', url: '/api/plans' }), expect: all('200') }],
  },
  {
    route: 'GET /api/plans/{slug}',
    cases: [{ name: '', request: (f) => ({ method: 'GET', url: P(f) }), expect: all('200') }],
  },
  {
    route: 'PATCH /api/plans/{slug}',
    cases: [
      {
        name: '',
        request: (f) => ({ method: 'PATCH', url: P(f), payload: { owner: '内閣官房 健康・医療戦略室' } }),
        expect: COORDINATION('200'),
      },
    ],
  },
  {
    route: 'GET /api/portfolio',
    cases: [{ name: '', request: () => ({ method: 'GET', url: '/api/portfolio' }), expect: all('200') }],
  },
  {
    route: 'GET /api/plans/{slug}/dashboard',
    cases: [{ name: '', request: (f) => ({ method: 'GET', url: `${P(f)}/dashboard` }), expect: all('200') }],
  },
  {
    route: 'GET /api/plans/{slug}/measures/{measureId}',
    cases: [
      {
        name: '',
        request: (f) => ({ method: 'GET', url: `${P(f)}/measures/${f.measureId}` }),
        expect: all('200'),
      },
    ],
  },
  {
    route: 'PUT /api/plans/{slug}/kpis/{kpiId}/status-override',
    cases: [
      {
        name: '',
        request: (f) => ({
          method: 'PUT',
          url: `${P(f)}/kpis/${f.kpiId}/status-override`,
          payload: { status: 'moderate', reason: '定義変更のため' },
        }),
        expect: COORDINATION('200'),
      },
    ],
  },
  {
    route: 'DELETE /api/plans/{slug}/kpis/{kpiId}/status-override',
    cases: [
      {
        name: '',
        request: (f) => ({ method: 'DELETE', url: `${P(f)}/kpis/${f.kpiId}/status-override` }),
        expect: COORDINATION('200'),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/rounds',
    cases: [{ name: '', request: (f) => ({ method: 'GET', url: `${P(f)}/rounds` }), expect: all('200') }],
  },
  {
    route: 'POST /api/plans/{slug}/rounds',
    cases: [
      {
        name: '',
        request: (f) => {
          f.dayCounter += 1;
          const day = String(f.dayCounter).padStart(2, '0');
          return {
            method: 'POST',
            url: `${P(f)}/rounds`,
            payload: { title: '臨時', asOfDate: `2030-01-${day}`, measureIds: [f.measureId] },
          };
        },
        expect: COORDINATION('201'),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/rounds/{roundId}',
    cases: [
      {
        name: 'published',
        request: (f) => ({ method: 'GET', url: R(f, f.publishedRoundId) }),
        expect: all('200'),
      },
      {
        name: 'unpublished',
        request: (f) => ({ method: 'GET', url: R(f, f.openRoundId) }),
        expect: answers('200', {
          anonymous: '404 round_not_found',
          expired: '403 forbidden',
          reporterOther: '403 not_yours',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/publish',
    cases: [
      {
        name: 'published',
        request: (f) => ({ method: 'POST', url: `${R(f, f.publishedRoundId)}/publish`, payload: {} }),
        expect: COORDINATION('409 round_published'),
      },
      {
        name: 'unpublished, parts not approved',
        request: (f) => ({ method: 'POST', url: `${R(f, f.openRoundId)}/publish`, payload: {} }),
        expect: COORDINATION('409 parts_not_approved'),
      },
    ],
  },
  {
    route: 'GET /api/me/tasks',
    cases: [
      {
        name: '',
        request: () => ({ method: 'GET', url: '/api/me/tasks' }),
        expect: answers('200', { anonymous: '401 unauthenticated' }),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/rounds/{roundId}/parts/{partId}',
    cases: [
      {
        name: "unpublished, 厚's part",
        request: (f) => ({ method: 'GET', url: `${R(f, f.openRoundId)}/parts/${f.ownPartId}` }),
        expect: answers('200', {
          anonymous: '404 round_not_found',
          ...OFF_THE_PART,
          reporterOther: '403 not_yours',
          expert: '403 not_yours',
        }),
      },
    ],
  },
  {
    route: 'PUT /api/plans/{slug}/rounds/{roundId}/parts/{partId}',
    cases: [
      {
        name: "unpublished, 厚's part, a stale version",
        request: (f) => ({
          method: 'PUT',
          url: `${R(f, f.openRoundId)}/parts/${f.ownPartId}`,
          payload: { version: 0, bullets: ['報告'], actuals: [], phases: [] },
        }),
        expect: answers('409 stale_version', {
          ...WRITE_GUARD,
          ...OFF_THE_PART,
          reporterOther: '403 not_yours',
          expert: '403 not_yours',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/parts/{partId}/submit',
    cases: [
      {
        name: "unpublished, 厚's draft, a stale version",
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/parts/${f.ownPartId}/submit`,
          payload: { version: 0 },
        }),
        expect: answers('409 stale_version', {
          ...WRITE_GUARD,
          ...OFF_THE_PART,
          reporterOther: '403 not_yours',
          expert: '403 not_yours',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/parts/{partId}/return',
    cases: [
      {
        name: "unpublished, 文's submitted part, a stale version",
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/parts/${f.otherPartId}/return`,
          payload: { version: 0, reason: '再確認' },
        }),
        expect: answers('409 stale_version', {
          ...WRITE_GUARD,
          ...OFF_THE_PART,
          reporterOther: '403 not_yours',
          expert: '403 not_yours',
          reporterOwn: '403 not_yours',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/parts/{partId}/approve',
    cases: [
      {
        name: "unpublished, 文's submitted part, a stale version",
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/parts/${f.otherPartId}/approve`,
          payload: { version: 0 },
        }),
        expect: answers('409 stale_version', {
          ...WRITE_GUARD,
          ...OFF_THE_PART,
          reporterOther: '403 not_yours',
          expert: '403 not_yours',
          reporterOwn: '403 not_yours',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/parts/{partId}/comments',
    cases: [
      {
        name: "unpublished, 厚's part",
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/parts/${f.ownPartId}/comments`,
          payload: { body: '確認しました' },
        }),
        expect: answers('201', {
          ...WRITE_GUARD,
          ...OFF_THE_PART,
          reporterOther: '403 not_yours',
          expert: '403 not_yours',
        }),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/rounds/{roundId}/evaluations',
    cases: [
      {
        name: 'published',
        request: (f) => ({ method: 'GET', url: `${R(f, f.publishedRoundId)}/evaluations` }),
        expect: all('200'),
      },
      {
        name: 'unpublished',
        request: (f) => ({ method: 'GET', url: `${R(f, f.openRoundId)}/evaluations` }),
        expect: answers('200', {
          anonymous: '404 round_not_found',
          viewer: '403 forbidden',
          expired: '403 forbidden',
          reporterOther: '403 forbidden',
          reporterOwn: '403 forbidden',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/evaluations',
    cases: [
      {
        name: 'published',
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.publishedRoundId)}/evaluations`,
          payload: { target: { kind: 'plan' }, rating: 'good', comment: '順調' },
        }),
        expect: answers('403 forbidden', {
          ...WRITE_GUARD,
          expert: '409 round_not_open_for_evaluation',
          admin: '409 round_not_open_for_evaluation',
        }),
      },
      {
        name: 'unpublished',
        request: (f, who) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/evaluations`,
          payload: {
            target: { kind: 'sheet', number: PRINCIPALS.indexOf(who) + 1 },
            rating: 'good',
            comment: '順調',
          },
        }),
        expect: answers('403 forbidden', { ...WRITE_GUARD, expert: '201', admin: '201' }),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/measures/{measureId}/round-diff',
    cases: [
      {
        // The sample has one published round, so there is nothing before it to compare with.
        name: 'the only published round',
        request: (f) => ({
          method: 'GET',
          url: `${P(f)}/measures/${f.measureId}/round-diff?to=${f.publishedRoundId}`,
        }),
        expect: all('404 round_not_found'),
      },
      {
        name: 'an unpublished round',
        request: (f) => ({
          method: 'GET',
          url: `${P(f)}/measures/${f.measureId}/round-diff?to=${f.openRoundId}`,
        }),
        expect: all('404 round_not_found'),
      },
    ],
  },
  {
    route: 'GET /api/search',
    cases: [
      {
        name: '',
        request: () => ({ method: 'GET', url: `/api/search?q=${encodeURIComponent('治験')}` }),
        expect: all('200'),
      },
    ],
  },
  ...IMPORT_ROWS,
  ...EVALUATION_ROWS,
  ...TABLE_MAPPING_ROWS,
  ...TABLE_INTO_PLAN_ROWS,
  ...PUBLICATION_ROWS,
  ...NOTIFICATION_ROWS,
  ...JOB_ROWS,
  ...REVISION_ROWS,
  ...PROPOSAL_ROWS,
  ...GRANT_ROWS,
  // Last: signing out ends the caller's own session, which the rows above need.
  {
    route: 'POST /api/auth/logout',
    cases: [
      {
        name: '',
        request: () => ({ method: 'POST', url: '/api/auth/logout' }),
        expect: answers('204', WRITE_GUARD),
      },
    ],
  },
];
