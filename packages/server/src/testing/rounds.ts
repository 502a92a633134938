import type { FastifyInstance } from 'fastify';
import type { Round, RoundBoard, RoundPart } from '@kotei/contracts';

// Test set-up through the API, as a coordinator would do it: open a round on some measures, and take every part
// of a round through save, submit and approve to publication.

async function expectOk<T>(answer: Promise<{ statusCode: number; body: string }>, what: string): Promise<T> {
  const res = await answer;
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** Open a round on the plan's first `measures` measures (by the plan tree's order), as `headers`' coordinator. */
export async function openRound(
  app: FastifyInstance,
  headers: Record<string, string>,
  slug: string,
  options: { asOfDate: string; title?: string; measureIds: string[] },
): Promise<Round> {
  return expectOk<Round>(
    app.inject({
      method: 'POST',
      url: `/api/plans/${slug}/rounds`,
      headers,
      payload: {
        title: options.title ?? `${options.asOfDate}時点`,
        asOfDate: options.asOfDate,
        measureIds: options.measureIds,
      },
    }),
    'open the round',
  );
}

/** What a ministry reports in its part: its progress bullets and its actuals. */
export type PartReport = (part: RoundBoard['parts'][number]) => {
  bullets: string[];
  actuals: { kpiId: string; value: number; period: string; note?: string }[];
};

const PLAIN_REPORT: PartReport = () => ({ bullets: ['報告'], actuals: [] });

/** Save (with what `report` gives for each part), submit and approve every part of a round on the ministries' behalf. */
export async function approveWholeRound(
  app: FastifyInstance,
  headers: Record<string, string>,
  slug: string,
  roundId: string,
  report: PartReport = PLAIN_REPORT,
): Promise<void> {
  const base = `/api/plans/${slug}/rounds/${roundId}`;
  const board = await expectOk<RoundBoard>(app.inject({ url: base, headers }), 'read the board');
  for (const part of board.parts) {
    const url = `${base}/parts/${part.id}`;
    const saved = await expectOk<RoundPart>(
      app.inject({
        method: 'PUT',
        url,
        headers,
        payload: { version: part.version, ...report(part), phases: [] },
      }),
      'save a part',
    );
    await expectOk(
      app.inject({ method: 'POST', url: `${url}/submit`, headers, payload: { version: saved.version } }),
      'submit',
    );
    await expectOk(
      app.inject({ method: 'POST', url: `${url}/approve`, headers, payload: { version: saved.version + 1 } }),
      'approve',
    );
  }
}

/** Save, submit and approve every part of a round on the ministries' behalf, then publish it. */
export async function publishWholeRound(
  app: FastifyInstance,
  headers: Record<string, string>,
  slug: string,
  roundId: string,
  report: PartReport = PLAIN_REPORT,
): Promise<Round> {
  await approveWholeRound(app, headers, slug, roundId, report);
  return expectOk<Round>(
    app.inject({ method: 'POST', url: `/api/plans/${slug}/rounds/${roundId}/publish`, headers, payload: {} }),
    'publish',
  );
}
