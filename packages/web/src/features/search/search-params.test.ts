import { describe, expect, it } from 'vitest';
import { buildSearchPath, hitPath, readSearchParams, toSearchQuery } from './search-params';

const ROUND = '0190a5c4-1f2e-7a3b-8c4d-5e6f70819203';

describe('readSearchParams', () => {
  it('keeps the filters the API accepts and drops the rest', () => {
    const params = readSearchParams(
      new URLSearchParams(`q=%20臨床試験%20&sheet=2&type=kpi&ministry=厚&status=on_track&round=${ROUND}`),
    );
    expect(params).toEqual({
      q: '臨床試験',
      plan: '',
      sheet: '2',
      ministry: '厚',
      type: 'kpi',
      status: 'on_track',
      grade: '',
      round: ROUND,
      revision: '',
      revisionOn: '',
    });
    expect(
      readSearchParams(new URLSearchParams('q=x&sheet=two&type=html&status=great&round=1 or 1=1')),
    ).toMatchObject({ sheet: '', type: '', status: '', round: '' });
  });
});

describe('buildSearchPath', () => {
  it('writes only the filters that are set, so results are deep-linkable', () => {
    const none = {
      ...{ q: '', plan: '', sheet: '', ministry: '', type: '', status: '', grade: '', round: '' },
      ...{ revision: '', revisionOn: '' },
    };
    expect(buildSearchPath({ ...none, q: 'R10', type: 'kpi', status: 'limited' })).toBe(
      '/search?q=R10&type=kpi&status=limited',
    );
    expect(buildSearchPath(none, '/api/search')).toBe('/api/search');
  });
});

describe('time travel', () => {
  it("keeps a plan's revision or date in the address and sends it, and drops it without a plan", () => {
    const byNumber = readSearchParams(new URLSearchParams('q=x&plan=p&revision=1'));
    expect(byNumber).toMatchObject({ revision: '1', revisionOn: '' });
    expect(toSearchQuery(byNumber)).toMatchObject({ plan: 'p', revision: 1 });
    expect(buildSearchPath(byNumber)).toBe('/search?q=x&plan=p&revision=1');
    const byDate = readSearchParams(new URLSearchParams('q=x&plan=p&revisionOn=2025-07-31'));
    expect(toSearchQuery(byDate)).toMatchObject({ revisionOn: '2025-07-31' });
    expect(toSearchQuery(byDate).revision).toBeUndefined();
    const planless = readSearchParams(new URLSearchParams('q=x&revision=1&revisionOn=2025-07-31'));
    expect(planless).toMatchObject({ revision: '', revisionOn: '' });
    expect(toSearchQuery(planless)).not.toHaveProperty('revision');
    expect(readSearchParams(new URLSearchParams('q=x&plan=p&revision=date'))).toMatchObject({ revision: '' });
  });

  it('leads a hit to the same revision of its measure, plan or round', () => {
    const hit = { planSlug: 'p', measureId: 'm1', type: 'kpi' as const, roundId: null };
    expect(hitPath(hit, { revision: 1 })).toBe('/plans/p/measures/m1?revision=1');
    expect(hitPath({ ...hit, measureId: null }, { revisionOn: '2025-07-31' })).toBe(
      '/plans/p?revisionOn=2025-07-31',
    );
    expect(hitPath({ ...hit, type: 'evaluation', roundId: ROUND }, { revision: 2 })).toBe(
      `/plans/p/dashboard?round=${ROUND}&revision=2#dashboard-evaluation`,
    );
  });
});

describe('hitPath', () => {
  it('leads to the measure page when the hit has a measure, else to the plan', () => {
    expect(hitPath({ planSlug: 'p', measureId: 'm1', type: 'kpi', roundId: null })).toBe(
      '/plans/p/measures/m1',
    );
    expect(hitPath({ planSlug: 'p', measureId: null, type: 'kpi', roundId: null })).toBe('/plans/p');
  });

  it("leads an evaluation to its round's evaluations on the dashboard", () => {
    expect(hitPath({ planSlug: 'p', measureId: null, type: 'evaluation', roundId: ROUND })).toBe(
      `/plans/p/dashboard?round=${ROUND}#dashboard-evaluation`,
    );
  });
});

describe('toSearchQuery', () => {
  it('sends an A/B/N/F grade, and drops one the API does not know', () => {
    expect(toSearchQuery(readSearchParams(new URLSearchParams('q=x&grade=B'))).grade).toBe('B');
    expect(readSearchParams(new URLSearchParams('q=x&grade=b')).grade).toBe('');
  });

  it('sends only the filters that are set, the sheet as a number', () => {
    const params = readSearchParams(new URLSearchParams(`q=臨床試験&sheet=2&status=on_track&round=${ROUND}`));
    expect(toSearchQuery(params)).toEqual({
      q: '臨床試験',
      plan: undefined,
      sheet: 2,
      ministry: undefined,
      type: undefined,
      status: 'on_track',
      grade: undefined,
      round: ROUND,
    });
  });

  it('leaves out a type or status the API does not know, even when the params were built by hand', () => {
    const query = toSearchQuery({
      q: 'x',
      plan: '',
      sheet: '',
      ministry: '',
      type: 'sheet',
      status: 'good',
      grade: 'C',
      round: '',
      revision: '',
      revisionOn: '',
    });
    expect(query.type).toBeUndefined();
    expect(query.status).toBeUndefined();
    expect(query.grade).toBeUndefined();
  });
});
