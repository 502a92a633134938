import type { MeasureRoundDiff, Round } from '@kotei/contracts';
import { formatValue, ministryTag, phaseStateText } from './words.js';

/** One bullet of a measure's progress that this round added, removed or rewrote. */
export interface ReportBulletChange {
  kind: 'added' | 'removed' | 'changed';
  /** 追加, 削除 or 変更. */
  kindText: string;
  ministry: string | null;
  /** The bullet as this round has it (added, changed) or as the previous had it (removed), tagged. */
  text: string;
  /** For a rewritten bullet: the previous round's text. */
  before: string | null;
}

/** A KPI whose reported actuals differ between the rounds. */
export interface ReportActualChange {
  kpi: string;
  before: string;
  after: string;
}

/** A phase whose state moved between the rounds' as-of dates. */
export interface ReportPhaseChange {
  text: string;
  period: string;
  before: string;
  after: string;
}

/** What changed in one measure since the previous published round. */
export interface ReportMeasureChange {
  measureId: string;
  measure: string;
  bullets: ReportBulletChange[];
  actuals: ReportActualChange[];
  phases: ReportPhaseChange[];
}

/** The changes-since-last-round annex: against which round, and each measure where anything changed. */
export interface ReportChanges {
  from: Round;
  measures: ReportMeasureChange[];
}

const KIND_TEXT = { added: '追加', removed: '削除', changed: '変更' } as const;

function actualsText(points: MeasureRoundDiff['actuals'][number]['after'], unit: string): string {
  if (points.length === 0) return '報告なし';
  return points.map((p) => `${formatValue(p.value, unit)} (${p.period.label})`).join('、');
}

/**
 * The annex from the round diffs of every measure (the web app's 比較, `round-diff.ts`): bullets added, removed
 * or rewritten, per ministry; KPIs this round reported actuals for that differ from the previous round's; phases
 * whose state moved. Bullets kept as they
 * were, and KPIs reported alike in both rounds, are left out; so is a measure with nothing left.
 */
export function reportChanges(from: Round, diffs: readonly MeasureRoundDiff[]): ReportChanges {
  const measures = diffs
    .map((diff): ReportMeasureChange => ({
      measureId: diff.measure.id,
      measure: diff.measure.title,
      bullets: diff.progress.flatMap((p) =>
        p.bullets
          .filter((b) => b.kind !== 'same')
          .map((b) => ({
            kind: b.kind as ReportBulletChange['kind'],
            kindText: KIND_TEXT[b.kind as ReportBulletChange['kind']],
            ministry: p.ministry,
            text: `${b.text}${ministryTag(p.ministry)}`,
            before: b.kind === 'changed' ? (b.before ?? null) : null,
          })),
      ),
      actuals: diff.actuals
        .filter((a) => a.after.length > 0 && JSON.stringify(a.before) !== JSON.stringify(a.after))
        .map((a) => ({
          kpi: a.name,
          before: actualsText(a.before, a.unit),
          after: actualsText(a.after, a.unit),
        })),
      phases: diff.phases.map((p) => ({
        text: p.text,
        period: p.period.label,
        before: phaseStateText(p.before),
        after: phaseStateText(p.after),
      })),
    }))
    .filter((m) => m.bullets.length > 0 || m.actuals.length > 0 || m.phases.length > 0);
  return { from, measures };
}
