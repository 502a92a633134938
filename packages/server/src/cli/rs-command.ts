import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import { systemClock } from '@kotei/domain';
import type { Operator } from '../services/actor.js';
import { RsService, type RsImportReport } from '../services/rs.service.js';
import type { WithContext } from './audit-command.js';
import type { CliIo } from './main.js';

const count = (n: number): string => n.toLocaleString('en-US');

function printSummary(io: CliIo, report: RsImportReport, dryRun: boolean): void {
  const written = report.files.filter((f) => f.written).length;
  io.out(
    `${dryRun ? 'dry run, nothing written: ' : ''}${report.files.length} file(s), ${count(report.rows)} rows read, ` +
      `${count(report.projects)} projects (予算事業ID), ${report.errors} error(s)` +
      (dryRun ? '' : `; ${written} file(s) written, ${report.files.length - written} refused`),
  );
  for (const c of report.changes) {
    if (c.previousYear === null) {
      io.out(`sheet year ${c.sheetYear}: ${count(c.projects)} projects (no earlier sheet year to compare)`);
      continue;
    }
    io.out(
      `sheet year ${c.sheetYear} against ${c.previousYear}: ${count(c.projects)} projects, ${c.added.length} new, ` +
        `${c.ended.length} ended, ${c.budgetChanges.length} with a changed initial budget`,
    );
    for (const b of c.budgetChanges.slice(0, 10)) {
      io.out(
        `  ${b.rsId} ${b.name}: ${b.before === null ? '—' : count(b.before)} → ${b.after === null ? '—' : count(b.after)} yen`,
      );
    }
  }
}

/** `kotei rs import FILES… [--dry-run]`: the RS system's CSVs (or zips) into the database. */
export function addRs(program: Command, io: CliIo, withContext: WithContext, operator: () => Operator): void {
  const rs = program.command('rs').description("The RS system's open data (行政事業レビュー)");
  rs.command('import')
    .description(
      'Import RS CSV files or their zips (1-1, 1-2, 1-3, 2-1, 2-2, 3-1, 3-2, 4-1); each file in one transaction',
    )
    .argument('<files...>', 'the files, as published (N-M_RS_YYYY_名称.csv or .zip)')
    .option('--dry-run', 'read and check every file, write nothing (no database needed)')
    .option('--batch-size <n>', 'records per write (default 2000)', (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1)
        throw new InvalidArgumentError('expected a whole number of at least 1');
      return n;
    })
    .action(async (paths: string[], opts: { dryRun?: boolean; batchSize?: number }) => {
      const dryRun = opts.dryRun === true;
      const options = {
        dryRun,
        batchSize: opts.batchSize,
        onProgress: (file: string, rows: number) => {
          io.out(`  ${file}: ${count(rows)} rows…`);
        },
        onFile: (f: {
          file: string;
          type: string | null;
          rows: number;
          projects: number;
          errors: string[];
          written: boolean;
        }) => {
          const state = f.errors.length > 0 ? 'REFUSED, nothing written' : dryRun ? 'read' : 'written';
          io.out(
            `${f.file} [${f.type ?? '?'}]: ${count(f.rows)} rows, ${count(f.projects)} projects, ${state}`,
          );
          for (const error of f.errors) io.err(`  error: ${error}`);
        },
      };
      // A dry run never opens the database: it only reads the files.
      const report = dryRun
        ? await new RsService(null, systemClock).importFiles(operator(), paths, options)
        : await withContext((ctx) => ctx.rs.importFiles(operator(), paths, options));
      printSummary(io, report, dryRun);
      if (report.errors > 0) throw new CommanderError(1, 'kotei.rs', `${report.errors} error(s)`);
    });
}
