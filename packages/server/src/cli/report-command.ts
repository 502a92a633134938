import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { OPEN_DATA_TABLES, type OpenDataTableName, type ReportPaper } from '@kotei/reports';
import { REPORT_FORMATS, type ReportFormat } from '../services/report.service.js';
import type { CliIo } from './main.js';
import type { WithContext } from './audit-command.js';

const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  };

/** A revision number: a whole number from 1. */
function revisionNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new InvalidArgumentError('expected a revision number (1, 2, …)');
  }
  return number;
}

/** A calendar date, YYYY-MM-DD. */
function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  }
  return value;
}

interface ReportOptions {
  round?: string;
  revision?: number;
  revisionOn?: string;
  format: ReportFormat;
  output: string;
  paper: ReportPaper;
  table: OpenDataTableName;
  bom: boolean;
}

/** `kotei report PLAN --format pdf|xlsx|html|json|csv -o FILE`: the published follow-up report from the data. */
export function addReport(program: Command, io: CliIo, withContext: WithContext): void {
  program
    .command('report')
    .description("Write a plan's follow-up report at a published round (the latest unless --round names one)")
    .argument('<plan>', 'the plan, by slug or id')
    .option('--round <id>', 'a published round of the plan')
    .option('--revision <n>', 'show the plan as this revision (見直し) fixed it', revisionNumber)
    .option('--revision-on <date>', 'show the plan as the revision in force on this date fixed it', isoDate)
    .requiredOption('--format <format>', REPORT_FORMATS.join('|'), oneOf(REPORT_FORMATS))
    .requiredOption('-o, --output <file>', 'the file to write')
    .option('--paper <paper>', 'A3|A4, landscape (pdf, html)', oneOf(['A3', 'A4'] as const), 'A3')
    .option(
      '--table <table>',
      `open-data table for csv: ${OPEN_DATA_TABLES.join('|')}`,
      oneOf(OPEN_DATA_TABLES),
      'kpis',
    )
    .option('--bom', 'csv: lead with a byte order mark, for Excel', false)
    .action((plan: string, opts: ReportOptions) =>
      withContext(async (ctx) => {
        const file = await ctx.reports.render(plan, {
          ...(opts.round === undefined ? {} : { roundId: opts.round }),
          asOf: { revision: opts.revision, revisionOn: opts.revisionOn },
          format: opts.format,
          paper: opts.paper,
          table: opts.table,
          bom: opts.bom,
        });
        writeFileSync(opts.output, file.body);
        io.out(`wrote ${opts.output} (${opts.format}, ${file.body.length} bytes)`);
      }),
    );
}
