import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from './client';

/** The state of one GET: loading, its data, or the error it ended in. */
export type Resource<T> =
  { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: ApiError };

/** GETs `path` whenever it changes; `reload()` fetches again (after an error, say). */
export function useApi<T>(path: string): { resource: Resource<T>; reload: () => void } {
  const [state, setState] = useState<{ path: string; attempt: number; resource: Resource<T> }>({
    path,
    attempt: 0,
    resource: { status: 'loading' },
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    getJson<T>(path, controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        setState({ path, attempt, resource: { status: 'success', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
        setState({ path, attempt, resource: { status: 'error', error: apiError } });
      },
    );
    return () => {
      controller.abort();
    };
  }, [path, attempt]);

  const reload = useCallback(() => {
    setAttempt((n) => n + 1);
  }, []);

  // Until the answer for this path and attempt arrives, show loading rather than the previous page's data.
  const isCurrent = state.path === path && state.attempt === attempt;
  return { resource: isCurrent ? state.resource : { status: 'loading' }, reload };
}
