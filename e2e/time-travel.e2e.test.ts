import { beforeAll, describe, expect, it } from 'vitest';
import { callApi } from './support/api.js';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// Time travel and originally adopted vs current (見直し): a revision moves a phase and raises a KPI target; the
// timeline draws both periods, the measure page both targets, ?revision=1 the old target, and the printable annex
// the change.
const SLUG = 'drug-discovery-2024';
const REASON = '令和7年7月 見直し（時点比較）';

const kotei = useKotei();
const { withPage } = kotei;
const coordinator = { login: 'coord-travel', password: '' };

beforeAll(async () => {
  coordinator.password = await kotei.server().addUser(coordinator.login, 'coordinator');
});

interface Structure {
  measures: { id: string; title: string; retired: boolean }[];
  kpis: {
    id: string;
    measureId: string | null;
    unit: string;
    target: { value: number | null; period: { label: string } } | null;
  }[];
  phases: {
    id: string;
    measureId: string;
    period: { label: string; fiscalYear: number | null; start: string };
  }[];
}

describe('time travel and originally adopted vs current', () => {
  it('draws both periods and both targets, shows revision 1 as it stood, and prints the diff annex', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      const draft = await callApi<{ structure: Structure; version: number }>(
        page,
        'POST',
        `/api/plans/${SLUG}/draft`,
        {},
      );
      const s = draft.structure;
      const measure = s.measures.find(
        (m) =>
          !m.retired &&
          s.kpis.some((k) => k.measureId === m.id && k.target?.value != null) &&
          s.phases.some((p) => p.measureId === m.id && p.period.fiscalYear !== null),
      );
      const kpi = s.kpis.find((k) => k.measureId === measure?.id && k.target?.value != null);
      const phase = s.phases.find((p) => p.measureId === measure?.id && p.period.fiscalYear !== null);
      if (!measure || !kpi?.target || kpi.target.value === null || !phase)
        throw new Error('no measure to revise');
      const [oldTarget, newTarget] = [kpi.target.value, kpi.target.value + 50];
      const movedTo = `${String((phase.period.fiscalYear ?? 0) + 1)}年度`;
      await callApi(page, 'POST', `/api/plans/${SLUG}/draft/edits`, {
        version: draft.version,
        edits: [
          { op: 'kpi.update', id: kpi.id, target: { value: newTarget, period: kpi.target.period.label } },
          { op: 'phase.move', id: phase.id, period: movedTo },
        ],
      });
      await callApi(page, 'POST', `/api/plans/${SLUG}/draft/adopt`, {
        reason: REASON,
        version: draft.version + 1,
      });
      const value = (n: number) => `${n.toLocaleString('ja-JP')}${kpi.unit}`;

      // The timeline: the moved phase's original period outlined beside its bar, said in words, in the legend.
      await page.goto(`${baseUrl}/plans/${SLUG}/timeline`);
      const said = page.locator(`[data-original-period="${phase.id}"]`);
      await said.waitFor({ state: 'attached' });
      expect(await said.textContent()).toContain(`当初: ${phase.period.label} → 現在: ${movedTo}`);
      await page.locator('.timeline-original').first().waitFor({ state: 'attached' });
      expect(await page.locator('[data-legend="original"]').innerText()).toContain('当初の期間（第1版）');
      await expectNoAxeViolations(page);

      // The measure page: 当初目標 drawn (dashed) beside the current target, and said in words.
      await page.goto(`${baseUrl}/plans/${SLUG}/measures/${measure.id}`);
      const original = page.locator(`[data-original-target="${kpi.id}"]`);
      await original.waitFor();
      const originalText = await original.innerText();
      expect(originalText).toContain(`当初目標（第1版）: ${value(oldTarget)}`);
      expect(originalText).toContain(`→ 現在: ${value(newTarget)}`);
      expect(await original.locator('.original-target-chart__original').count()).toBe(1);
      await expectNoAxeViolations(page);

      // 「表示する版」: revision 1 chosen, kept in the address; the banner names it; the old target shown.
      await page.getByLabel('表示する版').selectOption('1');
      await page.waitForURL(/revision=1/);
      const banner = page.locator('[data-revision="1"]');
      await banner.waitFor();
      expect(await banner.innerText()).toContain('採択）の計画を表示しています');
      const targets = await page.locator('table.kpi-summary').innerText();
      expect(targets).toContain(value(oldTarget));
      expect(targets).not.toContain(value(newTarget));
      await expectNoAxeViolations(page);
      await banner.getByRole('link', { name: '最新の計画を見る' }).click();
      await page.locator(`[data-original-target="${kpi.id}"]`).waitFor();
      expect(page.url()).not.toContain('revision=');

      // The printable annex of the diff, from the revisions page.
      await page.goto(`${baseUrl}/plans/${SLUG}/revisions`);
      await page.getByRole('link', { name: '差分を印刷' }).click();
      await page.getByText('見直し差分（別添）').waitFor();
      const annex = await page.locator('.diff-annex').innerText();
      expect(annex).toContain(REASON);
      expect(annex).toContain('策定');
      expect(annex).toContain(measure.title);
      expect(annex).toContain(`目標値 ${value(oldTarget)} → ${value(newTarget)}`);
      expect(annex).toContain(`工程を${phase.period.label}から${movedTo}へ移動`);
      await expectNoAxeViolations(page);
    });
  });
});
