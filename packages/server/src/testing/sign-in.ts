import type { FastifyInstance } from 'fastify';

/** Sign in through the API and return the headers a write needs: the session cookie and the CSRF token. */
export async function signIn(
  app: FastifyInstance,
  login: string,
  password: string,
): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${login} failed: ${res.statusCode} ${res.body}`);
  return {
    cookie: `kotei_session=${res.cookies.find((c) => c.name === 'kotei_session')?.value ?? ''}`,
    'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken,
  };
}
