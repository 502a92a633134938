import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The real RS rows live beside the repository (../shared/data/rs-2024-mhlw), never in it. Tests, the benchmark
// and the CLI's examples find them through KOTEI_SHARED_DIR, which defaults to <repository>/../shared.
const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url));

/** The shared folder: KOTEI_SHARED_DIR, else <repository>/../shared. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.KOTEI_SHARED_DIR ?? join(REPOSITORY, '..', 'shared'));
}

/** The folder of the real FY2024 MHLW rows, with its files by type (`2-1` → path), or null when it is missing. */
export function rsSampleFiles(
  env: NodeJS.ProcessEnv = process.env,
): { dir: string; files: Map<string, string> } | null {
  const dir = join(sharedDir(env), 'data', 'rs-2024-mhlw');
  if (!existsSync(dir)) return null;
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const type = /^(?:SAMPLE_)?(\d-\d)_RS_/.exec(name)?.[1];
    if (type !== undefined && name.endsWith('.csv'))
      files.set(name.startsWith('SAMPLE_') ? `${type}-sample` : type, join(dir, name));
  }
  return { dir, files };
}
