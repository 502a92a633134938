// The principals, fixture and answer shorthands of the authorization matrix (authorization-matrix.ts).

/** Who calls: nobody, a read-only token, a viewer, 厚's reporter whose grant ended yesterday (expired), the
 * reporters of another and of the owning ministry, an expert, a write token (the coordinator's), the coordinator
 * and the admin. */
export const PRINCIPALS = [
  'anonymous',
  'readToken',
  'viewer',
  'expired',
  'reporterOther',
  'expert',
  'reporterOwn',
  'writeToken',
  'coordinator',
  'admin',
] as const;
/** Who calls. */
export type Principal = (typeof PRINCIPALS)[number];

/** What the rows' requests are built from: the seed plan with a published round and an open one. */
export interface Fixture {
  slug: string;
  headers: Partial<Record<Principal, Record<string, string>>>;
  measureId: string;
  kpiId: string;
  /** A budget project (該当事業) of the plan. */
  budgetProjectId: string;
  publishedRoundId: string;
  openRoundId: string;
  /** A report render job the coordinator asked for (queued: no worker runs in the matrix). */
  reportJobId: string;
  /** 厚's part of the open round (a saved draft); the own reporter is 厚's. */
  ownPartId: string;
  /** 文's part of the open round, submitted. */
  otherPartId: string;
  /** The expert's evaluation of sheet 1 in the open round (version 1). */
  evaluationId: string;
  /** A second published round, which the expert evaluated before its publication. */
  evaluatedRoundId: string;
  /** The expert's evaluation of sheet 1 in that round. */
  publishedEvaluationId: string;
  spareSessionId: string;
  /** Two open proposals of 厚's reporter on the measure: one its author withdraws, one the office declines. */
  proposalIds: { withdraw: string; decide: string };
  /** The expired reporter's grant (ended yesterday), which the admin may end no further. */
  expiredGrantId: string;
  /** The viewer's open-ended grant, which the matrix's end-grant case ends on a day far ahead. */
  viewerGrantId: string;
  spareTokenId: string;
  adminPassword: string;
  /** The sample document, base64. */
  sample: string;
  dayCounter: number;
}

export interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object;
  headers?: Record<string, string>;
}

export interface Case {
  name: string;
  request: (f: Fixture, who: Principal) => Request | Promise<Request>;
  expect: Record<Principal, string>;
}

/** One route and its cases (published and unpublished rounds are cases of the same route). */
export interface Row {
  route: string;
  cases: Case[];
}

export const P = (f: Fixture) => `/api/plans/${f.slug}`;
export const R = (f: Fixture, roundId: string) => `${P(f)}/rounds/${roundId}`;

// Shorthands for the common answers.
export function all(answer: string): Record<Principal, string> {
  return Object.fromEntries(PRINCIPALS.map((p) => [p, answer])) as Record<Principal, string>;
}
export function answers(
  base: string,
  overrides: Partial<Record<Principal, string>>,
): Record<Principal, string> {
  return { ...all(base), ...overrides };
}

// A write refused before it is read: nobody signed in (401), or a read-only token (403).
export const WRITE_GUARD = { anonymous: '401 unauthenticated', readToken: '403 token_read_only' } as const;
// What only a browser session may do (its own sessions and tokens): a token gets 401, as no session is there.
export const SESSION_ONLY = (answer: string) =>
  answers(answer, {
    anonymous: '401 unauthenticated',
    readToken: '401 unauthenticated',
    writeToken: '401 unauthenticated',
  });
// The coordinating office's writes: the coordinator, the admin and the coordinator's write token get through.
export const COORDINATION = (answer: string) =>
  answers('403 forbidden', { ...WRITE_GUARD, writeToken: answer, coordinator: answer, admin: answer });
