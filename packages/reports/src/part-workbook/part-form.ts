import type { RoundPart } from '@kotei/contracts';
import { PHASE_REPORT_STATES, type PhaseReportState } from '@kotei/domain';
import { PHASE_LABEL_JA } from '../follow-up/words.js';

/**
 * A ministry's workbook for one part of an open round, as a form: every cell with its value and whether the
 * reporter may change it. The writer lays it out (locked cells protected); the reader compares an upload with the
 * form made again from the part as it now stands, so a locked cell changed in any way is found.
 */
export interface FormCell {
  value: string | number | null;
  locked: boolean;
}

/** One worksheet of the form; row 0 is its head. */
export interface FormSheet {
  name: string;
  widths: number[];
  rows: FormCell[][];
}

/** The worksheets, by role. */
export const PART_SHEETS = {
  about: '報告について',
  bullets: '進捗状況',
  actuals: '実績',
  phases: '工程',
} as const;

/** Where the part's identity and version sit on the about worksheet (column B). */
export const ABOUT_ROWS = { partId: 6, ministry: 5, version: 7 } as const;

/** Empty rows a reporter gets beyond the bullets already written. */
const SPARE_BULLETS = 15;

const locked = (value: string | number | null): FormCell => ({ value, locked: true });
const open = (value: string | number | null): FormCell => ({ value, locked: false });

/** The phase state a cell names: its Japanese word (未着手 …) or its code; null for anything else. */
export function phaseStateOf(text: string): PhaseReportState | null {
  const t = text.trim();
  return PHASE_REPORT_STATES.find((s) => s === t || PHASE_LABEL_JA[s] === t) ?? null;
}

/** The Japanese words of the phase states, in order (the state column's list). */
export const PHASE_STATE_WORDS: readonly string[] = PHASE_REPORT_STATES.map((s) => PHASE_LABEL_JA[s]);

function aboutSheet(part: RoundPart): FormSheet {
  const rows: [string, string | number][] = [
    ['計画', `${part.plan.title} (${part.plan.slug})`],
    ['フォローアップ', `${part.round.title}（${part.round.asOfDate}時点）`],
    ['施策', part.measure.title],
    ['府省', part.ministry],
    ['報告ID', part.id],
    ['版', part.version],
    [
      '記入のしかた',
      '白いセルに記入してください（灰色のセルは変更できません）。進捗状況は1行に1項目、実績は値・単位・期間・出典・注記、工程は状態（未着手・実施中・完了・遅延・見直し中）と注記。',
    ],
  ];
  return {
    name: PART_SHEETS.about,
    widths: [16, 90],
    rows: [[locked('kotei 報告ワークブック'), locked(null)], ...rows.map(([k, v]) => [locked(k), locked(v)])],
  };
}

function actualRows(part: RoundPart): FormCell[][] {
  const rows: FormCell[][] = [];
  const kpis = [...part.kpis];
  for (const a of part.actuals)
    if (!kpis.some((k) => k.id === a.kpiId)) kpis.push({ id: a.kpiId, name: '', unit: '', lastActual: null });
  for (const kpi of kpis) {
    const last = kpi.lastActual ? `${String(kpi.lastActual.value)}（${kpi.lastActual.period.label}）` : '';
    const head = [locked(kpi.id), locked(kpi.name), locked(kpi.unit), locked(last)];
    for (const a of part.actuals.filter((x) => x.kpiId === kpi.id)) {
      rows.push([
        ...head,
        open(a.value),
        open(a.unit),
        open(a.period.label),
        open(a.sourceNote),
        open(a.note),
        locked(a.flags.map((f) => f.message.ja).join(' / ')),
      ]);
    }
    rows.push([...head, open(null), open(null), open(null), open(null), open(null), locked(null)]);
  }
  return rows;
}

/** The form of a part's workbook, made from the part as the API gives it. */
export function partForm(part: RoundPart): FormSheet[] {
  const bulletRows = Math.max(part.bullets.length + SPARE_BULLETS, 20);
  const bullets: FormSheet = {
    name: PART_SHEETS.bullets,
    widths: [110],
    rows: [
      [locked('進捗状況（1行に1項目）')],
      ...Array.from({ length: bulletRows }, (_, i) => [open(part.bullets[i] ?? null)]),
    ],
  };
  const actuals: FormSheet = {
    name: PART_SHEETS.actuals,
    widths: [38, 40, 10, 22, 14, 10, 16, 30, 40, 50],
    rows: [
      ['KPI ID', '指標', 'KPIの単位', '直近の実績', '実績値', '単位', '期間', '出典', '注記', '確認事項'].map(
        locked,
      ),
      ...actualRows(part),
    ],
  };
  const phases: FormSheet = {
    name: PART_SHEETS.phases,
    widths: [38, 70, 18, 12, 50],
    rows: [
      ['工程ID', '工程', '期間', '状態', '注記'].map(locked),
      ...part.schedule.map((p) => {
        const reported = part.phases.find((r) => r.phaseId === p.id);
        return [
          locked(p.id),
          locked(p.text),
          locked(p.period.label),
          open(reported ? PHASE_LABEL_JA[reported.state] : null),
          open(reported?.note ?? null),
        ];
      }),
    ],
  };
  return [aboutSheet(part), bullets, actuals, phases];
}
