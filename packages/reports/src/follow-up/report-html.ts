import type {
  FollowUpReport,
  ReportBullet,
  ReportKpi,
  ReportMeasureRow,
  ReportProject,
  ReportSheet,
} from './report-model.js';
import {
  LINE_HEIGHT,
  pageGeometry,
  phaseLabel,
  sideHeight,
  splitLanes,
  type SheetWidths,
} from './row-split.js';
import type { ReportPhaseCell } from './report-model.js';

/** Paper the print view is laid out for: both landscape, as the seed circulates. */
export type ReportPaper = 'A3' | 'A4';

/** Text made inert in HTML: every user-written string goes through this. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const h = escapeHtml;

/** Shares (per cent of the printable width) of a sheet's columns; the period columns split theirs evenly. */
export const SHEET_COLUMN_SHARES = { measure: 10, periods: 40, kpi: 15, progress: 23, projects: 12 } as const;

/** The page margins of the printed report, in millimetres. */
export const PAGE_MARGIN_MM = { top: 12, right: 10, bottom: 14, left: 10 } as const;

/**
 * The report's fonts: first Noto Sans CJK JP with TrueType outlines, which Chromium embeds as a subset font
 * where it prints Debian's CFF original as Type 3 glyphs (scripts/install-pdf-font.sh makes it); then the
 * original, which a reader's browser has or does without.
 */
export const PRINT_FONTS = '"Kotei Noto Sans CJK JP", "Noto Sans CJK JP", "Noto Sans JP", sans-serif';

// Landscape paper sizes (mm) and the body font (pt) used on each.
const PAPER = {
  A3: { widthMm: 420, heightMm: 297, fontPt: 8 },
  A4: { widthMm: 297, heightMm: 210, fontPt: 6 },
} as const;

// Of a page's height, what the sheet's repeated heads take (em), and a margin for the estimate's error.
const HEAD_EM = 7;
const SAFETY = 0.85;

function styles(paper: ReportPaper): string {
  const size = `${PAPER[paper].fontPt}pt`;
  return `
@page { size: ${paper} landscape; margin: ${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.right}mm ${PAGE_MARGIN_MM.bottom}mm ${PAGE_MARGIN_MM.left}mm; }
* { box-sizing: border-box; }
body { font-family: ${PRINT_FONTS}; font-size: ${size}; line-height: ${LINE_HEIGHT}; color: #1a1a1a; margin: 0; }
h1 { font-size: 2em; margin: 0 0 .5em; } h2 { font-size: 1.5em; margin: 0 0 .4em; } h3 { font-size: 1.2em; margin: .8em 0 .3em; }
section { break-before: page; } section:first-of-type { break-before: auto; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #555; padding: 2px 3px; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #e8eef6; }
tbody th { text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.sheet-title th { background: #fff; text-align: left; font-size: 1.4em; border: none; padding: 0 0 4px; }
.lanes { display: grid; gap: 2px; }
.phase { border: 1px solid #7a8ca5; background: #f4f7fb; padding: 1px 2px; }
.phase .state { color: #3a4a60; }
.phase.overdue { border-width: 2px; border-color: #8a1c1c; }
ul { margin: 0; padding-left: 1.1em; } li { margin: 0 0 2px; }
.kpi { margin: 0 0 4px; } .kpi .name { font-weight: bold; } .muted { color: #555; }
.num { text-align: right; } .repost { font-size: .9em; color: #555; }
.as-of { font-weight: normal; font-size: .9em; }
.sample { border: 1px solid #8a6d00; padding: 4px; margin: 0 0 8px; }
`;
}

function kpiBlock(kpi: ReportKpi): string {
  const note = kpi.note ? `<div class="muted">${h(kpi.note)}</div>` : '';
  const latest = kpi.latest ? h(kpi.latest) : '実績なし';
  return `<div class="kpi"><div class="name">${h(kpi.name)}</div>${note}<div>${h(kpi.baseline)} → ${h(
    kpi.target,
  )}</div><div>最新の実績: ${latest}</div><div>状況: ${h(kpi.statusText)}</div></div>`;
}

const bulletList = (bullets: readonly ReportBullet[]): string =>
  bullets.length === 0 ? '' : `<ul>${bullets.map((b) => `<li>${h(b.display)}</li>`).join('')}</ul>`;

const projectList = (projects: readonly ReportProject[]): string =>
  projects.length === 0 ? '' : `<ul>${projects.map((p) => `<li>${h(p.display)}</li>`).join('')}</ul>`;

