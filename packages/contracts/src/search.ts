import { z } from 'zod';
import type * as domain from '@kotei/domain';
import { ABNF_GRADES, PROGRESS_STATUSES } from '@kotei/domain';
import { describes, Id, InputDate, IsoDate, Text } from './common.js';
import { RevisionShown } from './plan.js';

/** Kinds of items search finds. */
export const SEARCH_TYPES = ['measure', 'kpi', 'progress', 'project', 'evaluation'] as const;

/** A search over every plan, or one plan, with the filters the results page offers. */
export const SearchQuery = z
  .object({
    q: Text({ max: 200 }).meta({ description: 'Words to find; 和暦 and 西暦 years match alike' }),
    plan: Text({ max: 80, mayBeBlank: true }).optional().meta({ description: 'Plan slug' }),
    sheet: z.coerce.number().int().min(1).max(1000).optional(),
    ministry: Text({ max: 4, mayBeBlank: true }).optional().meta({ description: 'Ministry code, e.g. 厚' }),
    type: z.enum(SEARCH_TYPES).optional(),
    round: Id.optional().meta({
      description: 'Only what belongs to this follow-up round (progress, evaluations)',
    }),
    status: z
      .enum(PROGRESS_STATUSES)
      .optional()
      .meta({ description: 'Only KPIs and measures with this status at today in Japan' }),
    grade: z
      .enum(ABNF_GRADES)
      .optional()
      .meta({ description: 'Only KPIs and measures with this A/B/N/F grade at today in Japan' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    revision: z.coerce.number().int().min(1).max(100_000).optional().meta({
      description:
        'Search the plan as this revision (見直し) fixed it, as it stood until the next one; needs plan',
    }),
    revisionOn: InputDate.optional().meta({
      description:
        'Search the plan as it stood on this date, as the revision then in force fixed it; needs plan',
    }),
  })
  // Time travel is a plan's: it needs the plan, and asks for one revision, by number or by date, not both.
  .superRefine((query, ctx) => {
    const asked =
      query.revision !== undefined ? 'revision' : query.revisionOn !== undefined ? 'revisionOn' : null;
    if (asked !== null && (query.plan === undefined || query.plan === ''))
      ctx.addIssue({ code: 'custom', path: ['plan'], message: `is needed with ${asked}` });
    if (query.revision !== undefined && query.revisionOn !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['revisionOn'],
        message: 'cannot be given with revision: ask for one revision, by number or by date',
      });
  });
/** A search request. */
export type SearchQuery = z.infer<typeof SearchQuery>;

/** One piece of a hit's text; `isHit` marks what matched, so clients highlight without HTML. */
export const HighlightSegment = describes<domain.HighlightSegment>()(
  z.object({ text: z.string(), isHit: z.boolean() }).meta({ id: 'HighlightSegment' }),
);
/** One piece of a hit's text. */
export type HighlightSegment = domain.HighlightSegment;

/** One item found. */
export const SearchHit = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: Id,
    planSlug: z.string(),
    planTitle: z.string(),
    measureId: Id.nullable(),
    sheetNumber: z.int().nullable(),
    ministries: z.array(z.string()),
    roundId: Id.nullable(),
    title: z.array(HighlightSegment),
    snippet: z.array(HighlightSegment),
  })
  .meta({ id: 'SearchHit' });
/** One item found. */
export type SearchHit = z.infer<typeof SearchHit>;

/** What a search found: how many (counted up to 1,000) and the first `limit` hits. */
export const SearchResult = z
  .object({
    query: z.string(),
    normalizedQuery: z
      .string()
      .meta({ description: 'The query as compared: normalised, 和暦 years as 西暦' }),
    total: z.int().meta({ description: 'Matches counted, at most 1,000' }),
    isTotalCapped: z.boolean().meta({ description: 'More matches than total: counting stopped at 1,000' }),
    hits: z.array(SearchHit),
    rounds: z
      .array(
        z.object({
          id: Id,
          title: z.string(),
          asOfDate: IsoDate,
          planSlug: z.string(),
          planTitle: z.string(),
        }),
      )
      .meta({
        description: 'The follow-up rounds of the plans searched, newest first: what the round filter offers',
      }),
    revision: RevisionShown.optional().meta({
      description: 'The revision searched when ?revision= or ?revisionOn= asked for one (time travel)',
    }),
  })
  .meta({ id: 'SearchResult' });
/** What a search found. */
export type SearchResult = z.infer<typeof SearchResult>;
