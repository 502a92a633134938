import { highlight, toSearchText } from '@kotei/domain';
import type { SearchQuery, SearchResult } from '@kotei/contracts';
import type { SearchRepository } from '../repositories/search.repository.js';
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

/** Japanese full-text search over measures, KPIs, progress, projects and evaluations. Public. */
export class SearchService {
  constructor(
    private readonly search: SearchRepository,
    private readonly plans: PlanService,
  ) {}

  /** Find items containing every word of the query, normalised like stored text. */
  async find(query: SearchQuery): Promise<SearchResult> {
    const normalizedQuery = toSearchText(query.q);
    const tokens = [...new Set(normalizedQuery.split(' ').filter((t) => t !== ''))];
    // A status belongs to KPIs and measures only, and is computed, so the filter is the list of those that
    // have it today; the plans' statuses are kept between requests (PlanStatuses), so this costs little.
    const isFiltered = query.status !== undefined || query.grade !== undefined;
    const withStatus = isFiltered
      ? await this.plans.withStatus({ status: query.status, grade: query.grade }, query.plan)
      : undefined;
    const entityIds =
      withStatus &&
      (query.type === 'kpi'
        ? withStatus.kpis
        : query.type === 'measure'
          ? withStatus.measures
          : query.type === undefined
            ? [...withStatus.kpis, ...withStatus.measures]
            : []);
    const [{ total, isTotalCapped, rows }, rounds] = await Promise.all([
      this.search.find({
        tokens,
        planSlug: query.plan,
        sheetNumber: query.sheet,
        ministry: query.ministry,
        type: query.type,
        roundId: query.round,
        entityIds,
        limit: query.limit,
      }),
      this.search.rounds(query.plan),
    ]);
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
        snippet: highlight(snippetOf(row.body, tokens[0] ?? ''), query.q),
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
