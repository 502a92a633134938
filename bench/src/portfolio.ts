import type { KpiDraft, MeasureDraft, PlanDocumentInput, ProjectDraft } from '@kotei/contracts';
import { KPI_SHAPES, POLICY_FIELDS, type KpiShape } from '@kotei/domain';
import { Dice } from './random.js';

/** How big a synthetic portfolio is; the defaults meet the whole-government scale of issue #3. */
export interface PortfolioSize {
  plans: number;
  sheetsPerPlan: number;
  measuresPerSheet: number;
  kpisPerMeasure: number;
  actualYears: number;
  projectsPerMeasure: number;
  linesPerProject: number;
  bulletsPerMeasure: number;
}

/** 40 plans × 10 sheets × 10 measures × 3 KPIs with 20 yearly actuals, 1 project × 3 lines, 10 bullets. */
export const GOVERNMENT_SCALE: PortfolioSize = {
  plans: 40,
  sheetsPerPlan: 10,
  measuresPerSheet: 10,
  kpisPerMeasure: 3,
  actualYears: 20,
  projectsPerMeasure: 1,
  linesPerProject: 3,
  bulletsPerMeasure: 10,
};

const MINISTRIES = ['厚', '文', '経', '健', '内', '総', 'デ', 'こ'] as const;
const THEMES = [
  '医療提供体制',
  '医療従事者',
  '医療安全',
  '医薬品の安定供給',
  '医療DX',
  '創薬エコシステム',
  '感染症対策',
  '地域医療',
  '介護連携',
  '予防・健康づくり',
];
const VERBS = ['の推進', 'の強化', 'の整備', 'の見直し', 'の拡充', 'の検討', 'に向けた支援', 'の普及・促進'];
const OBJECTS = [
  '臨床研究中核病院',
  '国際共同治験',
  '創薬スタートアップ',
  '地域医療構想',
  '電子カルテ情報共有',
  '医師の働き方改革',
  '後発医薬品',
  'ワンストップ相談窓口',
  'バイオ製造人材',
  'データベース',
];
const KPI_NAMES = [
  '実施件数',
  '相談件数',
  '整備施設数',
  '受講者数',
  '承認件数',
  '採択件数',
  '参加機関数',
  '利用者数',
];
const UNITS = ['件', '施設', '人', '社', '機関', '%'];
const PHASE_TEXT = [
  '予算要求・予算編成',
  '検討会の開催',
  '制度設計',
  '事業の実施',
  '効果検証',
  '実施状況の把握',
  'ガイドラインの策定',
  '周知・広報',
];
const COLUMNS = ['2024年夏', '2024年末', '2024年度末', '2025年度', '2026-2028年度'];

function kpi(dice: Dice, shape: KpiShape, years: number, name: string): KpiDraft {
  const unit = dice.pick(UNITS);
  const base = dice.int(10, 2000);
  const firstYear = 2024 - years + 1;
  const actuals = Array.from({ length: years }, (_, i) => ({
    value: Math.round(base * (1 + 0.03 * i + (dice.next() - 0.5) * 0.1)),
    label: `${firstYear + i}年度`,
    origin: 'imported' as const,
  }));
  const reiwa = (fy: number): string => `R${fy - 2018}`;
  switch (shape) {
    case 'cumulative':
      return {
        name,
        unit,
        shape,
        direction: 'increase',
        baseline: null,
        target: { value: base * 5, label: '2024-2028年度累積' },
        actuals,
      };
    case 'at-least-average':
      return {
        name,
        unit,
        shape,
        direction: 'increase',
        baseline: { value: base, label: 'R3～R5平均' },
        target: { value: base, label: 'R3～R5平均' },
        actuals,
      };
    case 'multiplier':
      return {
        name,
        unit: '倍',
        shape,
        direction: 'increase',
        baseline: { value: base, label: '2023年度' },
        target: { value: 2, label: '2028年度' },
        actuals,
      };
    case 'rank':
      return {
        name,
        unit: '位',
        shape,
        direction: 'decrease',
        baseline: { value: 20, label: '2023年' },
        target: { value: 10, label: '2028年' },
        actuals,
      };
    case 'qualitative':
      return {
        name,
        unit: '',
        shape,
        direction: 'increase',
        baseline: null,
        target: { value: null, label: reiwa(2026) },
        actuals: [],
      };
    case 'level':
    case 'annual':
    case 'share-meeting-bar':
      return {
        name,
        unit,
        shape,
        direction: dice.next() < 0.85 ? 'increase' : 'decrease',
        baseline: { value: base, label: reiwa(2023) },
        target: { value: Math.round(base * 1.5), label: reiwa(2028) },
        actuals,
      };
  }
}

