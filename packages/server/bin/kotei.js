#!/usr/bin/env node
// Entry point of the `kotei` command; the program itself is compiled TypeScript in ../dist.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('kotei: not built yet. Run `npm run build` in the repository root first.');
  process.exit(1);
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv);
