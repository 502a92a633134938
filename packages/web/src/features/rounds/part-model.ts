// The part editor's form: what the reporter types, kept as text until it is sent, and how it meets the server's
// part (loaded, saved, or the current one of a stale write).
import type { PhaseReportState, RoundPart, SavePartBody } from '../../api/types';

/** One actual as typed: the value stays text so a half-typed number is never lost. */
export interface ActualDraft {
  kpiId: string;
  value: string;
  unit: string;
  period: string;
  sourceNote: string;
  note: string;
}

/** One phase's state as chosen; '' when the part says nothing of it. */
export interface PhaseDraft {
  state: PhaseReportState | '';
  note: string;
}

/** The whole form. */
export interface PartDraft {
  bullets: string[];
  actuals: ActualDraft[];
  phases: Record<string, PhaseDraft>;
}

/** The phase states a reporter may choose, in the order the select lists them. */
export const PHASE_STATES: PhaseReportState[] = [
  'not_started',
  'in_progress',
  'done',
  'delayed',
  'under_revision',
];

/** The form for a part as the server has it. */
export function draftOf(part: RoundPart): PartDraft {
  const phases: Record<string, PhaseDraft> = {};
  for (const phase of part.schedule) phases[phase.id] = { state: '', note: '' };
  for (const entry of part.phases) phases[entry.phaseId] = { state: entry.state, note: entry.note };
  return {
    bullets: [...part.bullets],
    actuals: part.actuals.map((a) => ({
      kpiId: a.kpiId,
      value: String(a.value),
      unit: a.unit,
      period: a.period.label,
      sourceNote: a.sourceNote,
      note: a.note,
    })),
    phases,
  };
}

/** A field the form cannot send yet: `actuals[0].value`, say. */
export interface DraftProblem {
  path: string;
  key: 'round.part.error.value' | 'round.part.error.period' | 'round.part.error.kpi';
}

/** What keeps the form from being sent (a value that is not a number, a missing period or KPI). */
export function problemsOf(draft: PartDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  draft.actuals.forEach((actual, index) => {
    if (actual.kpiId === '') problems.push({ path: `actuals[${index}].kpiId`, key: 'round.part.error.kpi' });
    if (actual.value.trim() === '' || !Number.isFinite(Number(actual.value.replaceAll(',', '')))) {
      problems.push({ path: `actuals[${index}].value`, key: 'round.part.error.value' });
    }
    if (actual.period.trim() === '') {
      problems.push({ path: `actuals[${index}].period`, key: 'round.part.error.period' });
    }
  });
  return problems;
}

/** The save body for a form without problems, based on `version`. */
export function bodyOf(draft: PartDraft, version: number): SavePartBody {
  return {
    version,
    bullets: draft.bullets.map((b) => b.trim()).filter((b) => b !== ''),
    actuals: draft.actuals.map((a) => ({
      kpiId: a.kpiId,
      value: Number(a.value.replaceAll(',', '')),
      period: a.period.trim(),
      ...(a.unit.trim() === '' ? {} : { unit: a.unit.trim() }),
      ...(a.sourceNote.trim() === '' ? {} : { sourceNote: a.sourceNote.trim() }),
      ...(a.note.trim() === '' ? {} : { note: a.note.trim() }),
    })),
    phases: Object.entries(draft.phases).flatMap(([phaseId, phase]) =>
      phase.state === ''
        ? []
        : [{ phaseId, state: phase.state, ...(phase.note === '' ? {} : { note: phase.note }) }],
    ),
  };
}

function actualKey(actual: ActualDraft): string {
  return `${actual.kpiId}|${actual.period.trim()}`;
}

/**
 * Yours on top of theirs, so neither is lost: their bullets you do not have are kept after yours, their actuals
 * for a KPI and period you did not write are added, and their phase states fill the phases you left unset.
 */
export function mergeDrafts(mine: PartDraft, theirs: PartDraft): PartDraft {
  const bullets = [...mine.bullets, ...theirs.bullets.filter((b) => !mine.bullets.includes(b))];
  const myKeys = new Set(mine.actuals.map(actualKey));
  const actuals = [...mine.actuals, ...theirs.actuals.filter((a) => !myKeys.has(actualKey(a)))];
  const phases: Record<string, PhaseDraft> = { ...theirs.phases };
  for (const [id, phase] of Object.entries(mine.phases)) {
    const other = theirs.phases[id];
    phases[id] = phase.state === '' && other ? other : phase;
  }
  return { bullets, actuals, phases };
}
