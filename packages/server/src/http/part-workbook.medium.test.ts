import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanTree, Round, RoundBoard, RoundPart } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const PEOPLE = {
  coordinator: { login: 'coord-suzuki', password: 'coordinator passphrase 1', role: 'coordinator' as const },
  mhlw: {
    login: 'mhlw-sato',
    password: 'ministry passphrase one',
    role: 'ministry' as const,
    ministry: '厚',
  },
  mext: { login: 'mext-ito', password: 'ministry passphrase two', role: 'ministry' as const, ministry: '文' },
};
interface ErrorAnswer {
  error: { code: string; details: { path: string; message: string }[] };
}

describe.each(TEST_DATABASES)("a ministry's part workbook on %s", (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const as: Record<keyof typeof PEOPLE, Record<string, string>> = {} as never;
  let board: RoundBoard;
  let round: Round;
  const partOf = (ministry: string) => {
    const part = board.parts.find((p) => p.ministry === ministry);
    if (!part) throw new Error(`no ${ministry} part`);
    return part;
  };
  const url = (partId: string) => `/api/plans/${SLUG}/rounds/${round.id}/parts/${partId}`;
  const download = async (who: Record<string, string>, partId: string) => {
    const res = await app.inject({ url: `${url(partId)}/workbook`, headers: who });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    return workbook;
  };
  const upload = async (who: Record<string, string>, partId: string, workbook: ExcelJS.Workbook) =>
    app.inject({
      method: 'POST',
      url: `${url(partId)}/workbook`,
      headers: who,
      payload: { contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') },
    });
  const sheet = (workbook: ExcelJS.Workbook, name: string) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`no worksheet ${name}`);
    return ws;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await prepareFirstStart(database.ctx, { loadSample: true });
    for (const [key, person] of Object.entries(PEOPLE))
      await database.ctx.users.add('system', { ...person, displayName: key });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    for (const [key, person] of Object.entries(PEOPLE))
      as[key as keyof typeof PEOPLE] = await signIn(app, person.login, person.password);
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
    if (!measure) throw new Error('the sample has no such measure');
    const res = await app.inject({
      method: 'POST',
      url: `/api/plans/${SLUG}/rounds`,
      headers: as.coordinator,
      payload: {
        title: '2025年12月末',
        asOfDate: '2025-07-10',
        deadline: '2025-08-31',
        measureIds: [measure.id],
      },
    });
    round = res.json<Round>();
    board = (
      await app.inject({ url: `/api/plans/${SLUG}/rounds/${round.id}`, headers: as.coordinator })
    ).json();
  }, 60_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('is downloaded with its measure only, locked cells protected, filled offline and uploaded into the draft', async () => {
    const mine = partOf('厚');
    const workbook = await download(as.mhlw, mine.id);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['報告について', '進捗状況', '実績', '工程']);
    const about = sheet(workbook, '報告について');
    expect(about.getCell('B4').text).toBe(MEASURE);
    expect(about.getCell('B6').text).toBe(mine.id);
    const actuals = sheet(workbook, '実績');
    // The KPI cells are locked and the sheet protected; the value cells are open.
    expect((actuals.getCell('B2').protection as ExcelJS.Protection | undefined)?.locked ?? true).toBe(true);
    expect(actuals.getCell('E2').protection.locked).toBe(false);
    expect((actuals as unknown as { sheetProtection: object | null }).sheetProtection).toBeTruthy();

    sheet(workbook, '進捗状況').getCell('A2').value = '承認要件の見直しを検討会で議論した。';
    actuals.getCell('E2').value = 27_800;
    actuals.getCell('G2').value = '2024年度';
    actuals.getCell('H2').value = '医政局調べ';
    const phases = sheet(workbook, '工程');
    phases.getCell('D2').value = '完了';
    const res = await upload(as.mhlw, mine.id, workbook);
    expect(res.statusCode).toBe(200);
    const part = res.json<RoundPart>();
    expect(part).toMatchObject({
      state: 'draft',
      version: 1,
      bullets: ['承認要件の見直しを検討会で議論した。'],
    });
    expect(part.actuals[0]).toMatchObject({
      value: 27_800,
      sourceNote: '医政局調べ',
      period: { label: '2024年度' },
    });
    // The web form's checks apply: the jump is flagged, and submitting without a note is refused.
    expect(part.actuals[0]?.flags.map((f) => f.code)).toContain('jump');
    expect(part.phases[0]).toMatchObject({ state: 'done' });
    const submit = await app.inject({
      method: 'POST',
      url: `${url(mine.id)}/submit`,
      headers: as.mhlw,
      payload: { version: 1 },
    });
    expect(submit.json<ErrorAnswer>().error.code).toBe('flags_without_note');
    const events = await database.ctx.audit.listForEntity('progress_report', mine.id);
    expect(events.at(-1)?.action).toBe('part.save');

    // The next download holds the draft and its flag; a note written in it lets the part be submitted.
    const again = await download(as.mhlw, mine.id);
    expect(sheet(again, '実績').getCell('E2').value).toBe(27_800);
    expect(sheet(again, '実績').getCell('J2').text).not.toBe('');
    sheet(again, '実績').getCell('I2').value = '集計方法の変更による（延べ件数）';
    expect((await upload(as.mhlw, mine.id, again)).json<RoundPart>()).toMatchObject({
      version: 2,
      unnotedFlags: 0,
    });
  });

  it('refuses a changed locked cell, naming its worksheet and cell, and writes nothing', async () => {
    const mine = partOf('厚');
    const workbook = await download(as.mhlw, mine.id);
    sheet(workbook, '実績').getCell('B2').value = '別の指標';
    sheet(workbook, '工程').getCell('D3').value = 'たぶん完了';
    const res = await upload(as.mhlw, mine.id, workbook);
    expect(res.statusCode).toBe(400);
    const error = res.json<ErrorAnswer>().error;
    expect(error.code).toBe('workbook_invalid');
    expect(error.details.map((d) => d.path)).toEqual(['実績!B2', '工程!D3']);
    const part = (await app.inject({ url: url(mine.id), headers: as.mhlw })).json<RoundPart>();
    expect(part.version).toBe(2);
  });

  it("refuses another ministry's workbook in my part, and another's upload into it", async () => {
    const theirs = await download(as.mext, partOf('文').id);
    const res = await upload(as.mhlw, partOf('厚').id, theirs);
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorAnswer>().error.code).toBe('workbook_wrong_part');
    const mine = await download(as.mhlw, partOf('厚').id);
    expect((await upload(as.mext, partOf('厚').id, mine)).statusCode).toBe(403);
  });

  it('answers a workbook of an older version with 409, and refuses one for a submitted part', async () => {
    const mine = partOf('厚');
    const old = await download(as.mhlw, mine.id);
    const fresh = await download(as.mhlw, mine.id);
    sheet(fresh, '進捗状況').getCell('A3').value = '二つ目の項目';
    expect((await upload(as.mhlw, mine.id, fresh)).statusCode).toBe(200);
    const stale = await upload(as.mhlw, mine.id, old);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorAnswer & { current: RoundPart }>()).toMatchObject({
      error: { code: 'stale_version' },
      current: { version: 3 },
    });
    const submitted = await app.inject({
      method: 'POST',
      url: `${url(mine.id)}/submit`,
      headers: as.mhlw,
      payload: { version: 3 },
    });
    expect(submitted.statusCode).toBe(200);
    const late = await upload(as.mhlw, mine.id, await download(as.mhlw, mine.id));
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorAnswer>().error.code).toBe('part_locked');
  });
});
