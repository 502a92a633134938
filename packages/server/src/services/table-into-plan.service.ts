import { DomainError, normalizeText, proposeMeasure, type Clock } from '@kotei/domain';
import type { TableIntoPlanPreview, TableIntoPlanResult } from '@kotei/contracts';
import type { PlanRepository, PlanRows } from '../repositories/plan.repository.js';
import type { TableIntoPlanRepository } from '../repositories/table-into-plan.repository.js';
import {
  buildTableIntoPlanRows,
  tableGroups,
  type GroupTarget,
} from '../repositories/mappers/table-into-plan.mapper.js';
import { auditedBy, isOperator, requirePermission, type Actor, type Operator } from './actor.js';
import type { ImportInput, ImportService, ReadDocument } from './import.service.js';

type StoredPlan = NonNullable<Awaited<ReturnType<PlanRepository['findBySlug']>>>;
type Measures = TableIntoPlanPreview['measures'];

/** The reason a revision made by adding a KPI table gives, as the history shows it. */
export const tableRevisionReason = (fileName: string): string => `KPI表の取り込み: ${fileName}`;

// The plan's measures as they stand, each on its home sheet (a repost is the same measure), with its KPI names.
function measuresOf(rows: PlanRows): Measures {
  const sheets = new Map(rows.sheets.map((s) => [s.id, s]));
  const home = new Map<string, string>();
  for (const p of rows.placements)
    if (p.is_repost === 0 || !home.has(p.measure_id)) home.set(p.measure_id, p.sheet_id);
  const names = new Map<string, string[]>();
  for (const k of rows.kpis)
    if (k.measure_id !== null) names.set(k.measure_id, [...(names.get(k.measure_id) ?? []), k.name]);
  return rows.measures
    .map((m) => ({ measure: m, sheet: sheets.get(home.get(m.id) ?? '') }))
    .filter((x) => x.sheet !== undefined)
    .sort((a, b) => (a.sheet?.number ?? 0) - (b.sheet?.number ?? 0))
    .map(({ measure, sheet }) => ({
      id: measure.id,
      title: measure.title,
      sheetId: sheet?.id ?? '',
      sheetNumber: sheet?.number ?? 0,
      kpiNames: names.get(measure.id) ?? [],
    }));
}

const pointOf = (p: { value: number | null; label: string } | null | undefined) =>
  p == null ? null : { value: p.value, label: p.label };

/**
 * Adding another office's KPI table to measures of an existing plan (#14): a preview that proposes a measure
 * for each of the table's KPI groups, and a commit that writes the chosen groups' KPIs and actuals in one
 * transaction, recorded as the plan's next revision. Needs `plan:edit` (coordinator, admin).
 */
export class TableIntoPlanService {
  constructor(
    private readonly imports: ImportService,
    private readonly plans: PlanRepository,
    private readonly writes: TableIntoPlanRepository,
    private readonly clock: Clock,
  ) {}

  private async plan(slug: string): Promise<StoredPlan> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    return plan;
  }

  // The file read as a KPI table (a follow-up document is refused: it imports as a plan or a round).
  private async readTable(
    input: ImportInput,
  ): Promise<ReadDocument & { table: NonNullable<ReadDocument['table']> }> {
    const read = await this.imports.read(input);
    const table = read.table;
    if (table === null)
      throw new DomainError(
        'invalid_input',
        'not_a_kpi_table',
        `${input.fileName} is no KPI table: only a table's KPIs can be added to a plan's measures`,
        [
          {
            path: 'contentBase64',
            message: 'a KPI table (xlsx, CSV, TSV, HTML, Markdown or PDF-extract text)',
          },
        ],
      );
    return { ...read, table };
  }

  /** The table's KPI groups, the measure proposed for each and the KPIs it would add; writes nothing. */
  async preview(actor: Actor | Operator, slug: string, input: ImportInput): Promise<TableIntoPlanPreview> {
    if (!isOperator(actor)) requirePermission(actor, 'plan:edit');
    const plan = await this.plan(slug);
    const read = await this.readTable(input);
    const rows = await this.plans.loadRows(plan);
    const measures = measuresOf(rows);
    const groups = tableGroups(read.doc).map((group) => {
      const proposal = proposeMeasure(group.title, measures);
      const held = new Set(
        (measures.find((m) => m.id === proposal?.measureId)?.kpiNames ?? []).map((n) => normalizeText(n)),
      );
      return {
        key: group.key,
        title: group.title,
        section: group.section,
        proposal,
        kpis: group.measure.kpis.map((kpi) => ({
          name: kpi.name,
          unit: kpi.unit,
          shape: kpi.shape,
          direction: kpi.direction,
          baseline: pointOf(kpi.baseline),
          target: pointOf(kpi.target),
          actuals: kpi.actuals.length,
          line: kpi.source?.lineFrom ?? 1,
          existsOnProposed: held.has(normalizeText(kpi.name)),
        })),
      };
    });
    return {
      plan: { id: plan.id, slug: plan.slug, title: plan.title, dataVersion: plan.data_version },
      fileName: input.fileName,
      encoding: read.encoding,
      fingerprint: read.fingerprint,
      table: read.table,
      issues: read.issues,
      sheets: rows.sheets.map((s) => ({ id: s.id, number: s.number, title: s.title })),
      measures,
      groups,
    };
  }

  /**
   * Write the listed groups' KPIs (baseline, target, unit, shape, direction) and their actuals as observations
   * (file, worksheet, cell) under the measure chosen for each, or a new measure on the chosen sheet, in one
   * transaction that raises the data version and records the plan's next revision (「KPI表の取り込み: <file>」).
   * A KPI whose name the measure already has is reported, not added; a measure or sheet not in force in the plan
   * is a 422 naming the group, and nothing is written.
   */
  async commit(
    actor: Actor | Operator,
    slug: string,
    input: ImportInput,
    targets: readonly GroupTarget[],
  ): Promise<TableIntoPlanResult> {
    const user = isOperator(actor) ? null : requirePermission(actor, 'plan:edit');
    const plan = await this.plan(slug);
    const read = await this.readTable(input);
    const now = this.clock.now().toISOString();
    const written = await this.writes.add(
      plan,
      (all, retired) => buildTableIntoPlanRows(read.doc, targets, all, retired, now, input.fileName),
      { reason: tableRevisionReason(input.fileName), by: user?.id ?? null, at: now },
      (rows, revision) => ({
        ...auditedBy(actor),
        action: 'plan.kpi_table_add',
        entityType: 'plan',
        entityId: plan.id,
        detail: {
          fileName: input.fileName,
          fingerprint: read.fingerprint,
          revision,
          added: rows.added.map(({ group, measureId, kpiId, name, actuals }) => ({
            group,
            measureId,
            kpiId,
            name,
            actuals,
          })),
          duplicates: rows.duplicates,
          newMeasures: rows.newMeasures,
        },
      }),
    );
    const { added, duplicates, newMeasures, leftOut } = written.rows;
    return {
      slug: plan.slug,
      revision: written.revision,
      dataVersion: written.dataVersion,
      added,
      duplicates,
      newMeasures,
      leftOut,
    };
  }
}
