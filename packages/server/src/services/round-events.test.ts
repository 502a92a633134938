import { describe, expect, it } from 'vitest';
import { partDecisionEvent, publicationEvent, reminderEvent } from './round-events.js';

const plan = { id: 'p', slug: 'drug-discovery-2024', title: '創薬力' };
const round = { id: 'r', title: '2025年6月末', as_of_date: '2025-06-30' };
const part = { id: 'x', ministry: '厚', measure_id: 'm', measure_title: '治験の推進' };
const AT = '2025-07-15T01:00:00.000Z';

describe('partDecisionEvent', () => {
  it('sends a submission to the coordinating office, with the part in the webhook body', () => {
    const event = partDecisionEvent('submit', plan, round, part, 'u1', AT);
    expect(event).toMatchObject({
      kind: 'part.submitted',
      actorId: 'u1',
      recipients: { roles: ['coordinator', 'admin'] },
      refs: { planId: 'p', roundId: 'r', partId: 'x', measureId: 'm' },
      webhook: { part: { id: 'x', ministry: '厚', measure: { id: 'm', title: '治験の推進' } } },
    });
    expect(event.webhook).not.toHaveProperty('reason');
  });

  it("sends a return, with its reason, and an approval to the part's ministry only", () => {
    const returned = partDecisionEvent('return', plan, round, part, 'c', AT, '出典を追記');
    expect(returned).toMatchObject({
      kind: 'part.returned',
      recipients: { ministries: ['厚'] },
      params: { reason: '出典を追記', measureTitle: '治験の推進' },
      webhook: { reason: '出典を追記' },
    });
    expect(partDecisionEvent('approve', plan, round, part, 'c', AT)).toMatchObject({
      kind: 'part.approved',
      recipients: { ministries: ['厚'] },
    });
  });
});

describe('publicationEvent', () => {
  it('goes to each ministry with a part once, and to the webhook', () => {
    const event = publicationEvent(plan, round, ['文', '厚', '文'], null, AT);
    expect(event.recipients).toEqual({ ministries: ['厚', '文'] });
    expect(event.refs.partId).toBeNull();
    expect(event.webhook).toEqual({
      plan: { slug: 'drug-discovery-2024', title: '創薬力' },
      round: { id: 'r', title: '2025年6月末', asOfDate: '2025-06-30' },
    });
  });
});

describe('reminderEvent', () => {
  it("goes to the part's ministry in the app, never to the webhook", () => {
    const event = reminderEvent(plan, round, part, 'c', AT);
    expect(event).toMatchObject({ kind: 'part.reminder', recipients: { ministries: ['厚'] }, webhook: null });
  });
});
