import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { FollowUpReport } from './report-model.js';
import { escapeHtml, PRINT_FONTS, renderReportHtml, type ReportPaper } from './report-html.js';

/** Debian's Chromium, the one browser kotei drives (never a downloaded build). */
export const CHROMIUM_PATH = process.env.KOTEI_CHROMIUM ?? '/usr/bin/chromium';

/** Chromium's flags on the project's machines (PLATFORM.md). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where Debian's fonts-noto-cjk puts the font the report is set in. */
export const NOTO_CJK_PATH =
  process.env.KOTEI_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Whether a file is there; `existsSync` unless a test gives another. */
export type FileProbe = (path: string) => boolean;

// What PDF output needs: a file, what it is, and the Debian package that puts it there.
const PDF_NEEDS = (paths: { chromium: string; font: string }) => [
  { path: paths.chromium, what: 'Chromium', pkg: 'chromium' },
  { path: paths.font, what: 'Noto CJK fonts', pkg: 'fonts-noto-cjk' },
];

/**
 * What PDF output lacks on this machine, each with the command that adds it; empty when it can work. The server
 * says so at start, the plan's report section lists it (`GET /api/report-capabilities`), and a PDF request is
 * refused with the same words rather than printed without Japanese.
 */
export function pdfMissing(
  exists: FileProbe = existsSync,
  paths: { chromium: string; font: string } = { chromium: CHROMIUM_PATH, font: NOTO_CJK_PATH },
): string[] {
  return PDF_NEEDS(paths)
    .filter((need) => !exists(need.path))
    .map((need) => `${need.what} (${need.path}): apt-get install -y ${need.pkg}`);
}

/** Where scripts/install-pdf-font.sh puts the print font: its own choice, root's, and a user's. */
export function printFontPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const file = 'KoteiNotoSansCJKjp-Regular.ttf';
  const home = env.XDG_DATA_HOME ?? `${env.HOME ?? ''}/.local/share`;
  return [
    ...(env.KOTEI_PDF_FONT_DIR === undefined ? [] : [`${env.KOTEI_PDF_FONT_DIR}/${file}`]),
    `/usr/local/share/fonts/kotei/${file}`,
    `${home}/fonts/kotei/${file}`,
  ];
}

/**
 * Said at start when PDFs can print but the print font made from Noto CJK is absent: they still print, in the
 * original, as Type 3 glyphs that cost more to print and to open.
 */
export function printFontNotice(
  exists: FileProbe = existsSync,
  paths: string[] = printFontPaths(),
): string[] {
  if (paths.some((path) => exists(path))) return [];
  return [
    'PDF reports print in Noto CJK as Type 3 glyphs (slower, larger files): make the print font with ' +
      '`bash scripts/install-pdf-font.sh` (needs python3-fonttools), then restart',
  ];
}

/**
 * The lines `kotei serve` prints at start when PDF output cannot work: what is missing, and the one command that
 * adds all of it (what `npm start` runs as root). Nothing when nothing is missing.
 */
export function pdfStartNotice(
  exists: FileProbe = existsSync,
  paths: { chromium: string; font: string } = { chromium: CHROMIUM_PATH, font: NOTO_CJK_PATH },
): string[] {
  const missing = PDF_NEEDS(paths).filter((need) => !exists(need.path));
  if (missing.length === 0) return [];
  return [
    ...missing.map(
      (need) => `PDF reports are unavailable: ${need.what} is missing (${need.path}), package ${need.pkg}`,
    ),
    `Add ${missing.length === 1 ? 'it' : 'them'} with: sudo apt-get install -y ${missing.map((need) => need.pkg).join(' ')}` +
      ' (or run `npm start` as root, which installs them); HTML and Excel reports work meanwhile',
  ];
}

/** Thrown when PDF output cannot work on this machine, saying what to install. */
export class PdfUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfUnavailableError';
  }
}

/** Start Debian's Chromium, or say exactly what is missing. */
export async function launchChromium(): Promise<Browser> {
  const missing = pdfMissing();
  if (missing.length > 0) {
    throw new PdfUnavailableError(
      `PDF output needs ${missing.join('; ')} (or run \`bash scripts/install-system-deps.sh\`)`,
    );
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : '';
    throw new PdfUnavailableError(
      `PDF output needs Chromium at ${CHROMIUM_PATH} and the Noto CJK fonts: run ` +
        `\`bash scripts/install-system-deps.sh\` (apt-get install chromium fonts-noto-cjk). ${reason}`,
    );
  }
}

function footer(report: FollowUpReport): string {
  const title = escapeHtml(`${report.plan.title} ${report.round.title}`);
  return (
    `<div style="font-family:${PRINT_FONTS.replaceAll('"', "'")};font-size:7px;width:100%;padding:0 10mm;` +
    `display:flex;justify-content:space-between"><span>${title}</span>` +
    `<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

/** Told each step of a PDF render with the progress so far (0–100). */
export type PdfStepListener = (progress: number, step: string) => Promise<void>;

/**
 * The report as a PDF on A3 or A4 landscape: each sheet's title and column heads repeated on every page, no
 * row cut across pages, page numbers in the footer. Pass a browser, or better a browser context (a new page in
 * a warm context costs a fraction of a new context's), to reuse one across renders.
 */
export async function renderReportPdf(
  report: FollowUpReport,
  options: { paper?: ReportPaper; browser?: Browser | BrowserContext; onStep?: PdfStepListener } = {},
): Promise<Buffer> {
  const paper = options.paper ?? 'A3';
  const onStep = options.onStep ?? (() => Promise.resolve());
  const browser = options.browser ?? (await launchChromium());
  try {
    await onStep(30, 'html');
    const html = renderReportHtml(report, paper);
    const page = await browser.newPage();
    try {
      // The page is self-contained (no outside asset, no script): the DOM is all there is to wait for.
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      // The fonts are local (Noto CJK); wait until they are laid out before printing.
      await page.evaluate('document.fonts.ready.then(() => true)');
      await onStep(50, 'print');
      return await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footer(report),
      });
    } finally {
      await page.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}
