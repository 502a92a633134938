import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { DomainError, ROLES, formatPeriod, parsePeriod, periodToIsoInterval, type Role } from '@kotei/domain';
import { pdfStartNotice, printFontNotice } from '@kotei/reports';
import { prepareFirstStart } from '../bootstrap.js';
import { readConfig } from '../config.js';
import { openContext, type AppContext } from '../context.js';
import { DatabaseStartupError, redactPassword } from '../db/database.js';
import { buildApp } from '../http/app.js';
import type { Operator } from '../services/actor.js';
import { addAudit, operatorOf } from './audit-command.js';
import { addBackup } from './backup-command.js';
import { addReport } from './report-command.js';
import { addRs } from './rs-command.js';
import { importInto } from './import-into-command.js';
import { addGrantCommands } from './grant-command.js';
import { renderContracts, CONTRACT_FILES } from './contracts.js';
import { BATCH_METHODS, runStatusBatch } from './status-command.js';

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of standard input. */
  readInput?: () => Promise<string>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const consoleIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readInput: readStdin,
};

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('expected a port number 0–65535');
  return port;
}

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${ROLES.join(', ')}`);
  return value as Role;
}

async function withContext<T>(run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = readConfig(process.env);
  const ctx = await openContext({
    databaseUrl: config.databaseUrl,
    cwd: process.cwd(),
    clock: config.clock,
    jobFileDays: config.jobFileDays,
  });
  try {
    return await run(ctx);
  } finally {
    await ctx.close();
  }
}

/** `kotei serve`: migrate, prepare the first start, serve until stopped. */
function addServe(program: Command, io: CliIo, operator: () => Operator): void {
  program
    .command('serve')
    .description('Migrate the database, prepare the first start, and serve the API and web app')
    .option('-p, --port <port>', 'port to listen on (0 picks a free one)', parsePort)
    .option('--host <host>', 'address to listen on')
    .option('--no-sample', 'on first start, do not load the sample plan')
    .action(async (opts: { port?: number; host?: string; sample: boolean }) => {
      const config = readConfig(process.env);
      const ctx = await openContext({
        databaseUrl: config.databaseUrl,
        cwd: process.cwd(),
        clock: config.clock,
        onWarmingError: (error) => {
          io.err(`warming the statuses failed: ${error instanceof Error ? error.message : String(error)}`);
        },
        onJobError: (error) => {
          io.err(`the job worker failed: ${error instanceof Error ? error.message : String(error)}`);
        },
        jobFileDays: config.jobFileDays,
      });
      const first = await prepareFirstStart(ctx, { loadSample: opts.sample, operator: operator() });
      const app = await buildApp(ctx, {
        logLevel: config.logLevel,
        webRoot: config.webRoot,
        secureCookies: config.secureCookies,
        trustProxy: config.trustProxy,
      });
      const address = await app.listen({ port: opts.port ?? config.port, host: opts.host ?? config.host });
      const url = address.replace('[::1]', 'localhost');
      // Today's statuses of every plan, computed in the background, so the first portfolio is not the one
      // that pays for them; again at each midnight in Japan.
      void ctx.warmer.start();
      // Reports rendered in the background: jobs in the database, taken by whichever instance is free.
      ctx.jobWorker.start();
      // Chromium started now, so the first PDF does not wait for it.
      ctx.reports.prelaunch().catch((error: unknown) => {
        io.err(`starting Chromium failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      // Scheduled publications (embargo) come due within half a minute; the database decides which instance
      // publishes, so two instances publish a round once.
      const publisher = setInterval(() => {
        ctx.rounds.publishDue('system').catch((error: unknown) => {
          io.err(`publishing due rounds failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      }, 30_000);
      publisher.unref();
      // The webhook's outbox: deliveries claimed in the database, so instances share the work without doubling it.
      ctx.dispatcher.start(5_000, (error: unknown) => {
        io.err(
          `sending webhook deliveries failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      // SIGUSR2 prints how many SQL statements this instance has sent (the round load bench's statements per
      // request); nothing else changes.
      const countStatements = (): void => {
        io.out(`statements ${ctx.database.statements()}`);
      };
      process.on('SIGUSR2', countStatements);
      io.out(`kotei listening on ${url}`);
      io.out(`database: ${ctx.database.kind} ${redactPassword(ctx.database.location)}`);
      if (first.sample) io.out(`sample plan loaded: ${url}/plans/${first.sample.slug}`);
      const pdfNotice = pdfStartNotice();
      for (const line of pdfNotice.length > 0 ? pdfNotice : printFontNotice()) io.err(line);
      if (first.admin) {
        io.out(`admin login: ${first.admin.login}`);
        io.out(`admin password: ${first.admin.password}`);
        io.out(
          '(the password is shown only this once; change it with `npx kotei user reset-password admin`)',
        );
      }
      // Serve until told to stop, then finish the requests in flight and close the database.
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          clearInterval(publisher);
          process.off('SIGUSR2', countStatements);
          void app
            .close()
            .then(() => ctx.close())
            .then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

/** `kotei migrate`. */
function addMigrate(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('Bring the database schema to the latest migration, then exit')
    .action(() =>
      withContext(async (ctx) => {
        io.out(`database ${redactPassword(ctx.database.location)} is at the latest schema`);
        await Promise.resolve();
      }),
    );
}

/** `kotei period`: read a period as the documents write it. */
function addPeriod(program: Command, io: CliIo): void {
  program
    .command('period')
    .description(
      'Read a period as the documents write it (2024年度末, R3～R5平均 …) and print its ISO interval',
    )
    .argument('<text...>', 'the period text')
    .option('--json', 'print the whole reading as JSON')
    .action((words: string[], opts: { json?: boolean }) => {
      const result = parsePeriod(words.join(' '));
      if (!result.ok) {
        throw new DomainError('invalid_input', 'invalid_period', result.error.message);
      }
      if (opts.json) {
        io.out(
          JSON.stringify(
            {
              ...result.value,
              interval: periodToIsoInterval(result.value),
              canonical: formatPeriod(result.value),
            },
            null,
            2,
          ),
        );
      } else {
        io.out(periodToIsoInterval(result.value));
        io.out(`fiscal year: ${result.value.fiscalYear}  canonical: ${formatPeriod(result.value)}`);
      }
    });
}

/** `kotei status`: judge KPI series from stdin by the Open SDG method. */
function addStatus(program: Command, io: CliIo, readInput: () => Promise<string>): void {
  program
    .command('status')
    .description(
      'Judge KPI series read as a JSON array on stdin ([{ series: [{ year, value }], config: { direction, base_year, target, target_year, limit } }]) and print [{ status, progressValue, score }] (open-sdg) or [{ status, progress, elapsed, neededNow }] (abnf) in the same order',
    )
    .requiredOption(
      '--method <method>',
      'open-sdg (the published Open SDG / sdg-build 2.4.0 method) or abnf (the Cabinet Office A/B/N/F grades)',
    )
    .action(async (opts: { method: string }) => {
      const method = BATCH_METHODS.find((known) => known === opts.method);
      if (method === undefined) {
        throw new DomainError(
          'invalid_input',
          'unknown_method',
          `Unknown method "${opts.method}"; expected open-sdg or abnf`,
        );
      }
      io.out(runStatusBatch(await readInput(), method));
    });
}

/** `kotei import`: import a follow-up document or a KPI table (recognised by content), or read it only (`--dry-run`). */
function addImport(program: Command, io: CliIo, operator: () => Operator): void {
  program
    .command('import')
    .description(
      'Import a follow-up document (Markdown/HTML converted from the PDF) or a KPI table (xlsx, PDF, CSV, TSV, HTML, Markdown, PDF-extract text) as a plan',
    )
    .argument(
      '<file>',
      'the document or table; an .xlsx workbook, a PDF, or text in UTF-8, UTF-16 or Shift_JIS',
    )
    .option('--slug <slug>', 'the plan slug (default: from the file name)')
    .option('--dry-run', 'read and report only; write nothing')
    .option('--json', 'with --dry-run: print only the plan as open-data JSON on stdout, issues on stderr')
    .option(
      '--into <plan>',
      "a KPI table: add its groups to the plan's proposed measures, as its next revision",
    )
    .action(
      async (file: string, opts: { slug?: string; dryRun?: boolean; json?: boolean; into?: string }) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (error) {
          throw new DomainError(
            'invalid_input',
            'unreadable_file',
            `cannot read ${file}: ${(error as Error).message}`,
          );
        }
        const input = { bytes, fileName: basename(file), slug: opts.slug };
        const into = opts.into;
        if (into !== undefined) {
          await withContext((ctx) => importInto(ctx, io, operator(), into, input, opts.dryRun === true));
          return;
        }
        if (opts.dryRun) {
          // A dry run reads against an empty database in memory: nothing of the real one is opened or touched.
          const config = readConfig(process.env);
          const ctx = await openContext({
            databaseUrl: 'sqlite::memory:',
            cwd: process.cwd(),
            clock: config.clock,
          });
          try {
            const preview = await ctx.imports.preview('system', input);
            const lines = preview.issues.map(
              (i) =>
                `${file}:${i.line}${i.cell === undefined ? '' : ` [${i.cell}]`}: ${i.severity} ${i.code}: ${i.message} (found "${i.found}"; expected ${i.expected})`,
            );
            if (opts.json) {
              io.out(JSON.stringify(preview.plan, null, 2));
              for (const line of lines) io.err(line);
            } else {
              io.out(`${file}: ${preview.encoding}, would ${preview.action} plan "${preview.plan.slug}"`);
              io.out(
                Object.entries(preview.counts)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', '),
              );
              for (const line of lines) io.out(line);
              io.out(`${preview.issues.length} issue(s)`);
            }
          } finally {
            await ctx.close();
          }
          return;
        }
        await withContext(async (ctx) => {
          const result = await ctx.imports.commit(operator(), input);
          io.out(
            result.action === 'create'
              ? `imported ${file} as plan ${result.id} (slug ${result.slug}), ${result.issues} issue(s); see them with --dry-run`
              : `unchanged: ${file} is already imported as plan ${result.id} (slug ${result.slug})`,
          );
        });
      },
    );
}

/** `kotei user add|reset-password|list`. */
function addUser(program: Command, io: CliIo, operator: () => Operator): void {
  const user = program.command('user').description('Manage accounts and their role grants');
  addGrantCommands(user, io, withContext, operator);
  user
    .command('add')
    .description('Create an account; prints its password once')
    .argument('<login>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseRole)
    .option('--ministry <code>', 'ministry code for ministry staff, e.g. 厚')
    .option('--name <name>', 'display name')
    .action((login: string, opts: { role: Role; ministry?: string; name?: string }) =>
      withContext(async (ctx) => {
        const { user: created, password } = await ctx.users.add(operator(), {
          login,
          role: opts.role,
          ministry: opts.ministry ?? null,
          ...(opts.name === undefined ? {} : { displayName: opts.name }),
        });
        io.out(
          `user ${created.login} (${created.role ?? ''}${created.ministry ? `, ${created.ministry}` : ''}) created`,
        );
        io.out(`password: ${password}`);
      }),
    );
  user
    .command('reset-password')
    .description('Give an account a new random password (printed once) and end its sessions')
    .argument('<login>')
    .action((login: string) =>
      withContext(async (ctx) => {
        const password = await ctx.users.resetPassword(operator(), login);
        io.out(`password of ${login} reset`);
        io.out(`password: ${password}`);
      }),
    );
  user
    .command('list')
    .description('List accounts')
    .action(() =>
      withContext(async (ctx) => {
        for (const u of await ctx.users.list()) {
          io.out(
            `${u.login}\t${u.role ?? '(no grant in force)'}\t${u.ministry ?? '-'}\t${u.isActive ? 'active' : 'inactive'}\t${u.displayName}`,
          );
        }
      }),
    );
}

/** `kotei contracts`: write or check the committed OpenAPI document and JSON Schema. */
function addContracts(program: Command, io: CliIo): void {
  program
    .command('contracts')
    .description('Write or check the committed OpenAPI document and open-data JSON Schema (development)')
    .option('--write', 'write the files')
    .option('--check', 'fail when the committed files differ from the code')
    .action(async (opts: { write?: boolean; check?: boolean }) => {
      const files = await renderContracts();
      let stale = 0;
      for (const [path, text] of Object.entries(files)) {
        const target = CONTRACT_FILES[path as keyof typeof CONTRACT_FILES];
        if (opts.write) {
          writeFileSync(target, text);
          io.out(`wrote ${path}`);
        } else {
          let current: string;
          try {
            current = readFileSync(target, 'utf8');
          } catch {
            current = '';
          }
          if (current !== text) {
            stale += 1;
            io.err(`${path} is out of date: run \`npm run contracts:generate\` and commit it`);
          }
        }
      }
      if (opts.check && stale > 0) throw new CommanderError(1, 'kotei.contracts', 'contracts out of date');
      if (!opts.write && stale === 0) io.out('contracts are up to date');
    });
}

/** Build the `kotei` command. */
export function buildProgram(io: CliIo): Command {
  const readInput = io.readInput ?? readStdin;
  const program = new Command('kotei')
    .description('kotei (工程): policy roadmaps, KPIs and follow-up rounds')
    .configureOutput({
      writeOut: (s) => {
        io.out(s.trimEnd());
      },
      writeErr: (s) => {
        io.err(s.trimEnd());
      },
    })
    .option('--actor <name>', "who the audit trail names for this command's writes (default: your OS user)")
    .exitOverride()
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nEnvironment:\n  KOTEI_DATABASE_URL  sqlite:PATH (default sqlite:./data/kotei.db) or postgres://…\n  KOTEI_HOST, KOTEI_PORT, KOTEI_LOG_LEVEL, KOTEI_CLOCK (fixed ISO instant, for demonstrations and tests)',
    );

  // Every CLI write names its operator in the audit trail, read once the arguments are parsed.
  const operator = (): Operator => operatorOf(program.opts<{ actor?: string }>().actor);
  addServe(program, io, operator);
  addMigrate(program, io);
  addPeriod(program, io);
  addStatus(program, io, readInput);
  addImport(program, io, operator);
  addUser(program, io, operator);
  addAudit(program, io, withContext);
  addBackup(program, io, withContext);
  addReport(program, io, withContext);
  addRs(program, io, withContext, operator);
  addContracts(program, io);

  return program;
}

/** Run the CLI; resolves to the exit code. Errors are printed plainly, never as a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof DatabaseStartupError) {
      io.err(`kotei: ${error.message}`);
      return 2;
    }
    if (error instanceof DomainError) {
      io.err(`kotei: ${error.message}`);
      for (const detail of error.details) io.err(`  ${detail.path}: ${detail.message}`);
      return 1;
    }
    io.err(`kotei: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
