import { highlight, toSearchText } from '@kotei/domain';
import type { SearchQuery, SearchResult } from '@kotei/contracts';
import type { SearchFilters, SearchRepository, SearchRound } from '../repositories/search.repository.js';
import { findInEntries, type SearchFound } from '../repositories/search-match.js';
import type { PlanService } from './plan.service.js';

const SNIPPET_CHARS = 160;

// A long text is cut around its first hit, so the snippet shows why the item was found.
function snippetOf(body: string, needle: string): string {
  const chars = Array.from(body);
  if (chars.length <= SNIPPET_CHARS) return body;
  const firstToken = needle.split(' ')[0] ?? '';
  const at = Math.max(0, toSearchText(body).indexOf(firstToken));
  const start = Math.max(0, Math.min(at - 40, chars.length - SNIPPET_CHARS));
  return `${start > 0 ? '…' : ''}${chars.slice(start, start + SNIPPET_CHARS).join('')}${start + SNIPPET_CHARS < chars.length ? '…' : ''}`;
}

type WithStatus = { kpis: string[]; measures: string[] } | undefined;

// A status belongs to KPIs and measures only: the entities a status filter keeps, of the type asked.
function entityIdsOf(withStatus: WithStatus, type: SearchQuery['type']): string[] | undefined {
  if (withStatus === undefined) return undefined;
  if (type === 'kpi') return withStatus.kpis;
  if (type === 'measure') return withStatus.measures;
  return type === undefined ? [...withStatus.kpis, ...withStatus.measures] : [];
}

/**
 * Japanese full-text search over measures, KPIs, progress, projects and evaluations. Public. The index holds
 * the plans as they stand; a past revision (time travel) is searched in memory, its entries built from the plan
 * as that revision fixed it and as it stood until the next (see ARCHITECTURE.md).
 */
export class SearchService {
  constructor(
    private readonly search: SearchRepository,
    private readonly plans: PlanService,
  ) {}

  /** Find items containing every word of the query, normalised like stored text. */
  async find(query: SearchQuery): Promise<SearchResult> {
    const normalizedQuery = toSearchText(query.q);
    const tokens = [...new Set(normalizedQuery.split(' ').filter((t) => t !== ''))];
    const filters: SearchFilters = {
      tokens,
      planSlug: query.plan,
      sheetNumber: query.sheet,
      ministry: query.ministry,
      type: query.type,
      roundId: query.round,
      limit: query.limit,
    };
    const status = { status: query.status, grade: query.grade };
    if (query.plan !== undefined && (query.revision !== undefined || query.revisionOn !== undefined)) {
      const then = await this.plans.searchableAt(query.plan, query, status);
      if (then !== undefined) {
        const plan = { plan_slug: query.plan, plan_title: then.title };
        const evaluations = await this.search.evaluations(query.plan, then.roundIds);
        const entries = [...then.entries, ...evaluations].map((entry) => ({ ...entry, ...plan }));
        const found = findInEntries(entries, {
          ...filters,
          entityIds: entityIdsOf(then.withStatus, query.type),
        });
        const rounds = (await this.search.rounds(query.plan)).filter((r) => then.roundIds.includes(r.id));
        return { ...this.resultOf(query, normalizedQuery, found, rounds), revision: then.revision };
      }
    }
    // The plans' statuses are kept between requests (PlanStatuses), so a status filter costs little.
    const isFiltered = query.status !== undefined || query.grade !== undefined;
    const withStatus = isFiltered ? await this.plans.withStatus(status, query.plan) : undefined;
    const entityIds = entityIdsOf(withStatus, query.type);
    const [found, rounds] = await Promise.all([
      this.search.find({ ...filters, entityIds }),
      this.search.rounds(query.plan),
    ]);
    return this.resultOf(query, normalizedQuery, found, rounds);
  }

  private resultOf(
    query: SearchQuery,
    normalizedQuery: string,
    { total, isTotalCapped, rows }: SearchFound,
    rounds: readonly SearchRound[],
  ): SearchResult {
    const firstToken = normalizedQuery.split(' ').find((t) => t !== '') ?? '';
    return {
      query: query.q,
      normalizedQuery,
      total,
      isTotalCapped,
      hits: rows.map((row) => ({
        type: row.entity_type as SearchResult['hits'][number]['type'],
        id: row.entity_id,
        planSlug: row.plan_slug,
        planTitle: row.plan_title,
        measureId: row.measure_id,
        sheetNumber: row.sheet_number,
        ministries: row.ministries.split('|').filter((m) => m !== ''),
        roundId: row.round_id,
        title: highlight(row.title, query.q),
        snippet: highlight(snippetOf(row.body, firstToken), query.q),
      })),
      rounds: rounds.map((round) => ({
        id: round.id,
        title: round.title,
        asOfDate: round.as_of_date,
        planSlug: round.plan_slug,
        planTitle: round.plan_title,
      })),
    };
  }
}
