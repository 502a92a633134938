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
    });
    expect(
      readSearchParams(new URLSearchParams('q=x&sheet=two&type=html&status=great&round=1 or 1=1')),
    ).toMatchObject({ sheet: '', type: '', status: '', round: '' });
  });
});

describe('buildSearchPath', () => {
  it('writes only the filters that are set, so results are deep-linkable', () => {
    const none = { q: '', plan: '', sheet: '', ministry: '', type: '', status: '', grade: '', round: '' };
    expect(buildSearchPath({ ...none, q: 'R10', type: 'kpi', status: 'limited' })).toBe(
      '/search?q=R10&type=kpi&status=limited',
    );
    expect(buildSearchPath(none, '/api/search')).toBe('/api/search');
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
    });
    expect(query.type).toBeUndefined();
    expect(query.status).toBeUndefined();
    expect(query.grade).toBeUndefined();
  });
});
