import { readFileSync, readdirSync } from 'node:fs';
import { normalizeText } from '@kotei/domain';
import { decodeDocument } from '../decode-document.js';
import type { KpiTableResult, TableKpi, TablePoint } from './index.js';
import { parseKpiTableText, parseKpiWorkbook } from './index.js';

/** One KPI of an answer key: `[value, year]` per point, null where the table gives none. */
export interface KeyedKpi {
  readonly name: string;
  readonly unit: string;
  readonly baseline: readonly [number | null, number | null] | null;
  readonly target: readonly [number | null, number | null] | null;
  readonly latest: readonly [number | null, number | null] | null;
}

/** A document of the corpus: its folder, file and answer key. */
export interface CorpusDocument {
  /** The folder of the corpus it belongs to. */
  readonly root: URL;
  readonly name: string;
  readonly file: string;
  readonly kpis: readonly KeyedKpi[];
}

/** Fields right and keyed for one document, and which were wrong. */
export interface DocumentScore {
  readonly name: string;
  readonly right: number;
  readonly keyed: number;
  readonly misses: string[];
}

/** The corpus the importer was built on. */
export const CORPUS_ROOT = new URL('../fixtures/kpi-tables/', import.meta.url);
/** Tables the importer had never seen when their answer keys were written (the blind test of #14). */
export const BLIND_CORPUS_ROOT = new URL('../fixtures/kpi-tables-blind/', import.meta.url);

/** A corpus's documents, read from their folders. */
export function corpusDocuments(root: URL = CORPUS_ROOT): CorpusDocument[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const key = JSON.parse(readFileSync(new URL(`${entry.name}/answer.json`, root), 'utf8')) as {
        file: string;
        kpis: KeyedKpi[];
      };
      return { root, name: entry.name, file: key.file, kpis: key.kpis };
    });
}

/** The bytes of a corpus file. */
export function corpusBytes(document: CorpusDocument): Uint8Array {
  return readFileSync(new URL(`${document.name}/${document.file}`, document.root));
}

/** Imports a corpus document as `kotei import` would: workbooks by their bytes, text once decoded. */
export async function importCorpusDocument(document: CorpusDocument): Promise<KpiTableResult> {
  const bytes = corpusBytes(document);
  const options = { sourceName: document.file };
  if (document.file.endsWith('.xlsx')) return parseKpiWorkbook(bytes, options);
  const decoded = decodeDocument(bytes);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return parseKpiTableText(decoded.text, options);
}

/** A name as compared: normalised, without spaces. */
export function nameKey(name: string): string {
  return normalizeText(name).replace(/\s+/gu, '');
}

function samePoint(keyed: KeyedKpi['baseline'], read: TablePoint | null): [boolean, boolean] {
  const [value, year] = keyed ?? [null, null];
  return [value === (read?.value ?? null), year === (read?.year ?? null)];
}

/** Scores an import against a document's key: 8 fields a KPI (name, unit, value and year of 3 points). */
export function scoreDocument(document: CorpusDocument, kpis: readonly TableKpi[]): DocumentScore {
  const byName = new Map(kpis.map((kpi) => [nameKey(kpi.name), kpi]));
  let right = 0;
  let keyed = 0;
  const misses: string[] = [];
  for (const key of document.kpis) {
    keyed += 8;
    const exact = byName.get(nameKey(key.name));
    const read =
      exact ??
      kpis.find(
        (kpi) =>
          nameKey(kpi.name).includes(nameKey(key.name)) || nameKey(key.name).includes(nameKey(kpi.name)),
      );
    if (read === undefined) {
      misses.push(`${key.name}: not found`);
      continue;
    }
    const checks: [string, boolean][] = [
      ['name', exact !== undefined],
      ['unit', nameKey(key.unit) === nameKey(read.unit)],
    ];
    for (const [field, point] of [
      ['baseline', read.baseline],
      ['target', read.target],
      ['latest', read.latest],
    ] as const) {
      const [value, year] = samePoint(key[field], point);
      checks.push([`${field}.value`, value], [`${field}.year`, year]);
    }
    for (const [field, ok] of checks) {
      if (ok) right += 1;
      else misses.push(`${key.name}: ${field}`);
    }
  }
  return { name: document.name, right, keyed, misses };
}
