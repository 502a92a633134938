import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { callApi } from './support/api.js';
import { signIn } from './support/auth.js';
import { ARTIFACTS, expectNoAxeViolations, saveScreenshot } from './support/page.js';
import { useKotei } from './support/fixture.js';

// Originally adopted vs current targets (当初目標, #13) on the dashboard: a coordinator raises an outcome target
// and a measure's KPI target in a revision and adopts it; the dashboard's outcome chart draws the hollow ◇ of the
// original target apart from the current target, with a legend entry and in its text alternative, the words say
// the old value, the measure page draws both targets, and axe finds nothing with the originals shown.
const SLUG = 'drug-discovery-2024';
const REASON = '令和7年9月 見直し（当初目標の表示）';

const kotei = useKotei();
const { withPage } = kotei;
const coordinator = { login: 'coord-origins', password: '' };

beforeAll(async () => {
  coordinator.password = await kotei.server().addUser(coordinator.login, 'coordinator');
});

interface Target {
  value: number | null;
  period: { label: string; fiscalYear: number | null };
}
interface Structure {
  measures: { id: string; retired: boolean }[];
  kpis: { id: string; measureId: string | null; unit: string; target: Target | null }[];
}
interface Dashboard {
  goals: { outcomes: { kpi: { id: string; name: string }; path: { year: number; value: number }[] }[] }[];
}

/**
 * The x and y of a dot drawn by Observable Plot: a circle at cx, cy, or a symbol's path placed by
 * `transform="translate(x,y)"`.
 */
async function placeOf(mark: Locator): Promise<[number, number]> {
  const cx = await mark.getAttribute('cx');
  if (cx !== null) return [Number(cx), Number(await mark.getAttribute('cy'))];
  const transform = (await mark.getAttribute('transform')) ?? '';
  const match = /translate\(\s*([-\d.]+)[ ,]+([-\d.]+)\s*\)/.exec(transform);
  if (!match) throw new Error(`no position in "${transform}"`);
  return [Number(match[1]), Number(match[2])];
}

describe('当初目標 on the dashboard and the measure page', () => {
  it('draws the original outcome target apart from the current one, says it, and passes axe', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      const dashboard = await callApi<Dashboard>(page, 'GET', `/api/plans/${SLUG}/dashboard`);
      const draft = await callApi<{ structure: Structure; version: number }>(
        page,
        'POST',
        `/api/plans/${SLUG}/draft`,
        {},
      );
      const s = draft.structure;
      const charted = new Set(
        dashboard.goals.flatMap((g) => g.outcomes.filter((o) => o.path.length > 1).map((o) => o.kpi.id)),
      );
      const hasYearTarget = (k: Structure['kpis'][number]) =>
        k.target?.value != null && k.target.period.fiscalYear !== null;
      const outcome = s.kpis.find((k) => k.measureId === null && charted.has(k.id) && hasYearTarget(k));
      const live = new Set(s.measures.filter((m) => !m.retired).map((m) => m.id));
      const kpi = s.kpis.find(
        (k) => k.measureId !== null && live.has(k.measureId) && k.target?.value != null,
      );
      if (!outcome?.target?.value || !kpi?.target?.value)
        throw new Error('no outcome target and KPI to revise');
      const [outcomeOld, kpiOld] = [outcome.target.value, kpi.target.value];
      const [outcomeNew, kpiNew] = [outcomeOld * 2, kpiOld + 50];
      await callApi(page, 'POST', `/api/plans/${SLUG}/draft/edits`, {
        version: draft.version,
        edits: [
          {
            op: 'kpi.update',
            id: outcome.id,
            target: { value: outcomeNew, period: outcome.target.period.label },
          },
          { op: 'kpi.update', id: kpi.id, target: { value: kpiNew, period: kpi.target.period.label } },
        ],
      });
      await callApi(page, 'POST', `/api/plans/${SLUG}/draft/adopt`, {
        reason: REASON,
        version: draft.version + 1,
      });
      const value = (n: number, unit: string) => `${n.toLocaleString('ja-JP')}${unit}`;
      const said = `当初目標: ${value(outcomeOld, outcome.unit)}（${outcome.target.period.label}）`;

      // The dashboard: the outcome's words, its chart (◇ apart from the current target) and its legend.
      await page.goto(`${baseUrl}/plans/${SLUG}/dashboard`);
      const item = page.locator(`.dashboard-outcome[data-kpi-id="${outcome.id}"]`);
      const words = item.locator(`[data-original-target="${outcome.id}"]`);
      await words.waitFor();
      expect(await words.innerText()).toContain(said);
      expect(await item.locator('.dashboard-outcome__figures').innerText()).toContain(
        value(outcomeNew, outcome.unit),
      );
      const diamond = item.locator('svg g.outcome-chart__original path');
      await diamond.waitFor({ state: 'attached' });
      expect(await diamond.count()).toBe(1);
      const pathDots = item.locator('svg g.outcome-chart__path').locator('circle, path');
      expect(await pathDots.count()).toBeGreaterThan(1);
      const current = await placeOf(pathDots.nth((await pathDots.count()) - 1));
      const original = await placeOf(diamond);
      expect(original).not.toEqual(current);
      // Twice the target is drawn higher than the original: the ◇ is below the current target's dot.
      expect(original[1]).toBeGreaterThan(current[1]);
      expect(await item.locator('svg').getByText('当初目標', { exact: true }).count()).toBe(1);
      expect(await item.locator('[data-legend="original"]').innerText()).toContain('◇ 当初目標');
      // The text alternative: the chart's name and its caption say the original target with its value.
      expect(await item.locator('svg[role="img"]').getAttribute('aria-label')).toContain(said);
      expect(await item.locator('figcaption').textContent()).toContain(said);
      await item.scrollIntoViewIfNeeded();
      await item.screenshot({ path: `${ARTIFACTS}dashboard-original-target-ja.png` });
      await saveScreenshot(page, 'dashboard-originals-ja.png');
      await expectNoAxeViolations(page);

      // The measure page: the KPI's original and current targets both drawn, and said.
      const measureId = kpi.measureId ?? '';
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${measureId}`);
      const targets = page.locator(`[data-original-target="${kpi.id}"]`);
      await targets.waitFor();
      const text = await targets.innerText();
      expect(text).toContain(`当初目標（第1版）: ${value(kpiOld, kpi.unit)}`);
      expect(text).toContain(`→ 現在: ${value(kpiNew, kpi.unit)}`);
      const originalLine = targets.locator('.original-target-chart__original line');
      const currentLine = targets.locator('.original-target-chart__current line');
      expect(await originalLine.count()).toBe(1);
      expect(await currentLine.count()).toBe(1);
      expect(await originalLine.getAttribute('x1')).not.toBe(await currentLine.getAttribute('x1'));
      await expectNoAxeViolations(page);
    });
  });
});
