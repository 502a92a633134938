import { fileURLToPath } from 'node:url';
import { fixedClock, systemClock, type Clock } from '@kotei/domain';
import { DEFAULT_JOB_FILE_DAYS } from './services/job-worker.js';

/** Settings read from the environment (12-factor), with defaults for a first start on one machine. */
export interface Config {
  databaseUrl: string;
  clock: Clock;
  logLevel: string;
  host: string;
  port: number;
  webRoot: string;
  secureCookies: boolean;
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For to believe (comma-separated IPs or CIDRs), or
   * null when clients connect directly. Sign-in throttling counts per client address, so behind a proxy this
   * must be set or every user shares the proxy's.
   */
  trustProxy: string | null;
  /** How many days a finished report job's file is kept before the worker deletes it (`KOTEI_JOB_FILE_DAYS`). */
  jobFileDays: number;
}

/** The built web app, beside this package in the repository. */
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Read the configuration; a bad value stops start-up with the variable's name. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.KOTEI_PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`KOTEI_PORT must be a port number 0–65535, found "${env.KOTEI_PORT ?? ''}"`);
  }
  let clock = systemClock;
  if (env.KOTEI_CLOCK !== undefined && env.KOTEI_CLOCK !== '') {
    // A fixed "now" for demonstrations and tests; production leaves it unset.
    try {
      clock = fixedClock(env.KOTEI_CLOCK);
    } catch {
      throw new Error(
        `KOTEI_CLOCK must be an ISO 8601 instant with a zone, such as 2025-07-15T10:00:00+09:00, found "${env.KOTEI_CLOCK}"`,
      );
    }
  }
  const jobFileDays = Number(env.KOTEI_JOB_FILE_DAYS ?? String(DEFAULT_JOB_FILE_DAYS));
  if (!Number.isFinite(jobFileDays) || jobFileDays <= 0) {
    throw new Error(
      `KOTEI_JOB_FILE_DAYS must be a number of days above 0, found "${env.KOTEI_JOB_FILE_DAYS ?? ''}"`,
    );
  }
  return {
    databaseUrl: env.KOTEI_DATABASE_URL ?? 'sqlite:./data/kotei.db',
    clock,
    logLevel: env.KOTEI_LOG_LEVEL ?? 'info',
    host: env.KOTEI_HOST ?? '127.0.0.1',
    port,
    webRoot: env.KOTEI_WEB_ROOT ?? DEFAULT_WEB_ROOT,
    secureCookies: env.KOTEI_SECURE_COOKIES === 'true',
    trustProxy:
      env.KOTEI_TRUST_PROXY === undefined || env.KOTEI_TRUST_PROXY === '' ? null : env.KOTEI_TRUST_PROXY,
    jobFileDays,
  };
}
