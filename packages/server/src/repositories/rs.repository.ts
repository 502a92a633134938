import type { Kysely } from 'kysely';
import type { RsFileResult, RsProjectInfo, RsRecord } from '@kotei/importers/rs';
import type { DB } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { projectRow, rowsOf, RS_TABLES_OF, type RsRows } from './rs.mapper.js';

/** Thrown inside the import's transaction so a file with errors writes nothing; carries the file's result. */
class RsFileRefused extends Error {
  constructor(readonly result: RsFileResult) {
    super('refused');
  }
}

const FILE_OF_KIND = {
  organisation: '1-1',
  project: '1-2',
  policy: '1-3',
  'budget-summary': '2-1',
  'budget-detail': '2-1',
  'budget-item': '2-2',
  indicator: '3-1',
  link: '3-2',
  evaluation: '4-1',
} as const;

// Rows per INSERT: the widest table has 14 columns, so this stays under SQLite's 32,766 parameters.
const CHUNK = 1000;

/** Writes one file's records inside its transaction: clears each project's rows once, then inserts. */
class RsFileWriter {
  private readonly cleared = new Set<string>();
  private readonly seqs = new Map<string, number>();
  private pendingProject: RsProjectInfo[] = [];

  constructor(private readonly trx: Kysely<DB>) {}

  readonly write = async (batch: readonly RsRecord[]): Promise<void> => {
    await this.clear(batch);
    const others: RsRecord[] = [];
    const projects: DB['rs_project'][] = [];
    for (const record of batch) {
      if (record.kind !== 'project') {
        others.push(record);
        continue;
      }
      const open = this.pendingProject[0];
      if (open !== undefined && (open.rsId !== record.rsId || open.sheetYear !== record.sheetYear)) {
        projects.push(projectRow(this.pendingProject));
        this.pendingProject = [];
      }
      this.pendingProject.push(record);
    }
    await this.upsertProjects(projects);
    await this.insert(rowsOf(others, (key) => this.nextSeq(key)));
  };

  /** Writes what the last batch left open (a project's 1-2 rows). */
  async finish(): Promise<void> {
    if (this.pendingProject.length > 0) await this.upsertProjects([projectRow(this.pendingProject)]);
    this.pendingProject = [];
  }

  private nextSeq(key: string): number {
    const seq = this.seqs.get(key) ?? 0;
    this.seqs.set(key, seq + 1);
    return seq;
  }

  private async clear(batch: readonly RsRecord[]): Promise<void> {
    const fresh = new Map<string, { year: number; ids: number[] }>();
    for (const record of batch) {
      const file = FILE_OF_KIND[record.kind];
      const key = `${file}:${record.sheetYear}:${record.rsId}`;
      if (this.cleared.has(key) || RS_TABLES_OF[file].length === 0) continue;
      this.cleared.add(key);
      const group = fresh.get(`${file}:${record.sheetYear}`) ?? { year: record.sheetYear, ids: [] };
      group.ids.push(record.rsId);
      fresh.set(`${file}:${record.sheetYear}`, group);
    }
    for (const [groupKey, { year, ids }] of fresh) {
      const file = groupKey.split(':')[0] as keyof typeof RS_TABLES_OF;
      for (const table of RS_TABLES_OF[file]) {
        for (let at = 0; at < ids.length; at += CHUNK) {
          await this.trx
            .deleteFrom(table as 'rs_policy')
            .where('sheet_year', '=', year)
            .where('rs_id', 'in', ids.slice(at, at + CHUNK))
            .execute();
        }
      }
    }
  }

  private async upsertProjects(rows: readonly DB['rs_project'][]): Promise<void> {
    for (let at = 0; at < rows.length; at += CHUNK) {
      await this.trx
        .insertInto('rs_project')
        .values(rows.slice(at, at + CHUNK))
        .onConflict((oc) =>
          oc.columns(['sheet_year', 'rs_id']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            ministry: eb.ref('excluded.ministry'),
            policy_ministry: eb.ref('excluded.policy_ministry'),
            unit: eb.ref('excluded.unit'),
            purpose: eb.ref('excluded.purpose'),
            overview: eb.ref('excluded.overview'),
            url: eb.ref('excluded.url'),
            category: eb.ref('excluded.category'),
            start_year: eb.ref('excluded.start_year'),
            end_year: eb.ref('excluded.end_year'),
            major_expense: eb.ref('excluded.major_expense'),
          })),
        )
        .execute();
    }
  }

  private async insert(rows: RsRows): Promise<void> {
    for (const [table, list] of Object.entries(rows) as [keyof DB, unknown[]][]) {
      // 1-1 names a project (several rows each); it adds the project where 1-2 has not, and changes nothing else.
      const unique =
        table === 'rs_project'
          ? [...new Map((list as DB['rs_project'][]).map((r) => [`${r.sheet_year}:${r.rs_id}`, r])).values()]
          : list;
      for (let at = 0; at < unique.length; at += CHUNK) {
        const query = this.trx
          .insertInto(table as 'rs_policy')
          .values(unique.slice(at, at + CHUNK) as DB['rs_policy'][]);
        await (table === 'rs_project' ? query.onConflict((oc) => oc.doNothing()) : query).execute();
      }
    }
  }
}

