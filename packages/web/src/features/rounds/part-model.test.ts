import { describe, expect, it } from 'vitest';
import type { RoundPart } from '../../api/types';
import { bodyOf, draftOf, mergeDrafts, problemsOf, type PartDraft } from './part-model';

const PERIOD = { start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024, label: '2024年度' };

function part(overrides: Partial<RoundPart>): RoundPart {
  return {
    id: 'p',
    measure: { id: 'm', title: '施策', sheetNumbers: [1] },
    ministry: '厚',
    state: 'draft',
    version: 3,
    updatedAt: null,
    flags: 0,
    unnotedFlags: 0,
    returnReason: null,
    remindedAt: null,
    plan: { slug: 's', title: '計画' },
    round: {
      id: 'r',
      title: '回',
      asOfDate: '2025-06-30',
      deadline: null,
      state: 'open',
      publishAt: null,
      publishedAt: null,
    },
    bullets: [],
    actuals: [],
    phases: [],
    comments: [],
    kpis: [],
    schedule: [
      { id: 'ph1', text: '工程1', period: PERIOD },
      { id: 'ph2', text: '工程2', period: PERIOD },
    ],
    mayEdit: true,
    mayDecide: false,
    ...overrides,
  };
}

const actual = { kpiId: 'k', value: '10', unit: '', period: '2024年度', sourceNote: '', note: '' };

describe('the part form', () => {
  it('reads a part: the period as written, every phase of the schedule (unset when not reported)', () => {
    const draft = draftOf(
      part({
        bullets: ['進捗'],
        actuals: [
          { kpiId: 'k', value: 27800, unit: '件', period: PERIOD, sourceNote: '', note: '', flags: [] },
        ],
        phases: [{ phaseId: 'ph2', state: 'done', note: '' }],
      }),
    );
    expect(draft.actuals[0]).toMatchObject({ value: '27800', period: '2024年度' });
    expect(draft.phases).toEqual({ ph1: { state: '', note: '' }, ph2: { state: 'done', note: '' } });
  });

  it('names each field that cannot be sent: a value that is not a number, a missing period or KPI', () => {
    const draft: PartDraft = {
      bullets: [],
      actuals: [actual, { ...actual, kpiId: '', value: '12x', period: ' ' }],
      phases: {},
    };
    expect(problemsOf(draft).map((p) => p.path)).toEqual([
      'actuals[1].kpiId',
      'actuals[1].value',
      'actuals[1].period',
    ]);
  });

  it('sends the whole content on its version: blank bullets dropped, numbers with commas read, unset phases left out', () => {
    const draft: PartDraft = {
      bullets: ['一', '  '],
      actuals: [{ ...actual, value: '27,800', note: '注記' }],
      phases: { ph1: { state: '', note: '' }, ph2: { state: 'done', note: '' } },
    };
    expect(bodyOf(draft, 4)).toEqual({
      version: 4,
      bullets: ['一'],
      actuals: [{ kpiId: 'k', value: 27800, period: '2024年度', note: '注記' }],
      phases: [{ phaseId: 'ph2', state: 'done' }],
    });
  });

  it('keeps yours on top of theirs without losing either', () => {
    const mine: PartDraft = {
      bullets: ['私の文案'],
      actuals: [{ ...actual, value: '11' }],
      phases: { ph1: { state: 'done', note: '' }, ph2: { state: '', note: '' } },
    };
    const theirs: PartDraft = {
      bullets: ['相手の文案', '私の文案'],
      actuals: [actual, { ...actual, period: '2023年度' }],
      phases: { ph1: { state: 'in_progress', note: '' }, ph2: { state: 'delayed', note: '理由' } },
    };
    const merged = mergeDrafts(mine, theirs);
    expect(merged.bullets).toEqual(['私の文案', '相手の文案']);
    expect(merged.actuals.map((a) => `${a.value}/${a.period}`)).toEqual(['11/2024年度', '10/2023年度']);
    expect(merged.phases).toEqual({
      ph1: { state: 'done', note: '' },
      ph2: { state: 'delayed', note: '理由' },
    });
  });
});
