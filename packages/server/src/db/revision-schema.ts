// The tables of a plan's revisions (見直し): adopted snapshots, the open draft, what revisions retired. Part of
// the DB interface in schema.ts.

export interface RevisionTable {
  id: string;
  plan_id: string;
  number: number;
  reason: string;
  summary: string;
  snapshot_json: string;
  created_by: string | null;
  created_at: string;
}

/** The draft revision of a plan (one at most): its structure, the revision it is based on, a version. */
export interface RevisionDraftTable {
  plan_id: string;
  base_number: number;
  version: number;
  /** A domain PlanStructure as JSON. */
  structure_json: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

/** A goal, sheet, measure, phase or KPI a revision took out of the plan: its row stays, with its history. */
export interface RetiredEntityTable {
  entity_id: string;
  plan_id: string;
  kind: 'goal' | 'sheet' | 'measure' | 'phase' | 'kpi' | 'budget';
  revision_number: number;
  merged_into: string | null;
}

/** A reporter's proposal (変更提案): edits to its own measures, open until accepted, declined or withdrawn. */
export interface RevisionProposalTable {
  id: string;
  plan_id: string;
  author_id: string;
  ministry: string;
  reason: string;
  /** The domain PlanEdits, in order, as JSON. */
  edits_json: string;
  /** The latest revision when it was sent. */
  base_number: number;
  state: 'open' | 'accepted' | 'declined' | 'withdrawn';
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  note: string | null;
}
