// The authorization matrix's rows for evaluations following the cycle (#13): editing, withdrawing and the history
// of experts' evaluations, the round's overall evaluation and declared conflicts of interest
// (authorization-matrix.ts holds the rest).
import {
  answers,
  COORDINATION,
  P,
  R,
  WRITE_GUARD,
  type Principal,
  type Row,
} from './authorization-principals.js';

// An expert's own evaluation: only its writer gets past the checks (the admin may write evaluations, but not
// another's); everyone else lacks evaluation:write.
const OWN_EVALUATION = (expert: string) =>
  answers('403 forbidden', { ...WRITE_GUARD, expert, admin: '403 not_yours' });
// What the experts and the coordinating office read (a read token is the admin's); not the reporters, not a
// viewer (who reads what is published), not an ended grant.
const PANEL_READ = (others: Partial<Record<Principal, string>>) =>
  answers('200', {
    reporterOther: '403 forbidden',
    reporterOwn: '403 forbidden',
    viewer: '403 forbidden',
    expired: '403 forbidden',
    ...others,
  });

export const EVALUATION_ROWS: Row[] = [
  {
    route: 'GET /api/plans/{slug}/rounds/{roundId}/evaluations/history',
    cases: [
      {
        name: 'published',
        request: (f) => ({ method: 'GET', url: `${R(f, f.evaluatedRoundId)}/evaluations/history` }),
        expect: PANEL_READ({ anonymous: '401 unauthenticated' }),
      },
      {
        name: 'unpublished',
        request: (f) => ({ method: 'GET', url: `${R(f, f.openRoundId)}/evaluations/history` }),
        expect: PANEL_READ({ anonymous: '404 round_not_found' }),
      },
    ],
  },
  {
    route: 'PUT /api/plans/{slug}/rounds/{roundId}/evaluations/{evaluationId}',
    cases: [
      {
        name: "published, the expert's",
        request: (f) => ({
          method: 'PUT',
          url: `${R(f, f.evaluatedRoundId)}/evaluations/${f.publishedEvaluationId}`,
          payload: { version: 1, rating: 'fair', comment: '公表後の修正' },
        }),
        expect: OWN_EVALUATION('409 round_published'),
      },
      {
        name: "unpublished, the expert's, a stale version",
        request: (f) => ({
          method: 'PUT',
          url: `${R(f, f.openRoundId)}/evaluations/${f.evaluationId}`,
          payload: { version: 0, rating: 'fair', comment: '修正' },
        }),
        expect: OWN_EVALUATION('409 stale_version'),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/rounds/{roundId}/evaluations/{evaluationId}/withdraw',
    cases: [
      {
        name: "published, the expert's",
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.evaluatedRoundId)}/evaluations/${f.publishedEvaluationId}/withdraw`,
          payload: { version: 1 },
        }),
        expect: OWN_EVALUATION('409 round_published'),
      },
      {
        name: "unpublished, the expert's, a stale version",
        request: (f) => ({
          method: 'POST',
          url: `${R(f, f.openRoundId)}/evaluations/${f.evaluationId}/withdraw`,
          payload: { version: 0 },
        }),
        expect: OWN_EVALUATION('409 stale_version'),
      },
    ],
  },
  {
    route: 'PUT /api/plans/{slug}/rounds/{roundId}/overall-evaluation',
    cases: [
      {
        name: 'published',
        request: (f) => ({
          method: 'PUT',
          url: `${R(f, f.evaluatedRoundId)}/overall-evaluation`,
          payload: { version: 0, text: '総合評価' },
        }),
        expect: COORDINATION('409 round_published'),
      },
      {
        // A version that never was: the coordinating office gets past the checks to the stale write.
        name: 'unpublished, a stale version',
        request: (f) => ({
          method: 'PUT',
          url: `${R(f, f.openRoundId)}/overall-evaluation`,
          payload: { version: 5, text: '総合評価' },
        }),
        expect: COORDINATION('409 stale_version'),
      },
    ],
  },
  {
    route: 'GET /api/plans/{slug}/conflicts-of-interest',
    cases: [
      {
        name: '',
        request: (f) => ({ method: 'GET', url: `${P(f)}/conflicts-of-interest` }),
        expect: PANEL_READ({ anonymous: '401 unauthenticated' }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/conflicts-of-interest',
    cases: [
      {
        // A sheet none of them has rated (the evaluations row rates sheets 1 to PRINCIPALS.length, one each, and
        // the sample has 12): the expert and the admin (who may write evaluations) each declare it.
        name: 'a sheet nobody rated',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/conflicts-of-interest`,
          payload: { sheet: 12, reason: '当該分野の企業の顧問' },
        }),
        expect: answers('403 forbidden', { ...WRITE_GUARD, expert: '201', admin: '201' }),
      },
    ],
  },
];
