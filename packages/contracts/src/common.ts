import { z } from 'zod';

/** UUID of any entity; ids never change across revisions. */
export const Id = z.uuid().meta({ description: 'Stable UUID' });

/** Calendar date in Japan (YYYY-MM-DD). */
export const IsoDate = z.iso
  .date()
  .meta({ description: 'Date in Japan time, YYYY-MM-DD', example: '2025-06-30' });

/** The earliest and latest dates a request may name; anything outside is a typo or a probe. */
export const DATE_RANGE = { min: '1900-01-01', max: '2200-12-31' } as const;

/** A date a request names (an as-of date, a deadline, a reference date): a real date within DATE_RANGE. */
export const InputDate = z.iso
  .date()
  // A value that is no date at all has its one issue from the format check already.
  .refine((date) => !/^\d{4}-\d\d-\d\d$/u.test(date) || (date >= DATE_RANGE.min && date <= DATE_RANGE.max), {
    message: `must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`,
  })
  .meta({
    description: `Date in Japan time, YYYY-MM-DD, from ${DATE_RANGE.min} to ${DATE_RANGE.max}`,
    example: '2025-06-30',
  });

// C0 controls and DEL; tab, line feed and carriage return are allowed where text may span lines.
/* eslint-disable no-control-regex -- finding control characters is the point */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/u;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
/* eslint-enable no-control-regex */
// With the u flag a well-formed surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// What a reader cannot see: white space (String.prototype.trim's, full-width included) and zero-width marks.
const INVISIBLE = /[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/gu;

/** How a text field of a request is checked; see `Text`. */
export interface TextOptions {
  /** Longest value, in UTF-16 code units, after trimming. */
  max: number;
  /** Tab and line breaks allowed (comments, descriptions); a one-line field refuses every control character. */
  isMultiline?: boolean;
  /** An empty or invisible-only value is allowed (an optional description); refused otherwise. */
  mayBeBlank?: boolean;
  /** Keep leading and trailing white space as sent (passwords); trimmed otherwise. */
  keepsSpaces?: boolean;
}

/**
 * Every text field of a request body, query string or path is this schema, so text is checked once where it
 * enters: no NUL or other control character (PostgreSQL refuses NUL, FTS5 ends a string at it), no lone
 * surrogate (it cannot be stored as UTF-8), and not blank or only zero-width marks where a value is required.
 */
export function Text(options: TextOptions): z.ZodString {
  const controls = options.isMultiline === true ? CONTROL_IN_TEXT : CONTROL_IN_LINE;
  let schema = z.string();
  if (options.keepsSpaces !== true) schema = schema.trim();
  schema = schema
    .max(options.max)
    .refine((value) => !controls.test(value), {
      message:
        options.isMultiline === true
          ? 'must not contain control characters (NUL and the like) other than tab and line breaks'
          : 'must not contain control characters (NUL, line breaks and the like)',
    })
    .refine((value) => !LONE_SURROGATE.test(value), {
      message: 'must not contain a lone UTF-16 surrogate (not valid Unicode text)',
    });
  if (options.mayBeBlank !== true) {
    // min(1) documents the field as required in OpenAPI; the refinement also catches invisible-only text.
    schema = schema.min(1, { abort: true }).refine((value) => value.replace(INVISIBLE, '') !== '', {
      message: 'must not be empty or only spaces and invisible characters',
    });
  }
  return schema;
}

/** A plan's slug as a path or query parameter. */
export const SlugParam = Text({ max: 80 }).meta({ description: 'Plan slug' });

/** One field an error concerns: its path in the request, the reason, and the reason in Japanese where written. */
const ErrorDetailBody = z.object({
  path: z.string(),
  message: z.string(),
  ja: z.string().optional().meta({ description: 'The reason in Japanese, for Japanese screens' }),
});

/** The one error shape every endpoint returns. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'not_found' }),
      message: z.string(),
      details: z.array(ErrorDetailBody),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
/** The one error shape every endpoint returns. */
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * A 409 `stale_version` answer: the error, and what the write was about as it now stands, so the client can show
 * both and merge (round parts, evaluations, the overall evaluation).
 */
export function staleVersionBody<T extends z.ZodType>(current: T) {
  return z.object({
    error: z.object({
      code: z.literal('stale_version'),
      message: z.string(),
      details: z.array(ErrorDetailBody),
      requestId: z.string().optional(),
    }),
    current,
  });
}

// Intersections (Pick<…> & {…}) are spread into plain objects, deeply, so that two ways of writing one shape
// compare equal; optionality, nullability and readonly still count.
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T]: Plain<T[K]> }
    : T;

/** True when A and B are the same shape (not merely assignable one way). */
// The generic functions exist only to make the compiler compare A and B by identity, the known way to do so.
export type Same<A, B> =
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false;

/**
 * Pins a wire schema to the domain type it describes: the schema is accepted only when what it parses to is
 * exactly `T`. The wire's types are the domain's (or derived from them with Pick and Omit), so a domain change
 * the wire misses, or a wire field the domain lacks, fails the typecheck here instead of drifting.
 */
export function describes<T>() {
  return <S extends z.ZodType>(
    schema: S & (Same<z.output<S>, T> extends true ? unknown : { 'parses to something else than': T }),
  ): S => schema;
}
