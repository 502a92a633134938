import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Session } from '../../api/types';
import { api, send, setCsrfToken } from '../../api/client';
import { SessionContext, type SessionState } from './context';

const SIGNED_OUT: Session = { user: null, csrfToken: null };

/** Loads the session once, and keeps the API client's CSRF token in step with it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);

  const apply = useCallback((next: Session) => {
    setCsrfToken(next.csrfToken);
    setSession(next);
  }, []);

  useEffect(() => {
    let isCurrent = true;
    send(api.GET('/api/auth/session')).then(
      (next) => {
        if (isCurrent) apply(next);
      },
      () => {
        // Without a session answer the site is still readable: treat the visitor as signed out.
        if (isCurrent) apply(SIGNED_OUT);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [apply]);

  const signIn = useCallback(
    async (login: string, password: string) => {
      const next = await send(api.POST('/api/auth/login', { body: { login, password } }));
      apply(next);
      return next.user;
    },
    [apply],
  );

  const signOut = useCallback(async () => {
    await send(api.POST('/api/auth/logout'));
    apply(SIGNED_OUT);
    // A fresh anonymous session may carry its own CSRF token for the next sign-in.
    try {
      apply(await send(api.GET('/api/auth/session')));
    } catch {
      // Signed out either way.
    }
  }, [apply]);

  const value = useMemo<SessionState>(
    () => ({
      status: session ? 'ready' : 'loading',
      user: session?.user ?? null,
      signIn,
      signOut,
    }),
    [session, signIn, signOut],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}
