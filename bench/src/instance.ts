import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI, as an operator runs it. */
export const KOTEI_BIN = fileURLToPath(new URL('../../packages/server/bin/kotei.js', import.meta.url));

/** A `kotei serve` process: its address, what it printed, and a stop that waits for it to exit. */
export interface Instance {
  url: string;
  output: string;
  /** CPU time (user + system) the server process has used so far, in ms: load-independent, unlike wall time. */
  cpuMs: () => number;
  /** SQL statements the server has sent so far (it prints them on SIGUSR2). */
  statements: () => Promise<number>;
  stop: () => Promise<void>;
}

// utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second on Linux); the command
// name (field 2) is in parentheses and may hold spaces, so fields are counted after its closing one.
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

export interface InstanceOptions {
  /** Load the sample plan at first start (the default leaves the database as it is). */
  sample?: boolean;
  /** Variables on top of the bench's own environment (a fixed clock, a trusted proxy …). */
  env?: Record<string, string>;
  /** Wait for more than the address, e.g. the first admin's login printed after it. */
  ready?: (output: string) => boolean;
}

/**
 * Start `kotei serve` from dist as its own process, so the bench's timers never wait on the server's event loop;
 * resolves once it listens (and `ready` holds), rejects with its output if it exits first.
 */
export function startInstance(databaseUrl: string, options: InstanceOptions = {}): Promise<Instance> {
  const args = [KOTEI_BIN, 'serve', '--port', '0', ...(options.sample === true ? [] : ['--no-sample'])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, KOTEI_DATABASE_URL: databaseUrl, KOTEI_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  // Callers waiting for the next `statements N` line the server prints on SIGUSR2.
  let counted: ((n: number) => void)[] = [];
  let lines = '';
  const readCounts = (chunk: string): void => {
    lines += chunk;
    const complete = lines.split('\n');
    lines = complete.pop() ?? '';
    for (const line of complete) {
      const n = /^statements (\d+)$/u.exec(line)?.[1];
      if (n === undefined) continue;
      const waiting = counted;
      counted = [];
      for (const resolve of waiting) resolve(Number(n));
    }
  };
  const statements = (): Promise<number> =>
    new Promise((resolve) => {
      counted.push(resolve);
      child.kill('SIGUSR2');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      readCounts(chunk.toString());
      const url = /listening on (\S+)/u.exec(output)?.[1];
      if (url === undefined || (options.ready !== undefined && !options.ready(output))) return;
      resolve({
        url,
        output,
        cpuMs: () => processCpuMs(child.pid),
        statements,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => {
      reject(new Error(`kotei serve exited with ${code}: ${output}`));
    });
  });
}
