import { ORGANISATIONS, type Clock } from '@kotei/domain';
import {
  checkConnection,
  migrateToLatest,
  openDatabase,
  parseDatabaseUrl,
  type Database,
} from './db/database.js';
import { ApiTokenRepository } from './repositories/api-token.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { DashboardRepository } from './repositories/dashboard.repository.js';
import { EvaluationRepository } from './repositories/evaluation.repository.js';
import { GrantRepository } from './repositories/grant.repository.js';
import { CorrectionRepository } from './repositories/correction.repository.js';
import { OrganisationRepository } from './repositories/organisation.repository.js';
import { PlanRepository } from './repositories/plan.repository.js';
import { RoundRepository } from './repositories/round.repository.js';
import { RsLinkRepository } from './repositories/rs-link.repository.js';
import { RsRepository } from './repositories/rs.repository.js';
import { SearchRepository } from './repositories/search.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import { SignInThrottleRepository } from './repositories/sign-in-throttle.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import { ApiTokenService } from './services/api-token.service.js';
import { AuthService } from './services/auth.service.js';
import { EvaluationService } from './services/evaluation.service.js';
import { GrantService } from './services/grant.service.js';
import { CorrectionService } from './services/correction.service.js';
import { ImportService } from './services/import.service.js';
import { PlanService } from './services/plan.service.js';
import { RoundService } from './services/round.service.js';
import { RoundPartService } from './services/round-part.service.js';
import { RoundDiffService } from './services/round-diff.service.js';
import { ReportService } from './services/report.service.js';
import { RsLinkService } from './services/rs-link.service.js';
import { RsService } from './services/rs.service.js';
import { ReferenceService } from './services/reference.service.js';
import { SearchService } from './services/search.service.js';
import { StatusWarmer } from './services/status-warmer.js';
import { UserService } from './services/user.service.js';

/** Everything a request or a CLI command may use, wired once. */
export interface AppContext {
  database: Database;
  clock: Clock;
  organisations: OrganisationRepository;
  reference: ReferenceService;
  audit: AuditRepository;
  plans: PlanService;
  rounds: RoundService;
  /** Round parts: each ministry's report on a measure, and the coordinator's decisions. */
  parts: RoundPartService;
  /** 正誤: corrections of published rounds. */
  corrections: CorrectionService;
  /** What changed in a measure between two published rounds. */
  diffs: RoundDiffService;
  evaluations: EvaluationService;
  auth: AuthService;
  /** API tokens for scripts. */
  tokens: ApiTokenService;
  users: UserService;
  /** Role grants (担当（任期）): who holds which role when. */
  grants: GrantService;
  search: SearchService;
  imports: ImportService;
  /** The published follow-up report (HTML, PDF, Excel) and the open data behind it. */
  reports: ReportService;
  /** The RS system's open data (行政事業レビュー) and its links to budget projects. */
  rs: RsService;
  /** Links from budget projects (該当事業) to RS projects. */
  rsLinks: RsLinkService;
  /** Warms every plan's statuses at start and at midnight in Japan; `serve` starts it, `close` stops it. */
  warmer: StatusWarmer;
  close(): Promise<void>;
}

/**
 * Open the database named by the URL, bring its schema to the latest migration and its reference data up to
 * date. Throws DatabaseStartupError naming the database and the reason when it cannot.
 */
export async function openContext(options: {
  databaseUrl: string;
  cwd: string;
  clock: Clock;
  /** Where a failed background warming is reported (it never stops the server). */
  onWarmingError?: (error: unknown) => void;
}): Promise<AppContext> {
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
    const grantRepository = new GrantRepository(database.db);
    const plans = new PlanService(
      planRepository,
      new DashboardRepository(database.db),
      organisations,
      options.clock,
    );
    const warmer = new StatusWarmer(
      () => plans.warmStatuses(),
      options.clock,
      options.onWarmingError ?? (() => undefined),
    );
    const evaluations = new EvaluationService(
      planRepository,
      new EvaluationRepository(database.db),
      options.clock,
    );
    const reports = new ReportService(plans, planRepository, evaluations);
    return {
      database,
      clock: options.clock,
      organisations,
      reference: new ReferenceService(organisations),
      audit,
      plans,
      imports: new ImportService(plans, planRepository, organisations, options.clock),
      rounds: new RoundService(planRepository, roundRepository, options.clock, grantRepository),
      parts: new RoundPartService(planRepository, roundRepository, options.clock),
      diffs: new RoundDiffService(planRepository),
      corrections: new CorrectionService(
        planRepository,
        roundRepository,
        new CorrectionRepository(database.db),
        options.clock,
      ),
      evaluations,
      reports,
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
      warmer,
      close: async () => {
        await warmer.close();
        await reports.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
