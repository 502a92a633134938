import type { SearchHit, SearchQuery } from '../../api/types';
import { isId } from '../../lib/ids';
import { ABNF_GRADES, PROGRESS_STATUSES } from '@kotei/domain/status';
import { readTimeTravel, withTimeTravel, type TimeTravel } from '../../ui/time-travel';

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
  /** Time travel (見直し): a revision number, or a date whose revision in force is searched; a plan's only. */
  revision: string;
  revisionOn: string;
}

const KEYS = [
  'q',
  'plan',
  'sheet',
  'ministry',
  'type',
  'status',
  'grade',
  'round',
  'revision',
  'revisionOn',
] as const;

/**
 * Reads `?q=&plan=&sheet=&ministry=&type=&status=&grade=&round=&revision=&revisionOn=`, dropping values the API
 * would refuse (a revision without a plan among them).
 */
export function readSearchParams(search: URLSearchParams): SearchParams {
  const sheet = search.get('sheet') ?? '';
  const type = search.get('type') ?? '';
  const status = search.get('status') ?? '';
  const round = search.get('round') ?? '';
  const grade = search.get('grade') ?? '';
  const plan = search.get('plan') ?? '';
  const travel: TimeTravel = plan === '' ? {} : readTimeTravel(search);
  return {
    q: (search.get('q') ?? '').trim(),
    plan,
    sheet: /^\d{1,3}$/.test(sheet) && Number(sheet) >= 1 ? sheet : '',
    ministry: (search.get('ministry') ?? '').slice(0, 4),
    type: (SEARCH_FILTER_TYPES as readonly string[]).includes(type) ? type : '',
    status: (PROGRESS_STATUSES as readonly string[]).includes(status) ? status : '',
    grade: (ABNF_GRADES as readonly string[]).includes(grade) ? grade : '',
    round: isId(round) ? round : '',
    revision: travel.revision === undefined ? '' : String(travel.revision),
    revisionOn: travel.revisionOn ?? '',
  };
}

/** The revision a search asks for: none, by number, or by date. */
export function searchTimeTravel(params: SearchParams): TimeTravel {
  if (params.plan === '') return {};
  if (params.revision !== '') return { revision: Number(params.revision) };
  return params.revisionOn === '' ? {} : { revisionOn: params.revisionOn };
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
    ...searchTimeTravel(params),
  };
}

/** `/search?q=…` (or the API path) with the filters that are set. */
export function buildSearchPath(params: SearchParams, base = '/search'): string {
  const text = toSearchParams(params).toString();
  return text ? `${base}?${text}` : base;
}

/**
 * Where a hit leads: an evaluation to the evaluations of its round on the dashboard, else its measure's page
 * when it has one, else its plan's page; each as the revision searched (`travel`), when one was.
 */
export function hitPath(
  hit: Pick<SearchHit, 'planSlug' | 'measureId' | 'type' | 'roundId'>,
  travel: TimeTravel = {},
): string {
  const plan = `/plans/${encodeURIComponent(hit.planSlug)}`;
  const query = (first: Record<string, string>) => {
    const text = withTimeTravel(new URLSearchParams(first), travel).toString();
    return text === '' ? '' : `?${text}`;
  };
  if (hit.type === 'evaluation' && hit.roundId !== null) {
    return `${plan}/dashboard${query({ round: hit.roundId })}#dashboard-evaluation`;
  }
  const page = hit.measureId === null ? plan : `${plan}/measures/${encodeURIComponent(hit.measureId)}`;
  return `${page}${query({})}`;
}
