import { DomainError, todayInJapan, type Clock } from '@kotei/domain';
import { ImportPreview, type ImportResult, type PlanDocument } from '@kotei/contracts';
import type { ColumnRoleOverride, ParseIssue } from '@kotei/importers';
import type { OrganisationRepository } from '../repositories/organisation.repository.js';
import type { PlanRepository, PlanRows } from '../repositories/plan.repository.js';
import { buildFollowUpRows, type FollowUpRows } from '../repositories/mappers/follow-up.mapper.js';
import { DocumentReaderThread } from '../workers/document-reader-thread.js';
import { newId } from '../ids.js';
import { buildSearchEntries } from '../repositories/search-entry.mapper.js';
import { auditedBy, isOperator, requirePermission, type Actor, type Operator } from './actor.js';
import type { PlanService } from './plan.service.js';

type StoredPlan = NonNullable<Awaited<ReturnType<PlanRepository['findBySlug']>>>;

/** A document to import: its bytes, its file name, and the slug to give the plan (else one from the name). */
export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  slug?: string | undefined;
  /** For a KPI table: the columns whose proposed role the user corrected. */
  columnRoles?: readonly ColumnRoleOverride[] | undefined;
}

/** What the caller adds to what the document says: sample marking, policy fields, a description. */
export interface ImportExtras {
  isSample?: boolean;
  policyFields?: string[];
  description?: string;
}

/** A document read: the plan it gives, its issues, and for a KPI table its layout and column roles. */
export interface ReadDocument {
  doc: PlanDocument;
  issues: ParseIssue[];
  encoding: string;
  fingerprint: string;
  table: ImportPreview['table'];
}

/**
 * Importing follow-up documents: read (decode, parse, check), preview with every issue, then commit in one
 * transaction. Needs `plan:import`. The same document imported again is recognised and changes nothing.
 */
export class ImportService {
  constructor(
    private readonly plans: PlanService,
    private readonly repository: PlanRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
    private readonly reader: DocumentReaderThread = DocumentReaderThread.beside(),
  ) {}

  /**
   * Read a document into a plan and its issues, off the event loop; refuses bytes that are no text document,
   * saying why. The importer checks the plan and resolves its ministry tags against the organisation table.
   */
  async read(input: ImportInput, extras: ImportExtras = {}): Promise<ReadDocument> {
    const knownMinistries = (await this.organisations.listAll()).map((o) => o.code);
    const outcome = await this.reader.read({
      bytes: input.bytes,
      fileName: input.fileName,
      slug: input.slug,
      knownMinistries,
      columnRoles: input.columnRoles,
    });
    if (!outcome.ok) throw undecodable(input.fileName, outcome.message);
    const doc: PlanDocument = {
      ...outcome.doc,
      ...(extras.isSample === undefined ? {} : { isSample: extras.isSample }),
      ...(extras.policyFields === undefined ? {} : { policyFields: extras.policyFields }),
      ...(extras.description === undefined ? {} : { description: extras.description }),
    };
    return {
      doc,
      issues: outcome.issues,
      encoding: outcome.encoding,
      fingerprint: outcome.fingerprint,
      table: outcome.table,
    };
  }

  /**
   * What importing would store and do, without writing anything. A new plan is mapped to rows exactly as
   * commit maps it, so whatever commit would refuse (a sheet number twice …) is an error issue here, with its
   * line: a preview without errors commits.
   */
  async preview(actor: Actor | Operator, input: ImportInput): Promise<ImportPreview> {
    return ImportPreview.parse(JSON.parse((await this.previewJson(actor, input)).toString('utf8')));
  }

  /**
   * The preview as UTF-8 JSON bytes (the ImportPreview shape), for the HTTP route: the document is read, mapped to rows and
   * its tree serialised on the worker thread, so a large document never stalls other requests.
   */
  async previewJson(actor: Actor | Operator, input: ImportInput): Promise<Buffer> {
    if (!isOperator(actor)) requirePermission(actor, 'plan:import');
    const knownMinistries = (await this.organisations.listAll()).map((o) => o.code);
    const outcome = await this.reader.preview({
      bytes: input.bytes,
      fileName: input.fileName,
      slug: input.slug,
      knownMinistries,
      columnRoles: input.columnRoles,
      now: this.clock.now().toISOString(),
      today: todayInJapan(this.clock),
    });
    if (!outcome.ok) throw undecodable(input.fileName, outcome.message);
    const existing = await this.repository.findBySlug(outcome.slug);
    const unchanged =
      existing !== undefined && (await this.repository.hasImport(existing.id, outcome.fingerprint));
    let action: ImportPreview['action'] = unchanged ? 'unchanged' : 'create';
    let issues = outcome.issues;
    if (existing === undefined) {
      // Creating writes these rows, so what the store would refuse is an error now, with its line.
      issues = [...issues, ...outcome.refusals].sort((a, b) => a.line - b.line);
    } else if (!unchanged) {
      // A later follow-up is matched against the plan's rows, which only this thread holds.
      const read = await this.read(input);
      issues = [...issues, ...(await this.followUp(existing, read.doc)).followUp.issues];
      action = 'new_round';
    }
    const head = JSON.stringify({
      action,
      encoding: outcome.encoding,
      fingerprint: outcome.fingerprint,
      counts: outcome.counts,
      issues,
      table: outcome.table,
    } satisfies Omit<ImportPreview, 'plan'>);
    // The plan's bytes come from the worker as they are; only the small head is encoded here.
    return Buffer.concat([Buffer.from(`${head.slice(0, -1)},"plan":`), outcome.planJson, Buffer.from('}')]);
  }

