import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// The authoring forms for the edits the web lacked (#13), on the sample plan: a strategic goal added (refused
// first on its empty title) with an outcome target whose target is then raised, a measure renamed and moved up in its sheet, two KPIs of
// the same unit merged; each change listed as pending, then adopted.
const SLUG = 'drug-discovery-2024';
const GOAL = '創薬エコシステムの国際競争力強化';
const TARGET = '国際共同治験の件数';
const RENAMED = '創薬スタートアップへの伴走支援の強化';

const kotei = useKotei();
const { withPage } = kotei;
const coordinator = { login: 'coord-forms', password: '' };

beforeAll(async () => {
  coordinator.password = await kotei.server().addUser(coordinator.login, 'coordinator');
});

interface Picked {
  measureId: string;
  title: string;
  kpiId: string;
  kpiName: string;
  intoId: string;
  intoName: string;
  phaseId: string;
}

/** Unfolds a form under `scope` by its summary and returns the form. */
async function openForm(scope: Locator, name: string): Promise<Locator> {
  await scope.locator('summary', { hasText: name }).first().click();
  return scope.getByRole('form', { name }).first();
}

/** Does something that posts one edit and resolves to the answer's status. */
async function posted(page: Page, act: () => Promise<void>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/draft/edits')),
    act(),
  ]);
  return response.status();
}

