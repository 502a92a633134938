import type { ErrorDetail } from '../model/errors.js';
import type { Id } from '../model/entities.js';
import { applyEdit, type EditContext } from './apply-edit.js';
import type { PlanEdit } from './edits.js';
import { budgetMeasure } from './budget.js';
import { ENTITY_KIND_JA, type PlanStructure } from './structure.js';

/** States of a reporter's proposal (変更提案). */
export const PROPOSAL_STATES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
/** States of a reporter's proposal (変更提案). */
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/**
 * What a proposal's edits come to against a structure: the structure they make, or what is wrong — `forbidden`
 * lists the edits that reach beyond the reporter's own measures (each path `edits[i]`), `invalid` the fields the
 * edit rules refuse (`edits[i].target.period`), as a draft edit would be refused.
 */
export type ProposalCheck =
  { ok: true; structure: PlanStructure } | { ok: false; forbidden: ErrorDetail[]; invalid: ErrorDetail[] };

/** The measure an edit is about, or why a reporter may not propose it at all. */
/** Why an edit may not be proposed, in English and Japanese. */
type Refusal = Pick<ErrorDetail, 'message' | 'ja'>;

function measureOf(
  structure: PlanStructure,
  edit: PlanEdit,
): { measureId: Id | null } | { refused: Refusal } {
  const phaseMeasure = (id: Id) => structure.phases.find((p) => p.id === id)?.measureId ?? null;
  const kpiMeasure = (id: Id) => {
    const kpi = structure.kpis.find((k) => k.id === id);
    return kpi === undefined ? null : kpi.measureId;
  };
  switch (edit.op) {
    case 'measure.update':
      return { measureId: edit.id };
    case 'phase.add':
      return { measureId: edit.measureId };
    case 'phase.update':
    case 'phase.move':
      return { measureId: phaseMeasure(edit.id) };
    case 'kpi.add':
      if (edit.goalId !== null || edit.measureId === null)
        return {
          refused: {
            message: "an outcome target is the coordinating office's",
            ja: 'アウトカム（成果目標）の変更は取りまとめ担当が行います',
          },
        };
      return { measureId: edit.measureId };
    case 'kpi.update':
      return { measureId: kpiMeasure(edit.id) };
    case 'reorder':
    case 'retire':
      if (edit.kind === 'phase') return { measureId: phaseMeasure(edit.id) };
      if (edit.kind === 'kpi') return { measureId: kpiMeasure(edit.id) };
      if (edit.kind === 'measure' && edit.op === 'retire') return { measureId: edit.id };
      return {
        refused: {
          message: `a reporter may not ${edit.op} a ${edit.kind}`,
          ja: `${ENTITY_KIND_JA[edit.kind]}の並べ替え・廃止は提案できません（取りまとめ担当が行います）`,
        },
      };
    case 'budget.add':
    case 'budget.update':
    case 'budget.retire':
      return { measureId: budgetMeasure(structure, edit) };
    case 'plan.update':
    case 'goal.add':
    case 'goal.update':
    case 'sheet.add':
    case 'sheet.update':
    case 'measure.add':
    case 'measure.move':
    case 'measure.split':
    case 'measure.merge':
    case 'kpi.merge':
      return {
        refused: {
          message: `a reporter may not propose ${edit.op}: the coordinating office decides it`,
          ja: 'この変更は提案できません（取りまとめ担当が判断します）',
        },
      };
  }
}

/**
 * Why a reporter of `ministry` may not propose this edit, or null when it touches only a measure whose
 * ministries include theirs (its title, its phases and KPIs; adding a phase or KPI to it; retiring it). Pure.
 */
export function proposalRefusal(structure: PlanStructure, edit: PlanEdit, ministry: string): Refusal | null {
  const of = measureOf(structure, edit);
  if ('refused' in of) return of.refused;
  // An unknown id is left to the edit rules, which name the field.
  if (of.measureId === null) return null;
  const measure = structure.measures.find((m) => m.id === of.measureId);
  if (measure === undefined) return null;
  if (!measure.ministries.includes(ministry))
    return {
      message: `measure "${measure.title}" is not ${ministry}'s (its ministries: ${measure.ministries.join('・')})`,
      ja: `施策「${measure.title}」は${ministry}の担当ではありません（担当: ${measure.ministries.join('・')}）`,
    };
  if (edit.op === 'measure.update' && edit.ministries !== undefined && !edit.ministries.includes(ministry))
    return {
      message: `a proposal may not take ${ministry} off its own measure`,
      ja: `自らの施策の担当から${ministry}を外す提案はできません`,
    };
  return null;
}

/**
 * Check a reporter's proposal against a structure, edit by edit in order (an edit may name a phase an earlier
 * one added): each must be the reporter's to propose and pass the same rules as a draft edit. Pure.
 */
export function checkProposal(
  structure: PlanStructure,
  edits: readonly PlanEdit[],
  ministry: string,
  context: EditContext,
): ProposalCheck {
  const forbidden: ErrorDetail[] = [];
  const invalid: ErrorDetail[] = [];
  let current = structure;
  edits.forEach((edit, i) => {
    const refusal = proposalRefusal(current, edit, ministry);
    if (refusal !== null) return void forbidden.push({ path: `edits[${i}]`, ...refusal });
    const result = applyEdit(current, edit, context);
    if (result.ok) current = result.structure;
    else invalid.push(...result.errors.map((e) => ({ ...e, path: `edits[${i}].${e.path}` })));
  });
  if (edits.length === 0)
    invalid.push({
      path: 'edits',
      message: 'a proposal has at least one edit',
      ja: '変更を1つ以上含めてください',
    });
  return forbidden.length > 0 || invalid.length > 0
    ? { ok: false, forbidden, invalid }
    : { ok: true, structure: current };
}

/**
 * Apply accepted edits to a draft: all or none, each field the draft refuses named by edit index (an entity the
 * draft retired, a phase the draft moved out of the horizon). Pure.
 */
export function applyEdits(
  structure: PlanStructure,
  edits: readonly PlanEdit[],
  context: EditContext,
): { ok: true; structure: PlanStructure } | { ok: false; errors: ErrorDetail[] } {
  let current = structure;
  const errors: ErrorDetail[] = [];
  edits.forEach((edit, i) => {
    const result = applyEdit(current, edit, context);
    if (result.ok) current = result.structure;
    else errors.push(...result.errors.map((e) => ({ ...e, path: `edits[${i}].${e.path}` })));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, structure: current };
}