function project(dice: Dice, lines: number, name: string): ProjectDraft {
  const ministry = dice.pick(MINISTRIES);
  return {
    name,
    ministry,
    lines: Array.from({ length: lines }, (_, i) => {
      const fy = 2022 + i;
      const oku = dice.int(1, 3000) / 10;
      const type = dice.pick(['initial', 'supplementary', 'fund'] as const);
      const amountYen = Math.round(oku * 1e8);
      const label =
        type === 'fund'
          ? '基金事業'
          : `令和${fy - 2018}年度${type === 'initial' ? '当初' : '補正'}予算${oku}億円`;
      return { amountYen, fiscalYear: fy, type, isPartOf: dice.next() < 0.1, label };
    }),
  };
}

/** One synthetic plan, deterministic from its index and the seed. */
export function syntheticPlan(index: number, size: PortfolioSize, seed = 20261124): PlanDocumentInput {
  const dice = new Dice(seed + index * 7919);
  const field = POLICY_FIELDS[index % POLICY_FIELDS.length];
  let kpiCounter = 0;
  const sheets = Array.from({ length: size.sheetsPerPlan }, (_, s) => ({
    number: s + 1,
    title: `${dice.pick(THEMES)}${dice.pick(VERBS)}（第${s + 1}分野）`,
    measures: Array.from({ length: size.measuresPerSheet }, (_, m): MeasureDraft => {
      const ministries = [dice.pick(MINISTRIES), dice.pick(MINISTRIES)];
      const title = `${dice.pick(OBJECTS)}${dice.pick(VERBS)}（施策${s + 1}-${m + 1}）`;
      return {
        title,
        ministries,
        phases: COLUMNS.map((period) => ({
          text: `${dice.pick(PHASE_TEXT)}：${dice.pick(OBJECTS)}`,
          period,
        })),
        kpis: Array.from({ length: size.kpisPerMeasure }, () => {
          const shape = KPI_SHAPES[kpiCounter % KPI_SHAPES.length] ?? 'level';
          kpiCounter += 1;
          return kpi(dice, shape, size.actualYears, `${dice.pick(OBJECTS)}の${dice.pick(KPI_NAMES)}`);
        }),
        progress: Array.from({ length: size.bulletsPerMeasure }, (_, b) => ({
          ministry: ministries[b % 2] ?? null,
          text: `令和7年度より${dice.pick(OBJECTS)}${dice.pick(VERBS)}を実施しており、${dice.int(1, 99)}件の実績を得た。引き続き関係機関と連携して取組を進める。`,
        })),
        projects: Array.from({ length: size.projectsPerMeasure }, (_, p) =>
          project(
            dice,
            size.linesPerProject,
            `${dice.pick(OBJECTS)}推進事業（${index + 1}-${s + 1}-${m + 1}-${p + 1}）`,
          ),
        ),
      };
    }),
  }));
  return {
    slug: `synthetic-${String(index + 1).padStart(3, '0')}`,
    title: `${field?.nameJa ?? '政策'}に関する政策目標と工程表（合成データ ${index + 1}）`,
    owner: '厚生労働省医政局（合成データ）',
    adoptedOn: '2024-07-01',
    description: 'ベンチマーク用の合成データです。',
    policyFields: field ? [field.code] : [],
    isSample: true,
    round: { title: '2025年6月末時点フォローアップ', asOfDate: '2025-06-30' },
    strategicGoals: [1, 2, 3].map((number) => ({
      number,
      title: `${dice.pick(THEMES)}${dice.pick(VERBS)}`,
      outcomes: [kpi(dice, 'level', size.actualYears, `${dice.pick(THEMES)}の成果指標`)],
    })),
    sheets,
  };
}

/** Counts of what a portfolio of this size holds. */
export function portfolioCounts(size: PortfolioSize): Record<string, number> {
  const measures = size.plans * size.sheetsPerPlan * size.measuresPerSheet;
  const kpis = measures * size.kpisPerMeasure;
  const qualitativeShare = 1 / KPI_SHAPES.length;
  return {
    plans: size.plans,
    measures,
    kpis,
    actuals: Math.round(kpis * (1 - qualitativeShare) * size.actualYears),
    budgetLines: measures * size.projectsPerMeasure * size.linesPerProject,
    progressBullets: measures * size.bulletsPerMeasure,
  };
}