function lanesBlock(lanes: readonly ReportPhaseCell[][], columns: number): string {
  const cells = lanes.flatMap((lane, laneIndex) =>
    lane.map((cell) => {
      const place = `grid-row:${laneIndex + 1};grid-column:${cell.fromColumn + 1} / span ${cell.span}`;
      const label = phaseLabel(cell);
      const state = label.slice(cell.text.length + 1);
      return `<div class="phase ${cell.status}" data-span="${cell.span}" style="${place}"><span class="text">${h(
        cell.text,
      )}</span> <span class="state">${h(state)}</span></div>`;
    }),
  );
  return `<div class="lanes" style="grid-template-columns:repeat(${columns},1fr)">${cells.join('')}</div>`;
}

/** A measure as one row, or as several whole rows when it is estimated taller than a page. */
function measureRows(row: ReportMeasureRow, columns: number, widths: SheetWidths, budget: number): string {
  const repost = row.isRepost ? '<div class="repost">（再掲）</div>' : '';
  const chunks = sideHeight(row, widths) > budget ? [row.lanes] : splitLanes(row, widths, budget);
  return chunks
    .map((lanes, i) => {
      const lanesCell = `<td colspan="${columns}">${lanesBlock(lanes, columns)}</td>`;
      if (i > 0) {
        return `<tr data-measure="${h(row.id)}" class="continued"><th scope="row">${h(
          row.title,
        )}<div class="repost">（続き）</div></th>${lanesCell}<td></td><td></td><td></td></tr>`;
      }
      return `<tr data-measure="${h(row.id)}"><th scope="row">${h(row.title)}${repost}</th>${lanesCell}<td>${row.kpis
        .map(kpiBlock)
        .join('')}</td><td>${bulletList(row.progress)}</td><td>${projectList(row.projects)}</td></tr>`;
    })
    .join('\n');
}

function sheetSection(sheet: ReportSheet, report: FollowUpReport, paper: ReportPaper): string {
  const n = report.columns.length;
  const share = SHEET_COLUMN_SHARES;
  const geometry = pageGeometry(PAPER[paper], PAGE_MARGIN_MM, PAPER[paper].fontPt);
  const em = (percent: number): number => (geometry.widthEm * percent) / 100;
  const widths: SheetWidths = {
    measure: em(share.measure),
    period: em(share.periods / Math.max(n, 1)),
    kpi: em(share.kpi),
    progress: em(share.progress),
    projects: em(share.projects),
  };
  const budget = (geometry.heightEm - HEAD_EM) * SAFETY;
  const col = (percent: number): string => `<col style="width:${percent}%">`;
  const cols = [
    col(share.measure),
    ...report.columns.map(() => col(share.periods / Math.max(n, 1))),
    col(share.kpi),
    col(share.progress),
    col(share.projects),
  ];
  const sheetLevel =
    sheet.progress.length + sheet.projects.length === 0
      ? ''
      : `<tr><th scope="row">工程表全体</th><td colspan="${n + 1}"></td><td>${bulletList(
          sheet.progress,
        )}</td><td>${projectList(sheet.projects)}</td></tr>`;
  return `<section class="sheet" data-sheet="${sheet.number}">
<table><colgroup>${cols.join('')}</colgroup>
<thead><tr class="sheet-title"><th colspan="${n + 4}">各施策のスケジュール・${h(sheet.heading)} ${h(sheet.title)}</th></tr>
<tr><th scope="col">施策</th>${report.columns.map((c) => `<th scope="col">${h(c.label)}</th>`).join('')}<th scope="col">KPI（成果指標）</th><th scope="col">進捗状況 <span class="as-of">${h(
    report.asOfNote,
  )}</span></th><th scope="col">該当事業</th></tr></thead>
<tbody>${sheet.rows.map((row) => measureRows(row, n, widths, budget)).join('\n')}${sheetLevel}</tbody></table></section>`;
}

