import type { Migration } from 'kysely';
import * as createCycle from './2026-11-24T0900_create_cycle.js';
import * as createSearchIndex from './2026-11-24T1000_create_search_index.js';
import * as createStatusOverride from './2026-11-24T1100_create_status_override.js';
import * as createImportRecord from './2026-11-24T1200_create_import_record.js';
import * as addPlanDataVersion from './2026-12-03T0900_add_plan_data_version.js';
import * as orderSearchEntries from './2026-12-03T1000_order_search_entries.js';
import * as oneEvaluationPerTarget from './2026-12-03T1100_one_evaluation_per_target.js';
import * as addBreakdowns from './2026-12-06T0900_add_breakdowns.js';
import * as chainAuditEvents from './2026-12-07T0100_chain_audit_events.js';
import * as addSignInThrottle from './2026-12-07T0200_add_sign_in_throttle_and_session_details.js';
import * as createApiToken from './2026-12-07T0201_create_api_token.js';
import * as addRoundParts from './2026-12-07T0300_add_round_parts.js';
import * as addPlanStatusMethod from './2026-12-08T0100_add_plan_status_method.js';
import * as createRs from './2026-12-08T0200_create_rs.js';
import * as addRevisionDrafts from './2026-12-09T0100_add_revision_drafts.js';
import * as evaluationsFollowTheCycle from './2026-12-09T0200_evaluations_follow_the_cycle.js';
import * as createRoleGrant from './2026-12-09T0300_create_role_grant.js';
import * as createRoundCorrection from './2026-12-09T0301_create_round_correction.js';
import * as createNotifications from './2026-12-09T0400_create_notifications.js';
import * as createJob from './2026-12-09T0500_create_job.js';
import * as createKpiTableMapping from './2026-12-09T0700_create_kpi_table_mapping.js';
import * as createRevisionProposal from './2026-12-10T1000_create_revision_proposal.js';
import * as expireJobFiles from './2026-12-10T1300_expire_job_files.js';

/** Every migration, in order. Names sort by their timestamp; a new one is appended, none is ever edited. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-24T0900_create_cycle': createCycle,
  '2026-11-24T1000_create_search_index': createSearchIndex,
  '2026-11-24T1100_create_status_override': createStatusOverride,
  '2026-11-24T1200_create_import_record': createImportRecord,
  '2026-12-03T0900_add_plan_data_version': addPlanDataVersion,
  '2026-12-03T1000_order_search_entries': orderSearchEntries,
  '2026-12-03T1100_one_evaluation_per_target': oneEvaluationPerTarget,
  '2026-12-06T0900_add_breakdowns': addBreakdowns,
  '2026-12-07T0100_chain_audit_events': chainAuditEvents,
  '2026-12-07T0200_add_sign_in_throttle_and_session_details': addSignInThrottle,
  '2026-12-07T0201_create_api_token': createApiToken,
  '2026-12-07T0300_add_round_parts': addRoundParts,
  '2026-12-08T0100_add_plan_status_method': addPlanStatusMethod,
  '2026-12-08T0200_create_rs': createRs,
  '2026-12-09T0100_add_revision_drafts': addRevisionDrafts,
  '2026-12-09T0200_evaluations_follow_the_cycle': evaluationsFollowTheCycle,
  '2026-12-09T0300_create_role_grant': createRoleGrant,
  '2026-12-09T0301_create_round_correction': createRoundCorrection,
  '2026-12-09T0400_create_notifications': createNotifications,
  '2026-12-09T0500_create_job': createJob,
  '2026-12-09T0700_create_kpi_table_mapping': createKpiTableMapping,
  '2026-12-10T1000_create_revision_proposal': createRevisionProposal,
  '2026-12-10T1300_expire_job_files': expireJobFiles,
};
