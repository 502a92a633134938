import type { ErrorBody } from '@kotei/contracts';

/** One detail of an API error, pointing at the field it is about. */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** An API call that did not succeed, carrying the server's stable error code. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: readonly ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

// The session's CSRF token, echoed on every write; kept here so callers need not pass it along.
let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (null when signed out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

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

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, say): fall through to a generic error.
  }
  if (isErrorBody(body)) {
    const details = Array.isArray(body.error.details) ? body.error.details : [];
    return new ApiError(response.status, body.error.code, body.error.message, details);
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || 'Request failed');
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GETs JSON from the kotei API; throws ApiError on an error response. */
export function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>(path, { method: 'GET', headers: { accept: 'application/json' }, signal: signal ?? null });
}

/** POSTs JSON to the kotei API with the session's CSRF token; throws ApiError on an error response. */
export function postJson<T>(path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  return request<T>(path, {
    method: 'POST',
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
}
