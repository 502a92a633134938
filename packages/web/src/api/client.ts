import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { ErrorBody } from './types';

/** One detail of an API error, pointing at the field it is about. */
export type ApiErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

/**
 * A refused field's reason in the page's language: the Japanese the rule wrote, on a Japanese page (the
 * document's lang, which the i18n provider sets), else the English message.
 */
export function detailText(detail: ApiErrorDetail, lang: string = documentLang()): string {
  return lang.startsWith('ja') && detail.ja !== undefined ? detail.ja : detail.message;
}

function documentLang(): string {
  return typeof document === 'undefined' ? 'ja' : document.documentElement.lang || 'ja';
}

/** An API call that did not succeed, carrying the server's stable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly ApiErrorDetail[];
  /** Seconds to wait before trying again, from a 429 or 503's Retry-After header; null without one. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details: readonly ApiErrorDetail[] = [],
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// The session's CSRF token, echoed on every write; kept here so callers need not pass it along.
let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (null when signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept', 'application/json');
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/**
 * The kotei API, typed from the committed openapi.json (src/api/schema.d.ts, `npm run api:generate`): a path,
 * its parameters, its body and its answer are checked against the contract, so a changed response shape fails
 * the web's typecheck. Cookies go along on the same origin; writes carry the session's CSRF token.
 */
export const api = createClient<paths>({ credentials: 'same-origin' });
api.use(sessionHeaders);

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

function toApiError(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const details = Array.isArray(body.error.details) ? body.error.details : [];
    const retryAfter = Number(response.headers.get('retry-after') ?? '');
    return new ApiError(
      response.status,
      body.error.code,
      body.error.message,
      details,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  // Not our JSON (a proxy's HTML page, say): a generic error.
  return new ApiError(response.status, `http_${response.status}`, response.statusText || 'Request failed');
}

/**
 * Waits for an `api` call and returns its data, or throws ApiError (status 0 when the network failed):
 * `await send(api.GET('/api/plans/{slug}', { params: { path: { slug } } }))`.
 */
export async function send<A extends { data?: unknown; error?: unknown; response: Response }>(
  call: Promise<A>,
): Promise<NonNullable<A['data']>> {
  let answer: A;
  try {
    answer = await call;
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  if (answer.error !== undefined || !answer.response.ok) throw toApiError(answer.response, answer.error);
  // openapi-fetch types `data` by the path's success response; it is absent only on errors, handled above.
  return answer.data as NonNullable<A['data']>;
}
