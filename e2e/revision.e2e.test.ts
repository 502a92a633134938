import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/page.js';
import { useKotei } from './support/fixture.js';

// A coordinator revises the sample plan in the browser (見直し): a KPI target, a phase moved by the keyboard and
// by drag, a measure split, a KPI retired; adopts with a reason; the revision list, the diff and time travel.
const SLUG = 'drug-discovery-2024';
const REASON = '令和7年7月 見直し';

const kotei = useKotei();
const { withPage } = kotei;
const coordinator = { login: 'coord-revise', password: '' };

beforeAll(async () => {
  coordinator.password = await kotei.server().addUser(coordinator.login, 'coordinator');
});

interface Picked {
  measureId: string;
  title: string;
  kpiId: string;
  target: number;
  unit: string;
  retireId: string;
  retireMeasureId: string;
  phaseId: string;
  phaseYear: number;
}

interface History {
  measures: Map<string, { progress: string[] }>;
  kpis: Map<string, { measureId: string; actuals: string[] }>;
}

// Each measure's bullets and each KPI's actuals, read through the API as the page's session sees them.
async function measureHistory(page: import('playwright-core').Page, baseUrl: string): Promise<History> {
  const tree = (await (await page.request.get(`${baseUrl}/api/plans/${SLUG}`)).json()) as {
    sheets: {
      measures: {
        id: string;
        progress: { text: string }[];
        kpis: { id: string; actuals: { value: number | null; period: { label: string } }[] }[];
      }[];
    }[];
  };
  const history: History = { measures: new Map(), kpis: new Map() };
  for (const m of tree.sheets.flatMap((s) => s.measures)) {
    history.measures.set(m.id, { progress: m.progress.map((b) => b.text) });
    for (const k of m.kpis)
      history.kpis.set(k.id, {
        measureId: m.id,
        actuals: k.actuals.map((a) => `${a.period.label}=${String(a.value)}`),
      });
  }
  return history;
}

