import type { Kysely } from 'kysely';
import type { RsProject } from '@kotei/contracts';
import type { DB, RsBudgetLinkTable } from '../db/schema.js';
import { groupBy } from './group-by.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** A plan's budget project as linking needs it. */
export interface PlanBudgetProject {
  id: string;
  name: string;
  ministry: string | null;
  measureIds: string[];
  fiscalYears: number[];
}

/** An RS project's latest sheet-year row, for matching. */
export interface LatestRsProject {
  rsId: number;
  sheetYear: number;
  name: string;
  ministry: string;
  startYear: number | null;
  endYear: number | null;
}

/** A stored decision on a budget project ↔ RS project pair. */
export type RsLinkDecision = RsBudgetLinkTable;

/** Budget projects of plans, RS projects to match them with, and coordinators' decisions on the pairs. */
export class RsLinkRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The plan's id and budget projects with their measures and fiscal years; null when no plan has the slug. */
  async planBudgetProjects(slug: string): Promise<{ planId: string; projects: PlanBudgetProject[] } | null> {
    const plan = await this.db.selectFrom('plan').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!plan) return null;
    const projects = await this.db
      .selectFrom('budget_project')
      .select(['id', 'name', 'ministry'])
      .where('plan_id', '=', plan.id)
      .orderBy('source_line_from')
      .orderBy('id')
      .execute();
    const ids = projects.map((p) => p.id);
    const links =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('project_link')
            .select(['project_id', 'measure_id'])
            .where('project_id', 'in', ids)
            .orderBy('sort_order')
            .execute();
    const lines =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('budget_line')
            .select(['project_id', 'fiscal_year'])
            .where('project_id', 'in', ids)
            .execute();
    const measures = groupBy(links, (l) => l.project_id);
    const years = groupBy(lines, (l) => l.project_id);
    return {
      planId: plan.id,
      projects: projects.map((p) => ({
        ...p,
        measureIds: (measures.get(p.id) ?? []).flatMap((l) => (l.measure_id === null ? [] : [l.measure_id])),
        fiscalYears: [
          ...new Set((years.get(p.id) ?? []).flatMap((l) => (l.fiscal_year === null ? [] : [l.fiscal_year]))),
        ],
      })),
    };
  }

  /** Each RS project's latest sheet year. */
  async latestProjects(): Promise<LatestRsProject[]> {
    const rows = await this.db
      .selectFrom('rs_project')
      .select(['rs_id', 'sheet_year', 'name', 'ministry', 'start_year', 'end_year'])
      .orderBy('rs_id')
      .orderBy('sheet_year', 'desc')
      .execute();
    const latest = new Map<number, LatestRsProject>();
    for (const r of rows) {
      if (!latest.has(r.rs_id)) {
        latest.set(r.rs_id, {
          rsId: r.rs_id,
          sheetYear: r.sheet_year,
          name: r.name,
          ministry: r.ministry,
          startYear: r.start_year,
          endYear: r.end_year,
        });
      }
    }
    return [...latest.values()];
  }

  /** The decisions on the given budget projects. */
  async decisions(budgetProjectIds: readonly string[]): Promise<RsLinkDecision[]> {
    if (budgetProjectIds.length === 0) return [];
    return this.db
      .selectFrom('rs_budget_link')
      .selectAll()
      .where('budget_project_id', 'in', budgetProjectIds)
      .orderBy('decided_at')
      .execute();
  }

  /** RS projects (latest sheet year) with budget years, logic model and evaluation, in the order asked. */
  async details(latest: readonly LatestRsProject[]): Promise<RsProject[]> {
    if (latest.length === 0) return [];
    const ids = latest.map((p) => p.rsId);
    const of = async <T extends { rs_id: number; sheet_year: number }>(
      rows: Promise<T[]>,
    ): Promise<Map<string, T[]>> => {
      const years = new Map(latest.map((p) => [p.rsId, p.sheetYear]));
      return groupBy(
        (await rows).filter((r) => years.get(r.rs_id) === r.sheet_year),
        (r) => String(r.rs_id),
      );
    };
    const projects = await of(
      this.db.selectFrom('rs_project').selectAll().where('rs_id', 'in', ids).execute(),
    );
    const budgets = await of(
      this.db
        .selectFrom('rs_budget_year')
        .selectAll()
        .where('rs_id', 'in', ids)
        .orderBy('budget_year')
        .execute(),
    );
    const nodes = await of(
      this.db.selectFrom('rs_node').selectAll().where('rs_id', 'in', ids).orderBy('number').execute(),
    );
    const nodeYears = await of(
      this.db.selectFrom('rs_node_year').selectAll().where('rs_id', 'in', ids).orderBy('year').execute(),
    );
    const edges = await of(
      this.db.selectFrom('rs_node_link').selectAll().where('rs_id', 'in', ids).orderBy('seq').execute(),
    );
    const evaluations = await of(
      this.db.selectFrom('rs_evaluation').selectAll().where('rs_id', 'in', ids).execute(),
    );
    return latest.flatMap((p) => {
      const project = projects.get(String(p.rsId))?.[0];
      if (!project) return [];
      const evaluation = evaluations.get(String(p.rsId))?.[0];
      const years = groupBy(nodeYears.get(String(p.rsId)) ?? [], (y) => `${y.node_type}:${y.number}`);
      return [
        {
          rsId: p.rsId,
          sheetYear: p.sheetYear,
          name: project.name,
          ministry: project.ministry,
          unit: project.unit,
          url: project.url,
          purpose: project.purpose,
          budgetYears: (budgets.get(String(p.rsId)) ?? []).map((b) => ({
            budgetYear: b.budget_year,
            initial: b.initial,
            supplementary: b.supplementary,
            carriedIn: b.carried_in,
            reserve: b.reserve,
            total: b.total,
            executed: b.executed,
            executionRate: b.execution_rate,
          })),
          nodes: (nodes.get(String(p.rsId)) ?? []).map((n) => ({
            nodeType: n.node_type,
            number: n.number,
            period: n.period,
            goal: n.goal,
            indicator: n.indicator,
            unit: n.unit,
            targetYears: n.target_years === '' ? [] : n.target_years.split(',').map(Number),
            years: (years.get(`${n.node_type}:${n.number}`) ?? []).map((y) => ({
              year: y.year,
              target: y.target,
              actual: y.actual,
              achievement: y.achievement,
            })),
          })),
          edges: (edges.get(String(p.rsId)) ?? []).map((e) => ({
            fromType: e.from_type,
            fromNumber: e.from_number,
            toType: e.to_type,
            toNumber: e.to_number,
            explanation: e.explanation,
          })),
          evaluation: evaluation
            ? {
                selfCheck: evaluation.self_check,
                direction: evaluation.direction,
                teamFinding: evaluation.team_finding,
                teamFindingDetail: evaluation.team_finding_detail,
                reflection: evaluation.reflection,
              }
            : null,
        },
      ];
    });
  }

  /** Record (or, with `state` null, remove) a decision, with its audit event, in one transaction. */
  async decide(
    pair: { budgetProjectId: string; rsId: number },
    decision: Omit<RsLinkDecision, 'budget_project_id' | 'rs_id'> | null,
    audit: { at: string; entry: AuditEntry },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('rs_budget_link')
        .where('budget_project_id', '=', pair.budgetProjectId)
        .where('rs_id', '=', pair.rsId)
        .execute();
      if (decision !== null)
        await trx
          .insertInto('rs_budget_link')
          .values({ ...decision, budget_project_id: pair.budgetProjectId, rs_id: pair.rsId })
          .execute();
      await insertAuditEvent(trx, audit.at, audit.entry);
    });
  }
}
