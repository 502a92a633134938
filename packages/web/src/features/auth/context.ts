import { createContext } from 'react';
import type { PublicUser } from '../../api/types';

/** The signed-in state as the UI sees it. */
export interface SessionState {
  /** `loading` until the first GET /api/auth/session answers. */
  status: 'loading' | 'ready';
  user: PublicUser | null;
  /** Signs in; throws ApiError (code `invalid_credentials` on a wrong password). */
  signIn: (login: string, password: string) => Promise<PublicUser | null>;
  /** Signs out; throws ApiError when the server refuses. */
  signOut: () => Promise<void>;
}

/** Set by SessionProvider; null outside it. */
export const SessionContext = createContext<SessionState | null>(null);
