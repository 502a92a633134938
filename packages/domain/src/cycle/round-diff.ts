import { diffArrays, diffChars } from 'diff';
import type { PeriodValue } from '../model/entities.js';
import type { PhaseStatus } from '../model/codes.js';

/** One piece of a text diff: kept, added or removed. */
export interface TextPiece {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * How one ministry's bullets changed from one round to the next: each bullet kept, added or removed, and where
 * a bullet was rewritten (removed and added at the same place), the change inside it character by character —
 * Japanese has no spaces to split words on.
 */
export interface BulletChange {
  kind: 'same' | 'added' | 'removed' | 'changed';
  text: string;
  /** For `changed`: the earlier text, and the pieces that turn it into `text`. */
  before?: string;
  pieces?: TextPiece[];
}

/** A measure's progress in two rounds, per ministry (null where the document tags none). */
export type BulletsByMinistry = ReadonlyMap<string | null, readonly string[]>;

/** The change of one ministry's progress. */
export interface ProgressChange {
  ministry: string | null;
  bullets: BulletChange[];
}

// A bullet rewritten in place is shown as one change when the two share at least this much text; below it, as a
// removal and an addition (an unrelated sentence is not a "change" of the one it replaced).
const SAME_BULLET_SHARE = 0.4;

function pieces(before: string, after: string): TextPiece[] {
  return diffChars(before, after).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

function sharedShare(parts: readonly TextPiece[], before: string, after: string): number {
  const shared = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + p.text.length, 0);
  return shared / Math.max(before.length, after.length, 1);
}

/** The change of a list of bullets from one round to the next. */
export function diffBullets(before: readonly string[], after: readonly string[]): BulletChange[] {
  const out: BulletChange[] = [];
  const parts = diffArrays([...before], [...after]);
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (part === undefined) continue;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // Pair the rewritten bullets one to one; what is left over is removed or added.
      const count = Math.max(part.value.length, next.value.length);
      for (let j = 0; j < count; j += 1) {
        const old = part.value[j];
        const now = next.value[j];
        if (old !== undefined && now !== undefined) {
          const change = pieces(old, now);
          if (sharedShare(change, old, now) >= SAME_BULLET_SHARE)
            out.push({ kind: 'changed', text: now, before: old, pieces: change });
          else out.push({ kind: 'removed', text: old }, { kind: 'added', text: now });
        } else if (old !== undefined) out.push({ kind: 'removed', text: old });
        else if (now !== undefined) out.push({ kind: 'added', text: now });
      }
      i += 1;
      continue;
    }
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value) out.push({ kind, text });
  }
  return out;
}

/** The change of a measure's progress, per ministry, in the order the ministries first appear. */
export function diffProgress(before: BulletsByMinistry, after: BulletsByMinistry): ProgressChange[] {
  const ministries = [...new Set([...before.keys(), ...after.keys()])];
  return ministries
    .map((ministry) => ({
      ministry,
      bullets: diffBullets(before.get(ministry) ?? [], after.get(ministry) ?? []),
    }))
    .filter((change) => change.bullets.length > 0);
}

/** A KPI's actuals as each round reported them. */
export interface ActualsChange {
  kpiId: string;
  before: readonly { value: number; period: PeriodValue }[];
  after: readonly { value: number; period: PeriodValue }[];
}

/** A phase's state at each round's as-of date. */
export interface PhaseChange {
  phaseId: string;
  before: PhaseStatus;
  after: PhaseStatus;
}

/** Only the phases whose state differs between the rounds. */
export function changedPhases(phases: readonly PhaseChange[]): PhaseChange[] {
  return phases.filter((phase) => phase.before !== phase.after);
}
