import { ApiError } from '../../api/client';
import type { MessageParams } from '../../i18n/catalogue';
import type { MessageKey } from '../../i18n/ja';
import { formatInstant } from '../../lib/instant-format';

/** A message of the catalogue with its parameters, ready for t(). */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** How long to wait, in words: seconds under two minutes, whole minutes (rounded up) beyond. */
export function waitOf(seconds: number): Message {
  return seconds < 120
    ? { key: 'auth.wait.seconds', params: { count: seconds } }
    : { key: 'auth.wait.minutes', params: { count: Math.ceil(seconds / 60) } };
}

/**
 * What the sign-in form says about a failed attempt: a throttled or locked sign-in says when to try again
 * (the clock time in Japan, from Retry-After, and how long that is), so nobody keeps guessing into a lockout.
 */
export function signInErrorOf(
  error: unknown,
  lang: 'ja' | 'en',
  now: number,
  t: (key: MessageKey, params?: MessageParams) => string,
): Message {
  if (!(error instanceof ApiError)) return { key: 'auth.error.generic' };
  if (error.code === 'invalid_credentials' || error.status === 401)
    return { key: 'auth.error.invalidCredentials' };
  if (error.status === 503 && error.code === 'sign_in_busy') return { key: 'auth.error.busy' };
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds ?? 60;
    const wait = waitOf(seconds);
    const params = {
      time: formatInstant(new Date(now + seconds * 1000).toISOString(), lang),
      wait: t(wait.key, wait.params),
    };
    return { key: error.code === 'sign_in_locked' ? 'auth.error.locked' : 'auth.error.throttled', params };
  }
  return { key: 'auth.error.generic' };
}
