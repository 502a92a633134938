import { describe, expect, it } from 'vitest';
import { toSearchText } from '@kotei/domain';
import { COUNT_CAP, findInEntries } from './search-match.js';
import type { SearchFilters, SearchRow } from './search.repository.js';

let next = 0;
function entry(title: string, over: Partial<SearchRow> = {}): SearchRow {
  next += 1;
  return {
    id: `row-${String(next)}`,
    plan_id: 'p',
    plan_slug: 'plan',
    plan_title: '計画',
    entity_type: 'measure',
    entity_id: `e-${String(next).padStart(5, '0')}`,
    measure_id: null,
    sheet_number: 1,
    ministries: '|厚|',
    round_id: null,
    title,
    body: '',
    search_text: toSearchText(title),
    sort_key: `plan 0:001:${title}`,
    ...over,
  };
}
const filters = (q: string, over: Partial<SearchFilters> = {}): SearchFilters => ({
  tokens: toSearchText(q)
    .split(' ')
    .filter((t) => t !== ''),
  limit: 50,
  ...over,
});

describe('findInEntries', () => {
  const rows = [
    entry('臨床研究中核病院の承認要件の見直し'),
    entry('ＦＩＨ治験の人材育成', { sheet_number: 2, ministries: '|文|厚|', entity_type: 'kpi' }),
    entry('令和7年度の治験', { entity_type: 'progress', round_id: 'r1', ministries: '|文|' }),
  ];

  it('needs every word, normalised as the index stores text (和暦 as 西暦, full width as half)', () => {
    expect(findInEntries(rows, filters('FIH 人材')).rows.map((r) => r.title)).toEqual([
      'ＦＩＨ治験の人材育成',
    ]);
    expect(findInEntries(rows, filters('２０２５')).rows.map((r) => r.title)).toEqual(['令和7年度の治験']);
    expect(findInEntries(rows, filters('FIH 見直し')).total).toBe(0);
  });

  it('takes % and _ as plain characters', () => {
    expect(findInEntries(rows, filters('治%')).total).toBe(0);
    expect(findInEntries(rows, filters('臨_研究')).total).toBe(0);
  });

  it('filters by sheet, ministry, type, round and entities', () => {
    const titles = (over: Partial<SearchFilters>) =>
      findInEntries(rows, filters('治験', over)).rows.map((r) => r.title);
    expect(titles({ sheetNumber: 2 })).toEqual(['ＦＩＨ治験の人材育成']);
    expect(titles({ ministry: '厚' })).toEqual(['ＦＩＨ治験の人材育成']);
    expect(titles({ type: 'progress' })).toEqual(['令和7年度の治験']);
    expect(titles({ roundId: 'r1' })).toEqual(['令和7年度の治験']);
    expect(titles({ entityIds: [] })).toEqual([]);
    expect(titles({ entityIds: [rows[1]?.entity_id ?? ''] })).toEqual(['ＦＩＨ治験の人材育成']);
  });

  it('orders by sort key, then entity, and counts up to the cap', () => {
    const many = Array.from({ length: COUNT_CAP + 5 }, (_, i) =>
      entry(`頻出の施策${String(i)}`, {
        sort_key: `plan 0:001:${String(COUNT_CAP + 5 - i).padStart(5, '0')}`,
      }),
    );
    const found = findInEntries(many, filters('頻出', { limit: 3 }));
    expect(found).toMatchObject({ total: COUNT_CAP, isTotalCapped: true });
    expect(found.rows.map((r) => r.title)).toEqual(['頻出の施策1004', '頻出の施策1003', '頻出の施策1002']);
    const few = findInEntries(many.slice(0, 10), filters('頻出', { limit: 3 }));
    expect(few).toMatchObject({ total: 10, isTotalCapped: false });
  });
});
