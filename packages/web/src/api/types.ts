// The API's shapes as the web reads them: every one is the generated schema's (schema.d.ts, from the committed
// openapi.json), named once here so components import a word, never a hand-written copy.
import type { components, paths } from './schema';

type Schemas = components['schemas'];

/** The error body every failed call answers with. */
export type ErrorBody = Schemas['Error'];
/** A value by prefecture, sex, age group or ministry; the KPI's own figure is kept apart. */
export type Breakdown = Schemas['Breakdown'];
/** A budget project with its lines. */
export type BudgetProject = Schemas['BudgetProject'];
/** What POST …/evaluations accepts. */
export type CreateEvaluationBody = Schemas['CreateEvaluationBodyInput'];
/** A plan created from scratch (#13). */
export type CreatePlanBody = Schemas['CreatePlanBodyInput'];
/** An expert's evaluation of a target in a round. */
export type Evaluation = Schemas['Evaluation'];
/** GET …/rounds/{roundId}/evaluations. */
export type EvaluationList = Schemas['EvaluationList'];
/** What an evaluation is about: the plan, a goal or a sheet. */
export type EvaluationTarget = Schemas['EvaluationTarget'];
/** One state an evaluation passed through (as written, edited or withdrawn). */
export type EvaluationVersion = Schemas['EvaluationVersion'];
/** The round's overall evaluation the coordinating office compiled. */
export type OverallEvaluation = Schemas['OverallEvaluation'];
/** An expert's declared conflict of interest on a sheet. */
export type ConflictOfInterest = Schemas['ConflictOfInterest'];
/** What POST /api/imports/preview and /api/imports accept. */
export type ImportBody = Schemas['ImportBodyInput'];
/** POST /api/imports/preview. */
export type ImportPreview = Schemas['ImportPreview'];
/** POST /api/imports. */
export type ImportResult = Schemas['ImportResult'];
/** A KPI table column mapping saved under a name. */
export type SavedKpiTableMapping = Schemas['SavedKpiTableMapping'];
/** A KPI or outcome target with its points and status. */
export type Kpi = Schemas['Kpi'];

