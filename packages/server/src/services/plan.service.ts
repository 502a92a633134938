import { DomainError, POLICY_FIELDS, todayInJapan, type Clock, type ProgressStatus } from '@kotei/domain';
import type {
  KpiStatus,
  MeasureDetail,
  PlanDashboard,
  PlanDocument,
  Portfolio,
  PlanSummary,
  PlanTree,
  SetStatusOverrideBody,
  StatusSummary,
  UpdatePlanBody,
} from '@kotei/contracts';
import type { PlanListRow, PlanRepository } from '../repositories/plan.repository.js';
import type { OrganisationRepository } from '../repositories/organisation.repository.js';
import { requirePermission, type Actor } from './actor.js';
import { buildPlanRows } from '../repositories/mappers/plan-document.mapper.js';
import { newId } from '../ids.js';
import { buildDashboard } from './dashboard.js';
import { assemblePlanTree, toRound } from './plan-tree.js';
import { PlanStatuses, type PlanStatusesAt } from './plan-statuses.js';
import { buildSearchEntries } from './search-entries.js';

/** Where an imported plan came from, recorded with it so the same document is recognised later. */
export interface ImportSource {
  fingerprint: string;
  fileName: string;
  encoding: string;
  issueCount: number;
  importedBy: string | null;
}

