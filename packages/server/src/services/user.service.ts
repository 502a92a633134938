import { MIN_PASSWORD_LENGTH } from '@kotei/contracts';
import { DomainError, ROLES, todayInJapan, type Clock, type Role, type User } from '@kotei/domain';
import type { OrganisationRepository } from '../repositories/organisation.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import { generatePassword, hashPassword } from '../auth/password.js';
import { newId } from '../ids.js';
import { auditedBy, isOperator, requirePermission, type Actor, type Operator } from './actor.js';

/** A new account as asked for. */
export interface NewUser {
  login: string;
  displayName?: string;
  role: Role;
  ministry?: string | null;
  /** Omit to have a random one made and returned once. */
  password?: string;
  /** The first grant's first day (Japan date); today when omitted. */
  validFrom?: string;
  /** The first grant's last day; open-ended when omitted. */
  validTo?: string | null;
}

/** Accounts: created by an admin (or the CLI on the server itself). */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {}

  /** Create an account; returns it with the password, which is shown once and never stored in clear. */
  async add(actor: Actor | Operator, input: NewUser): Promise<{ user: User; password: string }> {
    if (!isOperator(actor)) requirePermission(actor, 'user:manage');
    const login = input.login.trim();
    if (!/^[A-Za-z0-9._@-]{2,64}$/.test(login)) {
      throw new DomainError(
        'invalid_input',
        'invalid_login',
        'The login must be 2–64 letters, digits or . _ @ -',
        [{ path: 'login', message: 'expected 2–64 of A–Z a–z 0–9 . _ @ -' }],
      );
    }
    if (!ROLES.includes(input.role)) {
      throw new DomainError('invalid_input', 'invalid_role', `Unknown role "${input.role}"`, [
        { path: 'role', message: `expected one of ${ROLES.join(', ')}` },
      ]);
    }
    const ministry = input.ministry ?? null;
    if (input.role !== 'ministry' && ministry !== null) {
      throw new DomainError(
        'invalid_input',
        'ministry_not_allowed',
        'Only ministry staff report for a ministry',
        [{ path: 'ministry', message: `leave it empty for a ${input.role}` }],
      );
    }
    if (input.role === 'ministry' && ministry === null) {
      throw new DomainError('invalid_input', 'ministry_required', 'Ministry staff need a ministry', [
        { path: 'ministry', message: 'expected a ministry code such as 厚' },
      ]);
    }
    if (ministry !== null && !(await this.organisations.listAll()).some((o) => o.code === ministry)) {
      throw new DomainError('invalid_input', 'unknown_ministry', `Unknown ministry "${ministry}"`, [
        { path: 'ministry', message: 'expected a known ministry code such as 厚' },
      ]);
    }
    const password = input.password ?? generatePassword();
    checkPasswordStrength(password);
    const today = todayInJapan(this.clock);
    const validFrom = input.validFrom ?? today;
    const validTo = input.validTo ?? null;
    if (validTo !== null && validTo < validFrom) {
      throw new DomainError('invalid_input', 'invalid_grant', 'The last day comes before the first', [
        { path: 'validTo', message: `must not be before ${validFrom}` },
      ]);
    }
    if (await this.users.findByLogin(login, today)) {
      throw new DomainError('conflict', 'login_taken', `The login "${login}" is taken`, [
        { path: 'login', message: 'must be unique' },
      ]);
    }
    const inForce = validFrom <= today && (validTo === null || today <= validTo);
    const user: User = {
      id: newId(),
      login,
      displayName: input.displayName?.trim() || login,
      role: inForce ? input.role : null,
      ministry: inForce ? ministry : null,
      isActive: true,
    };
    const now = this.clock.now().toISOString();
    const by = auditedBy(actor);
    // The account's first grant: its role from today (or the day asked), open-ended unless a last day is given;
    // `kotei user grant` and `end-grant` add and end others.
    const grant = {
      id: newId(),
      user_id: user.id,
      role: input.role,
      ministry,
      valid_from: validFrom,
      valid_to: validTo,
      granted_by: by.actorId ?? 'unknown',
      created_at: now,
      updated_at: now,
    };
    await this.users.insert({ ...user, ministry, passwordHash: await hashPassword(password) }, grant, now, {
      ...by,
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      detail: { login, role: input.role, ministry, grant: { id: grant.id, validFrom, validTo } },
    });
    return { user, password };
  }

  /** Set a new password (random when omitted) and end the account's sessions. From the server's CLI. */
  async resetPassword(operator: Operator, login: string, password = generatePassword()): Promise<string> {
    checkPasswordStrength(password);
    const user = await this.users.findByLogin(login, todayInJapan(this.clock));
    if (!user) throw new DomainError('not_found', 'user_not_found', `No user with login "${login}"`);
    await this.users.setPassword(user.id, await hashPassword(password), this.clock.now().toISOString(), {
      ...auditedBy(operator),
      action: 'user.reset_password',
      entityType: 'user',
      entityId: user.id,
      detail: { login },
    });
    return password;
  }

  /** Every account. */
  async list(): Promise<User[]> {
    return this.users.listAll(todayInJapan(this.clock));
  }

  /** Whether any account exists yet. */
  async hasAny(): Promise<boolean> {
    return (await this.users.count()) > 0;
  }
}

function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError(
      'invalid_input',
      'weak_password',
      `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`,
      [{ path: 'password', message: `expected at least ${MIN_PASSWORD_LENGTH} characters` }],
    );
  }
}
