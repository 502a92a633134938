import type { RsFileType } from './headers.js';
import type {
  RsBudgetDetail,
  RsBudgetItem,
  RsBudgetSummary,
  RsCommon,
  RsEvaluation,
  RsLink,
  RsOrganisation,
  RsPolicy,
  RsProjectInfo,
  RsRecord,
} from './records.js';
import { RsImportError } from './source.js';

const INTEGER = /^-?\d+(?:\.0*)?$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** One data row, read by column name; a cell that is not what its column holds is an RsImportError. */
export class Row {
  constructor(
    private readonly file: string,
    private readonly index: ReadonlyMap<string, number>,
    readonly line: number,
    private readonly cells: readonly string[],
  ) {}

  private at(column: string): string {
    const i = this.index.get(column);
    if (i === undefined) throw new Error(`no column ${column}`);
    return this.cells[i] ?? '';
  }

  private fail(column: string, value: string, expected: string): never {
    throw new RsImportError(
      this.file,
      this.line,
      column,
      `found "${value.slice(0, 40)}", expected ${expected}`,
    );
  }

  /** The cell's text, null when empty. */
  text(column: string): string | null {
    const value = this.at(column);
    return value === '' ? null : value;
  }

  /** A cell that must hold text. */
  required(column: string): string {
    return this.text(column) ?? this.fail(column, '', 'a value');
  }

  /** Whole yen (`376792000`, `367840000.0`, `-41833000`), null when empty. */
  yen(column: string): number | null {
    const value = this.at(column).trim();
    if (value === '') return null;
    if (!INTEGER.test(value)) this.fail(column, value, 'an amount in yen (digits)');
    return Number.parseInt(value, 10);
  }

  /** A year or a number such as 予算事業ID; `optional` allows an empty cell. */
  int(column: string): number;
  int(column: string, optional: true): number | null;
  int(column: string, optional = false): number | null {
    const value = this.at(column).trim();
    if (value === '' && optional) return null;
    if (!INTEGER.test(value)) this.fail(column, value, 'a whole number');
    return Number.parseInt(value, 10);
  }

  /** A decimal (執行率 0.83686), null when empty. */
  decimal(column: string): number | null {
    const value = this.at(column).trim();
    if (value === '') return null;
    if (!DECIMAL.test(value)) this.fail(column, value, 'a number');
    return Number(value);
  }
}

const UNITS = ['局・庁', '部', '課', '室', '班', '係'];

function common(row: Row, ministryColumn = '政策所管府省庁'): RsCommon {
  return {
    sheetYear: row.int('事業年度'),
    rsId: row.int('予算事業ID'),
    name: row.required('事業名'),
    ministry: row.required('府省庁'),
    policyMinistry: row.text(ministryColumn),
    unit: UNITS.map((unit) => row.text(unit))
      .filter((part): part is string => part !== null)
      .join(' '),
  };
}

function organisation(row: Row): RsOrganisation {
  const other = UNITS.map((unit) => row.text(`${unit}（その他担当組織）`)).filter((part) => part !== null);
  return {
    kind: 'organisation',
    ...common(row, '所管府省庁'),
    otherNo: row.int('その他担当組織_作成責任者_no', true),
    otherUnit: other.length > 0 ? other.join(' ') : null,
  };
}

function projectInfo(row: Row): RsProjectInfo {
  return {
    kind: 'project',
    ...common(row),
    purpose: row.text('事業の目的'),
    issues: row.text('現状・課題'),
    overview: row.text('事業の概要'),
    url: row.text('事業概要URL'),
    category: row.text('事業区分'),
    startYear: row.int('事業開始年度', true),
    endYear: row.int('事業終了（予定）年度', true),
    majorExpense: row.text('主要経費'),
    oldNumber: row.text('旧事業番号'),
  };
}

function policy(row: Row): RsPolicy {
  const policyNo = row.int('番号（政策・施策）', true);
  const lawNo = row.int('番号（根拠法令）', true);
  const planNo = row.int('番号（関係する計画・通知等）', true);
  return {
    kind: 'policy',
    sheetYear: row.int('事業年度'),
    rsId: row.int('予算事業ID'),
    policy:
      policyNo === null
        ? null
        : {
            no: policyNo,
            ministry: row.text('政策所管府省庁_P'),
            policy: row.text('政策'),
            measure: row.text('施策'),
          },
    law:
      lawNo === null
        ? null
        : {
            no: lawNo,
            name: row.text('法令名'),
            lawNumber: row.text('法令番号'),
            lawId: row.text('法令ID'),
            article:
              [row.text('条'), row.text('項'), row.text('号・号の細分')].filter(Boolean).join(' ') || null,
          },
    plan:
      planNo === null ? null : { no: planNo, name: row.text('計画通知名'), url: row.text('計画通知等URL') },
  };
}