/** What changed from one sheet year to the next. */
export interface RsYearChanges {
  sheetYear: number;
  previousYear: number | null;
  projects: number;
  added: number[];
  ended: number[];
  /** Projects whose initial budget for their sheet year differs from the year before's, largest change first. */
  budgetChanges: { rsId: number; name: string; before: number | null; after: number | null }[];
}

/** The RS open data: imports, per file in one transaction, and what changed between sheet years. */
export class RsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Runs `read` with a writer in one transaction and commits it with its audit event, unless the result has
   * errors: then the transaction is rolled back and nothing of the file is written.
   */
  async importFile(
    read: (write: (batch: readonly RsRecord[]) => Promise<void>) => Promise<RsFileResult>,
    audit: (result: RsFileResult) => { at: string; entry: AuditEntry },
  ): Promise<RsFileResult> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const writer = new RsFileWriter(trx);
        const result = await read(writer.write);
        if (result.errors.length > 0) throw new RsFileRefused(result);
        await writer.finish();
        const { at, entry } = audit(result);
        await insertAuditEvent(trx, at, entry);
        return result;
      });
    } catch (error) {
      if (error instanceof RsFileRefused) return error.result;
      throw error;
    }
  }

  /** Counts per table for a sheet year (tests and the CLI's summary). */
  async counts(sheetYear: number): Promise<Record<string, number>> {
    const tables = [
      'rs_project',
      'rs_budget_year',
      'rs_budget_account',
      'rs_budget_item',
      'rs_policy',
      'rs_node',
      'rs_node_year',
      'rs_node_link',
      'rs_evaluation',
    ] as const;
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const row = await this.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('sheet_year', '=', sheetYear)
        .executeTakeFirstOrThrow();
      counts[table] = row.n;
    }
    return counts;
  }

  /** New and ended projects and budget changes of a sheet year against the latest one before it. */
  async yearChanges(sheetYear: number): Promise<RsYearChanges> {
    const previous = await this.db
      .selectFrom('rs_project')
      .select((eb) => eb.fn.max('sheet_year').as('year'))
      .where('sheet_year', '<', sheetYear)
      .executeTakeFirst();
    const previousYear = previous?.year ?? null;
    const ids = async (year: number): Promise<Map<number, string>> =>
      new Map(
        (
          await this.db
            .selectFrom('rs_project')
            .select(['rs_id', 'name'])
            .where('sheet_year', '=', year)
            .execute()
        ).map((r) => [r.rs_id, r.name]),
      );
    const current = await ids(sheetYear);
    const before = previousYear === null ? new Map<number, string>() : await ids(previousYear);
    const changes: RsYearChanges = {
      sheetYear,
      previousYear,
      projects: current.size,
      added:
        previousYear === null
          ? []
          : [...current.keys()].filter((id) => !before.has(id)).sort((a, b) => a - b),
      ended: [...before.keys()].filter((id) => !current.has(id)).sort((a, b) => a - b),
      budgetChanges: [],
    };
    if (previousYear === null) return changes;
    const initial = async (year: number): Promise<Map<number, number | null>> =>
      new Map(
        (
          await this.db
            .selectFrom('rs_budget_year')
            .select(['rs_id', 'initial'])
            .where('sheet_year', '=', year)
            .where('budget_year', '=', year)
            .execute()
        ).map((r) => [r.rs_id, r.initial]),
      );
    const now = await initial(sheetYear);
    const then = await initial(previousYear);
    for (const [rsId, after] of now) {
      if (!then.has(rsId)) continue;
      const was = then.get(rsId) ?? null;
      if (was !== after)
        changes.budgetChanges.push({ rsId, name: current.get(rsId) ?? '', before: was, after });
    }
    changes.budgetChanges.sort(
      (a, b) => Math.abs((b.after ?? 0) - (b.before ?? 0)) - Math.abs((a.after ?? 0) - (a.before ?? 0)),
    );
    return changes;
  }
}
