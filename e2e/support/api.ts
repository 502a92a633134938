import type { Page } from 'playwright-core';

/**
 * Calls the API from inside the page, as the signed-in user of its session (the CSRF token read first), for the
 * set-up a test needs but does not test: opening a round, taking its parts to publication.
 */
export async function callApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string | null };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, text: await res.text() };
    },
    { method, path, body },
  );
  if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${result.text}`);
  return JSON.parse(result.text) as T;
}

interface Part {
  id: string;
  version: number;
}

/** Open a round on the named measures (a coordinator's session). */
export async function openRound(
  page: Page,
  slug: string,
  asOfDate: string,
  measureIds: string[],
): Promise<string> {
  const round = await callApi<{ id: string }>(page, 'POST', `/api/plans/${slug}/rounds`, {
    title: `${asOfDate}時点フォローアップ`,
    asOfDate,
    measureIds,
  });
  return round.id;
}

/** Save, submit and approve one part on its ministry's behalf (a coordinator's session). */
export async function approveOnBehalf(page: Page, partUrl: string, version: number): Promise<void> {
  const saved = await callApi<Part>(page, 'PUT', partUrl, {
    version,
    bullets: ['報告'],
    actuals: [],
    phases: [],
  });
  await callApi(page, 'POST', `${partUrl}/submit`, { version: saved.version });
  await callApi(page, 'POST', `${partUrl}/approve`, { version: saved.version + 1 });
}

/** Save, submit and approve every part of a round on the ministries' behalf, then publish it. */
export async function publishWholeRound(page: Page, slug: string, roundId: string): Promise<void> {
  const base = `/api/plans/${slug}/rounds/${roundId}`;
  const board = await callApi<{ parts: Part[] }>(page, 'GET', base);
  for (const part of board.parts) await approveOnBehalf(page, `${base}/parts/${part.id}`, part.version);
  await callApi(page, 'POST', `${base}/publish`, {});
}
