import { circledNumber } from '@kotei/domain';
import type { EvaluationTarget } from '@kotei/contracts';
import type { ProgressReportTable } from '../db/schema.js';
import { newId } from '../ids.js';
import type { PublicationRows, RoundRepository } from './round.repository.js';
import { searchEntry } from './search-entry.mapper.js';

/** The search title of an evaluation: 総合評価（工程表②） / 総合評価（戦略目標1） / 総合評価（計画全体）. */
export function evaluationTitle(target: EvaluationTarget): string {
  switch (target.kind) {
    case 'plan':
      return '総合評価（計画全体）';
    case 'goal':
      return `総合評価（戦略目標${target.number}）`;
    case 'sheet':
      return `総合評価（工程表${circledNumber(target.number)}）`;
  }
}

/** A new round's parts: one per measure in scope and responsible ministry, none yet saved (未着手). */
export function newPartRows(
  roundId: string,
  scope: readonly string[],
  measures: ReadonlyMap<string, { ministries: readonly string[] }>,
): ProgressReportTable[] {
  return [...new Set(scope)].flatMap((measureId) =>
    (measures.get(measureId)?.ministries ?? []).map((ministry) => ({
      id: newId(),
      round_id: roundId,
      measure_id: measureId,
      sheet_id: null,
      ministry,
      state: 'draft',
      version: 0,
      submitted_at: null,
      submitted_by: null,
      decided_at: null,
      decided_by: null,
      decision_note: null,
      updated_at: null,
      updated_by: null,
      reminded_at: null,
    })),
  );
}

/**
 * What a round's publication writes: each reported actual as an observation of its round (origin `reported`),
 * and search entries for its progress bullets and its experts' evaluations, which search finds from then on.
 */
export function publicationRows(
  plan: { id: string; slug: string },
  roundId: string,
  inputs: Awaited<ReturnType<RoundRepository['publicationInputs']>>,
  sheets: ReadonlyMap<string, readonly number[]>,
  at: string,
): PublicationRows {
  const partById = new Map(inputs.parts.map((p) => [p.id, p]));
  const observations = inputs.actuals.map((a) => ({
    id: newId(),
    kpi_id: a.kpi_id,
    value: a.value,
    period_start: a.period_start,
    period_end: a.period_end,
    period_fiscal_year: a.period_fiscal_year,
    period_label: a.period_label,
    origin: 'reported',
    source_note: a.source_note,
    round_id: roundId,
    recorded_at: at,
    recorded_by: partById.get(a.report_id)?.updated_by ?? null,
    source_line_from: null,
    source_line_to: null,
    source_text: null,
  }));
  const bullets = inputs.bullets.flatMap((bullet) => {
    const part = partById.get(bullet.report_id);
    if (!part) return [];
    return [
      searchEntry({
        plan,
        type: 'progress',
        entityId: bullet.id,
        measureId: part.measure_id,
        sheet: sheets.get(part.measure_id ?? '')?.[0] ?? null,
        ministries: [part.ministry],
        roundId,
        title: part.measure_title,
        body: bullet.text,
      }),
    ];
  });
  const evaluations = inputs.evaluations.map((e) =>
    searchEntry({
      plan,
      type: 'evaluation',
      entityId: e.id,
      measureId: null,
      sheet: e.sheet_number,
      ministries: [],
      roundId,
      title: evaluationTitle(
        e.sheet_number !== null
          ? { kind: 'sheet', number: e.sheet_number }
          : e.goal_number !== null
            ? { kind: 'goal', number: e.goal_number }
            : { kind: 'plan' },
      ),
      body: e.comment,
    }),
  );
  return { observations, searchEntries: [...bullets, ...evaluations] };
}
