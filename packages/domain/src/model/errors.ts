/** The kinds of deliberate failure; the server maps each kind to one HTTP status. */
export type DomainErrorKind = 'not_found' | 'invalid_input' | 'conflict' | 'unauthenticated' | 'forbidden';

/** One field a failure concerns, as a path into the input (`sheets[1].measures[0].title`). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/**
 * An error raised on purpose, with a stable code (`plan_not_found`, `invalid_credentials` …) that clients can
 * rely on, and the fields it concerns.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
