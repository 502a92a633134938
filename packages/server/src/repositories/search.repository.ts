import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB, SearchEntryTable } from '../db/schema.js';
import { COUNT_CAP } from './search-match.js';

export { COUNT_CAP } from './search-match.js';

/** Filters of a search, already normalised. */
export interface SearchFilters {
  tokens: readonly string[];
  planSlug?: string | undefined;
  sheetNumber?: number | undefined;
  ministry?: string | undefined;
  type?: string | undefined;
  roundId?: string | undefined;
  /** Only these entities (KPIs and measures of a status), when set. */
  entityIds?: readonly string[] | undefined;
  limit: number;
}

/** A follow-up round as the round filter lists it. */
export interface SearchRound {
  id: string;
  title: string;
  as_of_date: string;
  plan_slug: string;
  plan_title: string;
}

/** A search entry with its plan's slug and title. */
export interface SearchRow extends SearchEntryTable {
  plan_slug: string;
  plan_title: string;
}

/** Writes search entries and finds them; the engine's own index does the matching (see database.ts). */
export class SearchRepository {
  constructor(private readonly database: Database) {}

  /** Add entries with the executor of the write they belong to. */
  static async insert(executor: Kysely<DB>, entries: readonly SearchEntryTable[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 200) {
      await executor
        .insertInto('search_entry')
        .values(entries.slice(i, i + 200))
        .execute();
    }
  }

  /** Entries that contain every token and pass the filters: the total and the first `limit`, in a stable order. */
  async find(filters: SearchFilters): Promise<{ total: number; isTotalCapped: boolean; rows: SearchRow[] }> {
    const db = this.database.db;
    let query = this.database.searchEntriesContaining(filters.tokens);
    if (filters.planSlug !== undefined) {
      const slug = filters.planSlug;
      query = query.where('search_entry.plan_id', 'in', (eb) =>
        eb.selectFrom('plan').select('plan.id').where('plan.slug', '=', slug),
      );
    }
    if (filters.sheetNumber !== undefined)
      query = query.where('search_entry.sheet_number', '=', filters.sheetNumber);
    if (filters.ministry !== undefined)
      query = query.where('search_entry.ministries', 'like', `%|${filters.ministry}|%`);
    if (filters.type !== undefined) query = query.where('search_entry.entity_type', '=', filters.type);
    if (filters.roundId !== undefined) query = query.where('search_entry.round_id', '=', filters.roundId);
    if (filters.entityIds !== undefined) {
      if (filters.entityIds.length === 0) return { total: 0, isTotalCapped: false, rows: [] };
      query = query.where('search_entry.entity_id', 'in', filters.entityIds);
    }
    // Counting stops past COUNT_CAP: "more than 1,000" is all a reader needs, and counting every match of a
    // common word would cost more than finding the page of results.
    const counting = db
      .selectFrom(
        query
          .select('search_entry.id')
          .limit(COUNT_CAP + 1)
          .as('matches'),
      )
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    // The page is chosen on the keys alone (sort_key leads with the plan's slug, and its index serves the
    // order), then its rows are read whole with their plan: sorting thousands of matches of a common word
    // with their text, or joining plans before the page is known, costs several times more.
    const page = query
      .select('search_entry.id')
      .orderBy('search_entry.sort_key')
      .orderBy('search_entry.id')
      .limit(filters.limit);
    const reading = db
      .selectFrom('search_entry')
      .innerJoin('plan', 'plan.id', 'search_entry.plan_id')
      .where('search_entry.id', 'in', page)
      .selectAll('search_entry')
      .select(['plan.slug as plan_slug', 'plan.title as plan_title'])
      .orderBy('search_entry.sort_key')
      .orderBy('search_entry.id')
      .execute();
    const [count, rows] = await Promise.all([counting, reading]);
    const total = Number(count.n);
    return { total: Math.min(total, COUNT_CAP), isTotalCapped: total > COUNT_CAP, rows };
  }

  /**
   * The evaluations of a plan that its rounds `roundIds` published, as the index holds them (time travel: an
   * evaluation is fixed once its round is published, and nothing else keeps its text).
   */
  async evaluations(planSlug: string, roundIds: readonly string[]): Promise<SearchEntryTable[]> {
    if (roundIds.length === 0) return [];
    return this.database.db
      .selectFrom('search_entry')
      .innerJoin('plan', 'plan.id', 'search_entry.plan_id')
      .selectAll('search_entry')
      .where('plan.slug', '=', planSlug)
      .where('search_entry.entity_type', '=', 'evaluation')
      .where('search_entry.round_id', 'in', roundIds)
      .execute();
  }

  /** The published rounds of one plan, or of every plan, newest first. */
  async rounds(planSlug?: string): Promise<SearchRound[]> {
    let query = this.database.db
      .selectFrom('follow_up_round')
      .innerJoin('plan', 'plan.id', 'follow_up_round.plan_id')
      .select([
        'follow_up_round.id',
        'follow_up_round.title',
        'follow_up_round.as_of_date',
        'plan.slug as plan_slug',
        'plan.title as plan_title',
      ])
      .where('follow_up_round.state', '=', 'published');
    if (planSlug !== undefined) query = query.where('plan.slug', '=', planSlug);
    return query.orderBy('follow_up_round.as_of_date', 'desc').orderBy('plan.slug').execute();
  }
}
