import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { parse } from 'csv-parse/sync';
import { RS_HEADERS, RS_YEARS, rsSampleFiles, type RsFileType } from '@kotei/importers/rs';

// A national-size RS year made from the real MHLW rows: each of the 136 real projects is repeated under new ids
// (予算事業ID + 100,000 × copy) and spread over the ministries, so the files have the real rows' shape and about
// 6,000 projects. 3-1 (not in the MHLW subset) is made per project from its own 3-2 nodes in the format sample's
// shape: one row per activity, four (1.目標年度 … 4.達成率) per output and outcome, padded to the national
// average of about 22 rows a project, which makes it the largest file (over 100,000 rows), as nationally.

const MINISTRIES = [
  '厚生労働省',
  '文部科学省',
  '経済産業省',
  '国土交通省',
  '農林水産省',
  '総務省',
  '内閣府',
  'デジタル庁',
  '環境省',
  '防衛省',
];

const cell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function realRows(path: string): { header: string[]; rows: string[][] } {
  const records: string[][] = parse(readFileSync(path, 'utf8'), { bom: true });
  const [header, ...rows] = records;
  return { header: header ?? [], rows };
}

/** Writes one CSV as the RS system does (BOM, CRLF) from rows produced lazily; returns the data rows written. */
async function writeCsv(path: string, header: readonly string[], rows: Iterable<string[]>): Promise<number> {
  const out = createWriteStream(path);
  out.write(`\uFEFF${header.map(cell).join(',')}\r\n`);
  let count = 0;
  for (const row of rows) {
    if (!out.write(`${row.map(cell).join(',')}\r\n`)) await once(out, 'drain');
    count += 1;
  }
  out.end();
  await once(out, 'finish');
  return count;
}

function* copies(rows: readonly string[][], times: number, ministryColumn: number): Generator<string[]> {
  for (let copy = 0; copy < times; copy += 1) {
    const ministry = MINISTRIES[copy % MINISTRIES.length] ?? '厚生労働省';
    for (const row of rows) {
      const out = [...row];
      out[2] = String(Number(row[2]) + copy * 100_000);
      if (copy > 0) out[3] = `${row[3] ?? ''}（${copy}）`;
      out[ministryColumn] = ministry;
      out[6] = ministry;
      yield out;
    }
  }
}

/** 3-1 rows for each project of the (real) 3-2 rows, `perProject` rows each, in the sample's shape. */
function* indicatorRows(links: readonly string[][], times: number, perProject: number): Generator<string[]> {
  const header = RS_HEADERS['3-1'];
  const flag = header.indexOf('目標年度／目標値／実績値／達成率');
  const projects = new Map<string, string[]>();
  for (const row of links) if (!projects.has(row[2] ?? '')) projects.set(row[2] ?? '', row);
  for (let copy = 0; copy < times; copy += 1) {
    const ministry = MINISTRIES[copy % MINISTRIES.length] ?? '厚生労働省';
    for (const link of projects.values()) {
      const common = link.slice(0, 13);
      common[2] = String(Number(link[2]) + copy * 100_000);
      common[6] = ministry;
      let rows = 0;
      for (let node = 1; rows < perProject; node += 1) {
        const row = (type: string, kind: string): string[] => {
          const out = new Array<string>(header.length).fill('');
          common.forEach((value, i) => (out[i] = value));
          out[16] = String(node);
          out[17] = type;
          out[20] = `${type}${node}の目標`;
          out[flag] = kind;
          return out;
        };
        if (node <= 2 || perProject - rows < 4) {
          yield row('アクティビティ', '');
          rows += 1;
          continue;
        }
        const type = node % 2 === 0 ? 'アウトプット' : 'アウトカム';
        const base = (node * 7) % 50;
        const years = RS_YEARS.map((year) => (year >= 2021 && year <= 2024 ? year : null));
        const fill = (value: (year: number) => string) => (r: string[]) => {
          years.forEach((year, i) => {
            if (year !== null) r[flag + 1 + i] = value(year);
          });
          return r;
        };
        yield fill((year) => (year === 2024 ? '1' : ''))(row(type, '1.目標年度'));
        yield fill((year) => String(base + year - 2020))(row(type, '2.目標値'));
        yield fill((year) => (year < 2024 ? String(base + year - 2021) : ''))(row(type, '3.実績値'));
        yield fill((year) =>
          year < 2024 ? ((100 * (base + year - 2021)) / (base + year - 2020)).toFixed(4) : '',
        )(row(type, '4.達成率'));
        rows += 4;
      }
    }
  }
}

/** The files written, by type, with their data rows. */
export interface GeneratedRelease {
  files: { type: RsFileType; path: string; rows: number }[];
  projects: number;
}

/** Writes a national-size RS year into `dir`: `times` copies of the real projects (44 → about 6,000). */
export async function generateRsRelease(dir: string, times: number): Promise<GeneratedRelease> {
  const sample = rsSampleFiles();
  if (sample === null)
    throw new Error('the RS sample rows are missing: set KOTEI_SHARED_DIR (default <repository>/../shared)');
  const files: GeneratedRelease['files'] = [];
  let projects = 0;
  for (const type of ['1-1', '1-2', '1-3', '2-1', '2-2', '3-2', '4-1'] as const) {
    const { header, rows } = realRows(sample.files.get(type) ?? '');
    const path = join(dir, `${type}_RS_2024_generated.csv`);
    files.push({ type, path, rows: await writeCsv(path, header, copies(rows, times, 5)) });
    if (type === '1-2') projects = new Set(rows.map((r) => r[2])).size * times;
    if (type === '3-2') {
      const path31 = join(dir, '3-1_RS_2024_generated.csv');
      files.push({
        type: '3-1',
        path: path31,
        rows: await writeCsv(path31, RS_HEADERS['3-1'], indicatorRows(rows, times, 22)),
      });
    }
  }
  return { files, projects };
}
