import type { RsLinkDecisionBody, RsPlanLinks, RsProject } from '@kotei/contracts';
import { DomainError, ORGANISATIONS, suggestRsMatches, type Clock } from '@kotei/domain';
import type { RsLinkRepository } from '../repositories/rs-link.repository.js';
import { newId } from '../ids.js';
import { requirePermission, type Actor } from './actor.js';

const ministryName = (code: string | null): string | null =>
  code === null ? null : (ORGANISATIONS.find((o) => o.code === code)?.nameJa ?? code);

/** Adds linked projects' summary budgets per ministry and fiscal year (each RS project counted once). */
function totalsOf(projects: readonly RsProject[]): RsPlanLinks['totals'] {
  const totals = new Map<string, RsPlanLinks['totals'][number]>();
  for (const project of new Map(projects.map((p) => [p.rsId, p])).values()) {
    for (const year of project.budgetYears) {
      const key = `${project.ministry}:${year.budgetYear}`;
      const total = totals.get(key) ?? {
        ministry: project.ministry,
        budgetYear: year.budgetYear,
        initial: 0,
        supplementary: 0,
        executed: 0,
      };
      total.initial += year.initial ?? 0;
      total.supplementary += year.supplementary ?? 0;
      total.executed += year.executed ?? 0;
      totals.set(key, total);
    }
  }
  return [...totals.values()].sort(
    (a, b) => a.ministry.localeCompare(b.ministry) || a.budgetYear - b.budgetYear,
  );
}

/** Links between a plan's budget projects (該当事業) and RS projects: suggestions, decisions, the linked data. */
export class RsLinkService {
  constructor(
    private readonly repository: RsLinkRepository,
    private readonly clock: Clock,
  ) {}

  /** Each budget project of the plan with its linked RS projects and the suggestions not yet decided. */
  async planLinks(slug: string): Promise<RsPlanLinks> {
    const plan = await this.repository.planBudgetProjects(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const candidates = await this.repository.latestProjects();
    const byId = new Map(candidates.map((c) => [c.rsId, c]));
    const decisions = await this.repository.decisions(plan.projects.map((p) => p.id));
    const confirmedIds = [...new Set(decisions.filter((d) => d.state === 'confirmed').map((d) => d.rs_id))];
    const details = new Map(
      (await this.repository.details(confirmedIds.flatMap((id) => byId.get(id) ?? []))).map((d) => [
        d.rsId,
        d,
      ]),
    );
    const projects = plan.projects.map((p) => {
      const mine = decisions.filter((d) => d.budget_project_id === p.id);
      const decided = new Set(mine.map((d) => d.rs_id));
      const ministry = ministryName(p.ministry);
      const suggestions = suggestRsMatches({ name: p.name, ministry, fiscalYears: p.fiscalYears }, candidates)
        .filter((m) => !decided.has(m.rsId))
        .map((m) => ({
          ...m,
          name: byId.get(m.rsId)?.name ?? '',
          ministry: byId.get(m.rsId)?.ministry ?? '',
        }));
      return {
        budgetProjectId: p.id,
        name: p.name,
        ministry,
        measureIds: p.measureIds,
        linked: mine.filter((d) => d.state === 'confirmed').flatMap((d) => details.get(d.rs_id) ?? []),
        suggestions,
        rejected: mine.filter((d) => d.state === 'rejected').map((d) => d.rs_id),
      };
    });
    return { projects, totals: totalsOf(projects.flatMap((p) => p.linked)) };
  }

  /** A coordinator confirms (or links by hand), rejects, or undoes a decision; audited. */
  async decide(actor: Actor, slug: string, body: RsLinkDecisionBody): Promise<RsPlanLinks> {
    const user = requirePermission(actor, 'plan:edit');
    const plan = await this.repository.planBudgetProjects(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const project = plan.projects.find((p) => p.id === body.budgetProjectId);
    if (!project) {
      throw new DomainError(
        'not_found',
        'budget_project_not_found',
        `No budget project ${body.budgetProjectId} in plan "${slug}"`,
      );
    }
    const candidates = await this.repository.latestProjects();
    const rs = candidates.find((c) => c.rsId === body.rsId);
    if (!rs)
      throw new DomainError(
        'not_found',
        'rs_project_not_found',
        `No RS project with 予算事業ID ${body.rsId}; import the RS files first`,
      );
    const at = this.clock.now().toISOString();
    const suggestion = suggestRsMatches(
      { name: project.name, ministry: ministryName(project.ministry), fiscalYears: project.fiscalYears },
      [rs],
      { threshold: 0 },
    )[0];
    const before =
      (await this.repository.decisions([project.id])).find((d) => d.rs_id === body.rsId)?.state ?? null;
    const state = body.decision === 'confirm' ? 'confirmed' : body.decision === 'reject' ? 'rejected' : null;
    await this.repository.decide(
      { budgetProjectId: project.id, rsId: rs.rsId },
      state === null
        ? null
        : {
            id: newId(),
            state,
            confidence: suggestion?.confidence ?? null,
            decided_by: user.id,
            decided_at: at,
          },
      {
        at,
        entry: {
          actorId: user.id,
          requestId: actor.requestId,
          action: `rs_link.${body.decision}`,
          entityType: 'budget_project',
          entityId: project.id,
          detail: {
            plan: slug,
            project: project.name,
            rsId: rs.rsId,
            rsName: rs.name,
            before,
            after: state,
            confidence: suggestion?.confidence ?? null,
          },
        },
      },
    );
    return this.planLinks(slug);
  }
}
