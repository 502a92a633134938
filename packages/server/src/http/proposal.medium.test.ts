import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ErrorBody,
  NotificationList,
  PlanTree,
  Proposal,
  ProposalList,
  RevisionDetail,
  RevisionDraft,
} from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const PEOPLE = {
  coordinator: { login: 'coord-prop', password: 'coordinator passphrase 1', role: 'coordinator' as const },
  mhlw: {
    login: 'mhlw-prop',
    password: 'ministry passphrase one',
    role: 'ministry' as const,
    ministry: '厚',
  },
  mhlw2: {
    login: 'mhlw-prop-2',
    password: 'ministry passphrase two',
    role: 'ministry' as const,
    ministry: '厚',
  },
};

type Measure = PlanTree['sheets'][number]['measures'][number];
type Who = keyof typeof PEOPLE;

describe.each(TEST_DATABASES)("a reporter's proposals (変更提案) on %s", (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const as = {} as Record<Who, Record<string, string>>;
  let own: Measure;
  let others: Measure;
  const plan = `/api/plans/${SLUG}`;
  const call = (who: Who, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: as[who],
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const propose = (who: Who, edits: object[], reason = '実績に合わせて目標を見直す') =>
    call(who, 'POST', `${plan}/proposals`, { reason, edits });
  const retarget = (m: Measure, value: number) => {
    const kpi = m.kpis.find((k) => k.target?.value != null);
    return { op: 'kpi.update', id: kpi?.id, target: { value, period: kpi?.target?.period.label } };
  };
  const auditOf = (id: string) => database.ctx.audit.listForEntity('revision_proposal', id);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    for (const [key, person] of Object.entries(PEOPLE))
      await database.ctx.users.add('system', { ...person, displayName: key });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    for (const [key, person] of Object.entries(PEOPLE))
      as[key as Who] = await signIn(app, person.login, person.password);
    const tree = (await app.inject({ url: plan })).json<PlanTree>();
    const measures = tree.sheets.flatMap((s) => s.measures).filter((m) => !m.isRepost);
    const hasTarget = (m: Measure) => m.kpis.some((k) => k.target?.value != null);
    const mine = measures.find((m) => m.ministries.includes('厚') && hasTarget(m));
    const theirs = measures.find((m) => !m.ministries.includes('厚') && hasTarget(m));
    if (!mine || !theirs)
      throw new Error("the sample lacks a 厚 measure or another ministry's, each with a target");
    [own, others] = [mine, theirs];
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it("refuses another ministry's measure naming the edit, and a bad field by its path; stores nothing", async () => {
    const foreign = await propose('mhlw', [retarget(own, 900), retarget(others, 900)]);
    expect(foreign.statusCode).toBe(403);
    const refusal = foreign.json<ErrorBody>().error;
    expect(refusal).toMatchObject({ code: 'proposal_not_own', details: [{ path: 'edits[1]' }] });
    expect(refusal.details[0]?.message).toContain('not 厚');
    const bad = await propose('mhlw', [{ ...retarget(own, 900), target: { value: 900, period: 'いつか' } }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'invalid_edit', details: [{ path: 'edits[0].target.period' }] },
    });
    const coordinator = await propose('coordinator', [retarget(own, 900)]);
    expect(coordinator.statusCode).toBe(403);
    expect((await call('coordinator', 'GET', `${plan}/proposals`)).json<ProposalList>().proposals).toEqual(
      [],
    );
  });

  it('accepts a proposal into a new draft; adopting it changes the plan, with the changes in words', async () => {
    const sent = await propose('mhlw', [retarget(own, 4321)]);
    expect(sent.statusCode).toBe(201);
    const proposal = sent.json<Proposal>();
    expect(proposal).toMatchObject({ state: 'open', ministry: '厚', authorName: 'mhlw' });
    expect(proposal.changes.map((c) => c.ja)).toEqual([expect.stringMatching(/^目標値 .+ → 4,321/)]);
    // The office hears of it; the coordinator sees it listed, the other 厚 reporter too (its ministry's).
    const notices = (await call('coordinator', 'GET', '/api/notifications')).json<NotificationList>();
    expect(notices.notifications[0]).toMatchObject({ kind: 'proposal.submitted', plan: { slug: SLUG } });
    expect((await call('mhlw2', 'GET', `${plan}/proposals`)).json<ProposalList>().proposals).toHaveLength(1);

    const accepted = await call('coordinator', 'POST', `${plan}/proposals/${proposal.id}/decision`, {
      decision: 'accept',
      note: '採用します',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<Proposal>()).toMatchObject({ state: 'accepted', note: '採用します' });
    const again = await call('coordinator', 'POST', `${plan}/proposals/${proposal.id}/decision`, {
      decision: 'accept',
    });
    expect(again.json()).toMatchObject({ error: { code: 'proposal_decided' } });

    const draft = (await call('coordinator', 'GET', `${plan}/draft`)).json<RevisionDraft>();
    expect(draft.changes.map((c) => c.ja)).toEqual(proposal.changes.map((c) => c.ja));
    const adopted = await call('coordinator', 'POST', `${plan}/draft/adopt`, {
      reason: '令和7年6月 見直し',
      version: draft.version,
    });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json<RevisionDetail>().changes.map((c) => c.ja)).toEqual(
      proposal.changes.map((c) => c.ja),
    );
    const tree = (await app.inject({ url: plan })).json<PlanTree>();
    const kpi = tree.sheets
      .flatMap((s) => s.measures)
      .flatMap((m) => m.kpis)
      .find((k) => k.id === retarget(own, 0).id);
    expect(kpi?.target?.value).toBe(4321);

    const mine = (await call('mhlw', 'GET', '/api/notifications')).json<NotificationList>();
    expect(mine.notifications[0]).toMatchObject({ kind: 'proposal.accepted', reason: '採用します' });
    expect((await auditOf(proposal.id)).map((e) => e.action)).toEqual(['proposal.submit', 'proposal.accept']);
  });

  it('refuses to accept an edit the draft no longer takes (409 naming it), then lets the office decline', async () => {
    const kpiId = retarget(own, 0).id;
    const proposal = (await propose('mhlw', [retarget(own, 5000)])).json<Proposal>();
    await call('coordinator', 'POST', `${plan}/draft`);
    const draft = await call('coordinator', 'POST', `${plan}/draft/edits`, {
      edits: [{ op: 'retire', kind: 'kpi', id: kpiId }],
    });
    expect(draft.statusCode).toBe(200);
    const conflict = await call('coordinator', 'POST', `${plan}/proposals/${proposal.id}/decision`, {
      decision: 'accept',
    });
    expect(conflict.statusCode).toBe(409);
    const clash = conflict.json<ErrorBody>().error;
    expect(clash).toMatchObject({ code: 'proposal_conflict', details: [{ path: 'edits[0].id' }] });
    expect(clash.details[0]?.message).toContain('retired');
    const noNote = await call('coordinator', 'POST', `${plan}/proposals/${proposal.id}/decision`, {
      decision: 'decline',
    });
    expect(noNote.json()).toMatchObject({ error: { code: 'note_required', details: [{ path: 'note' }] } });
    const declined = await call('coordinator', 'POST', `${plan}/proposals/${proposal.id}/decision`, {
      decision: 'decline',
      note: 'KPIを廃止するため',
    });
    expect(declined.json<Proposal>()).toMatchObject({ state: 'declined', note: 'KPIを廃止するため' });
    const mine = (await call('mhlw', 'GET', '/api/notifications')).json<NotificationList>();
    // The clock stands still in tests: notices of the same instant come in any order.
    expect(mine.notifications.find((n) => n.kind === 'proposal.declined')).toMatchObject({
      reason: 'KPIを廃止するため',
    });
    expect((await auditOf(proposal.id)).map((e) => e.action)).toEqual([
      'proposal.submit',
      'proposal.decline',
    ]);
    await app.inject({ method: 'DELETE', url: `${plan}/draft`, headers: as.coordinator });
  });

  it('lets only its author withdraw an open proposal, once', async () => {
    const proposal = (
      await propose('mhlw', [{ op: 'measure.update', id: own.id, title: '名称の見直し' }])
    ).json<Proposal>();
    const byOther = await call('mhlw2', 'POST', `${plan}/proposals/${proposal.id}/withdraw`);
    expect(byOther.statusCode).toBe(403);
    const withdrawn = await call('mhlw', 'POST', `${plan}/proposals/${proposal.id}/withdraw`);
    expect(withdrawn.json<Proposal>()).toMatchObject({ state: 'withdrawn' });
    const twice = await call('mhlw', 'POST', `${plan}/proposals/${proposal.id}/withdraw`);
    expect(twice.json()).toMatchObject({ error: { code: 'proposal_decided' } });
    const late = await call('coordinator', 'POST', `${plan}/proposals/${proposal.id}/decision`, {
      decision: 'accept',
    });
    expect(late.statusCode).toBe(409);
    expect((await auditOf(proposal.id)).map((e) => e.action)).toEqual([
      'proposal.submit',
      'proposal.withdraw',
    ]);
    await expect(database.ctx.audit.verify()).resolves.toMatchObject({ ok: true });
  });
});
