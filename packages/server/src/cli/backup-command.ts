import { CommanderError, type Command } from 'commander';
import { readConfig } from '../config.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { parseDatabaseUrl, redactPassword } from '../db/database.js';
import type { CliIo } from './main.js';
import type { WithContext } from './audit-command.js';

/** `kotei backup FILE` and `kotei restore FILE`: a copy of one moment, taken while the app serves. */
export function addBackup(program: Command, io: CliIo, withContext: WithContext): void {
  program
    .command('backup')
    .description(
      'Copy the database to FILE while the app serves (SQLite: online backup; PostgreSQL: pg_dump, custom format)',
    )
    .argument('<file>', 'a new file; an existing one is never overwritten')
    .action(async (file: string) => {
      const config = parseDatabaseUrl(readConfig(process.env).databaseUrl, process.cwd());
      await backupDatabase(config, file);
      io.out(`backed up ${config.kind} ${redactPassword(config.location)} to ${file}`);
    });
  program
    .command('restore')
    .description(
      'Restore a backup FILE into the configured database, which must be new and empty; then migrate it and verify its audit trail',
    )
    .argument('<file>', 'a file written by `kotei backup` for the same engine')
    .action(async (file: string) => {
      const config = parseDatabaseUrl(readConfig(process.env).databaseUrl, process.cwd());
      await restoreDatabase(config, file);
      io.out(`restored ${file} into ${config.kind} ${redactPassword(config.location)}`);
      // Opening the database brings a backup of an older release to the latest schema.
      await withContext(async (ctx) => {
        const verdict = await ctx.audit.verify();
        if (verdict.ok) {
          io.out(`audit trail OK: ${verdict.count} event(s)`);
          return;
        }
        const { seq, fault, message } = verdict.problem;
        io.err(`restored, but its audit trail is BROKEN at seq ${seq}: ${fault}: ${message}`);
        throw new CommanderError(1, 'kotei.restore', 'audit trail broken');
      });
    });
}