  // A later follow-up of an existing plan: one new round; a round already in the plan is a conflict, since
  // that round's reports are changed in kotei, not by importing a different document over them.
  private async followUp(
    existing: StoredPlan,
    doc: PlanDocument,
  ): Promise<{ followUp: FollowUpRows; merged: PlanRows }> {
    if (doc.round === null) {
      throw new DomainError(
        'conflict',
        'follow_up_without_round',
        `A plan "${doc.slug}" exists, and this document names no follow-up date to add as a round`,
        [{ path: 'slug', message: 'give another slug to import it as a new plan' }],
      );
    }
    const rows = await this.repository.loadRows(existing);
    if (rows.rounds.some((r) => r.as_of_date === doc.round?.asOfDate)) {
      throw new DomainError(
        'conflict',
        'round_exists',
        `Plan "${doc.slug}" already has the follow-up as of ${doc.round.asOfDate}, from a different document`,
        [
          {
            path: 'round.asOfDate',
            message: 'one round per as-of date; give another slug to import it as a new plan',
          },
        ],
      );
    }
    const followUp = buildFollowUpRows(doc, rows, this.clock.now().toISOString());
    const merged: PlanRows = {
      ...rows,
      rounds: [...rows.rounds, followUp.round],
      reports: [...rows.reports, ...followUp.reports],
      bullets: [...rows.bullets, ...followUp.bullets],
      observations: [...rows.observations, ...followUp.observations],
    };
    return { followUp, merged };
  }

  /**
   * Write the plan in one transaction, with a record of the import. The same document again (same slug and
   * fingerprint) writes nothing and says `unchanged`; a later follow-up of the plan adds its round, matching
   * measures and KPIs to the ones the plan has (`new_round`).
   */
  async commit(
    actor: Actor | Operator,
    input: ImportInput,
    extras: ImportExtras = {},
  ): Promise<ImportResult> {
    const user = isOperator(actor) ? null : requirePermission(actor, 'plan:import');
    const read = await this.read(input, extras);
    const existing = await this.repository.findBySlug(read.doc.slug);
    if (existing !== undefined) {
      if (await this.repository.hasImport(existing.id, read.fingerprint)) {
        return { action: 'unchanged', id: existing.id, slug: existing.slug, issues: read.issues.length };
      }
      const { followUp, merged } = await this.followUp(existing, read.doc);
      const now = this.clock.now().toISOString();
      await this.repository.insertFollowUp(
        followUp,
        buildSearchEntries(merged),
        {
          id: newId(),
          plan_id: existing.id,
          fingerprint: read.fingerprint,
          file_name: input.fileName,
          encoding: read.encoding,
          issue_count: read.issues.length + followUp.issues.length,
          imported_at: now,
          imported_by: user?.id ?? null,
        },
        {
          ...auditedBy(actor),
          action: 'plan.follow_up_import',
          entityType: 'plan',
          entityId: existing.id,
          detail: {
            asOfDate: followUp.round.as_of_date,
            bullets: followUp.bullets.length,
            actuals: followUp.observations.length,
            unmatched: followUp.issues.length,
          },
        },
      );
      return {
        action: 'new_round',
        id: existing.id,
        slug: existing.slug,
        issues: read.issues.length + followUp.issues.length,
      };
    }
    const created = await this.plans.create(actor, read.doc, {
      fingerprint: read.fingerprint,
      fileName: input.fileName,
      encoding: read.encoding,
      issueCount: read.issues.length,
      importedBy: user?.id ?? null,
    });
    return { action: 'create', ...created, issues: read.issues.length };
  }
}

function undecodable(fileName: string, message: string): DomainError {
  return new DomainError('invalid_input', 'undecodable_document', `${fileName}: ${message}`, [
    { path: 'contentBase64', message },
  ]);
}
