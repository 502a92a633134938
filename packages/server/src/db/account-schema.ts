// The tables of people and their access: accounts, role grants, sessions, API tokens, sign-in throttling.
// Part of the DB interface in schema.ts.

export interface UserTable {
  id: string;
  login: string;
  display_name: string;
  password_hash: string;
  /** The account's home ministry; rights come from role_grant. */
  ministry: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

/** A dated role grant (担当（任期）): rights hold from valid_from through valid_to (Japan dates). */
export interface RoleGrantTable {
  id: string;
  user_id: string;
  role: string;
  ministry: string | null;
  valid_from: string;
  valid_to: string | null;
  /** Who granted it: a user's id, `cli:<operator>`, or `migration`. */
  granted_by: string;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** The id its owner sees and ends it by; the token's hash never leaves the server. */
  public_id: string;
  last_seen_at: string;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  scope: 'read' | 'write';
  /** sha256 of the secret; the secret itself is shown once and never stored. */
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface SignInThrottleTable {
  /** `login:<name>` or `ip:<address>`. */
  key: string;
  window_start: string;
  attempts: number;
  strikes: number;
  locked_until: string | null;
}
