import { InvalidArgumentError, type Command } from 'commander';
import { ROLES, type Role } from '@kotei/domain';
import type { RoleGrantEntry } from '@kotei/contracts';
import type { Operator } from '../services/actor.js';
import type { WithContext } from './audit-command.js';
import type { CliIo } from './main.js';

function parseDate(value: string): string {
  if (!/^\d{4}-\d\d-\d\d$/u.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new InvalidArgumentError('expected a date YYYY-MM-DD (Japan time)');
  return value;
}

function parseGrantRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${ROLES.join(', ')}`);
  return value as Role;
}

/** One grant on one line: id, login, role, ministry, first day → last day, in force today. */
export function grantLine(g: RoleGrantEntry): string {
  return [
    g.id,
    g.login,
    g.role,
    g.ministry ?? '-',
    `${g.validFrom}..${g.validTo ?? ''}`,
    g.inForce ? 'in force' : 'not in force',
  ].join('\t');
}

/**
 * `kotei user grant LOGIN --role R [--ministry M] --from DAY [--to DAY]`, `kotei user end-grant ID --last-day DAY`
 * and `kotei user grants [LOGIN]`: role grants (担当（任期）) from the server itself, audited with the operator.
 */
export function addGrantCommands(
  user: Command,
  io: CliIo,
  withContext: WithContext,
  operator: () => Operator,
): void {
  user
    .command('grant')
    .description('Grant a role from a first day (Japan date), open-ended or to a last day')
    .argument('<login>')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseGrantRole)
    .option('--ministry <code>', 'the ministry a reporter (role ministry) reports for, e.g. 厚')
    .requiredOption('--from <day>', 'first day, YYYY-MM-DD', parseDate)
    .option('--to <day>', 'last day, YYYY-MM-DD (omit for open-ended)', parseDate)
    .action((login: string, opts: { role: Role; ministry?: string; from: string; to?: string }) =>
      withContext(async (ctx) => {
        const grant = await ctx.grants.grant(operator(), {
          login,
          role: opts.role,
          ministry: opts.ministry ?? null,
          validFrom: opts.from,
          validTo: opts.to ?? null,
        });
        io.out(`granted: ${grantLine(grant)}`);
      }),
    );
  user
    .command('end-grant')
    .description('End a role grant on its last day (a day already past ends it at once)')
    .argument('<grant-id>')
    .requiredOption('--last-day <day>', 'last day the grant holds, YYYY-MM-DD', parseDate)
    .action((id: string, opts: { lastDay: string }) =>
      withContext(async (ctx) => {
        const grant = await ctx.grants.end(operator(), id, opts.lastDay);
        io.out(`ended: ${grantLine(grant)}`);
      }),
    );
  user
    .command('grants')
    .description("List role grants (one account's when a login is given)")
    .argument('[login]')
    .action((login: string | undefined) =>
      withContext(async (ctx) => {
        const list = await ctx.grants.list(operator());
        for (const g of list.grants.filter((x) => login === undefined || x.login === login))
          io.out(grantLine(g));
      }),
    );
}
