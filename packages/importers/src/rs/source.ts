import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import yauzl from 'yauzl';

/** Where an RS file went wrong: the file (a zip's entry as `zip!entry`), 1-based line and column, and why. */
export class RsImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    /** The column's header, or `column N` where the header is not known. */
    readonly column: string | null,
    readonly reason: string,
  ) {
    super(
      `${file}${line > 0 ? `: line ${line}` : ''}${column === null ? '' : `, column ${column}`}: ${reason}`,
    );
    this.name = 'RsImportError';
  }
}

/** One CSV to read: its display name and a way to open its bytes. */
export interface RsSource {
  name: string;
  open(): Promise<Readable>;
}

/** One CSV record with its 1-based line. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A byte sequence that is not UTF-8, and where: the line and the 0-based CSV column it falls in. */
class NotUtf8 extends Error {
  /** The header's cells, where the header line itself was UTF-8 (RS headers hold no quoted commas). */
  header: string[] | null = null;

  constructor(
    readonly line: number,
    readonly columnIndex: number,
  ) {
    super('not UTF-8');
  }
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) count += 1;
  return count;
}

/** The first line of `bytes` that is not UTF-8, and the column of its first bad byte (commas outside quotes). */
function locateBadByte(bytes: Buffer, firstLine: number): NotUtf8 {
  let start = 0;
  let line = firstLine;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end + 1);
    if (!isUtf8(slice)) {
      // Decoded leniently, the first bad byte is the first U+FFFD; its column is the commas outside quotes before it.
      const text = slice.toString('utf8');
      const bad = text.indexOf('\uFFFD');
      let column = 0;
      let quoted = false;
      for (let i = 0; i < bad; i += 1) {
        if (text[i] === '"') quoted = !quoted;
        else if (text[i] === ',' && !quoted) column += 1;
      }
      return new NotUtf8(line, column);
    }
    if (end === -1) return new NotUtf8(line, 0);
    start = end + 1;
    line += 1;
  }
}

/** Bytes in, UTF-8 text out, whole lines at a time; refuses the first line that is not UTF-8 (Shift_JIS …). */
class Utf8Lines extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  private line = 1;
  private header: string[] | null = null;

  constructor() {
    super({ readableObjectMode: false, decodeStrings: true });
  }

  private pass(bytes: Buffer): string {
    if (this.line === 1) {
      const end = bytes.indexOf(0x0a);
      const first = bytes.subarray(0, end === -1 ? bytes.length : end);
      if (isUtf8(first))
        this.header = first
          .toString('utf8')
          .replace(/^\uFEFF/, '')
          .replace(/\r$/, '')
          .split(',');
    }
    if (!isUtf8(bytes)) {
      const error = locateBadByte(bytes, this.line);
      error.header = this.header;
      throw error;
    }
    this.line += countNewlines(bytes);
    return bytes.toString('utf8');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const cut = bytes.lastIndexOf(0x0a) + 1;
    this.carry = bytes.subarray(cut);
    if (cut === 0) {
      done();
      return;
    }
    try {
      done(null, this.pass(bytes.subarray(0, cut)));
    } catch (error) {
      done(error as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.carry.length === 0 ? undefined : this.pass(this.carry));
    } catch (error) {
      done(error as Error);
    }
  }
}

/**
 * The records of one CSV, streamed: UTF-8 (a BOM is dropped), any line ending, RFC 4180 quotes. The header is
 * the first record. Throws RsImportError naming the line for bytes that are not UTF-8 and for broken quoting;
 * `columnName` turns a 0-based column into the name an error shows.
 */
export async function* csvRecords(
  source: RsSource,
  columnName: (index: number) => string,
): AsyncGenerator<CsvRecord> {
  const input = await source.open();
  const decoder = new Utf8Lines();
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  input.on('error', (error) => decoder.destroy(error));
  decoder.on('error', (error) => parser.destroy(error));
  input.pipe(decoder).pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (error) {
    if (error instanceof NotUtf8) {
      throw new RsImportError(
        source.name,
        error.line,
        error.header?.[error.columnIndex] ?? columnName(error.columnIndex),
        'the bytes are not UTF-8 (is the file Shift_JIS?); the RS system publishes UTF-8 with a BOM',
      );
    }
    if (error instanceof RsImportError) throw error;
    const lines = (error as { lines?: number }).lines;
    throw new RsImportError(source.name, lines ?? 0, null, `not a CSV record: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

function zipEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => {
      resolve(entries);
    });
    zip.once('error', reject);
    zip.readEntry();
  });
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) reject(error);
      else resolve(stream);
    });
  });
}

/**
 * The CSVs a path names: the file itself, or each `.csv` entry of a zip (read from the zip, streamed). A zip
 * without a CSV, or one that cannot be read as a zip, is refused naming the file.
 */
export async function openRsSources(path: string): Promise<{ sources: RsSource[]; close: () => void }> {
  if (!/\.zip$/i.test(path)) {
    return {
      sources: [{ name: basename(path), open: () => Promise.resolve(createReadStream(path)) }],
      close: () => {},
    };
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw new RsImportError(basename(path), 0, null, `not a readable zip: ${(error as Error).message}`);
  }
  const entries = await zipEntries(zip);
  const csvs = entries.filter((entry) => /\.csv$/i.test(entry.fileName));
  if (csvs.length === 0) {
    zip.close();
    const names = entries.map((entry) => entry.fileName).join(', ') || 'none';
    throw new RsImportError(basename(path), 0, null, `the zip holds no CSV file (entries: ${names})`);
  }
  return {
    sources: csvs.map((entry) => ({
      name: `${basename(path)}!${entry.fileName}`,
      open: () => entryStream(zip, entry),
    })),
    close: () => {
      zip.close();
    },
  };
}
