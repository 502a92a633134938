import { DomainError, POLICY_FIELDS, todayInJapan, type Clock } from '@kotei/domain';
import type {
  KpiStatus,
  MeasureDetail,
  Originals,
  PlanDashboard,
  PlanDocument,
  Portfolio,
  PlanSummary,
  PlanTree,
  RevisionShown,
  SetStatusOverrideBody,
  StatusSummary,
  UpdatePlanBody,
} from '@kotei/contracts';
import type { DashboardRepository } from '../repositories/dashboard.repository.js';
import type { PlanContent, PlanListing } from '../repositories/plan.mapper.js';
import type { PlanRecord, PlanRepository } from '../repositories/plan.repository.js';
import type { OrganisationRepository } from '../repositories/organisation.repository.js';
import { auditedBy, isOperator, requirePermission, type Actor, type Operator } from './actor.js';
import { buildPlanRows, ministryCodesOf } from '../repositories/mappers/plan-document.mapper.js';
import { newId } from '../ids.js';
import { buildDashboard, worstKpiPlaces } from './dashboard.js';
import { coversEveryKpi, measureWithStatuses, toPlanTree } from './plan-tree.js';
import { computePlanStatuses, PlanStatuses, type PlanStatusSet, type PlanVersion } from './plan-status.js';
import { buildSearchEntries } from '../repositories/search-entry.mapper.js';
import type { RevisionService, TimeTravel } from './revision.service.js';
import { Kept } from './kept.js';
import { statusesIn, type StatusFilter } from './status-filter.js';

