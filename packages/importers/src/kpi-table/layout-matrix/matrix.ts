import { importDocument } from '../../import-document.js';
import type { KeyedKpi } from '../corpus.js';
import { BLIND_CORPUS_ROOT, CORPUS_ROOT, corpusDocuments, nameKey, scoreDocument } from '../corpus.js';
import type { ColumnKind, EraStyle, Layout, UnitPlace, YearPlace } from './layout.js';
import { BASE_LAYOUT, VOCABULARIES, renderLayout } from './layout.js';
import type { InputKind } from './render.js';
import { INPUT_KINDS, renderInput } from './render.js';

/** One cell of the matrix: a layout written in an input kind. */
export interface MatrixCase {
  readonly family: string;
  readonly label: string;
  readonly layout: Layout;
  readonly kind: InputKind;
}

export interface CaseScore extends MatrixCase {
  readonly right: number;
  readonly keyed: number;
  readonly kpisRead: number;
  /** KPIs read that are none of the table's (a section or note row taken for a KPI): the score does not count them. */
  readonly spurious: number;
  readonly misses: readonly string[];
}

/**
 * The pool of KPIs tables are written from: those of the answer keys (corpus and blind rounds) that give all three
 * points with value and year. A layout takes up to twelve of them, spread over the pool (`kpisFor`).
 */
export function keyedKpiPool(): KeyedKpi[] {
  return [CORPUS_ROOT, BLIND_CORPUS_ROOT]
    .flatMap((root) => corpusDocuments(root))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((document) => document.kpis)
    .filter((kpi) =>
      [kpi.baseline, kpi.target, kpi.latest].every((p) => p !== null && p[0] !== null && p[1] !== null),
    );
}

const ORDERS: readonly (readonly ColumnKind[])[] = [
  ['name', 'baseline', 'latest', 'target', 'unit'],
  ['unit', 'name', 'target', 'baseline', 'latest'],
  ['name', 'target', 'baseline', 'latest', 'unit'],
];
const UNITS: readonly UnitPlace[] = ['column', 'cell', 'header', 'name'];
const YEARS: readonly YearPlace[] = ['after', 'before', 'fullwidth', 'columns', 'two-row', 'target-header'];
const ERAS: readonly EraStyle[] = ['western', 'japanese', 'short'];

/** The layout families: the base layout, and each one dimension changed from it. */
export function layoutFamilies(): { family: string; label: string; layout: Layout }[] {
  const b = BASE_LAYOUT;
  return [
    { family: 'base', label: 'base', layout: b },
    ...ORDERS.map((order) => ({ family: 'column-order', label: order.join('|'), layout: { ...b, order } })),
    ...VOCABULARIES.slice(1).map((vocabulary) => ({
      family: 'vocabulary',
      label: Object.values(vocabulary).join('/'),
      layout: { ...b, vocabulary },
    })),
    ...UNITS.slice(1).map((unit) => ({ family: 'unit', label: `unit-${unit}`, layout: { ...b, unit } })),
    ...YEARS.slice(1).map((years) => ({ family: 'years', label: `years-${years}`, layout: { ...b, years } })),
    ...ERAS.slice(1).map((era) => ({ family: 'era', label: `era-${era}`, layout: { ...b, era } })),
    { family: 'actual-years', label: 'actual-years', layout: { ...b, actualYears: true } },
    { family: 'sections', label: 'sections', layout: { ...b, sections: true } },
    { family: 'note', label: 'note', layout: { ...b, note: true } },
    { family: 'title', label: 'title', layout: { ...b, title: true } },
    {
      family: 'extra-columns',
      label: 'dept+status',
      layout: { ...b, order: ['name', 'dept', 'unit', 'baseline', 'target', 'latest', 'status'] },
    },
  ];
}

/** A small seeded generator (mulberry32), so the sample of combinations is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
}

/** Combinations of every dimension at once, sampled with a fixed seed (not the full cross product). */
export function combinedCases(count: number, seed = 14): MatrixCase[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const extras: ColumnKind[] = next() < 0.5 ? [] : ['dept'];
    const order = [...pick(next, [...ORDERS, BASE_LAYOUT.order])];
    const layout: Layout = {
      order: next() < 0.3 ? [...order, ...extras, 'status'] : [...order, ...extras],
      vocabulary: pick(next, VOCABULARIES),
      unit: pick(next, UNITS),
      years: pick(next, YEARS),
      era: pick(next, ERAS),
      actualYears: next() < 0.25,
      sections: next() < 0.4,
      note: next() < 0.4,
      title: next() < 0.5,
    };
    const label = `#${i} ${layout.vocabulary.name} ${layout.unit} ${layout.years} ${layout.era}${layout.actualYears ? ' actual-years' : ''}${layout.sections ? ' sections' : ''}${layout.note ? ' note' : ''}${layout.title ? ' title' : ''} ${layout.order.join('|')}`;
    return { family: 'combined', label, layout, kind: pick(next, INPUT_KINDS) };
  });
}

/** Every layout family in every input kind, then the sampled combinations. */
export function matrixCases(combined = 40): MatrixCase[] {
  const single = layoutFamilies().flatMap((entry) => INPUT_KINDS.map((kind) => ({ ...entry, kind })));
  return [...single, ...combinedCases(combined)];
}

/** Writes a case's table, imports it as `kotei import` does (recognised by content, no hints) and scores it. */
export async function runCase(testCase: MatrixCase, kpis: readonly KeyedKpi[]): Promise<CaseScore> {
  const rendered = renderLayout(testCase.layout, kpis);
  const file = await renderInput(rendered.table, testCase.kind);
  const outcome = await importDocument({ bytes: file.bytes, fileName: file.fileName });
  const read = outcome.ok && outcome.table !== null ? outcome.table.kpis : [];
  const score = scoreDocument(
    { root: CORPUS_ROOT, name: testCase.label, file: file.fileName, kpis: rendered.key },
    read,
  );
  const keyNames = rendered.key.map((kpi) => nameKey(kpi.name));
  const spurious = read.filter((kpi) => {
    const name = nameKey(kpi.name);
    return !keyNames.some((key) => key.includes(name) || name.includes(key));
  }).length;
  return {
    ...testCase,
    right: score.right,
    keyed: score.keyed,
    kpisRead: read.length,
    spurious,
    misses: score.misses,
  };
}

/** Fields right and keyed summed by a grouping of the cases. */
export function totals(
  scores: readonly CaseScore[],
  by: (score: CaseScore) => string,
): Map<string, [number, number]> {
  const sums = new Map<string, [number, number]>();
  for (const score of scores) {
    const sum = sums.get(by(score)) ?? [0, 0];
    sums.set(by(score), [sum[0] + score.right, sum[1] + score.keyed]);
  }
  return sums;
}

export function percent([right, keyed]: readonly [number, number]): string {
  return `${right}/${keyed} (${keyed === 0 ? '—' : ((100 * right) / keyed).toFixed(1)}%)`;
}
