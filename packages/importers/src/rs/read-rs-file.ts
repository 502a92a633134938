import { RS_FILE_TYPES, RS_HEADERS, type RsFileType } from './headers.js';
import { IndicatorPivot } from './pivot.js';
import type { RsRecord } from './records.js';
import { ROW_READERS, Row } from './rows.js';
import { RsImportError, csvRecords, openRsSources, type RsSource } from './source.js';

/** What reading one RS file gave: its type, counts, and every error (a file with errors must write nothing). */
export interface RsFileResult {
  file: string;
  type: RsFileType | null;
  /** Data rows read (the header not counted). */
  rows: number;
  records: number;
  /** Distinct 予算事業ID. */
  projects: Set<number>;
  sheetYears: Set<number>;
  errors: RsImportError[];
}

/** Options of readRsFile. */
export interface RsReadOptions {
  /** Records per call of the sink (default 2,000). */
  batchSize?: number;
  /** Row errors collected before the file is given up (default 20). */
  maxErrors?: number;
  /** Called every `progressEvery` rows (default 10,000) with the rows read so far. */
  onProgress?: (file: string, rows: number) => void;
  progressEvery?: number;
}

/** The file type a name says (`2-1_RS_2024_…csv`, also inside `zip!entry`), or null. */
export function fileTypeOfName(name: string): RsFileType | null {
  const match = /(?:^|[\\/!])(\d-\d)_RS_/.exec(name);
  const type = match?.[1];
  return type !== undefined && (RS_FILE_TYPES as readonly string[]).includes(type)
    ? (type as RsFileType)
    : null;
}

function typeOfHeader(name: string, header: readonly string[]): RsFileType {
  const named = fileTypeOfName(name);
  const candidates = named === null ? RS_FILE_TYPES : [named];
  for (const type of candidates) {
    const expected = RS_HEADERS[type];
    const at = expected.findIndex((column, i) => header[i] !== column);
    if (at === -1 && header.length === expected.length) return type;
    if (named === null) continue;
    if (at === -1) {
      throw new RsImportError(
        name,
        1,
        `${expected.length + 1}`,
        `an extra column "${header[expected.length] ?? ''}"; the ${type} header has ${expected.length} columns`,
      );
    }
    const found = header[at] === undefined ? 'no column' : `"${header[at]}"`;
    throw new RsImportError(
      name,
      1,
      expected[at] ?? null,
      `found ${found} in column ${at + 1}, expected the ${type} header's "${expected[at]}"`,
    );
  }
  throw new RsImportError(
    name,
    1,
    null,
    `the header matches no RS file type (${RS_FILE_TYPES.join(', ')}); name the file N-M_RS_… or check the header`,
  );
}

/**
 * Reads one RS CSV as a stream and hands its records to `sink` in batches, with bounded memory (3-1 holds one
 * node at a time). Never throws for bad input: every error (encoding, header, short row, a cell that is not
 * what its column holds) is in the result, named by file, line and column; the caller writes nothing from a file
 * whose result has errors (the sink runs in a transaction the caller rolls back).
 */
export async function readRsFile(
  source: RsSource,
  sink: (batch: RsRecord[]) => Promise<void> | void,
  options: RsReadOptions = {},
): Promise<RsFileResult> {
  const { batchSize = 2000, maxErrors = 20, progressEvery = 10_000 } = options;
  const result: RsFileResult = {
    file: source.name,
    type: null,
    rows: 0,
    records: 0,
    projects: new Set(),
    sheetYears: new Set(),
    errors: [],
  };
  let header: string[] | null = null;
  let index = new Map<string, number>();
  let batch: RsRecord[] = [];
  let pivot: IndicatorPivot | null = null;
  const emit = async (record: RsRecord | null): Promise<void> => {
    if (record === null) return;
    result.records += 1;
    result.projects.add(record.rsId);
    result.sheetYears.add(record.sheetYear);
    if (result.errors.length > 0) return;
    batch.push(record);
    if (batch.length >= batchSize) {
      const full = batch;
      batch = [];
      await sink(full);
    }
  };
  const columnName = (i: number): string => header?.[i] ?? `column ${i + 1}`;
  try {
    for await (const { line, cells } of csvRecords(source, columnName)) {
      if (header === null) {
        header = cells;
        result.type = typeOfHeader(source.name, cells);
        index = new Map(cells.map((column, i) => [column, i]));
        if (result.type === '3-1') pivot = new IndicatorPivot(source.name);
        continue;
      }
      result.rows += 1;
      if (result.rows % progressEvery === 0) options.onProgress?.(source.name, result.rows);
      try {
        if (cells.length !== header.length) {
          const at = Math.min(cells.length, header.length);
          throw new RsImportError(
            source.name,
            line,
            columnName(at),
            cells.length < header.length
              ? `the row ends after ${cells.length} of ${header.length} columns`
              : `the row has ${cells.length} columns, the header ${header.length}`,
          );
        }
        const row = new Row(source.name, index, line, cells);
        await emit(
          pivot === null ? ROW_READERS[result.type as Exclude<RsFileType, '3-1'>](row) : pivot.push(row),
        );
      } catch (error) {
        if (!(error instanceof RsImportError)) throw error;
        result.errors.push(error);
        if (result.errors.length >= maxErrors) break;
      }
    }
    if (header === null)
      throw new RsImportError(source.name, 1, null, 'the file is empty (expected a header row)');
    await emit(pivot?.finish() ?? null);
    if (result.errors.length === 0 && batch.length > 0) await sink(batch);
  } catch (error) {
    if (!(error instanceof RsImportError)) throw error;
    result.errors.push(error);
  }
  return result;
}

/** Each CSV a path holds (the file, or the CSVs of a zip), or the error that refused the path. */
export async function withRsSources<T>(path: string, run: (source: RsSource) => Promise<T>): Promise<T[]> {
  const { sources, close } = await openRsSources(path);
  try {
    const results: T[] = [];
    for (const source of sources) results.push(await run(source));
    return results;
  } finally {
    close();
  }
}
