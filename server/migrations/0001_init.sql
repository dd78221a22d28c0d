-- 2026-12-06, version 1: teams, members, devices, invites, idempotent operations, the team queue
-- (items, aliases), reply log, change sequence, team configuration, presence.
-- Times are epoch milliseconds (bigint), as in the extension's schemas.

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  -- Last change number: bumped as the last write of a transaction, so commits happen in order and
  -- the committed changes are always exactly 1..change_seq.
  change_seq bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);

CREATE TABLE members (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('lead', 'agent')),
  on_shift boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL
);
CREATE INDEX members_team ON members (team_id);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  member_id uuid NOT NULL REFERENCES members (id),
  -- SHA-256 (hex) of the token; the token itself is never stored.
  token_hash text NOT NULL UNIQUE,
  device_name text NOT NULL,
  created_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  revoked_at bigint
);
CREATE INDEX devices_team ON devices (team_id);

CREATE TABLE invites (
  code_hash text PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  role text NOT NULL CHECK (role IN ('lead', 'agent')),
  created_by uuid REFERENCES members (id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint,
  used_by uuid REFERENCES members (id)
);

-- One row per opId: the first answer, returned again on replay.
CREATE TABLE ops (
  team_id uuid NOT NULL REFERENCES teams (id),
  op_id uuid NOT NULL,
  member_id uuid NOT NULL,
  kind text NOT NULL,
  response jsonb,
  created_at bigint NOT NULL,
  PRIMARY KEY (team_id, op_id)
);
CREATE INDEX ops_created ON ops (created_at);

CREATE TABLE items (
  team_id uuid NOT NULL REFERENCES teams (id),
  key text NOT NULL,
  -- The item's fields as TeamItemSchema has them, minus the columns below.
  data jsonb NOT NULL,
  state text NOT NULL,
  version integer NOT NULL,
  assignee_id uuid REFERENCES members (id),
  assignment jsonb,
  claim_member uuid REFERENCES members (id),
  claim_until bigint,
  claim_taken_from uuid REFERENCES members (id),
  updated_at bigint NOT NULL,
  PRIMARY KEY (team_id, key)
);
CREATE INDEX items_assignee ON items (team_id, assignee_id) WHERE assignee_id IS NOT NULL;
CREATE INDEX items_claim ON items (team_id, claim_member) WHERE claim_member IS NOT NULL;

CREATE TABLE aliases (
  team_id uuid NOT NULL REFERENCES teams (id),
  alias text NOT NULL,
  key text NOT NULL,
  PRIMARY KEY (team_id, alias)
);

CREATE TABLE replies (
  team_id uuid NOT NULL REFERENCES teams (id),
  id text NOT NULL,
  member_id uuid NOT NULL REFERENCES members (id),
  data jsonb NOT NULL,
  seq bigint NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (team_id, id)
);
CREATE INDEX replies_seq ON replies (team_id, seq);

CREATE TABLE changes (
  team_id uuid NOT NULL REFERENCES teams (id),
  seq bigint NOT NULL,
  kind text NOT NULL,
  ref text NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (team_id, seq)
);

CREATE TABLE config (
  team_id uuid NOT NULL REFERENCES teams (id),
  section text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (team_id, section, id)
);

-- Live connections of every node; rows of a node that died expire (seen_at).
CREATE TABLE presence (
  conn_id text PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams (id),
  member_id uuid NOT NULL REFERENCES members (id),
  node_id text NOT NULL,
  viewing text,
  seen_at bigint NOT NULL
);
CREATE INDEX presence_team ON presence (team_id);
