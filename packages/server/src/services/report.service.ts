import { createHash } from 'node:crypto';
import { DomainError } from '@kotei/domain';
import type { DataCatalogue, DataFile, Dataset, PlanTree, ReportCapabilities, Round } from '@kotei/contracts';
import {
  buildFollowUpReport,
  dataPackage,
  DEFAULT_DATA_LICENSE,
  launchChromium,
  OPEN_DATA_TABLES,
  PdfUnavailableError,
  pdfMissing,
  openDataTables,
  renderReportHtml,
  renderReportPdf,
  renderReportXlsx,
  revisionRound,
  toCsv,
  toRecords,
  type FollowUpReport,
  type OpenDataTableName,
  type ReportPaper,
} from '@kotei/reports';
import type { PlanRepository } from '../repositories/plan.repository.js';
import type { EvaluationService } from './evaluation.service.js';
import type { PlanService, RevisionQuery } from './plan.service.js';
import type { RoundDiffService } from './round-diff.service.js';

/** What the report can be rendered as. */
export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'json', 'csv'] as const;
/** One of the report's formats. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A rendered file: its bytes, media type and a file name to save it as. */
export interface RenderedFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  /** Strong validator of the bytes. */
  etag: string;
  /** When the plan's data last changed (ISO instant). */
  lastModified: string;
}

/** A plan at a published round: its tree read at the round's as-of date, and when its data last changed. */
export interface RoundData {
  tree: PlanTree;
  round: Round;
  updatedAt: string;
}

type Browser = Awaited<ReturnType<typeof launchChromium>>;
type BrowserContext = Awaited<ReturnType<Browser['newContext']>>;

/** Told each step of a render with the progress so far (0–100), for a job's progress. */
export type StepListener = (progress: number, step: string) => Promise<void>;

const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

// A file of a revision asked for (time travel) has a validator of its own even where its bytes are those of the
// plan as it stands (a table the revision did not change).
const etagOf = (body: Buffer, revision?: number): string => {
  const hash = createHash('sha256').update(body);
  if (revision !== undefined) hash.update(`\0revision ${revision}`);
  return `"${hash.digest('base64url').slice(0, 32)}"`;
};

/** The revision a file shows when one was asked (time travel): its number, for the file name and validator. */
const revisionOf = (data: RoundData): number | undefined => data.tree.revision?.number ?? undefined;

/** The published follow-up report and the open data behind it: public reads of published rounds only. */
export class ReportService {
  private browser: Promise<{ browser: Browser; context: BrowserContext }> | null = null;

  constructor(
    private readonly plans: PlanService,
    private readonly planRows: PlanRepository,
    private readonly evaluations: EvaluationService,
    private readonly diffs: RoundDiffService,
  ) {}

