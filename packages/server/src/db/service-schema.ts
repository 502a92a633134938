// The tables of what runs beside the plan: notices, the webhook's outbox, background jobs, saved KPI table
// mappings. Part of the DB interface in schema.ts.

/** An in-app notice to one user about a round's event; its words come from the web app's catalogue. */
export interface NotificationTable {
  id: string;
  recipient_id: string;
  kind: string;
  plan_id: string | null;
  round_id: string | null;
  part_id: string | null;
  measure_id: string | null;
  /** JSON: the texts the notice names (plan, round and measure titles, ministry, a return's reason). */
  params: string;
  created_at: string;
  read_at: string | null;
}

/** The admin's outgoing webhook (one row, id 'default'). */
export interface WebhookConfigTable {
  id: string;
  url: string;
  /** Signs each delivery (HMAC-SHA256); never answered in full. */
  secret: string;
  is_enabled: number;
  updated_at: string;
  updated_by: string | null;
}

/** One event the webhook is due: the outbox row, written in the event's transaction. */
export interface WebhookDeliveryTable {
  id: string;
  event: string;
  /** The JSON body sent, fixed when the event happened. */
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  /** The dispatcher that holds it, and until when (a crashed dispatcher's claim lapses). */
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  delivered_at: string | null;
  last_status: number | null;
  last_error: string | null;
}

/** One attempt to deliver a webhook event. */
export interface WebhookAttemptTable {
  id: string;
  delivery_id: string;
  number: number;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** A background job (a report rendered as PDF or xlsx), claimed by one worker under a lease. */
export interface JobTable {
  id: string;
  kind: string;
  params_json: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  step: string;
  attempts: number;
  max_attempts: number;
  /** The worker holding the job while it runs, and until when its lease holds. */
  locked_by: string | null;
  locked_until: string | null;
  error: string | null;
  plan_id: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** When the worker deleted the job's file after its retention (the job stays, saying so); null while kept. */
  file_expired_at: string | null;
}

/** The file a finished job made. */
export interface JobFileTable {
  job_id: string;
  file_name: string;
  content_type: string;
  size: number;
  body: Buffer;
}

/** A KPI table's column mapping saved under a name, for next year's file with the same headers. */
export interface KpiTableMappingTable {
  id: string;
  owner_id: string;
  /** The owner's ministry when saved: colleagues of the same office find the mapping too. */
  office: string | null;
  name: string;
  /** The table's header cells as read, joined: what a later file is matched by. */
  signature: string;
  /** JSON: [{ column, role }]. */
  column_roles: string;
  created_at: string;
  updated_at: string;
}
