import { describe, expect, it } from 'vitest';
import { applyEdit, type EditContext } from './apply-edit.js';
import { yenText } from './budget.js';
import { diffStructures } from './diff.js';
import type { PlanEdit } from './edits.js';
import { proposalRefusal } from './proposal.js';
import { emptyStructure, type PlanStructure } from './structure.js';

// The English refusal, or null; each refusal also says it in Japanese.
const refusalOf = (...args: Parameters<typeof proposalRefusal>): string | null =>
  proposalRefusal(...args)?.message ?? null;

const context: EditContext = { ministries: new Set(['厚', '文']) };

function seed(): PlanStructure {
  const s = emptyStructure({
    title: '計画',
    owner: '内閣官房',
    policyFields: [],
    horizon: { from: 2024, to: 2030 },
  });
  s.sheets.push({ id: 's1', number: 1, title: '工程表', order: 0, retired: false });
  s.measures.push(
    {
      id: 'm1',
      sheetId: 's1',
      title: '相談窓口',
      ministries: ['厚'],
      order: 0,
      retired: false,
      mergedInto: null,
      splitFrom: null,
    },
    {
      id: 'm2',
      sheetId: 's1',
      title: '人材育成',
      ministries: ['文'],
      order: 1,
      retired: false,
      mergedInto: null,
      splitFrom: null,
    },
  );
  return s;
}

function edit(s: PlanStructure, ...edits: PlanEdit[]): PlanStructure {
  return edits.reduce((acc, e) => {
    const result = applyEdit(acc, e, context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.structure;
  }, s);
}

const add: PlanEdit = {
  op: 'budget.add',
  id: 'b1',
  measureId: 'm1',
  name: '相談体制整備事業',
  ministry: '厚',
  line: { id: 'l1', amountYen: 3_000_000_000, fiscalYear: 2025, type: 'initial' },
};

describe('budget project edits (該当事業)', () => {
  it('writes amounts as the documents do', () => {
    expect([
      yenText(3_000_000_000),
      yenText(3_550_000_000),
      yenText(500_000_000 / 10),
      yenText(null),
    ]).toEqual(['30億円', '35.5億円', '50百万円', '—']);
  });

  it('adds, changes and retires a project, each worded in the diff', () => {
    const base = seed();
    const added = edit(base, add);
    expect(added.budgets?.[0]).toMatchObject({
      measureIds: ['m1'],
      lines: [{ label: '2025年度 当初予算 30億円' }],
    });
    expect(diffStructures(base, added).map((c) => c.ja)).toEqual([
      '該当事業を追加: 相談体制整備事業（2025年度 当初予算 30億円）',
    ]);
    const changed = edit(added, {
      op: 'budget.update',
      id: 'b1',
      amountYen: 3_500_000_000,
      type: 'supplementary',
    });
    const words = diffStructures(added, changed);
    expect(words.map((c) => c.ja)).toEqual(['予算額 30億円 → 35億円', '予算の区分 当初予算 → 補正予算']);
    expect(words[0]).toMatchObject({
      entity: 'budget',
      measureId: 'm1',
      sheetId: 's1',
      en: 'Budget 30億円 → 35億円',
    });
    const retired = edit(changed, { op: 'budget.retire', id: 'b1' });
    expect(diffStructures(changed, retired).map((c) => c.ja)).toEqual(['該当事業を廃止']);
  });

  it('refuses each bad field', () => {
    const result = applyEdit(
      seed(),
      {
        ...add,
        measureId: 'm9',
        ministry: '宇',
        line: { id: 'l1', amountYen: -1, fiscalYear: 3000, type: 'initial' },
      },
      context,
    );
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual([
      'measureId',
      'ministry',
      'line.amountYen',
      'line.fiscalYear',
    ]);
    const retired = edit(seed(), add, { op: 'budget.retire', id: 'b1' });
    const again = applyEdit(retired, { op: 'budget.update', id: 'b1', amountYen: 1 }, context);
    expect(!again.ok && again.errors[0]?.message).toContain('retired');
  });

  it("says nothing of budgets against a structure kept before they were, and lets a reporter edit its own measure's", () => {
    const old = seed();
    delete old.budgets;
    expect(diffStructures(old, edit(seed(), add))).toEqual([]);
    const s = edit(seed(), add);
    expect(refusalOf(s, { op: 'budget.update', id: 'b1', amountYen: 1 }, '厚')).toBeNull();
    expect(refusalOf(s, { op: 'budget.retire', id: 'b1' }, '文')).toContain('is not 文');
  });
});
