import { describe, expect, it } from 'vitest';
import { mayOn } from '../model/access.js';
import {
  checkGrant,
  dayBefore,
  grantInForce,
  grantsOn,
  handOver,
  isGrantActive,
  predecessorOf,
  userOn,
  type RoleGrant,
} from './role-grants.js';

const grant = (over: Partial<RoleGrant>): RoleGrant => ({
  id: 'g',
  userId: 'u',
  role: 'ministry',
  ministry: '厚',
  validFrom: '2025-04-01',
  validTo: null,
  ...over,
});

describe('isGrantActive', () => {
  it('holds from its first day through its last, both inclusive', () => {
    const g = grant({ validFrom: '2024-04-01', validTo: '2025-03-31' });
    expect(isGrantActive(g, '2024-03-31')).toBe(false);
    expect(isGrantActive(g, '2024-04-01')).toBe(true);
    expect(isGrantActive(g, '2025-03-31')).toBe(true);
    expect(isGrantActive(g, '2025-04-01')).toBe(false);
  });

  it('runs on without an end', () => {
    expect(isGrantActive(grant({ validTo: null }), '2099-12-31')).toBe(true);
  });
});

describe('the April rotation', () => {
  const tanaka = grant({ id: 'g1', userId: 'tanaka', validFrom: '2024-04-01', validTo: '2025-03-31' });
  const suzuki = grant({ id: 'g2', userId: 'suzuki', validFrom: '2025-04-01' });

  it('gives the ministry to the predecessor on 03-31 and to the successor on 04-01', () => {
    expect(grantsOn([tanaka, suzuki], '2025-03-31').map((g) => g.userId)).toEqual(['tanaka']);
    expect(grantsOn([tanaka, suzuki], '2025-04-01').map((g) => g.userId)).toEqual(['suzuki']);
  });

  it("hands the ministry's open tasks to the successor, and only that ministry's", () => {
    const tasks = [
      { id: 't1', ministry: '厚' },
      { id: 't2', ministry: '文' },
    ];
    expect(handOver(tanaka, '2025-04-01', [tanaka, suzuki], tasks)).toEqual([
      { taskId: 't1', ministry: '厚', from: 'tanaka', to: ['suzuki'] },
    ]);
  });

  it('keeps a task with no successor listed, handed to nobody, so the coordinator sees it', () => {
    expect(handOver(tanaka, '2025-04-01', [tanaka], [{ id: 't1', ministry: '厚' }])).toEqual([
      { taskId: 't1', ministry: '厚', from: 'tanaka', to: [] },
    ]);
  });
});

describe('checkGrant', () => {
  it('asks a reporter for its ministry and refuses a ministry on other roles', () => {
    expect(checkGrant(grant({ ministry: null })).map((p) => p.field)).toEqual(['ministry']);
    expect(checkGrant(grant({ role: 'expert', ministry: '厚' })).map((p) => p.field)).toEqual(['ministry']);
    expect(checkGrant(grant({ role: 'coordinator', ministry: null }))).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(checkGrant(grant({ validFrom: '2025-04-01', validTo: '2025-03-31' })).map((p) => p.field)).toEqual(
      ['validTo'],
    );
  });
});

describe('mayOn', () => {
  const reporter = grant({ validFrom: '2024-04-01', validTo: '2025-03-31' });

  it('lets a reporter write only for its own ministry, and only while its grant holds', () => {
    expect(mayOn([reporter], '2024-10-01', 'progress:report', '厚')).toBe(true);
    expect(mayOn([reporter], '2024-10-01', 'progress:report', '文')).toBe(false);
    expect(mayOn([reporter], '2025-04-01', 'progress:report', '厚')).toBe(false);
    expect(mayOn([reporter], '2024-10-01', 'progress:approve', '厚')).toBe(false);
  });

  it('lets a coordinator act for any ministry', () => {
    const coordinator = grant({ role: 'coordinator', ministry: null });
    expect(mayOn([coordinator], '2025-06-30', 'progress:approve', '文')).toBe(true);
  });
});

describe('grantInForce and userOn', () => {
  const reporter = grant({ id: 'r', validFrom: '2024-04-01', validTo: '2025-03-31' });
  const viewer = grant({ id: 'v', role: 'viewer', ministry: null, validFrom: '2024-04-01' });
  const account = { id: 'u', login: 'tanaka', displayName: '田中', isActive: true };

  it('takes the widest role holding that day, and nothing once every grant has ended', () => {
    expect(grantInForce([viewer, reporter], '2025-03-31')?.id).toBe('r');
    expect(grantInForce([viewer, reporter], '2025-04-01')?.id).toBe('v');
    expect(grantInForce([reporter], '2025-04-01')).toBeNull();
  });

  it('gives the account the role and ministry of that grant, or no role at all', () => {
    expect(userOn(account, [reporter], '2025-03-31')).toEqual({
      ...account,
      role: 'ministry',
      ministry: '厚',
    });
    expect(userOn(account, [reporter], '2025-04-01')).toEqual({ ...account, role: null, ministry: null });
  });
});

describe('predecessorOf (引き継ぎ)', () => {
  const tanaka = grant({ id: 'g1', userId: 'tanaka', validFrom: '2024-04-01', validTo: '2025-03-31' });
  const suzuki = grant({ id: 'g2', userId: 'suzuki', validFrom: '2025-04-01' });
  const early = grant({ id: 'g3', userId: 'suzuki', validFrom: '2025-03-25' });
  const bunka = grant({
    id: 'g4',
    userId: 'sato',
    ministry: '文',
    validFrom: '2024-04-01',
    validTo: '2025-03-31',
  });

  it('names the reporter whose grant ran to the eve of the successor’s first day, or overlapped it', () => {
    expect(predecessorOf(suzuki, [tanaka, suzuki, bunka], '2025-03-01')?.userId).toBe('tanaka');
    expect(predecessorOf(early, [tanaka, early], '2025-03-01')?.userId).toBe('tanaka');
  });

  it('names nobody for a round opened after the successor began, or another ministry’s reporter', () => {
    expect(predecessorOf(suzuki, [tanaka, suzuki], '2025-04-01')).toBeNull();
    expect(predecessorOf(suzuki, [bunka, suzuki], '2025-03-01')).toBeNull();
    expect(predecessorOf(tanaka, [tanaka, suzuki], '2025-03-01')).toBeNull();
  });

  it('names nobody when the predecessor left well before the successor came', () => {
    const gap = grant({ userId: 'suzuki', validFrom: '2025-05-01' });
    expect(predecessorOf(gap, [tanaka, gap], '2025-03-01')).toBeNull();
  });

  it('counts back across a month end', () => {
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });
});
