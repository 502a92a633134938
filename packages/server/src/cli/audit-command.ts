import { userInfo } from 'node:os';
import { CommanderError, type Command } from 'commander';
import type { AppContext } from '../context.js';
import type { CliIo } from './main.js';

/** Runs a command's work against the configured database, closing it after. */
export type WithContext = <T>(run: (ctx: AppContext) => Promise<T>) => Promise<T>;

/**
 * The operator the audit trail names for a CLI write: `cli:` and the name given with `--actor`, else the OS
 * user running the command (its uid where the system has no name for it, as in some containers).
 */
export function operatorOf(explicit: string | undefined): { operator: string } {
  if (explicit !== undefined && explicit.trim() !== '') return { operator: `cli:${explicit.trim()}` };
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = process.env.USER ?? `uid ${process.getuid?.() ?? 'unknown'}`;
  }
  return { operator: `cli:${name}` };
}

/** `kotei audit verify`: walk the audit trail's chain; exit 1 naming the first bad row. */
export function addAudit(program: Command, io: CliIo, withContext: WithContext): void {
  const audit = program.command('audit').description('Check the audit trail');
  audit
    .command('verify')
    .description(
      'Walk the hash chain of the audit trail; print OK with the count, or the first altered, inserted or removed row (exit 1)',
    )
    .action(() =>
      withContext(async (ctx) => {
        const verdict = await ctx.audit.verify();
        if (verdict.ok) {
          io.out(`audit trail OK: ${verdict.count} event(s), seq 1–${verdict.count} chained`);
          return;
        }
        const { fault, seq, id, message } = verdict.problem;
        io.err(`audit trail BROKEN at seq ${seq}${id === null ? '' : ` (id ${id})`}: ${fault}: ${message}`);
        io.err(`${verdict.count} event(s) before it verified`);
        throw new CommanderError(1, 'kotei.audit', 'audit trail broken');
      }),
    );
}
