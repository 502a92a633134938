// The authorization matrix's rows for reporters' proposals (変更提案, #13): a ministry reporter proposes changes to
// its own measures (another ministry's measure is 403 naming the edit), reads its ministry's proposals, withdraws
// its own; the coordinating office reads them all and decides. Two open proposals of 厚's reporter are made
// before the rows run (Fixture.proposalIds): one to withdraw, one to decline.
import { answers, COORDINATION, P, WRITE_GUARD, type Row } from './authorization-principals.js';

const REFUSED = {
  ...WRITE_GUARD,
  writeToken: '403 forbidden',
  coordinator: '403 forbidden',
  admin: '403 forbidden',
};

export const PROPOSAL_ROWS: Row[] = [
  {
    route: 'GET /api/plans/{slug}/proposals',
    cases: [
      {
        name: '',
        request: (f) => ({ method: 'GET', url: `${P(f)}/proposals` }),
        expect: answers('200', {
          anonymous: '401 unauthenticated',
          viewer: '403 forbidden',
          expired: '403 forbidden',
          expert: '403 forbidden',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/proposals',
    cases: [
      {
        name: "a measure of 厚's",
        request: (f, who) => ({
          method: 'POST',
          url: `${P(f)}/proposals`,
          payload: {
            reason: '実態に合わせて名称を改める',
            edits: [{ op: 'measure.update', id: f.measureId, title: `承認要件の見直し（${who}）` }],
          },
        }),
        expect: answers('403 forbidden', {
          ...REFUSED,
          reporterOther: '403 proposal_not_own',
          reporterOwn: '201',
        }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/proposals/{id}/withdraw',
    cases: [
      {
        name: "厚's reporter's",
        request: (f) => ({ method: 'POST', url: `${P(f)}/proposals/${f.proposalIds.withdraw}/withdraw` }),
        expect: answers('403 forbidden', { ...REFUSED, reporterOwn: '200' }),
      },
    ],
  },
  {
    route: 'POST /api/plans/{slug}/proposals/{id}/decision',
    cases: [
      {
        // The write token declines first; the coordinator and the admin then find it decided.
        name: 'decline',
        request: (f) => ({
          method: 'POST',
          url: `${P(f)}/proposals/${f.proposalIds.decide}/decision`,
          payload: { decision: 'decline', note: '次回の見直しで検討' },
        }),
        expect: {
          ...COORDINATION('409 proposal_decided'),
          writeToken: '200',
        },
      },
    ],
  },
];