describe('the authoring forms', () => {
  it('adds a goal with an outcome target, renames and moves a measure, merges two KPIs, and adopts', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      await page.goto(`${baseUrl}/plans/${SLUG}/authoring`);
      await page.getByRole('button', { name: '見直し案を作成' }).click();
      await page.getByText('第1版をもとにした案（版 0）').waitFor();

      // The second measure of a sheet with several, and two live KPIs of one unit.
      const picked = await page.evaluate(async (slug): Promise<Picked> => {
        type Node = { id: string; order: number; retired: boolean };
        const draft = (await (await fetch(`/api/plans/${slug}/draft`)).json()) as {
          structure: {
            measures: (Node & { sheetId: string; title: string })[];
            kpis: (Node & { name: string; unit: string })[];
            phases: Node[];
          };
        };
        const s = draft.structure;
        const measures = s.measures.filter((m) => !m.retired).sort((a, b) => a.order - b.order);
        const second = measures.find((m, _, all) => all.filter((x) => x.sheetId === m.sheetId)[1] === m);
        const kpis = s.kpis.filter((k) => !k.retired && k.unit !== '');
        const kpi = kpis.find((k) => kpis.some((o) => o.id !== k.id && o.unit === k.unit));
        const into = kpis.find((o) => o.id !== kpi?.id && o.unit === kpi?.unit);
        const phase = s.phases.find((p) => !p.retired);
        if (!second || !kpi || !into || !phase) throw new Error('nothing to edit');
        return {
          measureId: second.id,
          title: second.title,
          kpiId: kpi.id,
          kpiName: kpi.name,
          intoId: into.id,
          intoName: into.name,
          phaseId: phase.id,
        };
      }, SLUG);

      // A goal: its empty title refused on the field, then added; an outcome target under it.
      const goals = page.getByRole('region', { name: '戦略目標' });
      const goalForm = await openForm(goals, '戦略目標を追加');
      expect(await posted(page, () => goalForm.getByRole('button', { name: '戦略目標を追加' }).click())).toBe(
        400,
      );
      const goalTitle = goalForm.getByLabel('戦略目標の名称');
      await expect.poll(() => goalTitle.getAttribute('aria-invalid')).toBe('true');
      expect(await goalForm.getByRole('alert').filter({ hasText: /./u }).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await goalTitle.fill(GOAL);
      expect(await posted(page, () => goalForm.getByRole('button', { name: '戦略目標を追加' }).click())).toBe(
        200,
      );
      const goal = goals.locator('[data-goal-id]', { hasText: GOAL });
      await goal.waitFor();
      const targetForm = await openForm(goal, '成果目標を追加');
      await targetForm.getByLabel('KPIの名称').fill(TARGET);
      await targetForm.getByLabel('単位').fill('件');
      await targetForm.getByLabel('基準値', { exact: true }).fill('40');
      await targetForm.getByLabel('基準値の時期').fill('2023年度');
      await targetForm.getByLabel('目標値（数値）').fill('80');
      await targetForm.getByLabel('目標値の時期').fill('2028年度');
      expect(
        await posted(page, () => targetForm.getByRole('button', { name: '成果目標を追加' }).click()),
      ).toBe(200);
      const target = goal.locator('.authoring-kpi', { hasText: TARGET });
      await target.waitFor();
      await target.getByLabel('目標値').fill('90');
      expect(await posted(page, () => target.getByRole('button', { name: '保存' }).click())).toBe(200);

      // The measure renamed, then moved up in its sheet.
      const measure = page.locator(`[data-measure-id="${picked.measureId}"]`);
      const edit = await openForm(measure, '施策を編集');
      await edit.getByLabel('施策名').fill(RENAMED);
      expect(await posted(page, () => edit.getByRole('button', { name: '施策を編集' }).click())).toBe(200);
      await measure.getByRole('heading', { name: RENAMED }).waitFor();
      const up = measure.getByRole('button', { name: `「${RENAMED}」を上へ` });
      expect(await posted(page, () => up.click())).toBe(200);
      await measure.getByRole('button', { name: `「${RENAMED}」を上へ`, disabled: true }).waitFor();

      // One KPI merged into another of the same unit.
      const kpi = page.locator(`[data-kpi-id="${picked.kpiId}"]`);
      const merge = await openForm(kpi, 'KPIを統合');
      await merge.getByLabel('統合先').selectOption(picked.intoId);
      expect(await posted(page, () => merge.getByRole('button', { name: 'KPIを統合' }).click())).toBe(200);
      await kpi.waitFor({ state: 'detached' });

      // A phase retired by the button beside it (the phase itself is the control that moves it).
      const retirePhase = page.locator(`[data-phase-id="${picked.phaseId}"] + button`);
      expect(await retirePhase.innerText()).toBe('廃止');
      expect(await posted(page, () => retirePhase.click())).toBe(200);
      await page.locator(`[data-phase-id="${picked.phaseId}"]`).waitFor({ state: 'detached' });

      const pending = page.getByRole('region', { name: '未採択の変更' });
      const pendingText = await pending.innerText();
      expect(pendingText).toContain('工程を廃止');
      expect(pendingText).toContain(GOAL);
      expect(pendingText).toContain('戦略目標を追加');
      expect(pendingText).toContain(TARGET);
      expect(pendingText).toContain(`名称を変更 「${picked.title}」→「${RENAMED}」`);
      expect(pendingText).toContain('並び順 2 → 1');
      expect(pendingText).toContain(`KPIを「${picked.intoName}」に統合`);
      await expectNoAxeViolations(page);

      await pending.getByLabel('見直しの理由').fill('令和7年8月 見直し');
      await pending.getByRole('button', { name: '採択する' }).click();
      await page.getByText('第2版として採択しました。').waitFor();

      // The adopted plan: the goal and its target, the measure renamed first in its sheet, the KPI gone.
      const plan = (await (await page.request.get(`${baseUrl}/api/plans/${SLUG}`)).json()) as {
        strategicGoals: {
          title: string;
          outcomes: { id: string; name: string; target: { value: number | null } | null }[];
        }[];
        sheets: { measures: { id: string; title: string; kpis: { id: string }[] }[] }[];
      };
      const sheet = plan.sheets.find((s) => s.measures.some((m) => m.id === picked.measureId));
      expect(sheet?.measures[0]).toMatchObject({ id: picked.measureId, title: RENAMED });
      const outcomes = plan.strategicGoals.flatMap((g) => g.outcomes);
      const kpiIds = [
        ...plan.sheets.flatMap((s) => s.measures).flatMap((m) => m.kpis.map((k) => k.id)),
        ...outcomes.map((k) => k.id),
      ];
      expect(kpiIds).not.toContain(picked.kpiId);
      expect(kpiIds).toContain(picked.intoId);
      const added = plan.strategicGoals.find((g) => g.title === GOAL);
      expect(added?.outcomes.map((k) => [k.name, k.target?.value])).toEqual([[TARGET, 90]]);
    });
    // One long journey of a dozen posted forms: the guard only catches a hang, on a machine others load too.
  }, 300_000);
});
