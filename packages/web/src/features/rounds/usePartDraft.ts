import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import type { RoundPart } from '../../api/types';
import { bodyOf, draftOf, mergeDrafts, problemsOf, type PartDraft } from './part-model';
import { savePart } from './part-save';

/** How long typing must pause before a draft saves itself. */
export const AUTOSAVE_MS = 1500;

/** What the editor shows of the last save. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; paths: string[]; keys: string[] }
  | { kind: 'failed'; error: ApiError };

/**
 * The part's form and its saving: drafts save themselves after a pause in typing (and on demand); a stale
 * version stops saving and keeps both versions for the user to merge.
 */
export function usePartDraft(initial: RoundPart, address: { slug: string; roundId: string; partId: string }) {
  const [part, setPart] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial));
  const [isDirty, setIsDirty] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [conflict, setConflict] = useState<{ mine: PartDraft; current: RoundPart } | null>(null);
  const edits = useRef(0);
  const inFlight = useRef<Promise<RoundPart | null> | null>(null);
  const latest = useRef({ draft, part, isDirty, conflict });
  useLayoutEffect(() => {
    latest.current = { draft, part, isDirty, conflict };
  }, [draft, part, isDirty, conflict]);

  const change = useCallback((update: (d: PartDraft) => PartDraft) => {
    edits.current += 1;
    setDraft(update);
    setIsDirty(true);
  }, []);

  /** Saves now when there is something to save; resolves to the part as saved (null when it could not). */
  const save = useCallback(async (): Promise<RoundPart | null> => {
    if (inFlight.current) await inFlight.current;
    const { draft: toSave, part: base, isDirty: dirty, conflict: open } = latest.current;
    if (open) return null;
    if (!dirty) return base;
    const problems = problemsOf(toSave);
    if (problems.length > 0) {
      setStatus({ kind: 'invalid', paths: problems.map((p) => p.path), keys: problems.map((p) => p.key) });
      return null;
    }
    const editsAtSend = edits.current;
    setStatus({ kind: 'saving' });
    const run = (async () => {
      try {
        const result = await savePart(address, bodyOf(toSave, base.version));
        if (result.kind === 'stale') {
          setConflict({ mine: toSave, current: result.current });
          setStatus({ kind: 'idle' });
          return null;
        }
        setPart(result.part);
        latest.current.part = result.part;
        if (edits.current === editsAtSend) {
          setIsDirty(false);
          latest.current.isDirty = false;
        }
        setStatus({ kind: 'saved', at: result.part.updatedAt ?? new Date().toISOString() });
        return result.part;
      } catch (caught) {
        setStatus({
          kind: 'failed',
          error: caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)),
        });
        return null;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [address]);

  useEffect(() => {
    if (!isDirty || conflict || !part.mayEdit) return;
    const timer = setTimeout(() => {
      void save();
    }, AUTOSAVE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, isDirty, conflict, part.mayEdit, save]);

  /** A decision's or another write's answer: the part and the form as the server now has them. */
  const replace = useCallback((next: RoundPart) => {
    setPart(next);
    setDraft(draftOf(next));
    setIsDirty(false);
    latest.current = { ...latest.current, part: next, draft: draftOf(next), isDirty: false };
  }, []);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    replace(conflict.current);
    setConflict(null);
  }, [conflict, replace]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    setPart(conflict.current);
    setDraft(mergeDrafts(latest.current.draft, draftOf(conflict.current)));
    setIsDirty(true);
    edits.current += 1;
    setConflict(null);
  }, [conflict]);

  return { part, draft, isDirty, status, conflict, change, save, replace, takeTheirs, keepMine, setConflict };
}