  /**
   * The plan (by slug or id) at a published round (the latest when none is named); `asOf` asks for the plan as
   * a revision fixed it (time travel) at a round taken while that revision was in force (the latest such when
   * none is named; one taken under another revision is 404), its statuses at the round's as-of date.
   */
  async roundData(planRef: string, roundId?: string, asOf: RevisionQuery = {}): Promise<RoundData> {
    const plan =
      (await this.planRows.findBySlug(planRef)) ??
      (await this.planRows.listWithCounts(planRef).catch(() => []))[0]?.summary;
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug or id "${planRef}"`);
    const row = await this.planRows.findBySlug(plan.slug);
    // A revision's report is of a round taken while it was in force (`revisionRound`), whenever published.
    const shown = await this.plans.getTree(plan.slug, undefined, asOf);
    const round = revisionRound(shown, roundId);
    const tree = await this.plans.getTree(plan.slug, round.asOfDate, asOf);
    return { tree, round, updatedAt: row?.updated_at ?? new Date(0).toISOString() };
  }

  /** The report model of a plan at a published round. */
  async model(
    planRef: string,
    roundId?: string,
    asOf: RevisionQuery = {},
  ): Promise<{ data: RoundData; report: FollowUpReport }> {
    const data = await this.roundData(planRef, roundId, asOf);
    // A report is of a published round, whose evaluations are public: read as the public reads them.
    const { evaluations, overall } = await this.evaluations.list(
      { user: null, requestId: null },
      data.tree.slug,
      data.round.id,
    );
    const changes = await this.diffs.changesSince(data.tree.slug, data.round.id);
    return {
      data,
      report: buildFollowUpReport(data.tree, data.round, evaluations, overall?.text ?? null, changes),
    };
  }

  /**
   * The report in a format: html, pdf (A3 or A4 landscape), xlsx, json (the plan tree) or csv (one table);
   * `asOf` shows the plan as a revision fixed it, the file named with `-rN`.
   */
  async render(
    planRef: string,
    options: {
      roundId?: string;
      asOf?: RevisionQuery;
      format: ReportFormat;
      paper?: ReportPaper;
      table?: OpenDataTableName;
      bom?: boolean;
    },
    onStep: StepListener = () => Promise.resolve(),
  ): Promise<RenderedFile> {
    await onStep(5, 'model');
    const { data, report } = await this.model(planRef, options.roundId, options.asOf);
    const revision = revisionOf(data);
    const base = `${data.tree.slug}-${data.round.asOfDate}${revision === undefined ? '' : `-r${revision}`}`;
    const body = await this.bytes(data, report, options, onStep);
    const name =
      options.format === 'csv' ? `${base}-${options.table ?? 'kpis'}.csv` : `${base}.${options.format}`;
    return {
      body,
      contentType: CONTENT_TYPES[options.format],
      fileName: name,
      etag: etagOf(body, revision),
      lastModified: data.updatedAt,
    };
  }

  private async bytes(
    data: RoundData,
    report: FollowUpReport,
    options: { format: ReportFormat; paper?: ReportPaper; table?: OpenDataTableName; bom?: boolean },
    onStep: StepListener,
  ): Promise<Buffer> {
    switch (options.format) {
      case 'html':
        return Buffer.from(renderReportHtml(report, options.paper ?? 'A3'), 'utf8');
      case 'pdf':
        try {
          await onStep(20, 'browser');
          const browser = await this.sharedContext();
          return await renderReportPdf(report, { paper: options.paper ?? 'A3', browser, onStep });
        } catch (error) {
          if (error instanceof PdfUnavailableError)
            throw new DomainError('unavailable', 'pdf_unavailable', error.message);
          throw error;
        }
      case 'xlsx':
        await onStep(30, 'xlsx');
        return renderReportXlsx(report, openDataTables(data.tree, data.round));
      case 'json':
        return Buffer.from(JSON.stringify(data.tree), 'utf8');
      case 'csv': {
        const table = openDataTables(data.tree, data.round).find((t) => t.name === (options.table ?? 'kpis'));
        if (!table) {
          throw new DomainError(
            'invalid_input',
            'unknown_table',
            `Expected one of ${OPEN_DATA_TABLES.join(', ')}`,
          );
        }
        return Buffer.from(toCsv(table, { bom: options.bom ?? false }), 'utf8');
      }
    }
  }

  /** The Frictionless Data Package of a plan's published round. */
  async dataPackage(planRef: string, roundId?: string, asOf: RevisionQuery = {}): Promise<RenderedFile> {
    const data = await this.roundData(planRef, roundId, asOf);
    const body = Buffer.from(
      JSON.stringify(dataPackage(data.tree, data.round, openDataTables(data.tree, data.round)), null, 2),
      'utf8',
    );
    return {
      body,
      contentType: 'application/json; charset=utf-8',
      fileName: 'datapackage.json',
      etag: etagOf(body, revisionOf(data)),
      lastModified: data.updatedAt,
    };
  }

  /**
   * One open-data file of a plan's published round at its stable address: `plan.json`, `datapackage.json`,
   * `<table>.csv` (with `bom`, led by a BOM) or `<table>.json`; `asOf` shows the plan as a revision fixed it.
   */
  async openDataFile(
    slug: string,
    roundId: string,
    file: string,
    bom = false,
    asOf: RevisionQuery = {},
  ): Promise<RenderedFile> {
    if (file === 'datapackage.json' && !bom) return this.dataPackage(slug, roundId, asOf);
    if (file === 'plan.json' && !bom) return this.render(slug, { roundId, asOf, format: 'json' });
    const match = /^([a-z_]+)\.(csv|json)$/.exec(file);
    const table = OPEN_DATA_TABLES.find((name) => name === match?.[1]);
    if (!match || !table || (bom && match[2] !== 'csv')) {
      throw new DomainError('not_found', 'open_data_not_found', `No open-data file "${file}"`);
    }
    if (match[2] === 'csv') return this.render(slug, { roundId, asOf, format: 'csv', table, bom });
    const data = await this.roundData(slug, roundId, asOf);
    const found = openDataTables(data.tree, data.round).find((t) => t.name === table);
    const body = Buffer.from(JSON.stringify(found ? toRecords(found) : []), 'utf8');
    return {
      body,
      contentType: CONTENT_TYPES.json,
      fileName: file,
      etag: etagOf(body, revisionOf(data)),
      lastModified: data.updatedAt,
    };
  }

  /** Whether PDF output works on this machine, and what to install when it does not. Public. */
  capabilities(): ReportCapabilities {
    const missing = pdfMissing();
    return { pdf: { available: missing.length === 0, missing } };
  }

  /** Every plan's published rounds with their files at stable addresses: the data catalogue. */
  async catalogue(): Promise<DataCatalogue> {
    const datasets: Dataset[] = [];
    for (const plan of await this.plans.list()) {
      const tree = await this.plans.getTree(plan.slug);
      for (const round of tree.rounds.filter((r) => r.state === 'published')) {
        datasets.push(datasetOf(tree, round));
      }
    }
    return { datasets };
  }

  /**
   * Start Chromium now rather than with the first PDF (`serve` calls it when PDF output can work), so no user
   * waits for the browser's start.
   */
  async prelaunch(): Promise<void> {
    if (pdfMissing().length === 0) await this.sharedContext();
  }

  // One Chromium for every PDF of this process, started at the first (or by `prelaunch`), with one browser
  // context every PDF opens its page in; a failed start is retried next time.
  private sharedContext(): Promise<BrowserContext> {
    if (!this.browser) {
      this.browser = launchChromium()
        .then(async (browser) => ({ browser, context: await browser.newContext() }))
        .catch((error: unknown) => {
          this.browser = null;
          throw error;
        });
    }
    return this.browser.then((started) => started.context);
  }

  /** Close the browser, if one was started. */
  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.browser.close();
  }
}

function datasetOf(tree: PlanTree, round: Round): Dataset {
  const base = `/api/open-data/${encodeURIComponent(tree.slug)}/${round.id}`;
  const report = `/api/plans/${encodeURIComponent(tree.slug)}/report?round=${round.id}&format=`;
  const tables = openDataTables(tree, round);
  const files: DataFile[] = [
    { name: 'report', title: 'フォローアップ報告（PDF）', format: 'pdf', url: `${report}pdf`, bomUrl: null },
    {
      name: 'report',
      title: 'フォローアップ報告（Excel）',
      format: 'xlsx',
      url: `${report}xlsx`,
      bomUrl: null,
    },
    { name: 'plan', title: '計画全体（JSON）', format: 'json', url: `${base}/plan.json`, bomUrl: null },
    ...tables.flatMap((t): DataFile[] => [
      {
        name: t.name,
        title: t.title,
        format: 'csv',
        url: `${base}/${t.name}.csv`,
        bomUrl: `${base}/excel/${t.name}.csv`,
      },
      { name: t.name, title: t.title, format: 'json', url: `${base}/${t.name}.json`, bomUrl: null },
    ]),
  ];
  return {
    plan: { slug: tree.slug, title: tree.title, owner: tree.owner, isSample: tree.isSample },
    round,
    license: { ...DEFAULT_DATA_LICENSE },
    datapackageUrl: `${base}/datapackage.json`,
    files,
  };
}
