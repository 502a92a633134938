import { checkGrant, DomainError, isGrantActive, ROLES, todayInJapan, type Clock } from '@kotei/domain';
import type { CreateGrantBody, GrantList, RoleGrantEntry } from '@kotei/contracts';
import type { GrantRecord, GrantRepository } from '../repositories/grant.repository.js';
import type { OrganisationRepository } from '../repositories/organisation.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import { newId } from '../ids.js';
import { auditedBy, isOperator, requirePermission, type Actor, type Operator } from './actor.js';

function toWire(grant: GrantRecord, today: string): RoleGrantEntry {
  return {
    id: grant.id,
    userId: grant.userId,
    login: grant.login,
    displayName: grant.displayName,
    role: grant.role,
    ministry: grant.ministry,
    validFrom: grant.validFrom,
    validTo: grant.validTo,
    grantedBy: grant.grantedBy,
    inForce: isGrantActive(grant, today),
  };
}

/**
 * Role grants (担当（任期）): an admin (or the CLI's operator) grants a role from a first day and ends a grant on a
 * last day. A grant is never edited otherwise nor deleted, so who held what when stays on record.
 */
export class GrantService {
  constructor(
    private readonly grants: GrantRepository,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {}

  /** Every account with its role today and every grant. */
  async list(actor: Actor | Operator): Promise<GrantList> {
    if (!isOperator(actor)) requirePermission(actor, 'user:manage');
    const today = todayInJapan(this.clock);
    const [users, grants] = await Promise.all([this.users.listAll(today), this.grants.list()]);
    return {
      today,
      users: users.map(({ id, login, displayName, role, ministry }) => ({
        id,
        login,
        displayName,
        role,
        ministry,
      })),
      grants: grants.map((g) => toWire(g, today)),
    };
  }

  /** Grant a role to an account, audited. */
  async grant(actor: Actor | Operator, body: CreateGrantBody): Promise<RoleGrantEntry> {
    if (!isOperator(actor)) requirePermission(actor, 'user:manage');
    if (!ROLES.includes(body.role))
      throw new DomainError('invalid_input', 'invalid_role', `Unknown role "${body.role}"`, [
        { path: 'role', message: `expected one of ${ROLES.join(', ')}` },
      ]);
    const today = todayInJapan(this.clock);
    const user = await this.users.findByLogin(body.login, today);
    if (!user) throw new DomainError('not_found', 'user_not_found', `No user with login "${body.login}"`);
    const ministry = body.ministry ?? null;
    const wanted = {
      role: body.role,
      ministry,
      validFrom: body.validFrom,
      validTo: body.validTo ?? null,
    };
    const problems = checkGrant(wanted);
    if (problems.length > 0)
      throw new DomainError(
        'invalid_input',
        'invalid_grant',
        problems.map((p) => p.message).join('; '),
        problems.map((p) => ({ path: p.field, message: p.message })),
      );
    if (ministry !== null && !(await this.organisations.listAll()).some((o) => o.code === ministry))
      throw new DomainError('invalid_input', 'unknown_ministry', `Unknown ministry "${ministry}"`, [
        { path: 'ministry', message: 'expected a known ministry code such as 厚' },
      ]);
    const now = this.clock.now().toISOString();
    const by = auditedBy(actor);
    const row = {
      id: newId(),
      user_id: user.id,
      role: wanted.role,
      ministry,
      valid_from: wanted.validFrom,
      valid_to: wanted.validTo,
      granted_by: by.actorId ?? 'unknown',
      created_at: now,
      updated_at: now,
    };
    await this.grants.insert(row, {
      ...by,
      action: 'grant.create',
      entityType: 'role_grant',
      entityId: row.id,
      detail: { login: user.login, before: null, after: { ...wanted, userId: user.id } },
    });
    const stored = await this.grants.find(row.id);
    if (!stored) throw new Error(`grant ${row.id} vanished`);
    return toWire(stored, today);
  }

  /** End a grant on its last day (a day already past ends it at once), audited. */
  async end(actor: Actor | Operator, id: string, lastDay: string): Promise<RoleGrantEntry> {
    if (!isOperator(actor)) requirePermission(actor, 'user:manage');
    const grant = await this.grants.find(id);
    if (!grant) throw new DomainError('not_found', 'grant_not_found', `No grant ${id}`);
    if (grant.validTo !== null && grant.validTo <= lastDay)
      throw new DomainError('conflict', 'grant_ended', `The grant ends on ${grant.validTo} already`, [
        { path: 'lastDay', message: `must be before ${grant.validTo}` },
      ]);
    const problems = checkGrant({ ...grant, validTo: lastDay });
    if (problems.length > 0)
      throw new DomainError('invalid_input', 'invalid_grant', problems.map((p) => p.message).join('; '), [
        { path: 'lastDay', message: `must not be before ${grant.validFrom}` },
      ]);
    const now = this.clock.now().toISOString();
    const ended = await this.grants.end(id, grant.validTo, lastDay, now, {
      ...auditedBy(actor),
      action: 'grant.end',
      entityType: 'role_grant',
      entityId: id,
      detail: { login: grant.login, before: { validTo: grant.validTo }, after: { validTo: lastDay } },
    });
    if (!ended) throw new DomainError('conflict', 'grant_changed', 'The grant changed meanwhile; reload it');
    return toWire({ ...grant, validTo: lastDay }, todayInJapan(this.clock));
  }
}
