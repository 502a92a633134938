import { createHash } from 'node:crypto';
import type { AuditEventTable } from '../db/schema.js';

// The audit trail's chain, as a pure function of its rows: how an event's hash is made, and how a walk over
// the rows in seq order finds the first one that was altered, inserted or removed behind kotei's back.

/** The hash the first event points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The columns of an audit event that its hash covers, as stored: all but its id and its own hash. The detail is
 * hashed as stored text, byte for byte, so no re-serialisation can change a hash.
 */
export type ChainedFields = Omit<AuditEventTable, 'id' | 'hash'>;

/** An audit event row as the verifier reads it. */
export interface ChainedRow extends ChainedFields {
  id: string;
  hash: string;
}

/** The head: the last seq handed out and its event's hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * SHA-256 (hex) over the canonical form of an event: a JSON array in a fixed order. Changing this changes
 * every hash; the migration that chained the first events keeps its own frozen copy.
 */
export function hashAuditEvent(fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.seq,
    fields.prev_hash,
    fields.at,
    fields.actor_id,
    fields.action,
    fields.entity_type,
    fields.entity_id,
    fields.detail_json,
    fields.request_id,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** What is wrong with the first bad row. */
export type ChainFault = 'altered' | 'inserted' | 'removed';

/** The first bad row: its seq and id (null when the rows missing are the last ones) and why. */
export interface ChainProblem {
  fault: ChainFault;
  seq: number;
  id: string | null;
  message: string;
}

/** The outcome of a walk: the rows that verified, and the first problem if any. */
export type ChainVerdict = { ok: true; count: number } | { ok: false; count: number; problem: ChainProblem };

/**
 * Walks the rows in seq order, one page at a time so a long trail need not sit in memory, and stops at the
 * first bad row. Each row must carry the next seq, point back to the hash before it and hash to its own
 * hash; the last must be the head's.
 */
export class ChainWalk {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private lastId: string | null = null;
  private count = 0;
  private problem: ChainProblem | null = null;

  constructor(private readonly head: ChainHead) {}

  /** The seq after which to read the next page. */
  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  /** Whether the walk has found its problem and needs no more rows. */
  get isDone(): boolean {
    return this.problem !== null;
  }

  /** Check the next rows, in seq order. */
  push(rows: readonly ChainedRow[]): void {
    for (const row of rows) {
      if (this.problem !== null) return;
      this.problem = this.check(row);
      if (this.problem !== null) return;
      this.count += 1;
      this.expectedSeq = row.seq + 1;
      this.prevHash = row.hash;
      this.lastId = row.id;
    }
  }

  /** The verdict once every row has been pushed. */
  finish(): ChainVerdict {
    const problem = this.problem ?? this.checkEnd();
    return problem === null ? { ok: true, count: this.count } : { ok: false, count: this.count, problem };
  }

  private check(row: ChainedRow): ChainProblem | null {
    const at = { seq: row.seq, id: row.id };
    if (row.seq > this.head.seq) {
      return {
        fault: 'inserted',
        ...at,
        message: `seq ${row.seq} is beyond the head (${this.head.seq}): no audited write made this row`,
      };
    }
    if (row.seq > this.expectedSeq) {
      const missing =
        row.seq - 1 === this.expectedSeq
          ? `seq ${this.expectedSeq} is`
          : `seq ${this.expectedSeq}–${row.seq - 1} are`;
      return { fault: 'removed', ...at, message: `${missing} missing before this row` };
    }
    if (row.seq < this.expectedSeq) {
      return {
        fault: 'inserted',
        ...at,
        message: `seq ${row.seq} repeats or goes back (expected ${this.expectedSeq})`,
      };
    }
    if (row.prev_hash !== this.prevHash) {
      return {
        fault: 'inserted',
        ...at,
        message: `the chain is broken: prev_hash is not the hash of seq ${row.seq - 1} (a row was put in here, or the one before was rewritten with a new hash)`,
      };
    }
    if (hashAuditEvent(row) !== row.hash) {
      return { fault: 'altered', ...at, message: 'its content no longer matches its hash' };
    }
    return null;
  }

  private checkEnd(): ChainProblem | null {
    if (this.lastSeq < this.head.seq) {
      const first = this.lastSeq + 1;
      return {
        fault: 'removed',
        seq: first,
        id: null,
        message:
          first === this.head.seq
            ? `seq ${first}, the last written, is missing`
            : `seq ${first}–${this.head.seq}, the last written, are missing`,
      };
    }
    if (this.head.hash !== this.prevHash) {
      return {
        fault: 'altered',
        seq: this.lastSeq,
        id: this.lastId,
        message: `the last row's hash is not the one the head recorded when it was written`,
      };
    }
    return null;
  }
}

/** Verify a whole trail held in memory (tests and small trails); the repository pages through `ChainWalk`. */
export function verifyChain(head: ChainHead, rows: readonly ChainedRow[]): ChainVerdict {
  const walk = new ChainWalk(head);
  walk.push(rows);
  return walk.finish();
}
