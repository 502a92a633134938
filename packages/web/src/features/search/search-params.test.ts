import { describe, expect, it } from 'vitest';
import { buildSearchPath, hitPath, readSearchParams } from './search-params';

describe('readSearchParams', () => {
  it('keeps the filters the API accepts and drops the rest', () => {
    const params = readSearchParams(new URLSearchParams('q=%20臨床試験%20&sheet=2&type=kpi&ministry=厚'));
    expect(params).toEqual({ q: '臨床試験', plan: '', sheet: '2', ministry: '厚', type: 'kpi' });
    expect(readSearchParams(new URLSearchParams('q=x&sheet=two&type=html'))).toMatchObject({
      sheet: '',
      type: '',
    });
  });
});

describe('buildSearchPath', () => {
  it('writes only the filters that are set, so results are deep-linkable', () => {
    expect(buildSearchPath({ q: 'R10', plan: '', sheet: '', ministry: '', type: 'kpi' })).toBe(
      '/search?q=R10&type=kpi',
    );
    expect(buildSearchPath({ q: '', plan: '', sheet: '', ministry: '', type: '' }, '/api/search')).toBe(
      '/api/search',
    );
  });
});

describe('hitPath', () => {
  it('leads to the measure page when the hit has a measure, else to the plan', () => {
    expect(hitPath({ planSlug: 'p', measureId: 'm1' })).toBe('/plans/p/measures/m1');
    expect(hitPath({ planSlug: 'p', measureId: null })).toBe('/plans/p');
  });
});