/** Which revision a plan read shows: by number, or the one in force on a date; neither is the plan as it stands. */
export interface RevisionQuery {
  revision?: number | undefined;
  revisionOn?: string | undefined;
}

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
  /** Every plan's statuses, kept between requests: the one path the tree, dashboard, lists and search read. */
  readonly statuses: PlanStatuses;
  // Past revisions' search entries (time travel), the last few searched.
  private readonly searchables = new Kept<Awaited<ReturnType<PlanRepository['loadSearchableAt']>>>(4);

  constructor(
    private readonly plans: PlanRepository,
    private readonly dashboards: DashboardRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
    private readonly revisions: RevisionService,
  ) {
    this.statuses = new PlanStatuses(plans, clock);
  }

  /** Every plan, as listed, with its statuses at today in Japan. Public. */
  async list(): Promise<PlanSummary[]> {
    const rows = await this.plans.listWithCounts();
    const statuses = await this.statuses.of(rows.map(versionOf), todayInJapan(this.clock));
    return rows.map((row, i) => toSummary(row, (statuses[i] as PlanStatusSet).plan));
  }

  /**
   * The KPIs and measures (of one plan, or all) whose status at today in Japan is `status` and whose A/B/N/F
   * grade is `grade` (a measure: one of its KPIs has it): what the search filters by status and grade keep. Public.
   */
  async withStatus(filter: StatusFilter, planSlug?: string): Promise<{ kpis: string[]; measures: string[] }> {
    const rows = (await this.plans.listWithCounts()).filter(
      (row) => planSlug === undefined || row.summary.slug === planSlug,
    );
    return statusesIn(await this.statuses.of(rows.map(versionOf), todayInJapan(this.clock)), filter);
  }

  /**
   * A plan as the revision asked for fixed it and as it stood at its cutoff, for search (time travel; undefined
   * when none is asked): its title, its search entries built from those rows as the index builds them, the
   * rounds published by then, and (a status or grade asked) the KPIs and measures that have it at today in Japan,
   * computed from the same rows. Kept for the plan's data version (any write raises it), since a reader searches
   * one revision several times over (words, filters). Public.
   */
  async searchableAt(slug: string, asOf: RevisionQuery, filter: StatusFilter) {
    const travel = await this.revisions.structureFor(slug, asOf);
    if (travel === undefined) return undefined;
    const plan = await this.findPlanOrFail(slug);
    const { number, structure } = travel.revision;
    const key = `${plan.id} ${String(plan.data_version)} ${String(number)} ${travel.cutoff ?? ''}`;
    const loaded = await this.searchables.get(key, () =>
      this.plans.loadSearchableAt(plan, structure, travel.cutoff),
    );
    const isFiltered = filter.status !== undefined || filter.grade !== undefined;
    return {
      title: structure.plan.title,
      entries: loaded.entries,
      roundIds: loaded.roundIds,
      withStatus: isFiltered
        ? statusesIn([computePlanStatuses(loaded.statusInputs(), todayInJapan(this.clock))], filter)
        : undefined,
      revision: shownOf(travel),
    };
  }

  /**
   * Compute today's statuses of every plan that lacks them, one plan at a time so that requests are served in
   * between: what the start-up and midnight warming run. Resolves with how many plans were computed.
   */
  async warmStatuses(): Promise<number> {
    const before = this.statuses.computed;
    const today = todayInJapan(this.clock);
    for (const row of await this.plans.listWithCounts()) {
      await this.statuses.of([versionOf(row)], today);
      // Give waiting requests their turn between plans: the computation itself is synchronous.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return this.statuses.computed - before;
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

  /**
   * A plan's dashboard at the reference date (a round's as-of date, else today in Japan): its statuses from
   * the status cache, and only the rows it shows. Public.
   */
  async dashboard(
    slug: string,
    referenceDate?: string,
    asOf: RevisionQuery = {},
    base?: number,
  ): Promise<PlanDashboard> {
    const travel = await this.revisions.structureFor(slug, asOf);
    const dashboard =
      travel === undefined
        ? await this.dashboardNow(slug, referenceDate)
        : await this.dashboardAt(slug, travel, referenceDate);
    if (base === undefined) return dashboard;
    return { ...dashboard, originals: await this.originalsOf(slug, base, travel) };
  }

  private async dashboardNow(slug: string, referenceDate: string | undefined): Promise<PlanDashboard> {
    const plan = await this.findPlanOrFail(slug);
    const date = referenceDate ?? todayInJapan(this.clock);
    const [listed, content, statuses] = await Promise.all([
      this.plans.listWithCounts(plan.id),
      this.dashboards.loadDashboard(plan.id, date),
      this.statuses.at(versionOf(plan), date),
    ]);
    const row = listed[0];
    if (!row) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const places = worstKpiPlaces(content, statuses);
    const kpis = await this.dashboards.loadKpis(
      plan.id,
      places.map((p) => p.kpiId),
    );
    return buildDashboard(content, statuses, toSummary(row, statuses.plan), { places, kpis });
  }

  // Time travel on the dashboard: built from every row as the revision fixed them and as they stood at its
  // cutoff, its statuses computed here (the kept ones are the current plan's).
  private async dashboardAt(
    slug: string,
    travel: TimeTravel,
    referenceDate: string | undefined,
  ): Promise<PlanDashboard> {
    const plan = await this.findPlanOrFail(slug);
    const [listed, loaded] = await Promise.all([
      this.plans.listWithCounts(plan.id),
      this.plans.loadPlanAt(plan, travel.revision.structure, travel.cutoff),
    ]);
    const row = listed[0];
    if (!row) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const statuses = computePlanStatuses(loaded.statusInputs(), referenceDate ?? todayInJapan(this.clock));
    const content = loaded.dashboard();
    const places = worstKpiPlaces(content, statuses);
    const summary = { ...row.summary, title: loaded.content.plan.title, statusSummary: statuses.plan };
    return {
      ...buildDashboard(content, statuses, summary, {
        places,
        kpis: loaded.kpis(places.map((p) => p.kpiId)),
      }),
      revision: shownOf(travel),
    };
  }

  /**
   * The whole plan. Statuses are those at `referenceDate` (a round's as-of date when a round is viewed), else
   * at today in Japan time; `asOf` asks for a revision (time travel), `base` for what an earlier revision fixed
   * otherwise (originally adopted vs current). Public.
   */
  async getTree(
    slug: string,
    referenceDate?: string,
    asOf: RevisionQuery = {},
    base?: number,
  ): Promise<PlanTree> {
    const { content, statuses, travel } = await this.loadAsOf(slug, referenceDate, asOf);
    const tree = toPlanTree(content, statuses);
    return {
      ...tree,
      ...(travel && { revision: shownOf(travel) }),
      ...(base === undefined ? {} : { originals: await this.originalsOf(slug, base, travel) }),
    };
  }

  /** One measure with where it appears, its source text and the plan's rounds (`asOf`, `base`: see getTree). */
  async getMeasure(
    slug: string,
    measureId: string,
    referenceDate?: string,
    asOf: RevisionQuery = {},
    base?: number,
  ): Promise<MeasureDetail> {
    const { content, statuses, travel } = await this.loadAsOf(slug, referenceDate, asOf);
    const measure = content.measures.get(measureId);
    const placements = content.sheets.flatMap((sheet) =>
      sheet.placements.filter((p) => p.measureId === measureId).map((p) => ({ sheet, isRepost: p.isRepost })),
    );
    if (!measure || placements.length === 0)
      throw new DomainError('not_found', 'measure_not_found', `No measure ${measureId} in plan "${slug}"`);
    const corrections = await this.plans.correctionsOfMeasure(measureId);
    const cutoff = travel?.cutoff;
    const originals = base === undefined ? undefined : await this.originalsOf(slug, base, travel);
    const phaseIds = new Set(measure.phases.map((p) => p.id));
    const kpiIds = new Set(measure.kpis.map((k) => k.id));
    return {
      plan: {
        slug: content.plan.slug,
        title: content.plan.title,
        isSample: content.plan.isSample,
        statusMethod: content.statusMethod,
      },
      referenceDate: statuses.referenceDate,
      measure: measureWithStatuses(measure, false, statuses),
      placements: placements.map((p) => ({
        sheetNumber: p.sheet.number,
        sheetTitle: p.sheet.title,
        isRepost: p.isRepost,
      })),
      source: measure.source,
      rounds: content.rounds,
      corrections: cutoff === undefined ? corrections : corrections.filter((c) => c.createdAt <= cutoff),
      ...(travel && { revision: shownOf(travel) }),
      ...(originals && {
        originals: {
          base: originals.base,
          phases: originals.phases.filter((p) => phaseIds.has(p.phaseId)),
          kpis: originals.kpis.filter((k) => kpiIds.has(k.kpiId)),
        },
      }),
    };
  }

  // The plan's content and statuses: as it stands, or as the revision asked for fixed it and as it stood at
  // its cutoff (time travel; its statuses computed here, the kept ones being the current plan's).
  private async loadAsOf(
    slug: string,
    referenceDate: string | undefined,
    asOf: RevisionQuery,
  ): Promise<{ content: PlanContent; statuses: PlanStatusSet; travel?: TimeTravel }> {
    const travel = await this.revisions.structureFor(slug, asOf);
    if (travel === undefined) return this.loadWithStatuses(slug, referenceDate);
    const plan = await this.findPlanOrFail(slug);
    const { content, statusInputs } = await this.plans.loadPlanAt(
      plan,
      travel.revision.structure,
      travel.cutoff,
    );
    const statuses = computePlanStatuses(statusInputs(), referenceDate ?? todayInJapan(this.clock));
    return { content, statuses, travel };
  }

  private async originalsOf(slug: string, base: number, travel: TimeTravel | undefined): Promise<Originals> {
    const { revision, originals } = await this.revisions.originals(slug, base, travel?.revision);
    return { base: revision, ...originals };
  }

  // The plan's content with its statuses from the cache; computed from the rows just read when missing, or
  // when a write added KPIs after the kept statuses were computed.
  private async loadWithStatuses(
    slug: string,
    referenceDate: string | undefined,
  ): Promise<{ content: PlanContent; statuses: PlanStatusSet }> {
    const plan = await this.findPlanOrFail(slug);
    const { content, statusInputs } = await this.plans.loadPlan(plan);
    const date = referenceDate ?? todayInJapan(this.clock);
    const kept = await this.statuses.at(versionOf(plan), date, statusInputs);
    const statuses = coversEveryKpi(content, kept) ? kept : computePlanStatuses(statusInputs(), date);
    return { content, statuses };
  }

  private async findPlanOrFail(slug: string): Promise<PlanRecord> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    return plan;
  }

  /**
   * Write a new plan from a document in one transaction (with the record of its import, when imported).
   * Needs `plan:import`, or no actor for start-up.
   */
  async create(
    actor: Actor | Operator,
    doc: PlanDocument,
    imported?: ImportSource,
  ): Promise<{ id: string; slug: string }> {
    if (!isOperator(actor)) requirePermission(actor, 'plan:import');
    if (await this.plans.findBySlug(doc.slug)) {
      throw new DomainError('conflict', 'plan_slug_taken', `A plan with slug "${doc.slug}" exists already`, [
        { path: 'slug', message: 'must be unique' },
      ]);
    }
    await this.checkMinistries(doc);
    const now = this.clock.now().toISOString();
    const rows = buildPlanRows(doc, now);
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
      ...auditedBy(actor),
      action: 'plan.create',
      entityType: 'plan',
      entityId: rows.plan.id,
      detail: { slug: doc.slug, measures: rows.measures.length, kpis: rows.kpis.length },
    });
    return { id: rows.plan.id, slug: rows.plan.slug };
  }

  // The importer resolves tags against the organisations, so this refuses only codes in a document written by
  // hand: every one that is unknown, with its path, before anything is written.
  private async checkMinistries(doc: PlanDocument): Promise<void> {
    const known = new Set((await this.organisations.listAll()).map((o) => o.code));
    const unknown = ministryCodesOf(doc).filter(({ code }) => !known.has(code));
    if (unknown.length === 0) return;
    throw new DomainError(
      'invalid_input',
      'unknown_ministry',
      `The plan names ${unknown.length} unknown ministry code(s)`,
      unknown.map(({ path, code }) => ({
        path,
        message: `unknown ministry "${code}"; expected one of ${[...known].join(' ')}`,
      })),
    );
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
    const setAt = this.clock.now().toISOString();
    const after = { status: body.status, reason: body.reason, setBy: user.id, setAt };
    await this.plans.setOverride(
      { kpi_id: kpi.id, status: body.status, reason: body.reason, set_by: user.id, set_at: setAt },
      (replaced) => ({
        actorId: user.id,
        action: 'kpi.status_override.set',
        entityType: 'kpi',
        entityId: kpi.id,
        detail: { planId: plan.id, before: replaced, after },
        requestId: actor.requestId,
      }),
    );
    return this.kpiStatus(slug, kpiId);
  }

  /** Remove a KPI's status override. Needs `status:override`. */
  async clearStatusOverride(actor: Actor, slug: string, kpiId: string): Promise<KpiStatus> {
    const user = requirePermission(actor, 'status:override');
    const { plan, kpi } = await this.findKpiOrFail(slug, kpiId);
    await this.plans.clearOverride(kpi.id, this.clock.now().toISOString(), (cleared) => ({
      actorId: user.id,
      action: 'kpi.status_override.clear',
      entityType: 'kpi',
      entityId: kpi.id,
      detail: { planId: plan.id, before: cleared, after: null },
      requestId: actor.requestId,
    }));
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
    await this.plans.update(plan.id, changes, this.clock.now().toISOString(), (before) => ({
      actorId: user.id,
      action: 'plan.update',
      entityType: 'plan',
      entityId: plan.id,
      detail: { before, after: changes },
      requestId: actor.requestId,
    }));
    return this.getTree(slug);
  }
}

function versionOf(plan: PlanRecord | PlanListing): PlanVersion {
  return 'summary' in plan
    ? { id: plan.summary.id, dataVersion: plan.dataVersion }
    : { id: plan.id, dataVersion: plan.data_version };
}

function shownOf({ revision, latest }: TimeTravel): RevisionShown {
  return { number: revision.number, latest, reason: revision.reason, adoptedAt: revision.createdAt };
}

function toSummary(listing: PlanListing, statusSummary: StatusSummary): PlanSummary {
  return { ...listing.summary, statusSummary };
}
