import { useContext } from 'react';
import { SessionContext, type SessionState } from './context';

/** Who is signed in, with signIn/signOut. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() must be used inside <SessionProvider>');
  return session;
}
