import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditEvent, verifyChain, type ChainedRow, type ChainHead } from './audit-chain.js';

function chain(length: number): { rows: ChainedRow[]; head: ChainHead } {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const fields = {
      seq,
      prev_hash: prev,
      at: `2025-07-15T01:00:0${seq}.000Z`,
      actor_id: 'user-1',
      action: 'plan.update',
      entity_type: 'plan',
      entity_id: 'plan-1',
      detail_json: JSON.stringify({ before: { title: `t${seq - 1}` }, after: { title: `t${seq}` } }),
      request_id: `req-${seq}`,
    };
    const hash = hashAuditEvent(fields);
    rows.push({ id: `id-${seq}`, ...fields, hash });
    prev = hash;
  }
  return { rows, head: { seq: length, hash: prev } };
}

function nth(rows: readonly ChainedRow[], index: number): ChainedRow {
  const row = rows[index];
  if (row === undefined) throw new Error(`no row ${index}`);
  return row;
}

function rehash(row: ChainedRow): ChainedRow {
  return { ...row, hash: hashAuditEvent(row) };
}

describe('verifyChain', () => {
  it('passes an untouched chain and counts its rows, and an empty one', () => {
    const { rows, head } = chain(5);
    expect(verifyChain(head, rows)).toEqual({ ok: true, count: 5 });
    expect(verifyChain({ seq: 0, hash: GENESIS_HASH }, [])).toEqual({ ok: true, count: 0 });
  });

  it('names a row whose actor was edited as altered', () => {
    const { rows, head } = chain(5);
    rows[2] = { ...nth(rows, 2), actor_id: 'someone-else' };
    expect(verifyChain(head, rows)).toMatchObject({
      ok: false,
      count: 2,
      problem: { fault: 'altered', seq: 3, id: 'id-3' },
    });
  });

  it('sees an edit in the stored detail text even when it parses to the same object', () => {
    const { rows, head } = chain(3);
    rows[1] = { ...nth(rows, 1), detail_json: nth(rows, 1).detail_json.replace('{', '{ ') };
    expect(verifyChain(head, rows)).toMatchObject({ problem: { fault: 'altered', seq: 2 } });
  });

  it('names the row after a deleted one, with the seq that is missing', () => {
    const { rows, head } = chain(5);
    rows.splice(1, 1);
    const verdict = verifyChain(head, rows);
    expect(verdict).toMatchObject({ ok: false, problem: { fault: 'removed', seq: 3, id: 'id-3' } });
    expect(!verdict.ok && verdict.problem.message).toContain('seq 2 is missing');
  });

  it('sees the last rows deleted against the head', () => {
    const { rows, head } = chain(5);
    expect(verifyChain(head, rows.slice(0, 3))).toMatchObject({
      ok: false,
      count: 3,
      problem: { fault: 'removed', seq: 4, id: null },
    });
  });

  it('names a forged row appended in SQL as inserted, even with a well-made hash', () => {
    const { rows, head } = chain(3);
    const forged = rehash({
      ...nth(rows, 2),
      id: 'forged',
      seq: 4,
      prev_hash: nth(rows, 2).hash,
      actor_id: 'x',
    });
    expect(verifyChain(head, [...rows, forged])).toMatchObject({
      problem: { fault: 'inserted', seq: 4, id: 'forged' },
    });
  });

  it('names a row put between two others (the seqs shifted to make room) as inserted', () => {
    const { rows, head } = chain(4);
    const forged = rehash({ ...nth(rows, 1), id: 'forged', prev_hash: 'f'.repeat(64) });
    const shifted = [nth(rows, 0), forged, ...rows.slice(1, 3).map((r) => ({ ...r, seq: r.seq + 1 }))];
    expect(verifyChain(head, shifted)).toMatchObject({
      problem: { fault: 'inserted', seq: 2, id: 'forged' },
    });
  });

  it('sees a row rewritten with a fresh hash at the row after it, and at the head when it is the last', () => {
    const { rows, head } = chain(4);
    const edited = [...rows];
    edited[1] = rehash({ ...nth(rows, 1), actor_id: 'x' });
    expect(verifyChain(head, edited)).toMatchObject({ problem: { fault: 'inserted', seq: 3, id: 'id-3' } });
    const last = [...rows];
    last[3] = rehash({ ...nth(rows, 3), actor_id: 'x' });
    expect(verifyChain(head, last)).toMatchObject({ problem: { fault: 'altered', seq: 4, id: 'id-4' } });
  });

  it('names a repeated seq as inserted', () => {
    const { rows, head } = chain(3);
    expect(
      verifyChain(head, [nth(rows, 0), nth(rows, 1), { ...nth(rows, 1), id: 'again' }, nth(rows, 2)]),
    ).toMatchObject({
      problem: { fault: 'inserted', seq: 2, id: 'again' },
    });
  });
});
