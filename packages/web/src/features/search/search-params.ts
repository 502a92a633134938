import type { SearchHit, SearchQuery } from '../../api/types';
import { isId } from '../../lib/ids';
import { ABNF_GRADES, PROGRESS_STATUSES } from '@kotei/domain/status';

/** The kinds of hits the results page lets readers filter by. */
export const SEARCH_FILTER_TYPES = [
  'measure',
  'kpi',
  'progress',
  'project',
  'evaluation',
] as const satisfies readonly SearchHit['type'][];

/** A search as the address carries it; '' where a filter is not set. */
export interface SearchParams {
  q: string;
  sheet: string;
  ministry: string;
  type: string;
  plan: string;
  status: string;
  /** An A/B/N/F grade (#16). */
  grade: string;
  round: string;
}

const KEYS = ['q', 'plan', 'sheet', 'ministry', 'type', 'status', 'grade', 'round'] as const;

/** Reads `?q=&plan=&sheet=&ministry=&type=&status=&grade=&round=`, dropping values the API would refuse. */
export function readSearchParams(search: URLSearchParams): SearchParams {
  const sheet = search.get('sheet') ?? '';
  const type = search.get('type') ?? '';
  const status = search.get('status') ?? '';
  const round = search.get('round') ?? '';
  const grade = search.get('grade') ?? '';
  return {
    q: (search.get('q') ?? '').trim(),
    plan: search.get('plan') ?? '',
    sheet: /^\d{1,3}$/.test(sheet) && Number(sheet) >= 1 ? sheet : '',
    ministry: (search.get('ministry') ?? '').slice(0, 4),
    type: (SEARCH_FILTER_TYPES as readonly string[]).includes(type) ? type : '',
    status: (PROGRESS_STATUSES as readonly string[]).includes(status) ? status : '',
    grade: (ABNF_GRADES as readonly string[]).includes(grade) ? grade : '',
    round: isId(round) ? round : '',
  };
}

/** The query string of a search: only the filters that are set, in a stable order. */
export function toSearchParams(params: SearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of KEYS) {
    const value = params[key].trim();
    if (value !== '') query.set(key, value);
  }
  return query;
}

/** The query of GET /api/search: only the filters that are set, each as the API types it. */
export function toSearchQuery(params: SearchParams): SearchQuery {
  const orUndefined = (value: string): string | undefined => (value === '' ? undefined : value);
  return {
    q: params.q,
    plan: orUndefined(params.plan),
    sheet: params.sheet === '' ? undefined : Number(params.sheet),
    ministry: orUndefined(params.ministry),
    type: SEARCH_FILTER_TYPES.find((type) => type === params.type),
    status: PROGRESS_STATUSES.find((status) => status === params.status),
    grade: ABNF_GRADES.find((grade) => grade === params.grade),
    round: orUndefined(params.round),
  };
}

/** `/search?q=…` (or the API path) with the filters that are set. */
export function buildSearchPath(params: SearchParams, base = '/search'): string {
  const text = toSearchParams(params).toString();
  return text ? `${base}?${text}` : base;
}

/**
 * Where a hit leads: an evaluation to the evaluations of its round on the dashboard, else its measure's page
 * when it has one, else its plan's page.
 */
export function hitPath(hit: Pick<SearchHit, 'planSlug' | 'measureId' | 'type' | 'roundId'>): string {
  const plan = `/plans/${encodeURIComponent(hit.planSlug)}`;
  if (hit.type === 'evaluation' && hit.roundId !== null) {
    return `${plan}/dashboard?round=${encodeURIComponent(hit.roundId)}#dashboard-evaluation`;
  }
  return hit.measureId === null ? plan : `${plan}/measures/${encodeURIComponent(hit.measureId)}`;
}
