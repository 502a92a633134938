import { ApiError, api, send } from '../../api/client';
import type { PartConflict, RoundPart, SavePartBody } from '../../api/types';

/** A write's outcome: the part as saved, or a stale version with the part as it now stands. */
export type PartWrite = { kind: 'saved'; part: RoundPart } | { kind: 'stale'; current: RoundPart };

interface PartAddress {
  slug: string;
  roundId: string;
  partId: string;
}

function isConflict(value: unknown): value is PartConflict {
  return typeof value === 'object' && value !== null && 'current' in value && 'error' in value;
}

async function settle(
  call: Promise<{ data?: RoundPart; error?: unknown; response: Response }>,
): Promise<PartWrite> {
  const answer = await call;
  if (answer.response.status === 409 && isConflict(answer.error)) {
    return { kind: 'stale', current: answer.error.current };
  }
  return { kind: 'saved', part: await send(Promise.resolve(answer)) };
}

/** Saves a part's draft (PUT); a stale version comes back as `stale`, never as a silent overwrite. */
export function savePart(at: PartAddress, body: SavePartBody): Promise<PartWrite> {
  return settle(
    api
      .PUT('/api/plans/{slug}/rounds/{roundId}/parts/{partId}', { params: { path: at }, body })
      .catch((cause: unknown) => {
        throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
      }),
  );
}

/** Submits, returns (with a reason) or approves a part. */
export function decidePart(
  at: PartAddress,
  action: 'submit' | 'return' | 'approve',
  version: number,
  reason?: string,
): Promise<PartWrite> {
  const body = reason === undefined ? { version } : { version, reason };
  const params = { path: at };
  const call =
    action === 'submit'
      ? api.POST('/api/plans/{slug}/rounds/{roundId}/parts/{partId}/submit', { params, body })
      : action === 'return'
        ? api.POST('/api/plans/{slug}/rounds/{roundId}/parts/{partId}/return', { params, body })
        : api.POST('/api/plans/{slug}/rounds/{roundId}/parts/{partId}/approve', { params, body });
  return settle(call);
}
