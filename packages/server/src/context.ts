import { ORGANISATIONS, type Clock } from '@kotei/domain';
import {
  checkConnection,
  migrateToLatest,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from './db/database.js';
import { ApiTokenRepository } from './repositories/api-token.repository.js';
import { KpiTableMappingRepository } from './repositories/kpi-table-mapping.repository.js';
import { JobRepository } from './repositories/job.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { DashboardRepository } from './repositories/dashboard.repository.js';
import { EvaluationRepository } from './repositories/evaluation.repository.js';
import { ConflictOfInterestRepository } from './repositories/conflict-of-interest.repository.js';
import { GrantRepository } from './repositories/grant.repository.js';
import { CorrectionRepository } from './repositories/correction.repository.js';
import { OrganisationRepository } from './repositories/organisation.repository.js';
import { PlanRepository } from './repositories/plan.repository.js';
import { NotificationRepository } from './repositories/notification.repository.js';
import { RoundRepository } from './repositories/round.repository.js';
import { WebhookRepository } from './repositories/webhook.repository.js';
import { RsLinkRepository } from './repositories/rs-link.repository.js';
import { RsRepository } from './repositories/rs.repository.js';
import { SearchRepository } from './repositories/search.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import { SignInThrottleRepository } from './repositories/sign-in-throttle.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import { ApiTokenService } from './services/api-token.service.js';
import { KpiTableMappingService } from './services/kpi-table-mapping.service.js';
import { AuthService } from './services/auth.service.js';
import { EvaluationService } from './services/evaluation.service.js';
import { OverallEvaluationService } from './services/overall-evaluation.service.js';
import { ConflictOfInterestService } from './services/conflict-of-interest.service.js';
import { GrantService } from './services/grant.service.js';
import { CorrectionService } from './services/correction.service.js';
import { ImportService } from './services/import.service.js';
import { TableIntoPlanService } from './services/table-into-plan.service.js';
import { TableIntoPlanRepository } from './repositories/table-into-plan.repository.js';
import { PlanService } from './services/plan.service.js';
import { RevisionService } from './services/revision.service.js';
import { RevisionRepository } from './repositories/revision.repository.js';
import { ProposalService } from './services/proposal.service.js';
import { ProposalRepository } from './repositories/proposal.repository.js';
import { RoundService } from './services/round.service.js';
import { RoundPartService } from './services/round-part.service.js';
import { RoundDiffService } from './services/round-diff.service.js';
import { ReportService } from './services/report.service.js';
import { PlanWorkbookService } from './services/plan-workbook.service.js';
import { PartWorkbookService } from './services/part-workbook.service.js';
import { PlanEditRepository } from './repositories/plan-edit.repository.js';
import { ReportJobService } from './services/report-job.service.js';
import { DEFAULT_JOB_FILE_DAYS, JobWorker } from './services/job-worker.js';
import { RsLinkService } from './services/rs-link.service.js';
import { RsService } from './services/rs.service.js';
import { ReferenceService } from './services/reference.service.js';
import { SearchService } from './services/search.service.js';
import { StatusWarmer } from './services/status-warmer.js';
import { UserService } from './services/user.service.js';
import { NotificationService } from './services/notification.service.js';
import { WebhookService } from './services/webhook.service.js';
import { WebhookDispatcher } from './services/webhook-dispatcher.js';

/** Everything a request or a CLI command may use, wired once. */
export interface AppContext {
  database: Database;
  clock: Clock;
  organisations: OrganisationRepository;
  reference: ReferenceService;
  audit: AuditRepository;
  plans: PlanService;
  revisions: RevisionService;
  /** Reporters' proposals (変更提案) and the coordinating office's decisions. */
  proposals: ProposalService;
  rounds: RoundService;
  /** Round parts: each ministry's report on a measure, and the coordinator's decisions. */
  parts: RoundPartService;
  /** 正誤: corrections of published rounds. */
  corrections: CorrectionService;
  /** What changed in a measure between two published rounds. */
  diffs: RoundDiffService;
  evaluations: EvaluationService;
  overallEvaluations: OverallEvaluationService;
  conflicts: ConflictOfInterestService;
  auth: AuthService;
  /** API tokens for scripts. */
  tokens: ApiTokenService;
  users: UserService;
  /** Role grants (担当（任期）): who holds which role when. */
  grants: GrantService;
  search: SearchService;
  imports: ImportService;
  /** A KPI table's KPIs added to measures of an existing plan (#14). */
  tableIntoPlan: TableIntoPlanService;
  /** KPI table column mappings saved under a name, for next year's file from the same office. */
  tableMappings: KpiTableMappingService;
  /** The published follow-up report (HTML, PDF, Excel) and the open data behind it. */
  reports: ReportService;
  /** The report workbook's round trip: an edited export previewed, then applied. */
  planWorkbooks: PlanWorkbookService;
  /** A ministry's part of an open round as a workbook, downloaded and uploaded into its draft. */
  partWorkbooks: PartWorkbookService;
  /** Reports rendered in the background: jobs in the database, their files kept for download. */
  reportJobs: ReportJobService;
  /** Runs the database's jobs; `serve` starts it, `close` stops it. */
  jobWorker: JobWorker;
  /** The RS system's open data (行政事業レビュー) and its links to budget projects. */
  rs: RsService;
  /** Links from budget projects (該当事業) to RS projects. */
  rsLinks: RsLinkService;
  /** In-app notices, and the coordinator's reminders that write them. */
  notifications: NotificationService;
  /** The admin's outgoing webhook and its deliveries. */
  webhooks: WebhookService;
  /** Sends the webhook's outbox; `serve` starts it, `close` stops it. */
  dispatcher: WebhookDispatcher;
  /** Warms every plan's statuses at start and at midnight in Japan; `serve` starts it, `close` stops it. */
  warmer: StatusWarmer;
  close(): Promise<void>;
}

// Importing documents as plans, and a KPI table's KPIs into an existing plan's measures (#14).
function importServices(
  database: Database,
  plans: PlanService,
  planRepository: PlanRepository,
  organisations: OrganisationRepository,
  clock: Clock,
) {
  const imports = new ImportService(plans, planRepository, organisations, clock);
  const tableIntoPlan = new TableIntoPlanService(
    imports,
    planRepository,
    new TableIntoPlanRepository(database.db),
    clock,
  );
  return { imports, tableIntoPlan };
}

// Revisions (見直し) and reporters' proposals share the revision repository.
function revisionServices(
  database: Database,
  planRepository: PlanRepository,
  organisations: OrganisationRepository,
  clock: Clock,
) {
  const revisionRepository = new RevisionRepository(database.db);
  const proposalRepository = new ProposalRepository(database.db);
  return {
    revisions: new RevisionService(planRepository, revisionRepository, organisations, clock),
    proposals: new ProposalService(
      planRepository,
      revisionRepository,
      proposalRepository,
      organisations,
      clock,
    ),
  };
}

// The experts' evaluations, the overall evaluation the coordinating office compiles, conflicts of interest.
function evaluationServices(database: Database, planRepository: PlanRepository, options: { clock: Clock }) {
  const evaluationRepository = new EvaluationRepository(database.db);
  const conflictRepository = new ConflictOfInterestRepository(database.db);
  return {
    evaluations: new EvaluationService(
      planRepository,
      evaluationRepository,
      conflictRepository,
      options.clock,
    ),
    overallEvaluations: new OverallEvaluationService(planRepository, evaluationRepository, options.clock),
    conflicts: new ConflictOfInterestService(
      planRepository,
      conflictRepository,
      evaluationRepository,
      options.clock,
    ),
  };
}

// The report, its changes annex and the background jobs that render it.
function reportServices(
  database: Database,
  plans: PlanService,
  planRepository: PlanRepository,
  evaluations: EvaluationService,
  options: { clock: Clock; onJobError?: (error: unknown) => void; jobFileDays?: number },
) {
  const fileRetentionMs = (options.jobFileDays ?? DEFAULT_JOB_FILE_DAYS) * 86_400_000;
  const diffs = new RoundDiffService(planRepository);
  const reports = new ReportService(plans, planRepository, evaluations, diffs);
  const jobRepository = new JobRepository(database.db, database.kind);
  const reportJobs = new ReportJobService(jobRepository, reports, options.clock, fileRetentionMs);
  const jobWorker = new JobWorker(
    jobRepository,
    options.clock,
    { report: reportJobs.handler() },
    { onError: options.onJobError ?? (() => undefined), fileRetentionMs },
  );
  reportJobs.whenQueued(() => {
    jobWorker.wake();
  });
  return { diffs, reports, reportJobs, jobWorker };
}

/** What `openContext` is given. */
export interface ContextOptions {
  databaseUrl: string;
  cwd: string;
  clock: Clock;
  /** Where a failed background warming is reported (it never stops the server). */
  onWarmingError?: (error: unknown) => void;
  /** Where a failure of the job worker's own loop is reported (a job's failure is stored on the job). */
  onJobError?: (error: unknown) => void;
  /** How many days a finished job's file is kept (7 by default). */
  jobFileDays?: number;
}

/**
 * Open the database named by the URL, bring its schema to the latest migration and its reference data up to
 * date. Throws DatabaseStartupError naming the database and the reason when it cannot.
 */
export async function openContext(options: ContextOptions): Promise<AppContext> {
  const database = openDatabase(parseDatabaseUrl(options.databaseUrl, options.cwd));
  try {
    await checkConnection(database);
    await migrateToLatest(database);
    const organisations = new OrganisationRepository(database.db);
    await organisations.upsertAll(ORGANISATIONS);
    const planRepository = new PlanRepository(database.db, () => database.refreshStatistics());
    const userRepository = new UserRepository(database.db);
    const audit = new AuditRepository(database.db);
    const roundRepository = new RoundRepository(database.db);
    const { revisions, proposals } = revisionServices(database, planRepository, organisations, options.clock);
    const grantRepository = new GrantRepository(database.db);
    const plans = new PlanService(
      planRepository,
      new DashboardRepository(database.db),
      organisations,
      options.clock,
      revisions,
    );
    const warmer = new StatusWarmer(
      () => plans.warmStatuses(),
      options.clock,
      options.onWarmingError ?? (() => undefined),
    );
    const { evaluations, overallEvaluations, conflicts } = evaluationServices(
      database,
      planRepository,
      options,
    );
    const { diffs, reports, reportJobs, jobWorker } = reportServices(
      database,
      plans,
      planRepository,
      evaluations,
      options,
    );
    const parts = new RoundPartService(planRepository, roundRepository, options.clock);
    const webhookRepository = new WebhookRepository(database.db);
    const dispatcher = new WebhookDispatcher(webhookRepository, options.clock);
    return {
      database,
      clock: options.clock,
      organisations,
      reference: new ReferenceService(organisations),
      audit,
      plans,
      revisions,
      proposals,
      ...importServices(database, plans, planRepository, organisations, options.clock),
      tableMappings: new KpiTableMappingService(new KpiTableMappingRepository(database.db), options.clock),
      rounds: new RoundService(planRepository, roundRepository, options.clock, grantRepository),
      parts,
      partWorkbooks: new PartWorkbookService(parts),
      diffs,
      corrections: new CorrectionService(
        planRepository,
        roundRepository,
        new CorrectionRepository(database.db),
        options.clock,
      ),
      evaluations,
      overallEvaluations,
      conflicts,
      reports,
      planWorkbooks: new PlanWorkbookService(
        reports,
        planRepository,
        new PlanEditRepository(database.db),
        options.clock,
      ),
      reportJobs,
      jobWorker,
      rs: new RsService(new RsRepository(database.db), options.clock),
      rsLinks: new RsLinkService(new RsLinkRepository(database.db), options.clock),
      auth: new AuthService(
        userRepository,
        new SessionRepository(database.db),
        new SignInThrottle(new SignInThrottleRepository(database.db), options.clock),
        options.clock,
        audit,
      ),
      tokens: new ApiTokenService(new ApiTokenRepository(database.db), userRepository, options.clock),
      users: new UserService(userRepository, organisations, options.clock),
      grants: new GrantService(grantRepository, userRepository, organisations, options.clock),
      search: new SearchService(new SearchRepository(database), plans),
      notifications: new NotificationService(
        new NotificationRepository(database.db),
        planRepository,
        roundRepository,
        options.clock,
      ),
      webhooks: new WebhookService(webhookRepository, options.clock),
      dispatcher,
      warmer,
      close: async () => {
        await dispatcher.close();
        await warmer.close();
        await jobWorker.close();
        await reports.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