function budget(row: Row): RsBudgetSummary | RsBudgetDetail {
  const key = {
    sheetYear: row.int('事業年度'),
    rsId: row.int('予算事業ID'),
    budgetYear: row.int('予算年度'),
  };
  const accountType = row.text('会計区分');
  if (accountType === null) {
    return {
      kind: 'budget-summary',
      ...key,
      initial: row.yen('当初予算（合計）'),
      supplementary: row.yen('補正予算（合計）'),
      carriedIn: row.yen('前年度からの繰越し（合計）'),
      reserve: row.yen('予備費等（合計）'),
      total: row.yen('計（歳出予算現額合計）'),
      executed: row.yen('執行額（合計）'),
      executionRate: row.decimal('執行率'),
      carriedOut: row.yen('翌年度への繰越し(合計）'),
      nextRequest: row.yen('翌年度要求額（合計）'),
      reason: row.text('主な増減理由'),
      note: row.text('その他特記事項'),
    };
  }
  const supplements = [1, 2, 3, 4, 5].map((n) => row.yen(`第${n}次補正予算`));
  return {
    kind: 'budget-detail',
    ...key,
    accountType,
    account: row.text('会計'),
    subAccount: row.text('勘定'),
    initial: row.yen('当初予算'),
    supplementary: supplements.every((value) => value === null)
      ? null
      : supplements.reduce<number>((sum, value) => sum + (value ?? 0), 0),
    total: row.yen('歳出予算現額'),
    executed: row.yen('執行額'),
  };
}

function budgetItem(row: Row): RsBudgetItem {
  return {
    kind: 'budget-item',
    sheetYear: row.int('事業年度'),
    rsId: row.int('予算事業ID'),
    budgetYear: row.int('予算年度'),
    accountType: row.text('会計区分'),
    account: row.text('会計'),
    budgetKind: row.text('予算種別'),
    item: ['所管', '組織・勘定', '項', '目']
      .map((column) => row.text(column))
      .filter(Boolean)
      .join(' / '),
    amount: row.yen('予算額（歳出予算項目ごと）'),
    nextRequest: row.yen('翌年度要求額（歳出予算項目ごと）'),
  };
}

function link(row: Row): RsLink | null {
  // A project without a logic model has one row with every edge column empty.
  if (
    row.text('派生元ーアクティビティ・アウトプット・アウトカムの番号') === null &&
    row.text('派生先ーアクティビティ・アウトプット・アウトカムの番号') === null
  )
    return null;
  return {
    kind: 'link',
    sheetYear: row.int('事業年度'),
    rsId: row.int('予算事業ID'),
    fromNumber: row.int('派生元ーアクティビティ・アウトプット・アウトカムの番号'),
    fromType: row.required('派生元ー種別（アクティビティ・アウトプット・アウトカム）'),
    toNumber: row.int('派生先ーアクティビティ・アウトプット・アウトカムの番号'),
    toType: row.required('派生先ー種別（アクティビティ・アウトプット・アウトカム）'),
    explanation: row.text('後続アウトカムへのつながり'),
  };
}

function evaluation(row: Row): RsEvaluation {
  return {
    kind: 'evaluation',
    sheetYear: row.int('事業年度'),
    rsId: row.int('予算事業ID'),
    selfCheck: row.text('事業所管部局による点検・改善ー点検結果'),
    direction: row.text('事業所管部局による点検・改善ー改善の方向性'),
    effectEvaluation: row.text('事業所管部局による点検・改善－目標年度における効果測定に関する評価'),
    externalFinding: row.text('外部有識者による点検ー所見'),
    teamFinding: row.text('行政事業レビュー推進チームの所見'),
    teamFindingDetail: row.text('行政事業レビュー推進チームの所見の詳細'),
    reflection: row.text('所見を踏まえた改善点／概算要求における反映状況'),
    reflectionDetail: row.text('所見を踏まえた改善点／概算要求における反映状況の詳細'),
  };
}

/** How each file type's rows become records (3-1 is pivoted apart, in pivot.ts). */
export const ROW_READERS: Record<Exclude<RsFileType, '3-1'>, (row: Row) => RsRecord | null> = {
  '1-1': organisation,
  '1-2': projectInfo,
  '1-3': policy,
  '2-1': budget,
  '2-2': budgetItem,
  '3-2': link,
  '4-1': evaluation,
};