/** A KPI's status by the Open SDG method, with its A/B/N/F grade beside it (#16). */
export type KpiStatus = Schemas['KpiStatus'];
/** One value of a KPI with its period. */
export type KpiPoint = Schemas['KpiPoint'];
/** A measure of a sheet. */
export type Measure = Schemas['Measure'];
/** GET /api/plans/{slug}/measures/{measureId}. */
export type MeasureDetail = Schemas['MeasureDetail'];
/** One of the signed-in user's API tokens, without its secret (GET /api/auth/tokens). */
export type ApiTokenInfo = Schemas['ApiTokenInfo'];
/** One of the signed-in user's sessions (GET /api/auth/sessions). */
export type SessionInfo = Schemas['SessionInfo'];
/** A ministry or agency. */
export type Organisation = Schemas['Organisation'];
/** A phase of a measure's schedule. */
export type Phase = Schemas['Phase'];
/** GET /api/plans/{slug}/dashboard. */
export type PlanDashboard = Schemas['PlanDashboard'];
/** A plan in the portfolio. */
export type PlanSummary = Schemas['PlanSummary'];
/** GET /api/plans/{slug}. */
export type PlanTree = Schemas['PlanTree'];
/** A bureau-level policy field. */
export type PolicyField = Schemas['PolicyField'];
/** GET /api/portfolio. */
export type Portfolio = Schemas['Portfolio'];
/** One bullet of a measure's progress report. */
export type ProgressBullet = Schemas['ProgressBullet'];
/** The signed-in user as the session shows them. */
export type PublicUser = Schemas['User'];
/** A follow-up round. */
export type Round = Schemas['Round'];
/** GET …/measures/{measureId}/round-diff: what changed in a measure between two published rounds. */
export type MeasureRoundDiff = Schemas['MeasureRoundDiff'];
/** GET …/rounds/{roundId}: a round's board (measure × ministry). */
export type RoundBoard = Schemas['RoundBoard'];
/** A part as the board lists it. */
export type PartSummary = Schemas['PartSummary'];
/** GET …/parts/{partId}: one part in full. */
export type RoundPart = Schemas['RoundPart'];
/** A reported actual with its data-quality flags. */
export type ReportedActual = Schemas['ReportedActual'];
/** A data-quality flag on a reported actual. */
export type ActualFlag = Schemas['ActualFlag'];
/** A comment in a part's thread. */
export type PartComment = Schemas['PartComment'];
/** What PUT …/parts/{partId} accepts. */
export type SavePartBody = Schemas['SavePartBodyInput'];
/** A stale write's answer: 409 with the part as it now stands. */
export type PartConflict = Schemas['PartConflict'];
/** What POST /api/plans/{slug}/rounds accepts. */
export type CreateRoundBody = Schemas['CreateRoundBodyInput'];
/** GET /api/me/tasks. */
export type MyTasks = Schemas['MyTasks'];
/** A part's state: not started, draft, submitted, returned, approved, published. */
export type PartState = PartSummary['state'];
/** A phase's reported state. */
export type PhaseReportState = Schemas['PhaseReportEntry']['state'];
/** One search hit. */
export type SearchHit = Schemas['SearchHit'];
/** The filters GET /api/search takes. */
export type SearchQuery = paths['/api/search']['get']['parameters']['query'];
/** GET /api/search. */
export type SearchResult = Schemas['SearchResult'];
/** GET /api/auth/session. */
export type Session = Schemas['Session'];
/** A sheet (工程表) of a plan. */
export type Sheet = Schemas['Sheet'];
/** A strategic goal with its outcome targets. */
export type StrategicGoal = Schemas['StrategicGoal'];
/** Statuses counted over a plan, goal or sheet. */
export type StatusSummary = Schemas['StatusSummary'];
/** GET /api/open-data: every published dataset with its files and license. */
export type DataCatalogue = Schemas['DataCatalogue'];
/** The open data of one plan at one published round. */
export type Dataset = Schemas['Dataset'];
/** GET /api/report-capabilities. */
export type ReportCapabilities = Schemas['ReportCapabilities'];
/** A plan's budget projects with their links to RS projects (行政事業レビュー), and totals. */
export type RsPlanLinks = Schemas['RsPlanLinks'];
/** An RS project with its budget per year, logic model and evaluation. */
export type RsProject = Schemas['RsProject'];
/** One in-app notice. */
export type Notification = Schemas['Notification'];
/** GET /api/notifications. */
export type NotificationList = Schemas['NotificationList'];
/** POST …/rounds/{roundId}/reminders. */
export type ReminderResult = Schemas['ReminderResult'];
/** GET /api/admin/webhook. */
export type WebhookConfigAnswer = Schemas['WebhookConfigAnswer'];
/** One event the webhook is due, with its attempts. */
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type ReportJob = Schemas['ReportJob'];
export type WorkbookPreview = Schemas['WorkbookPreview'];
export type WorkbookApplied = Schemas['WorkbookApplied'];

/** Revisions (見直し, #13). */
export type RevisionList = Schemas['RevisionList'];
export type RevisionDiff = Schemas['RevisionDiff'];
export type RevisionDraft = Schemas['RevisionDraft'];
export type StructureChange = Schemas['StructureChange'];
export type PlanEdit = Schemas['PlanEditInput'];
/** A reporter's proposal (変更提案) and a plan's list of them. */
export type Proposal = Schemas['Proposal'];
export type ProposalList = Schemas['ProposalList'];
/** A role grant (担当（任期）) and the admin's list of them. */
export type RoleGrant = Schemas['RoleGrantEntry'];
/** POST /api/plans/{slug}/imports/kpi-table/preview: a KPI table's groups with the plan's measure proposed for each. */
export type TableIntoPlanPreview = Schemas['TableIntoPlanPreview'];
/** What POST /api/plans/{slug}/imports/kpi-table accepts: the table again and where each group goes. */
export type TableIntoPlanBody = Schemas['TableIntoPlanBodyInput'];
/** What adding a KPI table to a plan wrote. */
export type TableIntoPlanResult = Schemas['TableIntoPlanResult'];
export type RevisionShown = Schemas['RevisionShown'];
export type Originals = Schemas['Originals'];
export type RevisionDetail = Schemas['RevisionDetail'];
