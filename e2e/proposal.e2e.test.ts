import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// A reporter of 厚 proposes a new target for a KPI of its own measure (変更提案); a bad period is refused on its
// field; the coordinator sees the proposal's diff, accepts it into the draft revision and adopts it; the diff of
// the revisions shows 「目標値 … → …」, and the reporter sees its proposal accepted.
const SLUG = 'drug-discovery-2024';
const REASON = '令和7年8月 見直し';

const kotei = useKotei();
const { withPage } = kotei;
const reporter = { login: 'mhlw-propose', password: '' };
const coordinator = { login: 'coord-decide', password: '' };

interface Picked {
  measureId: string;
  kpiName: string;
  target: number;
  unit: string;
}

beforeAll(async () => {
  reporter.password = await kotei.server().addUser(reporter.login, 'ministry', '厚');
  coordinator.password = await kotei.server().addUser(coordinator.login, 'coordinator');
});

describe("a reporter's proposal", () => {
  it('is sent from the measure page, accepted and adopted by the coordinator, and shown in the diff', async () => {
    let picked: Picked | undefined;
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, reporter.login, reporter.password);
      picked = await page.evaluate(async (slug): Promise<Picked> => {
        const tree = (await (await fetch(`/api/plans/${slug}`)).json()) as {
          sheets: {
            measures: {
              id: string;
              ministries: string[];
              isRepost: boolean;
              kpis: { name: string; unit: string; target: { value: number | null } | null }[];
            }[];
          }[];
        };
        for (const m of tree.sheets.flatMap((s) => s.measures)) {
          const kpi = m.kpis.find((k) => typeof k.target?.value === 'number');
          if (!m.isRepost && m.ministries.includes('厚') && kpi)
            return { measureId: m.id, kpiName: kpi.name, target: kpi.target?.value ?? 0, unit: kpi.unit };
        }
        throw new Error("no measure of 厚's with a numeric target");
      }, SLUG);
      const p = picked;
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${p.measureId}`);
      await page.getByText('変更を提案', { exact: true }).click();
      const form = page.getByRole('form', { name: '変更を提案' });
      await form.getByLabel('提案の理由').fill('実績が目標を上回ったため');
      await form
        .getByLabel(new RegExp(`「${p.kpiName.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}」の目標値`))
        .fill(String(p.target + 7));
      // A phase with a period kotei cannot read: refused on that field, nothing stored.
      await form.getByLabel('追加する工程').fill('効果検証');
      const period = form.getByLabel('工程の時期（例: 2026年度）');
      await period.fill('いつか');
      await form.getByRole('button', { name: '提案を送る' }).click();
      await expect.poll(() => period.getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringContaining('いつか'));
      await expectNoAxeViolations(page);
      await form.getByLabel('追加する工程').fill('');
      await period.fill('');
      await form.getByRole('button', { name: '提案を送る' }).click();
      await page.getByText('変更を提案しました。').waitFor();
    });
    const p = picked;
    if (!p) throw new Error('nothing picked');
    const target = (n: number) => `${n.toLocaleString('ja-JP')}${p.unit}`;
    const change = `目標値 ${target(p.target)} → ${target(p.target + 7)}`;

    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      await page.goto(`${baseUrl}/plans/${SLUG}/authoring`);
      const proposals = page.getByRole('region', { name: '変更提案' });
      const item = proposals.locator('[data-state="open"]');
      await item.getByText(change).waitFor();
      await expectNoAxeViolations(page);
      await item.getByRole('button', { name: '採用して見直し案に反映' }).click();
      await page.getByText('提案を採用し、見直し案に反映しました。').waitFor();
      const pending = page.getByRole('region', { name: '未採択の変更' });
      await pending.getByText(change).waitFor();

      // A budget project (該当事業) added to the measure in the same draft: a bad amount is refused on its field.
      const measure = page.locator(`[data-measure-id="${p.measureId}"]`);
      await measure.locator('summary', { hasText: '該当事業を追加' }).click();
      const budget = measure.getByRole('form', { name: '該当事業を追加' });
      await budget.getByLabel('事業名').fill('相談体制整備事業');
      const amount = budget.getByLabel('予算額（億円）');
      await amount.fill('たくさん');
      await budget.getByRole('button', { name: '該当事業を追加' }).click();
      await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
      await amount.fill('30');
      await budget.getByLabel('年度（西暦）').fill('2025');
      await budget.getByRole('button', { name: '該当事業を追加' }).click();
      await pending.getByText('該当事業を追加: 相談体制整備事業（2025年度 当初予算 30億円）').waitFor();
      await expectNoAxeViolations(page);
      await pending.getByLabel('見直しの理由').fill(REASON);
      await pending.getByRole('button', { name: '採択する' }).click();
      await page.getByText('第2版として採択しました。').waitFor();

      await page.goto(`${baseUrl}/plans/${SLUG}/revisions`);
      await page.getByText(REASON).waitFor();
      const diff = page.getByRole('region', { name: '版の比較' });
      await diff.getByText(change).waitFor();
      await diff.getByText('該当事業を追加: 相談体制整備事業（2025年度 当初予算 30億円）').waitFor();
    });

    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, reporter.login, reporter.password);
      await page.goto(`${baseUrl}/plans/${SLUG}/proposals`);
      const item = page.locator('[data-state="accepted"]');
      await item.getByText(change).waitFor();
      expect(await item.innerText()).toContain('採用');
      await expectNoAxeViolations(page);
    });
  });
});
