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

/** Save, submit and approve every part of a round on the ministries' behalf, then publish it. */
export async function publishWholeRound(
  app: FastifyInstance,
  headers: Record<string, string>,
  slug: string,
  roundId: string,
): Promise<Round> {
  const base = `/api/plans/${slug}/rounds/${roundId}`;
  const board = await expectOk<RoundBoard>(app.inject({ url: base, headers }), 'read the board');
  for (const part of board.parts) {
    const url = `${base}/parts/${part.id}`;
    const saved = await expectOk<RoundPart>(
      app.inject({
        method: 'PUT',
        url,
        headers,
        payload: { version: part.version, bullets: ['報告'], actuals: [], phases: [] },
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
  return expectOk<Round>(
    app.inject({ method: 'POST', url: `${base}/publish`, headers, payload: {} }),
    'publish',
  );
}
