import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { translate, type MessageParams } from '../../i18n/catalogue';
import type { MessageKey } from '../../i18n/ja';
import { signInErrorOf } from './sign-in-error';

const t = (key: MessageKey, params?: MessageParams): string => translate('en', key, params);
const NOW = Date.parse('2025-07-15T01:00:00Z'); // 10:00 in Japan

describe('signInErrorOf', () => {
  it('says when a locked sign-in may be tried again, in Japan time and in minutes', () => {
    const error = new ApiError(429, 'sign_in_locked', 'locked', [], 900);
    const message = signInErrorOf(error, 'en', NOW, t);
    expect(message.key).toBe('auth.error.locked');
    expect(t(message.key, message.params)).toContain('until 15 Jul 2025, 10:15 (about 15 minutes from now)');
  });

  it('says seconds for a throttled minute, and keeps a wrong password and a busy server apart', () => {
    const throttled = signInErrorOf(
      new ApiError(429, 'sign_in_throttled', 'slow down', [], 42),
      'en',
      NOW,
      t,
    );
    expect(t(throttled.key, throttled.params)).toBe(
      'Too many sign-in attempts. Try again after 15 Jul 2025, 10:00 (in about 42 seconds).',
    );
    expect(signInErrorOf(new ApiError(401, 'invalid_credentials', 'no'), 'en', NOW, t).key).toBe(
      'auth.error.invalidCredentials',
    );
    expect(signInErrorOf(new ApiError(503, 'sign_in_busy', 'busy', [], 2), 'en', NOW, t).key).toBe(
      'auth.error.busy',
    );
  });
});
