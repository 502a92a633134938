import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '@kotei/domain';
import type {
  MeasureDetail,
  MeasureRoundDiff,
  PlanTree,
  Round,
  RoundBoard,
  RoundPart,
  SearchResult,
} from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const KPI = '臨床研究中核病院における治験数';
const PEOPLE = {
  coordinator: { login: 'coord-suzuki', password: 'coordinator passphrase 1', role: 'coordinator' as const },
  mhlw: {
    login: 'mhlw-sato',
    password: 'ministry passphrase one',
    role: 'ministry' as const,
    ministry: '厚',
  },
  mext: { login: 'mext-ito', password: 'ministry passphrase two', role: 'ministry' as const, ministry: '文' },
  meti: {
    login: 'meti-kato',
    password: 'ministry passphrase three',
    role: 'ministry' as const,
    ministry: '経',
  },
};

// A clock the test moves, so a scheduled publication (embargo) can come due.
function movableClock(start: string): Clock & { set(at: string): void } {
  let now = new Date(start);
  return { now: () => new Date(now), set: (at) => (now = new Date(at)) };
}

describe.each(TEST_DATABASES)('a follow-up round, reported and published, on %s', (kind) => {
  const clock = movableClock(TEST_NOW);
  let database: TestDatabase;
  let app: FastifyInstance;
  const as: Record<keyof typeof PEOPLE, Record<string, string>> = {} as never;
  let measureId: string;
  let round: Round;
  let board: RoundBoard;
  const partOf = (ministry: string) => {
    const part = board.parts.find((p) => p.ministry === ministry && p.measure.id === measureId);
    if (!part) throw new Error(`no ${ministry} part`);
    return part;
  };
  const base = () => `/api/plans/${SLUG}/rounds/${round.id}`;
  const call = (
    who: Record<string, string> | null,
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: who ?? {},
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind, clock);
    await prepareFirstStart(database.ctx, { loadSample: true });
    for (const [key, person] of Object.entries(PEOPLE)) {
      await database.ctx.users.add('system', { ...person, displayName: key });
    }
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    for (const [key, person] of Object.entries(PEOPLE)) {
      as[key as keyof typeof PEOPLE] = await signIn(app, person.login, person.password);
    }
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
    if (!measure) throw new Error('the sample has no such measure');
    measureId = measure.id;
    // The sample imported, four accounts made and signed in: slow on a shared machine.
  }, 60_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('opens a round with one part per ministry of each measure in scope, hidden from the public', async () => {
    const res = await call(as.coordinator, 'POST', `/api/plans/${SLUG}/rounds`, {
      title: '2025年12月末フォローアップ',
      asOfDate: '2025-07-10',
      deadline: '2025-08-31',
      measureIds: [measureId],
    });
    expect(res.statusCode).toBe(201);
    round = res.json<Round>();
    expect(round).toMatchObject({ state: 'open', publishAt: null, publishedAt: null });

    board = (await call(as.coordinator, 'GET', base())).json<RoundBoard>();
    expect(board.parts.map((p) => p.ministry).sort()).toEqual(['厚', '文']);
    expect(board.counts.not_started).toBe(2);
    expect(board.mayManage).toBe(true);

    // The public: not in the plan, not in the round list, the board is not found.
    expect((await call(null, 'GET', base())).statusCode).toBe(404);
    const rounds = (await call(null, 'GET', `/api/plans/${SLUG}/rounds`)).json<{ rounds: Round[] }>().rounds;
    expect(rounds.map((r) => r.id)).not.toContain(round.id);
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    expect(tree.rounds.map((r) => r.id)).not.toContain(round.id);
    // A reporter sees only its own ministry's parts; a ministry with no part does not see the round at all.
    const mine = (await call(as.mhlw, 'GET', base())).json<RoundBoard>();
    expect(mine.parts.map((p) => p.ministry)).toEqual(['厚']);
    const other = await call(as.meti, 'GET', base());
    expect(other.statusCode).toBe(403);
    const listed = (await call(as.meti, 'GET', `/api/plans/${SLUG}/rounds`)).json<{ rounds: Round[] }>();
    expect(listed.rounds.map((r) => r.id)).not.toContain(round.id);
  });

  it("keeps a part to its own ministry: another ministry's reporter can neither read nor write it", async () => {
    const url = `${base()}/parts/${partOf('厚').id}`;
    expect((await call(as.mext, 'GET', url)).statusCode).toBe(403);
    const put = await call(as.mext, 'PUT', url, { version: 0, bullets: ['x'], actuals: [], phases: [] });
    expect(put.statusCode).toBe(403);
    expect((await call(null, 'GET', url)).statusCode).toBe(404);
  });

  it('flags an actual 100 times the last value or in the wrong unit, and refuses to submit it without a note', async () => {
    const url = `${base()}/parts/${partOf('厚').id}`;
    const part = (await call(as.mhlw, 'GET', url)).json<RoundPart>();
    const kpi = part.kpis.find((k) => k.name === KPI);
    if (!kpi) throw new Error('no KPI');
    const phase = part.schedule[0];
    if (!phase) throw new Error('no phase');
    const saved = await call(as.mhlw, 'PUT', url, {
      version: 0,
      bullets: ['承認要件の見直しについて検討会で議論を開始した【厚】'],
      actuals: [
        { kpiId: kpi.id, value: 27_800, period: '2024年度', sourceNote: '医政局調べ' },
        { kpiId: kpi.id, value: 290, unit: '%', period: 'R6' },
      ],
      phases: [{ phaseId: phase.id, state: 'done', note: '' }],
    });
    expect(saved.statusCode).toBe(200);
    const body = saved.json<RoundPart>();
    expect(body).toMatchObject({ state: 'draft', version: 1, flags: 2, unnotedFlags: 2 });
    expect(body.actuals[0]?.flags.map((f) => f.code)).toContain('jump');
    expect(body.actuals[0]?.period).toMatchObject({
      start: '2024-04-01',
      end: '2025-03-31',
      fiscalYear: 2024,
    });
    expect(body.actuals[1]?.flags.map((f) => f.code)).toContain('unit_mismatch');

    const submit = await call(as.mhlw, 'POST', `${url}/submit`, { version: 1 });
    expect(submit.statusCode).toBe(400);
    const error = submit.json<{ error: { code: string; details: { path: string }[] } }>().error;
    expect(error.code).toBe('flags_without_note');
    expect(error.details.map((d) => d.path)).toEqual(['actuals[0].note', 'actuals[1].note']);

    // The coordinator's board shows the flags.
    board = (await call(as.coordinator, 'GET', base())).json<RoundBoard>();
    expect(partOf('厚')).toMatchObject({ state: 'draft', flags: 2, unnotedFlags: 2 });
  });

  it('gives one of two saves of the same version 409 with the current part, and keeps the winner', async () => {
    const url = `${base()}/parts/${partOf('厚').id}`;
    const draft = (text: string) => ({ version: 1, bullets: [text], actuals: [], phases: [] });
    const [a, b] = await Promise.all([
      call(as.mhlw, 'PUT', url, draft('Aの文案')),
      call(as.coordinator, 'PUT', url, draft('Bの文案')),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
    const conflict = loser.json<{ error: { code: string }; current: RoundPart }>();
    expect(conflict.error.code).toBe('stale_version');
    expect(conflict.current.version).toBe(2);
    expect(conflict.current.bullets).toEqual(winner.json<RoundPart>().bullets);
  });

  it('returns a part with its reason, takes it back resubmitted, approves and locks it', async () => {
    const url = `${base()}/parts/${partOf('厚').id}`;
    let part = (await call(as.mhlw, 'GET', url)).json<RoundPart>();
    const kpi = part.kpis.find((k) => k.name === KPI);
    const saved = await call(as.mhlw, 'PUT', url, {
      version: part.version,
      bullets: ['承認要件の見直しについて検討会で議論を開始した【厚】'],
      actuals: [
        { kpiId: kpi?.id, value: 27_800, period: '2024年度', note: '集計方法の変更による（延べ件数）' },
      ],
      phases: [{ phaseId: part.schedule[0]?.id, state: 'done' }],
    });
    expect(saved.statusCode).toBe(200);
    part = saved.json<RoundPart>();
    expect(part.unnotedFlags).toBe(0);
    expect((await call(as.mhlw, 'POST', `${url}/submit`, { version: part.version })).statusCode).toBe(200);
    expect((await call(as.mhlw, 'POST', `${url}/approve`, { version: part.version + 1 })).statusCode).toBe(
      403,
    );

    const noReason = await call(as.coordinator, 'POST', `${url}/return`, { version: part.version + 1 });
    expect(noReason.json<{ error: { code: string } }>().error.code).toBe('reason_required');
    const returned = await call(as.coordinator, 'POST', `${url}/return`, {
      version: part.version + 1,
      reason: '実績値の定義を注記に明記してください',
    });
    expect(returned.json<RoundPart>()).toMatchObject({
      state: 'returned',
      returnReason: '実績値の定義を注記に明記してください',
    });
    const comment = await call(as.mhlw, 'POST', `${url}/comments`, {
      body: '<img src=x onerror=alert(1)> 追記しました',
    });
    expect(comment.statusCode).toBe(201);

    part = returned.json<RoundPart>();
    expect((await call(as.mhlw, 'POST', `${url}/submit`, { version: part.version })).statusCode).toBe(200);
    const approved = await call(as.coordinator, 'POST', `${url}/approve`, { version: part.version + 1 });
    expect(approved.json<RoundPart>()).toMatchObject({ state: 'approved', mayEdit: false });
    expect(approved.json<RoundPart>().comments.map((c) => c.body)).toEqual([
      '<img src=x onerror=alert(1)> 追記しました',
    ]);
    const locked = await call(as.mhlw, 'PUT', url, {
      version: part.version + 2,
      bullets: ['x'],
      actuals: [],
      phases: [],
    });
    expect(locked.json<{ error: { code: string } }>().error.code).toBe('part_locked');
  });

  it('publishes only when every part is approved; then the public, the plan and search see it', async () => {
    const blocked = await call(as.coordinator, 'POST', `${base()}/publish`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('parts_not_approved');

    const url = `${base()}/parts/${partOf('文').id}`;
    const saved = (
      await call(as.mext, 'PUT', url, {
        version: 0,
        bullets: ['大学病院と連携し支援体制を整備した【文】'],
        actuals: [],
        phases: [],
      })
    ).json<RoundPart>();
    await call(as.mext, 'POST', `${url}/submit`, { version: saved.version });
    expect(
      (await call(as.coordinator, 'POST', `${url}/approve`, { version: saved.version + 1 })).statusCode,
    ).toBe(200);
    expect((await call(as.mhlw, 'POST', `${base()}/publish`, {})).statusCode).toBe(403);

    const published = await call(as.coordinator, 'POST', `${base()}/publish`, {});
    expect(published.statusCode).toBe(200);
    expect(published.json<Round>()).toMatchObject({
      state: 'published',
      publishedAt: new Date(TEST_NOW).toISOString(),
    });

    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    expect(tree.rounds.map((r) => r.id)).toContain(round.id);
    const detail = (
      await app.inject({ url: `/api/plans/${SLUG}/measures/${measureId}` })
    ).json<MeasureDetail>();
    const kpi = detail.measure.kpis.find((k) => k.name === KPI);
    expect(kpi?.actuals.map((a) => a.value)).toContain(27_800);
    // The phase the 厚 part reported 完了 is done from the round's as-of date; the others of the measure, past
    // and not reported on, are 未報告, not 期限超過.
    const reported = (await call(null, 'GET', `${base()}/parts/${partOf('厚').id}`)).json<RoundPart>();
    expect(reported.state).toBe('published');
    const phases = new Map(detail.measure.phases.map((p) => [p.id, p.status]));
    expect(phases.get(reported.phases[0]?.phaseId ?? '')).toBe('done');
    expect([...phases.values()].filter((status) => status === 'overdue')).toEqual([]);
    // The diff against the seed's own round (the one before): the new bullets, the actual, the phase now done.
    const diff = (
      await app.inject({ url: `/api/plans/${SLUG}/measures/${measureId}/round-diff?to=${round.id}` })
    ).json<MeasureRoundDiff>();
    expect(diff.from.asOfDate).toBe('2025-06-30');
    const mhlw = diff.progress.find((p) => p.ministry === '厚');
    expect(mhlw?.bullets.filter((b) => b.kind === 'added').map((b) => b.text)).toEqual([
      '承認要件の見直しについて検討会で議論を開始した【厚】',
    ]);
    expect(diff.progress.find((p) => p.ministry === '文')?.bullets.some((b) => b.kind === 'added')).toBe(
      true,
    );
    expect(diff.actuals.find((a) => a.name === KPI)?.after.map((a) => a.value)).toEqual([27_800]);
    expect(diff.phases).toEqual([
      expect.objectContaining({ phaseId: reported.phases[0]?.phaseId, before: 'unreported', after: 'done' }),
    ]);
    const found = (
      await app.inject({ url: `/api/search?q=${encodeURIComponent('大学病院と連携し支援体制')}` })
    ).json<SearchResult>();
    expect(found.hits.some((h) => h.type === 'progress')).toBe(true);
    // Published is final: no more saves, decisions or comments.
    expect(
      (
        await call(as.mext, 'PUT', url, {
          version: saved.version + 2,
          bullets: ['x'],
          actuals: [],
          phases: [],
        })
      ).statusCode,
    ).toBe(409);
    const events = await database.ctx.audit.listForEntity('follow_up_round', round.id);
    expect(events.map((e) => e.action)).toEqual(['round.create', 'round.publish']);
  });

  it('holds a scheduled publication (embargo) until its time, then publishes it once', async () => {
    const res = await call(as.coordinator, 'POST', `/api/plans/${SLUG}/rounds`, {
      title: '臨時フォローアップ',
      asOfDate: '2025-07-11',
      measureIds: [measureId],
    });
    round = res.json<Round>();
    board = (await call(as.coordinator, 'GET', base())).json<RoundBoard>();
    for (const ministry of ['厚', '文'] as const) {
      const who = ministry === '厚' ? as.mhlw : as.mext;
      const url = `${base()}/parts/${partOf(ministry).id}`;
      await call(who, 'PUT', url, { version: 0, bullets: [`${ministry}の報告`], actuals: [], phases: [] });
      await call(who, 'POST', `${url}/submit`, { version: 1 });
      await call(as.coordinator, 'POST', `${url}/approve`, { version: 2 });
    }
    const at = '2025-07-16T09:00:00+09:00';
    const scheduled = await call(as.coordinator, 'POST', `${base()}/publish`, { at });
    expect(scheduled.json<Round>()).toMatchObject({ state: 'closed', publishAt: '2025-07-16T00:00:00.000Z' });
    expect(await database.ctx.rounds.publishDue('system')).toBe(0);
    expect((await call(null, 'GET', base())).statusCode).toBe(404);

    clock.set('2025-07-16T09:00:01+09:00');
    const [first, second] = await Promise.all([
      database.ctx.rounds.publishDue('system'),
      database.ctx.rounds.publishDue('system'),
    ]);
    expect(first + second).toBe(1);
    expect((await call(null, 'GET', base())).json<RoundBoard>().round).toMatchObject({
      state: 'published',
      publishedAt: '2025-07-16T00:00:00.000Z',
    });
  });
});
