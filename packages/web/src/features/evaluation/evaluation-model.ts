import type { Evaluation, EvaluationTarget } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';
import type { MessageParams } from '../../i18n/catalogue';
import { circledNumber } from '../../lib/format';
import type { EvaluationRating, ProgressStatus } from '@kotei/domain/status';

/** The catalogue key of a rating's words (the ratings themselves are the domain's). */
export function evaluationRatingKey(rating: EvaluationRating): MessageKey {
  return `evaluation.rating.${rating}`;
}

/**
 * The colour a rating borrows from the progress-status scale, so one colour means one degree across the site
 * (the word always says it; the colour only repeats it).
 */
export const EVALUATION_RATING_TONE: Record<EvaluationRating, ProgressStatus> = {
  good: 'achieved',
  fair: 'on_track',
  concern: 'limited',
  serious: 'deteriorating',
};

/** A stable text key of a target, for grouping, form values and element ids: plan, goal-1, sheet-2. */
export function targetKey(target: EvaluationTarget): string {
  return target.kind === 'plan' ? 'plan' : `${target.kind}-${target.number}`;
}

/** The target a form value names; null for anything else. */
export function parseTargetKey(key: string): EvaluationTarget | null {
  if (key === 'plan') return { kind: 'plan' };
  const match = /^(goal|sheet)-(\d{1,4})$/.exec(key);
  if (!match) return null;
  return { kind: match[1] === 'goal' ? 'goal' : 'sheet', number: Number(match[2]) };
}

/** One target with its evaluations, in the order the API lists them (plan, goals, sheets). */
export interface EvaluationGroup {
  key: string;
  target: EvaluationTarget;
  evaluations: Evaluation[];
}

/** Groups a round's evaluations by target, keeping the API's order of targets and of evaluations. */
export function groupByTarget(evaluations: readonly Evaluation[]): EvaluationGroup[] {
  const groups = new Map<string, EvaluationGroup>();
  for (const evaluation of evaluations) {
    const key = targetKey(evaluation.target);
    const group = groups.get(key);
    if (group) group.evaluations.push(evaluation);
    else groups.set(key, { key, target: evaluation.target, evaluations: [evaluation] });
  }
  return [...groups.values()];
}

/** The date in Japan of an ISO instant (YYYY-MM-DD): 2025-07-14T16:00Z is already 2025-07-15 there. */
export function japanDateOf(instant: string): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  // Japan keeps no daylight saving time: UTC+9 all year.
  return new Date(time + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A target in a few words, for messages: 計画全体 / 戦略目標1 / 工程表②. */
export function describeTarget(
  target: EvaluationTarget,
  t: (key: MessageKey, params?: MessageParams) => string,
): string {
  if (target.kind === 'plan') return t('evaluation.target.plan');
  if (target.kind === 'goal') return t('evaluation.target.goal', { number: target.number });
  return t('plan.sheet.number', { number: circledNumber(target.number) });
}
