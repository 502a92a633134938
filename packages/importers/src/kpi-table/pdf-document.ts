import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Grid } from './grid.js';
import type { PageRule, PageText } from './pdf-geometry.js';
import type { PageRows } from './pdf-lattice.js';
import { documentRows, pageRows } from './pdf-lattice.js';

// A PDF read as a grid: pdf.js (Mozilla's reader) gives each page's text with where it stands and the paths the
// page draws; the rules among those paths and the text go to pdf-lattice, which rebuilds the tables.

/** The bytes of a PDF file. */
export function isPdf(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d
  );
}

// A document longer than this is refused: KPI tables run to tens of pages, not hundreds.
const MAX_PAGES = 300;
// A path thinner than this (points) is a rule; a wider box gives its four edges (a stroked or shaded cell).
const THIN = 3;

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function boxOf(points: readonly [number, number][]): Box {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

// A painted box as rules: a thin one is a rule itself, a wide one its four edges.
function rulesOfBox(box: Box): PageRule[] {
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  if (width < 1 && height < 1) return [];
  if (height <= THIN)
    return [{ x1: box.x1, y1: (box.y1 + box.y2) / 2, x2: box.x2, y2: (box.y1 + box.y2) / 2 }];
  if (width <= THIN)
    return [{ x1: (box.x1 + box.x2) / 2, y1: box.y1, x2: (box.x1 + box.x2) / 2, y2: box.y2 }];
  return [
    { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y1 },
    { x1: box.x1, y1: box.y2, x2: box.x2, y2: box.y2 },
    { x1: box.x1, y1: box.y1, x2: box.x1, y2: box.y2 },
    { x1: box.x2, y1: box.y1, x2: box.x2, y2: box.y2 },
  ];
}

// pdf.js's types describe its module loosely; these are the parts read here.
interface PdfOps {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
}
interface PdfTextItem {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
}
interface PdfPage {
  getViewport(options: { scale: number }): { transform: number[]; width: number; height: number };
  getTextContent(): Promise<{ items: readonly PdfTextItem[] }>;
  getOperatorList(): Promise<PdfOps>;
  cleanup(): void;
}
interface PdfModule {
  readonly OPS: Readonly<Record<string, number>>;
  getDocument(options: Record<string, unknown>): {
    promise: Promise<{ numPages: number; getPage(n: number): Promise<PdfPage>; destroy(): Promise<void> }>;
  };
}

// The rules a page paints, in page space (y upwards, before the viewport turns it).
function rulesOf(ops: PdfOps, OPS: Readonly<Record<string, number>>): PageRule[] {
  const rules: PageRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  // The path being built: its subpaths as points, and its rectangles as boxes.
  let subpaths: [number, number][][] = [];
  const strokes = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  ops.fnArray.forEach((fn, index) => {
    const args = ops.argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && args !== null) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args !== null) {
      stack.push(ctm);
      const matrix = args[0] as readonly number[] | null;
      if (Array.isArray(matrix) && matrix.length === 6) ctm = multiply(ctm, matrix as unknown as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args !== null) {
      const kinds = args[0] as number[];
      const coords = args[1] as number[];
      let k = 0;
      for (const kind of kinds) {
        if (kind === OPS.rectangle) {
          const [x, y, w, h] = coords.slice(k, k + 4) as [number, number, number, number];
          subpaths.push([
            apply(ctm, x, y),
            apply(ctm, x + w, y),
            apply(ctm, x + w, y + h),
            apply(ctm, x, y + h),
            apply(ctm, x, y),
          ]);
          k += 4;
        } else if (kind === OPS.moveTo) {
          subpaths.push([apply(ctm, coords[k] as number, coords[k + 1] as number)]);
          k += 2;
        } else if (kind === OPS.lineTo) {
          const point = apply(ctm, coords[k] as number, coords[k + 1] as number);
          const last = subpaths[subpaths.length - 1];
          if (last === undefined) subpaths.push([point]);
          else last.push(point);
          k += 2;
        } else if (kind === OPS.curveTo) k += 6;
        else if (kind === OPS.curveTo2 || kind === OPS.curveTo3) k += 4;
      }
    } else if (strokes.has(fn) || fills.has(fn)) {
      for (const points of subpaths) {
        if (points.length < 2) continue;
        const box = boxOf(points);
        if (fills.has(fn) || box.x2 - box.x1 <= THIN || box.y2 - box.y1 <= THIN)
          rules.push(...rulesOfBox(box));
        else
          for (let i = 1; i < points.length; i += 1) {
            const [a, b] = [points[i - 1] as [number, number], points[i] as [number, number]];
            if (Math.abs(a[0] - b[0]) < 1 || Math.abs(a[1] - b[1]) < 1)
              rules.push({ x1: a[0], y1: a[1], x2: b[0], y2: b[1] });
          }
      }
      subpaths = [];
    } else if (fn === OPS.endPath) subpaths = [];
  });
  return rules;
}

