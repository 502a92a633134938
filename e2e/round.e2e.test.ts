import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { approveOnBehalf, callApi, openRound } from './support/api.js';
import { expectNoAxeViolations, htmlLang, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

// A whole follow-up round on the sample plan, through the screens: the coordinator opens it, the 厚 and 文
// reporters each report on a measure they share, one part is returned and resubmitted, the round is published.
const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const KPI = '臨床研究中核病院における治験数';
const ROUND = '2025年7月時点フォローアップ';
const MHLW_BULLET = '承認要件の見直しについて検討会で議論を開始した【厚】';
const MEXT_BULLET = '大学病院と連携し臨床研究の支援体制を整備した【文】';
const REASON = '実績値の定義を注記に明記してください';

const kotei = useKotei();
const { withPage } = kotei;
const people = {
  coordinator: { login: 'coord-suzuki', password: '' },
  mhlw: { login: 'mhlw-sato', password: '' },
  mext: { login: 'mext-ito', password: '' },
};
let boardUrl = '';
let phaseId = '';
let secondRoundId = '';

beforeAll(async () => {
  const server = kotei.server();
  people.coordinator.password = await server.addUser(people.coordinator.login, 'coordinator');
  people.mhlw.password = await server.addUser(people.mhlw.login, 'ministry', '厚');
  people.mext.password = await server.addUser(people.mext.login, 'ministry', '文');
});

async function as(page: Page, baseUrl: string, who: keyof typeof people): Promise<void> {
  await signIn(page, baseUrl, people[who].login, people[who].password);
}

/** Opens the caller's part on the measure from "my tasks". */
async function openMyPart(page: Page, baseUrl: string, section: string): Promise<void> {
  await page.goto(`${baseUrl}/tasks`);
  const list = page.getByRole('region', { name: section });
  await list.getByRole('link', { name: MEASURE }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(MEASURE) }).waitFor();
}

/** Waits until every edit is saved (the status says when). */
async function savedStatus(page: Page): Promise<void> {
  await page.locator('[data-save-status="saved"][data-dirty="false"]').waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /保存しました/ })
    .waitFor();
}

/** Writes a bullet, an actual and marks the first phase 完了. */
async function report(page: Page, bullet: string, value: string, note: string | null): Promise<void> {
  await page.getByRole('button', { name: '進捗状況を追加する' }).click();
  await page.getByLabel('進捗状況 1', { exact: true }).fill(bullet);
  await page.getByRole('button', { name: '実績値を追加する' }).click();
  await page.getByLabel('KPI', { exact: true }).selectOption({ label: KPI });
  await page.getByLabel('値', { exact: true }).fill(value);
  await page.getByLabel('期間（例: 2024年度）').fill('2024年度');
  await page.getByLabel('出典').fill('医政局調べ');
  if (note !== null) await page.getByLabel(/^注記/).fill(note);
  await page.getByLabel('工程 1 の状況').selectOption({ label: '完了' });
  await page.getByRole('button', { name: '保存する' }).click();
  await savedStatus(page);
}

function boardRow(page: Page, ministry: string) {
  return page
    .locator('tr[data-part-id]')
    .filter({ hasText: MEASURE })
    .filter({ has: page.getByRole('cell', { name: ministry, exact: true }) });
}