/** Reading and changing plans. */
export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {
    this.statuses = new PlanStatuses(plans);
  }

  private readonly statuses: PlanStatuses;

  /** Every plan, as listed, with its statuses at today in Japan. Public. */
  async list(): Promise<PlanSummary[]> {
    const today = todayInJapan(this.clock);
    const rows = await this.plans.listWithCounts();
    const statuses = await this.statuses.of(rows, today);
    return rows.map((row, i) => toSummary(row, (statuses[i] as PlanStatusesAt).summary));
  }

  /**
   * The KPIs and measures (of one plan, or all) whose status at today in Japan is `status`: what the search
   * filter by status keeps. Public.
   */
  async withStatus(
    status: ProgressStatus,
    planSlug?: string,
  ): Promise<{ kpis: string[]; measures: string[] }> {
    const rows = (await this.plans.listWithCounts()).filter(
      (row) => planSlug === undefined || row.slug === planSlug,
    );
    const statuses = await this.statuses.of(rows, todayInJapan(this.clock));
    const having = (map: ReadonlyMap<string, ProgressStatus>): string[] =>
      [...map].filter(([, value]) => value === status).map(([id]) => id);
    return {
      kpis: statuses.flatMap((plan) => having(plan.kpis)),
      measures: statuses.flatMap((plan) => having(plan.measures)),
    };
  }

  /** The bureau's view: every policy field with its aim and its plans. Public. */
  async portfolio(): Promise<Portfolio> {
    const plans = await this.list();
    const known = new Set(POLICY_FIELDS.map((f) => f.code));
    return {
      referenceDate: todayInJapan(this.clock),
      fields: POLICY_FIELDS.map((field) => ({
        ...field,
        plans: plans.filter((p) => p.policyFields.includes(field.code)),
      })),
      otherPlans: plans.filter((p) => !p.policyFields.some((code) => known.has(code))),
    };
  }

  /** A plan's dashboard at the reference date (a round's as-of date, else today in Japan). Public. */
  async dashboard(slug: string, referenceDate?: string): Promise<PlanDashboard> {
    const tree = await this.getTree(slug, referenceDate);
    const listed = await this.plans.listWithCounts(tree.id);
    const row = listed[0];
    if (!row) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    return buildDashboard(tree, toSummary(row, tree.statusSummary));
  }

  /**
   * The whole plan. Phase statuses are computed at `referenceDate` (a round's as-of date when a round is
   * viewed), else at today in Japan time. Public.
   */
  async getTree(slug: string, referenceDate?: string): Promise<PlanTree> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const rows = await this.plans.loadRows(plan);
    return assemblePlanTree(rows, referenceDate ?? todayInJapan(this.clock));
  }

  /** One measure with where it appears, its source text and the plan's rounds. Public. */
  async getMeasure(slug: string, measureId: string, referenceDate?: string): Promise<MeasureDetail> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const rows = await this.plans.loadRows(plan);
    const row = rows.measures.find((m) => m.id === measureId);
    const tree = assemblePlanTree(rows, referenceDate ?? todayInJapan(this.clock));
    const placements = tree.sheets.flatMap((sheet) =>
      sheet.measures.filter((m) => m.id === measureId).map((m) => ({ sheet, measure: m })),
    );
    const own = placements.find((p) => !p.measure.isRepost) ?? placements[0];
    if (!row || !own)
      throw new DomainError('not_found', 'measure_not_found', `No measure ${measureId} in plan "${slug}"`);
    return {
      plan: { slug: tree.slug, title: tree.title, isSample: tree.isSample },
      referenceDate: tree.referenceDate,
      measure: { ...own.measure, isRepost: false },
      placements: placements.map((p) => ({
        sheetNumber: p.sheet.number,
        sheetTitle: p.sheet.title,
        isRepost: p.measure.isRepost,
      })),
      source:
        row.source_line_from === null || row.source_line_to === null
          ? null
          : { lineFrom: row.source_line_from, lineTo: row.source_line_to, rawText: row.source_text ?? '' },
      rounds: tree.rounds,
    };
  }

  /**
   * Write a new plan from a document in one transaction (with the record of its import, when imported).
   * Needs `plan:import`, or no actor for start-up.
   */
  async create(
    actor: Actor | 'system',
    doc: PlanDocument,
    imported?: ImportSource,
  ): Promise<{ id: string; slug: string }> {
    const user = actor === 'system' ? null : requirePermission(actor, 'plan:import');
    if (await this.plans.findBySlug(doc.slug)) {
      throw new DomainError('conflict', 'plan_slug_taken', `A plan with slug "${doc.slug}" exists already`, [
        { path: 'slug', message: 'must be unique' },
      ]);
    }
    const known = new Set((await this.organisations.listAll()).map((o) => o.code));
    const now = this.clock.now().toISOString();
    const rows = buildPlanRows(doc, now, known);
    const record = imported && {
      id: newId(),
      plan_id: rows.plan.id,
      fingerprint: imported.fingerprint,
      file_name: imported.fileName,
      encoding: imported.encoding,
      issue_count: imported.issueCount,
      imported_at: now,
      imported_by: imported.importedBy,
    };
    await this.plans.insertAll(rows, buildSearchEntries(rows), record ?? null, {
      actorId: user?.id ?? null,
      action: 'plan.create',
      entityType: 'plan',
      entityId: rows.plan.id,
      detail: { slug: doc.slug, measures: rows.measures.length, kpis: rows.kpis.length },
      requestId: actor === 'system' ? null : actor.requestId,
    });
    return { id: rows.plan.id, slug: rows.plan.slug };
  }

  /**
   * Set a KPI's status by hand, with a reason (qualitative KPIs, or a computed status the coordinator
   * corrects). Needs `status:override`. The computed status stays and is shown beside it.
   */
  async setStatusOverride(
    actor: Actor,
    slug: string,
    kpiId: string,
    body: SetStatusOverrideBody,
  ): Promise<KpiStatus> {
    const user = requirePermission(actor, 'status:override');
    const { plan, kpi } = await this.findKpiOrFail(slug, kpiId);
    await this.plans.setOverride(
      {
        kpi_id: kpi.id,
        status: body.status,
        reason: body.reason,
        set_by: user.id,
        set_at: this.clock.now().toISOString(),
      },
      {
        actorId: user.id,
        action: 'kpi.status_override.set',
        entityType: 'kpi',
        entityId: kpi.id,
        detail: { planId: plan.id, status: body.status, reason: body.reason },
        requestId: actor.requestId,
      },
    );
    return this.kpiStatus(slug, kpiId);
  }

  /** Remove a KPI's status override. Needs `status:override`. */
  async clearStatusOverride(actor: Actor, slug: string, kpiId: string): Promise<KpiStatus> {
    const user = requirePermission(actor, 'status:override');
    const { plan, kpi } = await this.findKpiOrFail(slug, kpiId);
    await this.plans.clearOverride(kpi.id, this.clock.now().toISOString(), {
      actorId: user.id,
      action: 'kpi.status_override.clear',
      entityType: 'kpi',
      entityId: kpi.id,
      detail: { planId: plan.id },
      requestId: actor.requestId,
    });
    return this.kpiStatus(slug, kpiId);
  }

  private async kpiStatus(slug: string, kpiId: string): Promise<KpiStatus> {
    const tree = await this.getTree(slug);
    const kpis = [
      ...tree.strategicGoals.flatMap((g) => g.outcomes),
      ...tree.sheets.flatMap((s) => s.measures.flatMap((m) => m.kpis)),
    ];
    const found = kpis.find((k) => k.id === kpiId);
    if (!found) throw new DomainError('not_found', 'kpi_not_found', `No KPI ${kpiId} in plan "${slug}"`);
    return found.status;
  }

  private async findKpiOrFail(
    slug: string,
    kpiId: string,
  ): Promise<{ plan: { id: string }; kpi: { id: string } }> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const kpi = await this.plans.findKpi(plan.id, kpiId);
    if (!kpi) throw new DomainError('not_found', 'kpi_not_found', `No KPI ${kpiId} in plan "${slug}"`);
    return { plan, kpi };
  }

  /** Change a plan's own fields. Needs `plan:edit`. */
  async update(actor: Actor, slug: string, changes: UpdatePlanBody): Promise<PlanTree> {
    const user = requirePermission(actor, 'plan:edit');
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const before = Object.fromEntries(
      Object.keys(changes).map((key) => [key, key === 'policyFields' ? undefined : plan[key as 'title']]),
    );
    await this.plans.update(plan.id, changes, this.clock.now().toISOString(), {
      actorId: user.id,
      action: 'plan.update',
      entityType: 'plan',
      entityId: plan.id,
      detail: { before, after: changes },
      requestId: actor.requestId,
    });
    return this.getTree(slug);
  }
}

function toSummary(row: PlanListRow, statusSummary: StatusSummary): PlanSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    owner: row.owner,
    adoptedOn: row.adopted_on,
    policyFields: row.policyFields,
    isSample: row.is_sample === 1,
    counts: { goals: row.goalCount, sheets: row.sheetCount, measures: row.measureCount, kpis: row.kpiCount },
    latestRound: row.latestRound && toRound(row.latestRound),
    nextDeadline: row.nextDeadline,
    statusSummary,
  };
}