function toView(view: readonly number[], rule: PageRule): PageRule {
  const m = view as unknown as Matrix;
  const [x1, y1] = apply(m, rule.x1, rule.y1);
  const [x2, y2] = apply(m, rule.x2, rule.y2);
  return { x1, y1, x2, y2 };
}

function textsOf(items: readonly PdfTextItem[], view: readonly number[]): PageText[] {
  const m = view as unknown as Matrix;
  const texts: PageText[] = [];
  for (const item of items) {
    const t = item.transform;
    if (item.str === undefined || item.str.trim() === '' || t === undefined || t.length < 6) continue;
    const [x, baseline] = apply(m, t[4] as number, t[5] as number);
    const size = Math.max(1, item.height ?? Math.hypot(t[2] as number, t[3] as number));
    texts.push({ text: item.str, x, right: x + (item.width ?? 0), baseline, size });
  }
  return texts;
}

let loaded: Promise<PdfModule> | null = null;

function pdfjs(): Promise<PdfModule> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfModule>;
  return loaded;
}

// The character maps of pdf.js, for the Japanese fonts that PDFs name by CMap (UniJIS-UTF16-H …) rather than embed.
function cMapDirectory(): string {
  return `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}/`;
}

/** A PDF's pages as one grid (the tables rebuilt from their rules, other text as lines), or why it cannot be. */
export async function readPdf(
  bytes: Uint8Array,
): Promise<{ ok: true; grids: Grid[] } | { ok: false; message: string }> {
  const lib = await pdfjs();
  let document: Awaited<ReturnType<PdfModule['getDocument']>['promise']> | null = null;
  try {
    document = await lib.getDocument({
      // pdf.js takes the buffer over: a copy keeps the caller's bytes.
      data: new Uint8Array(bytes),
      cMapUrl: cMapDirectory(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    if (document.numPages > MAX_PAGES)
      return {
        ok: false,
        message: `The PDF has ${document.numPages} pages; kotei reads at most ${MAX_PAGES}: split it.`,
      };
    const pages: PageRows[] = [];
    let texts = 0;
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.getPage(n);
      const view = page.getViewport({ scale: 1 }).transform;
      const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      const rules = rulesOf(ops, lib.OPS).map((rule) => toView(view, rule));
      const pageTexts = textsOf(content.items, view);
      texts += pageTexts.length;
      pages.push(pageRows(pageTexts, rules, n));
      page.cleanup();
    }
    // A scan is pictures of pages: no text to read, which the user should hear as such, not as a missing header.
    if (texts === 0)
      return {
        ok: false,
        message: `The PDF has no text on its ${document.numPages} page(s): it is likely a scan. Import the table's own file (xlsx, CSV), or a PDF with text.`,
      };
    return { ok: true, grids: [{ sheet: null, rows: documentRows(pages) }] };
  } catch (error) {
    return {
      ok: false,
      message: `The file is not a readable PDF (${error instanceof Error ? error.message : 'unknown error'}).`,
    };
  } finally {
    await document?.destroy();
  }
}
