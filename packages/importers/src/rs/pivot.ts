import type { RsIndicator, RsYearValues } from './records.js';
import type { Row } from './rows.js';
import { RsImportError } from './source.js';

const FLAG = '目標年度／目標値／実績値／達成率';
const NUMBER = 'アクティビティ・アウトプット・アウトカムの番号';
const TYPE = '種別（アクティビティ・アウトプット・アウトカム）';
/** The year columns of 3-1. */
export const RS_YEARS: readonly number[] = Array.from({ length: 2060 - 2007 + 1 }, (_, i) => 2007 + i);

type Slot = 'flag' | 'target' | 'actual' | 'achievement';
const SLOTS: Record<string, Slot> = {
  '1.目標年度': 'flag',
  '2.目標値': 'target',
  '3.実績値': 'actual',
  '4.達成率': 'achievement',
};

/**
 * Pivots 3-1's long rows into one indicator per (予算事業ID, 番号, 種別): the rows of a node come one after the
 * other (an activity one row, a quantitative indicator four: 1.目標年度, 2.目標値, 3.実績値, 4.達成率 over the
 * year columns). Streaming: `push` returns the node the row closed, if any; `finish` the last one.
 */
export class IndicatorPivot {
  private current: RsIndicator | null = null;
  private readonly byYear = new Map<number, RsYearValues>();
  /** The first line of each node of the current project, so a node whose rows are split is refused. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly file: string) {}

  push(row: Row): RsIndicator | null {
    const rsId = row.int('予算事業ID');
    const number = row.int(NUMBER);
    const nodeType = row.required(TYPE);
    const open = this.current;
    const closed =
      open !== null && (open.rsId !== rsId || open.number !== number || open.nodeType !== nodeType)
        ? this.finish()
        : null;
    if (this.current === null) {
      if (open !== null && open.rsId !== rsId) this.seen.clear();
      const key = `${number}:${nodeType}`;
      const first = this.seen.get(key);
      if (first !== undefined) {
        throw new RsImportError(
          this.file,
          row.line,
          NUMBER,
          `the rows of ${nodeType} ${number} of project ${rsId} are not together (the node began on line ${first})`,
        );
      }
      this.seen.set(key, row.line);
      this.current = this.start(row, rsId, number, nodeType);
    }
    const flag = row.text(FLAG);
    if (flag !== null) this.addValues(row, flag);
    return closed;
  }

  private start(row: Row, rsId: number, number: number, nodeType: string): RsIndicator {
    return {
      kind: 'indicator',
      sheetYear: row.int('事業年度'),
      rsId,
      number,
      nodeType,
      period: row.text('アウトカムの期間'),
      goalType: row.text('成果目標の種類'),
      goal: row.text('アクティビティ／活動目標／成果目標'),
      indicator: row.text('活動指標／成果指標'),
      unit: row.text('単位'),
      direction: row.text('改善の上向き／下向き'),
      dataSource: row.text('成果実績及び目標値の根拠として用いた統計・データ名（出典）'),
      qualitativeResult: row.text('定性的なアウトカムに関する成果実績'),
      cabinetDecision: row.text('事業に関連するKPIが定められている閣議決定等の名称'),
      targetYears: [],
      years: [],
      line: row.line,
    };
  }

  private addValues(row: Row, flag: string): void {
    const slot = SLOTS[flag];
    if (slot === undefined) {
      throw new RsImportError(
        this.file,
        row.line,
        FLAG,
        `found "${flag}", expected one of ${Object.keys(SLOTS).join(', ')}`,
      );
    }
    const indicator = this.current as RsIndicator;
    for (const year of RS_YEARS) {
      const value = row.text(String(year));
      if (value === null) continue;
      if (slot === 'flag') {
        if (value.trim() === '1') indicator.targetYears.push(year);
        continue;
      }
      let values = this.byYear.get(year);
      if (values === undefined) {
        values = { year, target: null, actual: null, achievement: null };
        this.byYear.set(year, values);
      }
      values[slot] = value.trim();
    }
  }

  /** The node still open, closed; null when none is. */
  finish(): RsIndicator | null {
    const indicator = this.current;
    if (indicator === null) return null;
    indicator.years = [...this.byYear.values()].sort((a, b) => a.year - b.year);
    this.byYear.clear();
    this.current = null;
    return indicator;
  }
}

/** A year's value as a number, or null where it is empty or not a number ("-", "調査中"). */
export function numericValue(value: string | null): number | null {
  if (value === null) return null;
  const number = Number(value.replace(/,/g, ''));
  return value.trim() === '' || !Number.isFinite(number) ? null : number;
}