function cover(report: FollowUpReport): string {
  const revision = report.revisionNote ? `<p class="revision">${h(report.revisionNote)}</p>` : '';
  const sample = report.plan.isSample
    ? '<p class="sample">これは公開資料から読み込んだサンプルデータです。公式の記録ではありません。</p>'
    : '';
  const goals = report.goals
    .map(
      (
        goal,
      ) => `<h3>(${goal.number}) ${h(goal.title)}</h3>${goal.note ? `<p class="muted">${h(goal.note)}</p>` : ''}
${
  goal.outcomes.length === 0
    ? '<p>成果目標は設定されていません。</p>'
    : `<table><thead><tr><th scope="col" style="width:40%">成果目標（アウトカム）</th><th scope="col">基準値</th><th scope="col">目標値</th><th scope="col">最新の実績</th><th scope="col">状況</th></tr></thead><tbody>${goal.outcomes
        .map(
          (k) =>
            `<tr><th scope="row">${h(k.name)}</th><td>${h(k.baseline)}</td><td>${h(k.target)}</td><td>${h(
              k.latest ?? '実績なし',
            )}</td><td>${h(k.statusText)}</td></tr>`,
        )
        .join('')}</tbody></table>`
}`,
    )
    .join('\n');
  return `<section class="cover"><h1>${h(report.plan.title)}</h1>
<p>${h(report.plan.owner)}&#x3000;${h(report.round.title)}（${h(report.asOfNote)}）</p>${revision}${sample}
<h2>戦略目標と成果目標</h2>${goals}</section>`;
}

function summarySection(report: FollowUpReport): string {
  const head = report.summaryColumns.map((c) => `<th scope="col">${h(c)}</th>`).join('');
  const rows = report.summary
    .map(
      (line) =>
        `<tr><th scope="row">${h(line.label)}</th>${line.counts
          .map((n) => `<td class="num">${n}</td>`)
          .join('')}<td class="num">${line.total}</td><td>${h(line.overall)}</td></tr>`,
    )
    .join('');
  return `<section class="summary"><h2>進捗状況の集計（KPI・成果目標の数）</h2>
<table><thead><tr><th scope="col" style="width:30%">対象</th>${head}<th scope="col">計</th><th scope="col">全体の状況</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function evaluationSection(report: FollowUpReport): string {
  const body =
    report.evaluations.length === 0
      ? '<p>この回の有識者による総合評価はまだありません。</p>'
      : `<table><thead><tr><th scope="col" style="width:15%">対象</th><th scope="col" style="width:12%">評価</th><th scope="col">コメント</th><th scope="col" style="width:12%">有識者</th></tr></thead><tbody>${report.evaluations
          .map(
            (e) =>
              `<tr><th scope="row">${h(e.target)}</th><td>${h(e.ratingText)}</td><td>${h(e.comment)}</td><td>${h(
                e.evaluator,
              )}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  // The coordinating office's compiled text first, its line breaks kept as paragraphs.
  const overall =
    report.overallEvaluation === null
      ? ''
      : `<div class="overall-evaluation">${report.overallEvaluation
          .split(/\n+/)
          .map((line) => `<p>${h(line)}</p>`)
          .join('')}</div>`;
  return `<section class="evaluations"><h2>有識者による総合評価</h2>${overall}${body}</section>`;
}

/** The changes-since-last-round annex: per measure, bullets added/removed/rewritten, actuals, phase states. */
function changesSection(report: FollowUpReport): string {
  const changes = report.changes;
  if (changes === null)
    return '<section class="changes"><h2>前回からの変更</h2><p>この回は最初の公表です（比べる前回がありません）。</p></section>';
  const lead = `<p>前回（${h(changes.from.title)}）の公表からの変更です。</p>`;
  if (changes.measures.length === 0)
    return `<section class="changes"><h2>前回からの変更</h2>${lead}<p>変更はありません。</p></section>`;
  const rows = changes.measures
    .map((m) => {
      const items = [
        ...m.bullets.map(
          (b) =>
            `<li>【${h(b.kindText)}】${h(b.text)}${b.before === null ? '' : `<br><span class="muted">前回: ${h(b.before)}</span>`}</li>`,
        ),
        ...m.actuals.map((a) => `<li>【実績】${h(a.kpi)}: ${h(a.before)} → ${h(a.after)}</li>`),
        ...m.phases.map(
          (p) => `<li>【工程】${h(p.text)}（${h(p.period)}）: ${h(p.before)} → ${h(p.after)}</li>`,
        ),
      ];
      return `<tr><th scope="row">${h(m.measure)}</th><td><ul>${items.join('')}</ul></td></tr>`;
    })
    .join('');
  return `<section class="changes"><h2>前回からの変更</h2>${lead}
<table><thead><tr><th scope="col" style="width:25%">施策</th><th scope="col">変更</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The report as one self-contained HTML document laid out for printing on the paper (no outside asset). */
export function renderReportHtml(report: FollowUpReport, paper: ReportPaper = 'A3'): string {
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${h(report.plan.title)} ${h(report.round.title)}</title>
<style>${styles(paper)}</style></head>
<body><main>
${cover(report)}
${summarySection(report)}
${report.sheets.map((sheet) => sheetSection(sheet, report, paper)).join('\n')}
${evaluationSection(report)}
${changesSection(report)}
</main></body></html>`;
}
