import type { RoundState } from '../model/codes.js';

/**
 * 報告（府省別）: the life of one ministry's part of one measure in a round. A part nobody has touched is
 * `not_started`; saving makes it a `draft`; the reporter submits; the coordinator returns it (差戻し, with a
 * reason) or approves it (承認), which locks it; publishing the round publishes it.
 */
export const PART_STATES = [
  'not_started',
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
] as const;
/** The life of one ministry's part of one measure in a round. */
export type PartState = (typeof PART_STATES)[number];

/** What can be done to a part: the reporter saves and submits, the coordinator returns and approves. */
export const PART_ACTIONS = ['save', 'submit', 'return', 'approve'] as const;
/** What can be done to a part. */
export type PartAction = (typeof PART_ACTIONS)[number];

/** Who acts on a part: the reporter of its ministry, or the coordinating office. */
export type PartActor = 'reporter' | 'coordinator';

/** What a part's move depends on besides its state. */
export interface PartContext {
  roundState: RoundState;
  actor: PartActor;
  /** Data-quality flags on the part's actuals that still have no note (actual-checks.ts). */
  unnotedFlags: number;
  /** The coordinator's reason, required to return a part. */
  reason?: string;
}

/** A refused move, with a stable code and the sentence to show. */
export interface PartRefusal {
  code:
    | 'round_not_open'
    | 'round_published'
    | 'not_yours'
    | 'part_locked'
    | 'nothing_submitted'
    | 'flags_without_note'
    | 'reason_required';
  message: string;
}

/** Where a part goes, or why it cannot. */
export type PartMove = { ok: true; state: PartState } | { ok: false; refusal: PartRefusal };

const refuse = (code: PartRefusal['code'], message: string): PartMove => ({
  ok: false,
  refusal: { code, message },
});

// Writing (save, submit) belongs to the reporter; the coordinator may also write on a ministry's behalf.
const EDITABLE: ReadonlySet<PartState> = new Set(['not_started', 'draft', 'returned']);

/**
 * The state a part moves to when `action` is done to it, or why that is refused. The rules: a round must be
 * open for anything to move; published and approved parts never change (a published round is corrected by a
 * correction, not an edit); only the coordinator returns or approves, and only what was submitted; a return needs
 * its reason; a part with flagged values that have no note cannot be submitted.
 */
export function movePart(state: PartState, action: PartAction, context: PartContext): PartMove {
  if (context.roundState === 'published' || state === 'published')
    return refuse(
      'round_published',
      'The round is published: correct it with a correction (正誤), not an edit.',
    );
  if (context.roundState !== 'open') return refuse('round_not_open', 'The round is not open for reports.');
  if (state === 'approved') return refuse('part_locked', 'The part is approved and locked.');
  switch (action) {
    case 'save':
      if (state === 'submitted' && context.actor === 'reporter')
        return refuse('part_locked', 'The part is submitted: wait for the coordinator, who may return it.');
      return { ok: true, state: EDITABLE.has(state) ? (state === 'returned' ? 'returned' : 'draft') : state };
    case 'submit':
      if (!EDITABLE.has(state)) return refuse('part_locked', 'The part is already submitted.');
      if (state === 'not_started')
        return refuse('nothing_submitted', 'Nothing has been written in this part yet.');
      if (context.unnotedFlags > 0)
        return refuse(
          'flags_without_note',
          `${context.unnotedFlags} flagged value(s) need a note before the part can be submitted.`,
        );
      return { ok: true, state: 'submitted' };
    case 'return':
      if (context.actor !== 'coordinator') return refuse('not_yours', 'Only the coordinator returns a part.');
      if (state !== 'submitted') return refuse('nothing_submitted', 'Only a submitted part can be returned.');
      if ((context.reason ?? '').trim() === '')
        return refuse(
          'reason_required',
          'Say why the part is returned, so the reporter knows what to change.',
        );
      return { ok: true, state: 'returned' };
    case 'approve':
      if (context.actor !== 'coordinator')
        return refuse('not_yours', 'Only the coordinator approves a part.');
      if (state !== 'submitted') return refuse('nothing_submitted', 'Only a submitted part can be approved.');
      return { ok: true, state: 'approved' };
  }
}

/** A part as the round's publication reads it. */
export interface PartForPublication {
  id: string;
  state: PartState;
}

/**
 * Whether a round can be published now, or at its embargo time: every part in scope approved. Returns the parts
 * still in the way, so the coordinator sees which ministries to chase.
 */
export function partsBlockingPublication<P extends PartForPublication>(parts: readonly P[]): P[] {
  return parts.filter((part) => part.state !== 'approved');
}

/**
 * A round's state on a date: a round scheduled for publication (embargo) is published from that instant, and
 * not a moment before, whatever its stored state says. Instants compare as ISO strings in UTC.
 */
export function roundStateAt(
  round: { state: RoundState; publishAt: string | null },
  now: string,
): RoundState {
  if (round.state === 'closed' && round.publishAt !== null && round.publishAt <= now) return 'published';
  return round.state;
}
