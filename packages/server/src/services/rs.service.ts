import type { Clock } from '@kotei/domain';
import {
  RsImportError,
  readRsFile,
  withRsSources,
  type RsFileResult,
  type RsFileType,
  type RsRecord,
} from '@kotei/importers/rs';
import type { RsRepository, RsYearChanges } from '../repositories/rs.repository.js';
import { auditedBy, type Operator } from './actor.js';

/** One file's outcome, as the CLI reports it. */
export interface RsFileReport {
  file: string;
  type: RsFileType | null;
  rows: number;
  projects: number;
  sheetYears: number[];
  /** Each error names the file, line and column; a file with errors wrote nothing. */
  errors: string[];
  written: boolean;
}

/** What an import of several files did. */
export interface RsImportReport {
  files: RsFileReport[];
  rows: number;
  /** Distinct 予算事業ID over all files read. */
  projects: number;
  errors: number;
  /** Per sheet year written: what changed against the year before. */
  changes: RsYearChanges[];
}

/** Options of an RS import. */
export interface RsImportOptions {
  dryRun?: boolean;
  /** Records per write (default 2,000): fewer round trips against memory held. */
  batchSize?: number;
  onProgress?: (file: string, rows: number) => void;
  onFile?: (report: RsFileReport) => void;
}

function reportOf(result: RsFileResult, written: boolean): RsFileReport {
  return {
    file: result.file,
    type: result.type,
    rows: result.rows,
    projects: result.projects.size,
    sheetYears: [...result.sheetYears].sort(),
    errors: result.errors.map((error) => error.message),
    written,
  };
}

/** Imports the RS system's open data (CLI only: an operator at the server). */
export class RsService {
  constructor(
    /** Null for a service that only reads (a dry run without a database). */
    private readonly repository: RsRepository | null,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads each path (a CSV or a zip of CSVs), streaming, and writes each file in a transaction of its own with
   * its audit event; a file with any error writes nothing. `dryRun` reads every file and writes nothing.
   */
  async importFiles(
    operator: Operator,
    paths: readonly string[],
    options: RsImportOptions = {},
  ): Promise<RsImportReport> {
    const files: RsFileReport[] = [];
    const projects = new Set<number>();
    const years = new Set<number>();
    const done = (report: RsFileReport, result: RsFileResult | null): void => {
      files.push(report);
      for (const id of result?.projects ?? []) projects.add(id);
      if (report.written) for (const year of report.sheetYears) years.add(year);
      options.onFile?.(report);
    };
    for (const path of paths) {
      try {
        await withRsSources(path, async (source) => {
          const read = (write: (batch: readonly RsRecord[]) => Promise<void> | void): Promise<RsFileResult> =>
            readRsFile(source, write, { onProgress: options.onProgress, batchSize: options.batchSize });
          const repository = this.repository;
          if (options.dryRun === true || repository === null) {
            if (options.dryRun !== true) throw new Error('no database to write to');
            const result = await read(() => undefined);
            done(reportOf(result, false), result);
            return;
          }
          const result = await repository.importFile(read, (r) => ({
            at: this.clock.now().toISOString(),
            entry: {
              ...auditedBy(operator),
              action: 'rs.import',
              entityType: 'rs_file',
              entityId: null,
              detail: {
                file: r.file,
                type: r.type,
                rows: r.rows,
                projects: r.projects.size,
                sheetYears: [...r.sheetYears],
              },
            },
          }));
          done(reportOf(result, result.errors.length === 0), result);
        });
      } catch (error) {
        if (!(error instanceof RsImportError)) throw error;
        done(
          {
            file: error.file,
            type: null,
            rows: 0,
            projects: 0,
            sheetYears: [],
            errors: [error.message],
            written: false,
          },
          null,
        );
      }
    }
    const changes: RsYearChanges[] = [];
    for (const year of [...years].sort())
      if (this.repository) changes.push(await this.repository.yearChanges(year));
    return {
      files,
      rows: files.reduce((sum, f) => sum + f.rows, 0),
      projects: projects.size,
      errors: files.reduce((sum, f) => sum + f.errors.length, 0),
      changes,
    };
  }
}