describe('a follow-up round in the browser', () => {
  it('lets the coordinator open a round from the plan page', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      await page.getByRole('link', { name: 'フォローアップ（報告・取りまとめ）' }).click();
      const form = page.getByRole('region', { name: 'フォローアップを開始する' });
      await form.getByRole('button', { name: 'フォローアップを開始する' }).click();
      await form.getByRole('alert').filter({ hasText: '名称と基準日を入力してください。' }).waitFor();
      await expect.poll(() => form.getByLabel(/^名称/).getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);
      await form.getByLabel(/^名称/).fill(ROUND);
      await form.getByLabel('基準日').fill('2025-07-10');
      await form.getByLabel('締切（任意）').fill('2025-08-31');
      await form.getByRole('button', { name: 'フォローアップを開始する' }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(ROUND) }).waitFor();
      boardUrl = new URL(page.url()).pathname;
      expect(await boardRow(page, '厚').count()).toBe(1);
      expect(await boardRow(page, '文').count()).toBe(1);
      await expectNoAxeViolations(page);
    });
  });

  it('offers a stale save back side by side with the version saved meanwhile, and loses neither', async () => {
    await withPage(async (reporter, baseUrl) => {
      await as(reporter, baseUrl, 'mhlw');
      await openMyPart(reporter, baseUrl, '作成・確認が必要なもの');
      const partUrl = new URL(reporter.url()).pathname;
      await withPage(async (coordinator) => {
        await as(coordinator, baseUrl, 'coordinator');
        await coordinator.goto(`${baseUrl}${partUrl}`);
        await coordinator.getByRole('button', { name: '進捗状況を追加する' }).click();
        await coordinator.getByLabel('進捗状況 1', { exact: true }).fill('取りまとめ側の追記');
        await coordinator.getByRole('button', { name: '保存する' }).click();
        await savedStatus(coordinator);
      });
      // The reporter's page still holds version 0: its draft saves itself, gets 409 and shows both.
      await reporter.getByRole('button', { name: '進捗状況を追加する' }).click();
      await reporter.getByLabel('進捗状況 1', { exact: true }).fill('報告者の文案');
      const conflict = reporter.getByRole('region', { name: '他の人がこの報告を先に保存しました' });
      await conflict.waitFor();
      expect(await conflict.getByRole('region', { name: 'あなたの入力' }).innerText()).toContain(
        '報告者の文案',
      );
      expect(await conflict.getByRole('region', { name: '保存済みの内容' }).innerText()).toContain(
        '取りまとめ側の追記',
      );
      await expectNoAxeViolations(reporter);
      await saveScreenshot(reporter, 'round-part-conflict.png');
      await conflict.getByRole('button', { name: '保存済みの内容に自分の入力を重ねて編集を続ける' }).click();
      expect(await reporter.getByLabel('進捗状況 1', { exact: true }).inputValue()).toBe('報告者の文案');
      expect(await reporter.getByLabel('進捗状況 2', { exact: true }).inputValue()).toBe(
        '取りまとめ側の追記',
      );
      await reporter.getByRole('button', { name: '保存する' }).click();
      await savedStatus(reporter);
      // Both are kept on the server; the test's own report starts from an empty part again.
      const saved = await callApi<{ bullets: string[] }>(reporter, 'GET', `/api${partUrl}`);
      expect(saved.bullets).toEqual(['報告者の文案', '取りまとめ側の追記']);
      await reporter.getByRole('button', { name: '進捗状況 2 を削除する' }).click();
      await reporter.getByRole('button', { name: '進捗状況 1 を削除する' }).click();
      await reporter.getByRole('button', { name: '保存する' }).click();
      await savedStatus(reporter);
    });
  });

  it('flags an actual 100 times the last value and refuses to submit it until a note is written', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'mhlw');
      await openMyPart(page, baseUrl, '作成・確認が必要なもの');
      await report(page, MHLW_BULLET, '27800', null);
      const note = page.getByLabel(/^注記/);
      await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.round-flags').innerText()).toMatch(/要確認/);
      await page.getByRole('button', { name: '提出する' }).click();
      await page.getByRole('alert').filter({ hasText: '注記がないため提出できません' }).waitFor();
      await expectNoAxeViolations(page);
      await saveScreenshot(page, 'round-part-flagged.png');
      // A unit other than the KPI's is flagged as well, naming both units, on the unit field.
      const unit = page.getByLabel(/^単位/);
      await unit.fill('%');
      await page.getByRole('button', { name: '保存する' }).click();
      await savedStatus(page);
      const unitFlag = page
        .locator('.round-flags li')
        .filter({ hasText: /単位「%」はこのKPIの単位「件」と異なります/ });
      await unitFlag.waitFor();
      const flagsId = await page.locator('.round-flags').getAttribute('id');
      expect((await unit.getAttribute('aria-describedby'))?.split(' ')).toContain(flagsId);
      await unit.fill('');
      await page.getByRole('button', { name: '保存する' }).click();
      await savedStatus(page);
      expect(await unitFlag.count()).toBe(0);
      await note.fill('集計方法の変更による（延べ件数）');
      await page.getByRole('button', { name: '提出する' }).click();
      await page.getByRole('status').filter({ hasText: '報告を提出しました。' }).waitFor();
      expect(await page.locator('[data-part-state]').innerText()).toBe('提出済み');
      phaseId = (await page.locator('[data-phase-id]').first().getAttribute('data-phase-id')) ?? '';
    });
  });

  it('lets the 文 reporter report on the same measure', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'mext');
      await openMyPart(page, baseUrl, '作成・確認が必要なもの');
      await page.getByRole('button', { name: '実績値を追加する' }).click();
      await page.getByLabel('KPI', { exact: true }).selectOption({ label: KPI });
      const last = /前回の実績値: ([\d,.]+)/.exec(await page.locator('.form__hint').first().innerText());
      await page.getByRole('button', { name: '実績値 1 を削除する' }).click();
      await report(page, MEXT_BULLET, (last?.[1] ?? '1').replaceAll(',', ''), '大学病院の集計による');
      await page.getByRole('button', { name: '提出する' }).click();
      await page.getByRole('status').filter({ hasText: '報告を提出しました。' }).waitFor();
    });
  });

  it('shows the flags on the board; the coordinator returns one part with a reason and approves the other', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}${boardUrl}`);
      await boardRow(page, '厚').waitFor();
      expect(await boardRow(page, '厚').locator('[data-flags]').innerText()).toBe('1件（注記なし 0件）');
      await boardRow(page, '厚').getByRole('link').click();
      await page.getByRole('button', { name: '差し戻す' }).click();
      await expect.poll(() => page.getByLabel('差戻しの理由').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('差戻しの理由').fill(REASON);
      await page.getByRole('button', { name: '差し戻す' }).click();
      await page.getByRole('status').filter({ hasText: '報告を差し戻しました。' }).waitFor();
      await expectNoAxeViolations(page);

      await page.goto(`${baseUrl}${boardUrl}`);
      await boardRow(page, '文').getByRole('link').click();
      await page.getByRole('button', { name: '承認する' }).click();
      await page.getByRole('status').filter({ hasText: '報告を承認しました。' }).waitFor();
    });
  });

  it('lists the returned part with its reason to the 厚 reporter, who resubmits it', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'mhlw');
      await page.goto(`${baseUrl}/tasks`);
      const returned = page.getByRole('region', { name: '差し戻されたもの' });
      await returned.getByText(`差戻しの理由: ${REASON}`).waitFor();
      await expectNoAxeViolations(page);
      await openMyPart(page, baseUrl, '差し戻されたもの');
      await page.getByLabel(/^注記/).fill('集計方法の変更による（延べ件数、医政局調べ）');
      await page.getByRole('button', { name: '提出する' }).click();
      await page.getByRole('status').filter({ hasText: '報告を提出しました。' }).waitFor();
      // The thread: a comment to the coordinator, shown as text (markup in it stays inert).
      const comment = '<img src=x onerror=alert(1)> 注記に定義を追記しました';
      await page.getByRole('textbox', { name: 'コメント', exact: true }).fill(comment);
      await page.getByRole('button', { name: 'コメントを送る' }).click();
      await page.getByRole('status').filter({ hasText: 'コメントを送りました。' }).waitFor();
      expect(await page.locator('.round-thread__body').last().innerText()).toBe(comment);
      expect(await page.locator('.round-thread img').count()).toBe(0);
    });
  });

  it('publishes only once every part is approved, then the public pages show the new progress', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}${boardUrl}`);
      await boardRow(page, '厚').getByRole('link').click();
      await page.getByRole('button', { name: '承認する' }).click();
      await page.getByRole('status').filter({ hasText: '報告を承認しました。' }).waitFor();

      await page.goto(`${baseUrl}${boardUrl}`);
      await page.getByRole('button', { name: '公表する', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: '承認されていない報告があるため' }).waitFor();
      await expectNoAxeViolations(page);

      // The other measures' parts, which this test does not write, are approved through the API.
      const api = `/api${boardUrl}`;
      const board = await callApi<{ parts: { id: string; version: number; state: string }[] }>(
        page,
        'GET',
        api,
      );
      for (const part of board.parts.filter((p) => p.state !== 'approved'))
        await approveOnBehalf(page, `${api}/parts/${part.id}`, part.version);
      await page.reload();
      await page.getByRole('button', { name: '公表する', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'フォローアップを公表しました。' }).waitFor();
      await page.locator('[data-round-state="published"]').waitFor();
    });
    await withPage(async (page, baseUrl) => {
      const plan = await callApiAnonymous(page, baseUrl);
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${plan.measureId}`);
      await page.getByText(MHLW_BULLET).first().waitFor();
      await page.getByText(MEXT_BULLET).first().waitFor();
      // The diff against the seed's own round (2025年6月末): both new bullets added, the phase now 完了.
      const diff = page.getByRole('region', { name: '前回のフォローアップとの比較' });
      await diff.waitFor();
      expect(await diff.innerText()).toContain('2025年6月30日');
      const added = diff.locator('li[data-change="added"]');
      expect(await added.filter({ hasText: MHLW_BULLET }).count()).toBe(1);
      expect(await added.filter({ hasText: MEXT_BULLET }).count()).toBe(1);
      const phase = diff.locator(`li[data-phase="${phaseId}"]`);
      expect(
        await phase
          .locator('[data-status]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))),
      ).toEqual(['unreported', 'done']);
      await expectNoAxeViolations(page);
      await page.goto(`${baseUrl}/plans/${SLUG}/sheets/${plan.sheet}/timeline`);
      const details = page.locator('details.timeline-table');
      await details.first().locator('summary').click();
      const row = page.locator(`tr[data-phase-id="${phaseId}"]`);
      await row.waitFor();
      expect(await row.innerText()).toContain('完了');
    });
  });

  it('shows a published part read-only; a new part is written by keyboard and saves itself, on a 360px screen', async () => {
    await withPage(
      async (page, baseUrl) => {
        await as(page, baseUrl, 'coordinator');
        const plan = await callApiAnonymous(page, baseUrl);
        const roundId = await openRound(page, SLUG, '2025-07-14', [plan.measureId]);
        secondRoundId = roundId;
        await as(page, baseUrl, 'mhlw');
        await page.goto(`${baseUrl}${boardUrl}`);
        await boardRow(page, '厚').getByRole('link').click();
        await page.getByText('この報告は閲覧のみできます。').waitFor();
        expect(await page.getByLabel('進捗状況 1', { exact: true }).isDisabled()).toBe(true);
        expect(await page.getByRole('button', { name: '提出する' }).count()).toBe(0);

        await page.goto(`${baseUrl}/plans/${SLUG}/rounds/${roundId}`);
        await boardRow(page, '厚').getByRole('link').click();
        await page.getByRole('button', { name: '進捗状況を追加する' }).focus();
        await page.keyboard.press('Enter');
        const bullet = page.getByLabel('進捗状況 1', { exact: true });
        await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
        expect(await bullet.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.type('キーボードだけで書いた進捗');
        // No Save pressed: the draft saves itself once typing pauses.
        await savedStatus(page);
        await page.getByRole('button', { name: '実績値を追加する' }).focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
        expect(
          await page.getByLabel('KPI', { exact: true }).evaluate((el) => el === document.activeElement),
        ).toBe(true);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page);
        await saveScreenshot(page, 'round-part-360.png');
      },
      { width: 360, height: 800 },
    );
  });

  it('schedules a publication at a set time (embargo) once every part is approved', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      const api = `/api/plans/${SLUG}/rounds/${secondRoundId}`;
      const board = await callApi<{ parts: { id: string; version: number }[] }>(page, 'GET', api);
      for (const part of board.parts) await approveOnBehalf(page, `${api}/parts/${part.id}`, part.version);
      await page.goto(`${baseUrl}/plans/${SLUG}/rounds/${secondRoundId}`);
      await page.getByRole('radio', { name: '日時を指定して公表する（解禁日時）' }).check();
      await page.getByRole('button', { name: '公表する', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: '公表日時を入力してください。' }).waitFor();
      await expect
        .poll(() => page.getByLabel('公表日時（日本時間）').getAttribute('aria-invalid'))
        .toBe('true');
      await page.getByLabel('公表日時（日本時間）').fill('2025-07-20T09:00');
      await page.getByRole('button', { name: '公表する', exact: true }).click();
      await page.getByRole('status').filter({ hasText: '公表日時を設定しました' }).waitFor();
      await page.locator('[data-round-state="closed"]').waitFor();
      expect(await page.getByText('2025/07/20 9:00').count()).toBe(1);
      await expectNoAxeViolations(page);
    });
  });

  it('reads the board, a part, my tasks and the rounds in English without axe violations', async () => {
    await withPage(async (page, baseUrl) => {
      await as(page, baseUrl, 'coordinator');
      await page.goto(`${baseUrl}${boardUrl}?lang=en`);
      await page.getByRole('table', { name: 'Parts by measure and ministry' }).waitFor();
      expect(await htmlLang(page)).toBe('en');
      await boardRow(page, '厚').getByRole('link').click();
      await page.getByRole('group', { name: 'KPI actuals' }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'My tasks' }).click();
      await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
      await page.getByRole('region', { name: 'To write or review' }).waitFor();
      await expectNoAxeViolations(page);
      await page.goto(`${baseUrl}/plans/${SLUG}/rounds?lang=en`);
      await page.getByRole('link', { name: ROUND }).waitFor();
      expect(await page.getByRole('link', { name: ROUND }).locator('xpath=..').innerText()).toContain(
        'Published',
      );
      await page.getByRole('region', { name: 'Open a follow-up round' }).waitFor();
      await expectNoAxeViolations(page);
    });
  });
});

async function callApiAnonymous(page: Page, baseUrl: string): Promise<{ measureId: string; sheet: number }> {
  await page.goto(`${baseUrl}/`);
  const tree = await callApi<{ sheets: { number: number; measures: { id: string; title: string }[] }[] }>(
    page,
    'GET',
    `/api/plans/${SLUG}`,
  );
  for (const sheet of tree.sheets) {
    const measure = sheet.measures.find((m) => m.title === MEASURE);
    if (measure) return { measureId: measure.id, sheet: sheet.number };
  }
  throw new Error('the sample has no such measure');
}
