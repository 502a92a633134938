import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's postgresql-15 package puts the server binaries. */
export const POSTGRES_BIN = process.env.KOTEI_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL cluster on loopback, for tests and benchmarks. */
export interface PostgresCluster {
  /** Connection URL of the cluster's `postgres` database, as its superuser. */
  adminUrl: string;
  /** Stop the server and remove its folder. */
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

// initdb refuses to run as root, so as root the cluster belongs to the `postgres` system user.
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(
      'running as root, but there is no `postgres` user to own a test cluster (install postgresql)',
    );
  }
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Start a fresh cluster (initdb with C.UTF-8 so pg_trgm reads Japanese, fsync off) in a temporary folder.
 * Throws with the command to run when the binaries are missing: callers must not skip silently.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL 15 server binaries not found in ${POSTGRES_BIN}; run \`bash scripts/install-system-deps.sh\` (installs Debian's postgresql)`,
    );
  }
  const owner = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'kotei-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (binary: string, args: string[]): void => {
    execFileSync(join(POSTGRES_BIN, binary), args, { ...owner, cwd: dir, stdio: 'pipe', timeout: 60_000 });
  };
  const stop = (): void => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Already stopped, or never started: the folder goes either way.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    const settings = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${port}`,
      `-c unix_socket_directories=${dir}`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    stop();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(
      `could not start a test PostgreSQL cluster: ${(error as Error).message}\n${stderr}\n${log}`,
      { cause: error },
    );
  }
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
