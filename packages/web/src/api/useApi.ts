import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiError } from './client';

/** The state of one GET: loading, its data, or the error it ended in. */
export type Resource<T> =
  { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: ApiError };

/**
 * Loads with `load` whenever `key` changes (the request's address, say); `reload()` loads again (after an
 * error, say). `load` is a typed API call: `(signal) => send(api.GET('/api/portfolio', { signal }))`.
 */
export function useApi<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { resource: Resource<T>; reload: () => void } {
  const [state, setState] = useState<{ key: string; attempt: number; resource: Resource<T> }>({
    key,
    attempt: 0,
    resource: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);
  // The key says when to load again; the loader of the latest render does the loading.
  const loadLatest = useEffectEvent(load);

  useEffect(() => {
    const controller = new AbortController();
    loadLatest(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setState({ key, attempt, resource: { status: 'success', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
        setState({ key, attempt, resource: { status: 'error', error: apiError } });
      },
    );
    return () => {
      controller.abort();
    };
  }, [key, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  // Until the answer for this key and attempt arrives, show loading rather than the previous page's data.
  const isCurrent = state.key === key && state.attempt === attempt;
  return { resource: isCurrent ? state.resource : { status: 'loading' }, reload };
}
