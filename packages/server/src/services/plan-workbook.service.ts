import { createHash } from 'node:crypto';
import { DomainError, type Clock } from '@kotei/domain';
import type { WorkbookApplied, WorkbookPreview } from '@kotei/contracts';
import {
  diffTables,
  isInputChange,
  openDataTables,
  planEditsOf,
  readReportWorkbook,
  type CellChange,
  type WorkbookIssue,
} from '@kotei/reports';
import type { PlanRepository } from '../repositories/plan.repository.js';
import type { PlanEditRepository } from '../repositories/plan-edit.repository.js';
import type { ReportService } from './report.service.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';

/** The checks a preview shows and an acceptance repeats: the same file against the same plan version. */
interface Reading {
  round: WorkbookPreview['round'];
  dataVersion: number;
  changes: CellChange[];
  issues: WorkbookIssue[];
  edits: ReturnType<typeof planEditsOf>['edits'];
  digest: string;
}

const digestOf = (changes: readonly CellChange[]): string =>
  createHash('sha256').update(JSON.stringify(changes)).digest('base64url');

/**
 * The report workbook's round trip: the xlsx export, edited and uploaded, previewed as a change set, and written
 * when a coordinator accepts it. A workbook corrects wording and figures in place (`planEditsOf`: measure titles,
 * phase texts, KPI names, units, notes, baseline and target values); anything else is an issue with its cell.
 */
export class PlanWorkbookService {
  constructor(
    private readonly reports: ReportService,
    private readonly plans: PlanRepository,
    private readonly edits: PlanEditRepository,
    private readonly clock: Clock,
  ) {}

  private async read(slug: string, bytes: Uint8Array, roundId?: string): Promise<Reading> {
    // The version is read before the data: a write in between makes the version older than the data, so an
    // acceptance against it is refused (409) rather than applied to data nobody previewed.
    const row = await this.plans.findBySlug(slug);
    if (!row) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const data = await this.reports.roundData(slug, roundId);
    const current = openDataTables(data.tree, data.round);
    const { tables, issues } = await readReportWorkbook(bytes, current);
    // A workbook whose shape is wrong (not a workbook, a worksheet or a column head missing) is compared with
    // nothing; one with unreadable cells still shows its other changes, so the preview lists both at once.
    const structural = issues.some((i) => i.field === null || /^[A-Z]+1$/.test(i.cell));
    const unreadable = new Set(issues.map((i) => `${i.worksheet}!${i.cell}`));
    const changes = structural
      ? []
      : diffTables(current, tables)
          .filter(isInputChange)
          .filter((c) => !unreadable.has(`${c.worksheet}!${c.cell}`));
    const checked = structural ? { edits: [], issues: [] } : planEditsOf(current, tables, changes);
    return {
      round: data.round,
      dataVersion: row.data_version,
      changes,
      issues: [...issues, ...checked.issues],
      edits: checked.edits,
      digest: digestOf(changes),
    };
  }

  /** What an edited report workbook would change, cell by cell, and every cell it cannot take. Writes nothing. */
  async preview(actor: Actor, slug: string, bytes: Uint8Array, roundId?: string): Promise<WorkbookPreview> {
    requirePermission(actor, 'plan:edit');
    const { round, dataVersion, changes, issues, digest } = await this.read(slug, bytes, roundId);
    return { round, changes, issues, dataVersion, digest };
  }

  /**
   * Write a previewed workbook: the same file is read again against the plan as it is now; a plan changed since
   * the preview (another data version) or a different change set is a 409, a cell it cannot take a 400 naming
   * the cells, and otherwise every edit is written in one audited transaction that raises the data version.
   */
  async apply(
    actor: Actor,
    slug: string,
    bytes: Uint8Array,
    previewed: { dataVersion: number; digest: string },
    roundId?: string,
  ): Promise<WorkbookApplied> {
    requirePermission(actor, 'plan:edit');
    const reading = await this.read(slug, bytes, roundId);
    if (reading.dataVersion !== previewed.dataVersion)
      throw stale(previewed.dataVersion, reading.dataVersion);
    if (reading.digest !== previewed.digest)
      throw new DomainError(
        'conflict',
        'preview_mismatch',
        'This workbook would change other cells than the preview showed: preview it again',
      );
    if (reading.issues.length > 0)
      throw new DomainError(
        'invalid_input',
        'workbook_invalid',
        `The workbook has ${String(reading.issues.length)} cell(s) that cannot be applied; nothing was written`,
        reading.issues.map((i) => ({ path: `${i.worksheet}!${i.cell}`, message: i.message })),
      );
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    if (reading.edits.length === 0)
      return { round: reading.round, applied: [], dataVersion: reading.dataVersion, revision: null };
    const now = this.clock.now().toISOString();
    const written = await this.edits.apply(plan, reading.dataVersion, reading.edits, now, (applied) => ({
      ...auditedBy(actor),
      action: 'plan.workbook_apply',
      entityType: 'plan',
      entityId: plan.id,
      detail: {
        roundId: reading.round.id,
        dataVersion: reading.dataVersion,
        edits: applied.map(({ kind, id, field, before, value }) => ({
          kind,
          id,
          field,
          before,
          after: value,
        })),
      },
    }));
    if (written === null) throw stale(previewed.dataVersion, null);
    return {
      round: reading.round,
      applied: reading.changes,
      dataVersion: reading.dataVersion + 1,
      revision: written,
    };
  }
}

function stale(previewed: number, now: number | null): DomainError {
  return new DomainError(
    'conflict',
    'stale_version',
    `The plan changed since the preview (data version ${String(previewed)}${now === null ? '' : `, now ${String(now)}`}): preview the workbook again`,
  );
}
