/** The kinds of deliberate failure; the server maps each kind to one HTTP status. */
export type DomainErrorKind =
  | 'not_found'
  | 'invalid_input'
  /** Well-formed, but naming what the target cannot take (a measure not in the plan, or retired): 422. */
  | 'unprocessable'
  | 'conflict'
  | 'gone'
  | 'unauthenticated'
  | 'forbidden'
  | 'too_many_requests'
  | 'unavailable';

/** One field a failure concerns, as a path into the input (`sheets[1].measures[0].title`). */
export interface ErrorDetail {
  path: string;
  message: string;
  /** The message in Japanese, where the rule writes one: what a Japanese screen shows beside the field. */
  ja?: string;
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

/** A refusal that lifts by itself (sign-in throttling, a full queue): the answer says when to try again. */
export class RetryLaterError extends DomainError {
  constructor(
    kind: 'too_many_requests' | 'unavailable',
    code: string,
    message: string,
    /** Whole seconds until trying again may succeed (the Retry-After header). */
    readonly retryAfterSeconds: number,
  ) {
    super(kind, code, message);
    this.name = 'RetryLaterError';
  }
}

/**
 * A write based on a version that is no longer current (409): carries what now stands, so the client can show
 * both and the writer's text is offered back rather than lost.
 */
export class StaleWriteError extends DomainError {
  constructor(
    message: string,
    /** The entity as it now stands, in the API's shape. */
    readonly current: unknown,
  ) {
    super('conflict', 'stale_version', message);
    this.name = 'StaleWriteError';
  }
}
