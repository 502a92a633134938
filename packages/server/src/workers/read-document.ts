import { createHash } from 'node:crypto';
import type { PlanDocument } from '@kotei/contracts';
import { decodeDocument, parseFollowUp, type ParseIssue } from '@kotei/importers';

/** A document to read: its bytes and name, the slug to give it, and the ministry codes the store knows. */
export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  slug?: string | undefined;
  knownMinistries: readonly string[];
}

/** A document read into a plan with its issues, or the reason its bytes are no text document. */
export type ReadOutcome =
  | { ok: true; doc: PlanDocument; issues: ParseIssue[]; encoding: string; fingerprint: string }
  | { ok: false; message: string };

/**
 * Decode and parse a follow-up document: the CPU-heavy part of an import, pure, so it can run on a worker
 * thread. The fingerprint is of the text as read, so a re-encoded copy of a document is the same document.
 */
export function readDocument(request: ReadRequest): ReadOutcome {
  const decoded = decodeDocument(request.bytes);
  if (!decoded.ok) return { ok: false, message: decoded.error.message };
  const text = decoded.text.replace(/\r\n?/gu, '\n');
  const parsed = parseFollowUp(text, {
    sourceName: request.fileName,
    knownMinistries: request.knownMinistries,
    ...(request.slug === undefined ? {} : { slug: request.slug }),
  });
  const fingerprint = createHash('sha256').update(text).digest('hex');
  return { ok: true, doc: parsed.plan, issues: parsed.issues, encoding: decoded.encoding, fingerprint };
}