describe('revising a plan in the browser', () => {
  it('edits a draft, adopts it with a reason, and shows the diff and the plan as it stood', async () => {
    await withPage(async (page, baseUrl) => {
      await signIn(page, baseUrl, coordinator.login, coordinator.password);
      await page.goto(`${baseUrl}/plans/${SLUG}`);
      await page.getByRole('link', { name: '計画を編集' }).click();
      await page.getByRole('button', { name: '見直し案を作成' }).click();
      await page.getByText('第1版をもとにした案（版 0）').waitFor();
      await expectNoAxeViolations(page);

      // A measure with two KPIs (the first with a numeric target) and a phase; another measure's KPI to retire.
      const picked = await page.evaluate(async (slug): Promise<Picked> => {
        const draft = (await (await fetch(`/api/plans/${slug}/draft`)).json()) as {
          structure: {
            measures: { id: string; title: string }[];
            kpis: {
              id: string;
              measureId: string | null;
              unit: string;
              target: { value: number | null } | null;
            }[];
            phases: { id: string; measureId: string; period: { fiscalYear: number | null; start: string } }[];
          };
        };
        const s = draft.structure;
        const m = s.measures.find((x) => {
          const kpis = s.kpis.filter((k) => k.measureId === x.id);
          return (
            kpis.length >= 2 && kpis[0]?.target?.value != null && s.phases.some((p) => p.measureId === x.id)
          );
        });
        const kpi = s.kpis.find((k) => k.measureId === m?.id);
        const phase = s.phases.find((p) => p.measureId === m?.id);
        const other = s.kpis.find((k) => k.measureId !== null && k.measureId !== m?.id);
        if (!m || !kpi || !phase || !other) throw new Error('no measure to revise');
        return {
          measureId: m.id,
          title: m.title,
          kpiId: kpi.id,
          target: kpi.target?.value ?? 0,
          unit: kpi.unit,
          retireId: other.id,
          retireMeasureId: other.measureId ?? '',
          phaseId: phase.id,
          phaseYear: phase.period.fiscalYear ?? Number(phase.period.start.slice(0, 4)),
        };
      }, SLUG);
      const before = await measureHistory(page, baseUrl);
      const measure = page.locator(`[data-measure-id="${picked.measureId}"]`);
      // Each edit is one request; a refusal would name its field, so the answer is checked before the page.
      const edited = async (act: () => Promise<void>, n: number) => {
        const [response] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith('/draft/edits')),
          act(),
        ]);
        expect(`${String(response.status())} ${response.status() === 200 ? '' : await response.text()}`).toBe(
          '200 ',
        );
        await page.getByText(`第1版をもとにした案（版 ${String(n)}）`).waitFor();
      };

      // The KPI target.
      const kpi = measure.locator(`[data-kpi-id="${picked.kpiId}"]`);
      await kpi.getByLabel('目標値').fill(String(picked.target + 50));
      await edited(() => kpi.getByRole('button', { name: '保存' }).click(), 1);

      // A phase moved a year on by the keyboard, then back and on again by drag.
      const phase = () => measure.locator(`[data-phase-id="${picked.phaseId}"]`);
      await phase().focus();
      await edited(() => page.keyboard.press('ArrowRight'), 2);
      expect(await phase().locator('xpath=..').getAttribute('data-year')).toBe(String(picked.phaseYear + 1));
      await edited(() => phase().dragTo(measure.locator(`[data-year="${String(picked.phaseYear + 2)}"]`)), 3);
      expect(await phase().locator('xpath=..').getAttribute('data-year')).toBe(String(picked.phaseYear + 2));

      // The measure split; another measure's KPI retired.
      await edited(() => measure.getByRole('button', { name: '施策を分割' }).click(), 4);
      const retire = page
        .locator(`[data-measure-id="${picked.retireMeasureId}"] [data-kpi-id="${picked.retireId}"]`)
        .getByRole('button', { name: 'KPIを廃止' });
      await edited(() => retire.click(), 5);

      const pending = page.getByRole('region', { name: '未採択の変更' });
      const pendingText = await pending.innerText();
      const target = (n: number) => `${n.toLocaleString('ja-JP')}${picked.unit}`;
      expect(pendingText).toContain(`目標値 ${target(picked.target)} → ${target(picked.target + 50)}`);
      expect(pendingText).toContain(`${String(picked.phaseYear + 2)}年度へ移動`);
      expect(pendingText).toContain('施策を2つに分割');
      expect(pendingText).toContain('KPIを廃止');
      await expectNoAxeViolations(page);

      await pending.getByLabel('見直しの理由').fill(REASON);
      await pending.getByRole('button', { name: '採択する' }).click();
      await page.getByText('第2版として採択しました。').waitFor();

      // The revision list and the diff between revisions 1 and 2.
      await page.goto(`${baseUrl}/plans/${SLUG}/revisions`);
      await page.getByText(REASON).waitFor();
      const diff = page.getByRole('region', { name: '版の比較' });
      await diff.getByText('KPIを廃止').waitFor();
      expect(await diff.innerText()).toContain(
        `目標値 ${target(picked.target)} → ${target(picked.target + 50)}`,
      );
      await expectNoAxeViolations(page);

      // Time travel: revision 1 as it stood, with its original target; the current plan shows the new one.
      await page.getByRole('link', { name: 'この版の計画を見る' }).last().click();
      await page.locator('[data-revision="1"]').waitFor();
      expect(await page.locator('[data-revision="1"]').innerText()).toContain('最新は第2版です');
      const now = (await (await page.request.get(`${baseUrl}/api/plans/${SLUG}`)).json()) as {
        sheets: { measures: { id: string; kpis: { id: string; target: { value: number } | null }[] }[] }[];
      };
      const current = now.sheets.flatMap((s) => s.measures).flatMap((m) => m.kpis);
      expect(current.find((k) => k.id === picked.kpiId)?.target?.value).toBe(picked.target + 50);
      expect(current.map((k) => k.id)).not.toContain(picked.retireId);

      // What was reported before the revision stays with the same measure and KPI: the split keeps the
      // measure's id (and its bullets) on its first part, and each KPI its actuals wherever it went.
      const after = await measureHistory(page, baseUrl);
      const original = before.measures.get(picked.measureId);
      expect(original?.progress.length).toBeGreaterThan(0);
      expect(after.measures.get(picked.measureId)?.progress).toEqual(original?.progress);
      const reported = [...before.kpis].filter(([id, k]) => k.actuals.length > 0 && id !== picked.retireId);
      expect(reported.length).toBeGreaterThan(0);
      for (const [id, k] of reported) expect(after.kpis.get(id)?.actuals, id).toEqual(k.actuals);
      const moved = [...after.kpis].filter(
        ([id, k]) => before.kpis.get(id)?.measureId === picked.measureId && k.measureId !== picked.measureId,
      );
      expect(moved.length).toBeGreaterThan(0);

      // The public, signed out, reads the current plan and its revision list.
      const reader = await page.context().browser()?.newContext();
      if (!reader) throw new Error('no browser');
      try {
        const pub = await reader.newPage();
        await pub.goto(`${baseUrl}/plans/${SLUG}/revisions`);
        await pub.getByText(REASON).waitFor();
        expect(await pub.getByRole('link', { name: 'ログイン' }).count()).toBeGreaterThan(0);
        const versions = await pub.locator('main').innerText();
        expect(versions).toContain('第1版');
        expect(versions).toContain('第2版');
        const plan = (await (await pub.request.get(`${baseUrl}/api/plans/${SLUG}`)).json()) as {
          sheets: { measures: { kpis: { id: string; target: { value: number } | null }[] }[] }[];
        };
        const kpis = plan.sheets.flatMap((s) => s.measures).flatMap((m) => m.kpis);
        expect(kpis.find((k) => k.id === picked.kpiId)?.target?.value).toBe(picked.target + 50);
      } finally {
        await reader.close();
      }
    });
  });
});
