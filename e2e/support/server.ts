import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** A running kotei server on a free port, with the admin credentials it printed on first start. */
export interface KoteiServer {
  url: string;
  adminLogin: string;
  adminPassword: string;
  /** The server's database (SQLite), for a test that adds data with the CLI. */
  databaseUrl: string;
  /** Stops the server and removes its temporary database directory. */
  stop: () => Promise<void>;
  /** Creates an account with `kotei user add` on the server's database; resolves to its printed password. */
  addUser: (login: string, role: string, ministry?: string) => Promise<string>;
  /**
   * Stops the server and starts it again on the same database and port with another fixed clock (days passing,
   * such as the April handover); signed-in sessions stay in the database.
   */
  restart: (clock: string) => Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(REPO_ROOT, 'packages/server/bin/kotei.js');
const WEB_INDEX = join(REPO_ROOT, 'packages/web/dist/index.html');
const STARTUP_TIMEOUT_MS = 60_000;
// The admin lines may come just after the listening line; wait this long for them before giving up.
const ADMIN_GRACE_MS = 5_000;
const STOP_TIMEOUT_MS = 10_000;

const LISTENING = /listening on (http:\/\/\S+)/;
const ADMIN_LOGIN = /admin login: (\S+)/;
const ADMIN_PASSWORD = /admin password: (\S+)/;

/** A wildcard bind address is no place to browse to: use loopback instead, and drop a trailing slash. */
function toBrowsableUrl(printed: string): string {
  const url = new URL(printed);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  return url.origin;
}

/** The fixed "now" of every end-to-end run, in Japan time. */
export const E2E_CLOCK = '2025-07-15T10:00:00+09:00';

interface Spawned {
  url: string;
  adminLogin: string;
  adminPassword: string;
  /** Stops the process (its database stays). */
  stop: () => Promise<void>;
}

/**
 * Spawns `kotei serve` with `env` and resolves once it prints its URL and, on a fresh database (`isFresh`), the
 * first-start admin credentials.
 */
async function spawnServe(env: NodeJS.ProcessEnv, port: number, isFresh: boolean): Promise<Spawned> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let hasExited = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      hasExited = true;
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (hasExited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    const found = await new Promise<{ url: string; adminLogin: string; adminPassword: string }>(
      (resolve, reject) => {
        let url: string | undefined;
        let adminLogin: string | undefined;
        let adminPassword: string | undefined;
        let graceTimer: NodeJS.Timeout | undefined;

        const fail = (reason: string): void => {
          clearTimeout(startupTimer);
          clearTimeout(graceTimer);
          reject(new Error(`kotei server: ${reason}\n--- server output ---\n${output}`));
        };
        const startupTimer = setTimeout(() => {
          fail(`did not start within ${STARTUP_TIMEOUT_MS / 1000} s`);
        }, STARTUP_TIMEOUT_MS);

        const check = (): void => {
          if (url && (!isFresh || (adminLogin && adminPassword))) {
            clearTimeout(startupTimer);
            clearTimeout(graceTimer);
            resolve({ url, adminLogin: adminLogin ?? '', adminPassword: adminPassword ?? '' });
          } else if (url && !graceTimer) {
            graceTimer = setTimeout(() => {
              fail('listened but printed no "admin login:"/"admin password:" lines (is the database fresh?)');
            }, ADMIN_GRACE_MS);
          }
        };

        // Credentials may be printed on either stream; the URL is looked for on both too.
        const onData = (chunk: Buffer): void => {
          output += chunk.toString('utf8');
          // Only whole lines: a chunk may end in the middle of the URL or the password.
          const lines = output.slice(0, output.lastIndexOf('\n') + 1);
          url ??= LISTENING.exec(lines)?.[1];
          adminLogin ??= ADMIN_LOGIN.exec(lines)?.[1];
          adminPassword ??= ADMIN_PASSWORD.exec(lines)?.[1];
          check();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.once('error', (error) => {
          fail(`could not be spawned: ${error.message}`);
        });
        child.once('exit', (code, signal) => {
          fail(`exited before it was ready (code ${String(code)}, signal ${String(signal)})`);
        });
      },
    );
    return { ...found, url: toBrowsableUrl(found.url), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Starts `kotei serve --port 0` on a fresh SQLite database in a temporary directory, with a fixed clock,
 * and resolves once it prints its URL and the first-start admin credentials.
 */
export async function startServer(): Promise<KoteiServer> {
  // Without a built web app the server answers pages with a plain-text hint, and every UI check would fail
  // for a reason far from its message.
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `The web app is not built (${WEB_INDEX} is missing): run \`npm run build -w @kotei/web\` first.`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'kotei-e2e-'));
  const databaseUrl = `sqlite:${join(dir, 'kotei.db')}`;
  let env: NodeJS.ProcessEnv = {
    ...process.env,
    KOTEI_DATABASE_URL: databaseUrl,
    KOTEI_CLOCK: E2E_CLOCK,
    KOTEI_LOG_LEVEL: 'warn',
  };
  const addUser = async (login: string, role: string, ministry?: string): Promise<string> => {
    const args = [CLI, 'user', 'add', login, '--role', role, ...(ministry ? ['--ministry', ministry] : [])];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: REPO_ROOT, env });
    const password = /password: (\S+)/.exec(stdout)?.[1];
    if (!password) throw new Error(`kotei user add ${login} printed no password:\n${stdout}`);
    return password;
  };
  let running: Spawned;
  try {
    running = await spawnServe(env, 0, true);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const { url, adminLogin, adminPassword } = running;
  const restart = async (clock: string): Promise<void> => {
    await running.stop();
    env = { ...env, KOTEI_CLOCK: clock };
    running = await spawnServe(env, Number(new URL(url).port), false);
  };
  const stop = async (): Promise<void> => {
    await running.stop();
    await rm(dir, { recursive: true, force: true });
  };
  return { url, adminLogin, adminPassword, databaseUrl, stop, addUser, restart };
}
