/** What a parser found where it expected something else, kept as data so importers can list it as an issue. */
export interface ParseError {
  readonly found: string;
  readonly expected: string;
  readonly message: string;
}

/** A parser's answer: the value, or the error as data (calendar parsers never throw on bad text). */
export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ParseError };
