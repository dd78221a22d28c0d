/**
 * Team mode wire protocol, shared by the extension and the team server (`server/`). Every HTTP body
 * and WebSocket message is parsed with these schemas on both ends.
 *
 * Auth: `Authorization: Bearer <device token>` on everything but /health and /v1/join.
 * Errors: HTTP 4xx/5xx with `ErrorResponse` ({ error: { code, message, issues? } }).
 * Idempotency: every mutating request carries `opId` (uuid). Replaying an opId returns the first
 * answer and has no second effect (an offline outbox may replay freely). Reply-log entries are
 * idempotent by their own `id` instead.
 *
 *   GET    /health                      → Health                       (no auth)
 *   POST   /v1/join                     JoinRequest → JoinResponse      (no auth; rate limited)
 *   GET    /v1/me                       → MeResponse
 *   POST   /v1/devices/self/revoke      → OkResponse                    (this token stops working)
 *   GET    /v1/devices                  → DevicesResponse               (lead)
 *   DELETE /v1/devices/:id              → OkResponse                    (lead)
 *   GET    /v1/members                  → MembersResponse
 *   POST   /v1/invites                  CreateInviteRequest → InviteResponse (lead)
 *   POST   /v1/sightings                SightingsRequest → SightingsResponse
 *   GET    /v1/items?after=<key>&limit= → ItemsPage   (snapshot; take `cursor` from the first page)
 *   GET    /v1/changes?since=<cursor>&limit= → ChangesResponse
 *   POST   /v1/items/claim              ClaimRequest → ClaimResult
 *   POST   /v1/items/renew              LeaseRequest → ClaimResult
 *   POST   /v1/items/release            LeaseRequest → ItemResult
 *   POST   /v1/items/assign             AssignRequest → ItemResult
 *   POST   /v1/items/state              StateRequest → ItemResult
 *   POST   /v1/shift/end                ShiftEndRequest → ShiftEndResponse
 *   POST   /v1/replies                  RepliesRequest → RepliesResponse
 *   GET    /v1/replies?since=<cursor>&limit= → RepliesPage  (a lead: the team's; an agent: their own)
 *   GET    /v1/config                   → TeamConfig
 *   PUT    /v1/config/:section          ConfigUpdateRequest → ConfigUpdateResponse (lead)
 *   GET    /v1/live                     WebSocket; subprotocols [LIVE_PROTOCOL, `bearer.<token>`]
 *                                       or a first `{type:'auth', token}` message.
 *
 * Change cursor: a per-team sequence without gaps, so a client that sees cursor N+2 after N knows
 * it missed one and fetches /v1/changes?since=N. Changes are coalesced: an item change carries
 * the item as it is now (compare `version`), so replaying old changes never goes back in time.
 */
import { z } from 'zod';
import { CustomerSchema } from '../schemas/customers';
import { PostSchema } from '../schemas/posts';
import { EpochMsSchema, IdSchema, PostKeySchema } from '../schemas/primitives';
import { QueueItemSchema, QueueStateSchema } from '../schemas/queue';
import { ReplyLogEntrySchema } from '../schemas/replies';
import { BrandProfileSchema } from '../schemas/settings';
import { TemplateSchema, ToneNoteSchema } from '../schemas/templates';

export const API_VERSION = 'v1';
/** The WebSocket subprotocol the server selects; the token travels as a second one. */
export const LIVE_PROTOCOL = 'replyline.v1';
export const BEARER_PROTOCOL_PREFIX = 'bearer.';
/** A claim lasts this long unless renewed (the panel renews while the item is open). */
export const CLAIM_LEASE_MS = 90_000;
/** Most records in one request. */
export const MAX_BATCH = 200;

// ---------------------------------------------------------------- primitives
export const OpIdSchema = z.uuid();
export const RoleSchema = z.enum(['lead', 'agent']);
export type Role = z.infer<typeof RoleSchema>;
/** Server ids (uuids) of teams, members, devices. */
export const ServerIdSchema = z.uuid();
/** `rlt_` + 43 base64url characters (32 random bytes); only its SHA-256 is stored. */
export const DeviceTokenSchema = z.string().regex(/^rlt_[A-Za-z0-9_-]{43}$/);
/** `XXXX-XXXX-XXXX` from an unambiguous alphabet; single use, expiring. Case-insensitive. */
export const InviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
export const CursorSchema = z.number().int().nonnegative();
/** Query-string cursor (`?since=12`). */
export const CursorParamSchema = z.coerce.number().int().nonnegative().default(0);
const DisplayNameSchema = z.string().trim().min(1).max(120);

export const MemberRefSchema = z.object({ id: ServerIdSchema, displayName: DisplayNameSchema });
export type MemberRef = z.infer<typeof MemberRefSchema>;

export const MemberSchema = MemberRefSchema.extend({ role: RoleSchema, onShift: z.boolean() });
export type Member = z.infer<typeof MemberSchema>;

export const TeamSchema = z.object({ id: ServerIdSchema, name: z.string().min(1).max(120) });
export type Team = z.infer<typeof TeamSchema>;

export const ErrorCodeSchema = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invite_invalid',
  'rate_limited',
  'payload_too_large',
  'internal',
]);
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    /** Zod issues for `bad_request`: where and what. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const OkResponseSchema = z.object({ ok: z.literal(true) });
export const HealthSchema = z.object({ ok: z.boolean(), db: z.enum(['embedded', 'postgres']), node: z.string() });

// ---------------------------------------------------------------- join, me, devices, members, invites
export const JoinRequestSchema = z.object({
  inviteCode: InviteCodeSchema,
  displayName: DisplayNameSchema,
  deviceName: z.string().trim().min(1).max(120),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const JoinResponseSchema = z.object({
  token: DeviceTokenSchema,
  deviceId: ServerIdSchema,
  member: MemberSchema,
  team: TeamSchema,
});
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

export const MeResponseSchema = z.object({ deviceId: ServerIdSchema, member: MemberSchema, team: TeamSchema, cursor: CursorSchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const DeviceSchema = z.object({
  id: ServerIdSchema,
  memberId: ServerIdSchema,
  deviceName: z.string().max(120),
  createdAt: EpochMsSchema,
  lastSeenAt: EpochMsSchema,
  revoked: z.boolean(),
});
export const DevicesResponseSchema = z.object({ devices: z.array(DeviceSchema) });
export const MembersResponseSchema = z.object({ members: z.array(MemberSchema) });

export const CreateInviteRequestSchema = z.object({
  opId: OpIdSchema,
  role: RoleSchema.default('agent'),
  /** How long the code works (default 72 h, at most 30 days). */
  ttlHours: z.number().int().min(1).max(24 * 30).default(72),
});
export const InviteResponseSchema = z.object({ code: InviteCodeSchema, role: RoleSchema, expiresAt: EpochMsSchema });
export type InviteResponse = z.infer<typeof InviteResponseSchema>;

// ---------------------------------------------------------------- team queue items
export const ClaimSchema = z.object({
  owner: MemberRefSchema,
  leaseUntil: EpochMsSchema,
  /** Set when the owner took it over from a live claim: the previous owner is told. */
  takenOverFrom: MemberRefSchema.optional(),
});
export type Claim = z.infer<typeof ClaimSchema>;

/** The latest assignment/escalation to a person: the assignee's panel shows it as a notice. */
export const AssignmentSchema = z.object({
  to: MemberRefSchema,
  by: MemberRefSchema,
  note: z.string().max(2000).default(''),
  escalate: z.boolean(),
  at: EpochMsSchema,
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** What triage decided about a post, as the agent's extension computed it (lib/triage). */
export const SightingTriageSchema = QueueItemSchema.pick({
  brandId: true,
  priority: true,
  reasons: true,
  reasonCodes: true,
  matchedTerms: true,
  complaint: true,
  question: true,
  praise: true,
  filteredBy: true,
  sentiment: true,
  dueAt: true,
  customerMatch: true,
  customerId: true,
});

/**
 * One post an agent's browser queued. The key, site and other keys are the post's (`post.key`,
 * `post.sameAs`); the server files it under the first key any teammate saw it with.
 */
export const SightingSchema = SightingTriageSchema.extend({ post: PostSchema });
export type Sighting = z.infer<typeof SightingSchema>;

/**
 * A team queue item: the extension's queue item without its local-only fields (`rank` is a local
 * sort key, `assignedAgent` becomes `assignee`), plus the post, its other keys, a version that
 * grows with every change, the live claim and the latest assignment.
 * A claim whose `leaseUntil` has passed is free.
 */
export const TeamItemSchema = QueueItemSchema.omit({ rank: true, assignedAgent: true }).extend({
  post: PostSchema,
  /** Other keys this post arrived under (never the item's own key). */
  aliases: z.array(PostKeySchema).default([]),
  version: z.number().int().positive(),
  assignee: MemberRefSchema.optional(),
  assignment: AssignmentSchema.optional(),
  claim: ClaimSchema.optional(),
});
export type TeamItem = z.infer<typeof TeamItemSchema>;

export const SightingsRequestSchema = z.object({ opId: OpIdSchema, sightings: z.array(SightingSchema).min(1).max(MAX_BATCH) });
export type SightingsRequest = z.infer<typeof SightingsRequestSchema>;

export const SightingResultSchema = z.object({
  /** The key the sighting came with (the page's). */
  key: PostKeySchema,
  /** The team item it is filed under. */
  filedUnder: PostKeySchema,
  created: z.boolean(),
  version: z.number().int().positive(),
});
export const SightingsResponseSchema = z.object({ results: z.array(SightingResultSchema) });
export type SightingsResponse = z.infer<typeof SightingsResponseSchema>;

export const ItemsQuerySchema = z.object({
  after: z.optional(PostKeySchema),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const ItemsPageSchema = z.object({
  items: z.array(TeamItemSchema),
  /** Team change cursor when this page was read: follow with /v1/changes?since=cursor. */
  cursor: CursorSchema,
  /** Pass as `after` for the next page; absent on the last. */
  next: z.optional(PostKeySchema),
});
export type ItemsPage = z.infer<typeof ItemsPageSchema>;

// ---------------------------------------------------------------- claims, assignment, state, shift
/** `key` may be any key of the post (an alias resolves to its item). */
export const ClaimRequestSchema = z.object({ opId: OpIdSchema, key: PostKeySchema, takeover: z.boolean().default(false) });
export type ClaimRequest = z.infer<typeof ClaimRequestSchema>;
export const LeaseRequestSchema = z.object({ opId: OpIdSchema, key: PostKeySchema });
export type LeaseRequest = z.infer<typeof LeaseRequestSchema>;

export const ClaimResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), item: TeamItemSchema }),
  /** Someone else holds a live claim (renew: the claim was lost meanwhile). */
  z.object({ ok: z.literal(false), owner: MemberRefSchema, leaseUntil: EpochMsSchema, item: TeamItemSchema }),
]);
export type ClaimResult = z.infer<typeof ClaimResultSchema>;

export const AssignRequestSchema = z.object({
  opId: OpIdSchema,
  key: PostKeySchema,
  memberId: ServerIdSchema,
  note: z.string().max(2000).default(''),
  /** Escalation to a person: the item's state becomes `escalated`. */
  escalate: z.boolean().default(false),
});
export type AssignRequest = z.infer<typeof AssignRequestSchema>;

export const StateRequestSchema = z.object({
  opId: OpIdSchema,
  key: PostKeySchema,
  state: QueueStateSchema,
  note: z.string().max(2000).optional(),
  dismissReason: z.string().max(300).optional(),
  snoozedUntil: z.optional(EpochMsSchema),
  followUpAt: z.optional(EpochMsSchema),
  /** The version the client's change was based on; a newer item answers `stale` (outbox replays). */
  baseVersion: z.number().int().positive().optional(),
});
export type StateRequest = z.infer<typeof StateRequestSchema>;

/**
 * `claimed`: a teammate holds a live claim on it; `stale`: the item changed since `baseVersion`.
 * Neither is applied: the client reports it, never overwrites.
 */
export const ItemResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), item: TeamItemSchema }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['claimed', 'stale', 'notOwner']),
    item: TeamItemSchema,
    owner: MemberRefSchema.optional(),
    leaseUntil: z.optional(EpochMsSchema),
  }),
]);
export type ItemResult = z.infer<typeof ItemResultSchema>;

export const ShiftEndRequestSchema = z.object({
  opId: OpIdSchema,
  /** Re-assign the agent's open items to this teammate; omitted = release them to the team. */
  reassignTo: ServerIdSchema.optional(),
  note: z.string().max(2000).default(''),
});
export type ShiftEndRequest = z.infer<typeof ShiftEndRequestSchema>;
export const ShiftEndResponseSchema = z.object({ released: z.array(PostKeySchema), reassigned: z.array(PostKeySchema) });
export type ShiftEndResponse = z.infer<typeof ShiftEndResponseSchema>;

// ---------------------------------------------------------------- reply log
/** As the extension logs it; `agent` is ignored: the server stamps the token's member. */
// Spread, not `.extend`: ReplyLogEntrySchema is a zod/mini object (lib/schemas/replies.ts).
export const ReplyEntryInputSchema = z.object({ ...ReplyLogEntrySchema.shape, agent: z.string().max(120).optional() });
export type ReplyEntryInput = z.input<typeof ReplyEntryInputSchema>;

/** As the team stores it: `agent` is the member's display name at the time, `memberId` who sent it. */
export const TeamReplyEntrySchema = z.object({
  ...ReplyLogEntrySchema.shape,
  memberId: ServerIdSchema,
  receivedAt: EpochMsSchema,
  /** The change cursor at which the entry arrived. */
  seq: CursorSchema,
});
export type TeamReplyEntry = z.infer<typeof TeamReplyEntrySchema>;

/** Logging a reply also marks its item `replied` and frees the sender's claim on it. */
export const RepliesRequestSchema = z.object({ entries: z.array(ReplyEntryInputSchema).min(1).max(MAX_BATCH) });
export type RepliesRequest = z.infer<typeof RepliesRequestSchema>;
export const RepliesResponseSchema = z.object({
  /** Entry ids stored now; ids already known are `duplicates` (not an error: replays are normal). */
  stored: z.array(IdSchema),
  duplicates: z.array(IdSchema),
});
export type RepliesResponse = z.infer<typeof RepliesResponseSchema>;

export const RepliesQuerySchema = z.object({
  since: CursorParamSchema,
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
/**
 * A lead reads every member's entries, an agent only their own (as in the changes feed, where a
 * teammate's reply reaches an agent as `withheld`). `cursor` may pass entries the caller cannot read.
 */
export const RepliesPageSchema = z.object({ entries: z.array(TeamReplyEntrySchema), cursor: CursorSchema, more: z.boolean() });
export type RepliesPage = z.infer<typeof RepliesPageSchema>;

// ---------------------------------------------------------------- team configuration
export const ConfigSectionSchema = z.enum(['brands', 'templates', 'toneNotes', 'customers']);
export type ConfigSection = z.infer<typeof ConfigSectionSchema>;

export const TeamConfigSchema = z.object({
  brands: z.array(BrandProfileSchema),
  templates: z.array(TemplateSchema),
  toneNotes: z.array(ToneNoteSchema),
  customers: z.array(CustomerSchema),
});
export type TeamConfig = z.infer<typeof TeamConfigSchema>;

const upsertList = <T extends z.ZodType>(record: T) => z.array(record).max(5000).default([]);
/** Upsert these records by id and remove these ids; the body of PUT /v1/config/:section. */
export const ConfigUpdateRequestSchemas = {
  brands: z.object({ opId: OpIdSchema, upsert: upsertList(BrandProfileSchema), remove: z.array(IdSchema).max(5000).default([]) }),
  templates: z.object({ opId: OpIdSchema, upsert: upsertList(TemplateSchema), remove: z.array(IdSchema).max(5000).default([]) }),
  toneNotes: z.object({ opId: OpIdSchema, upsert: upsertList(ToneNoteSchema), remove: z.array(IdSchema).max(5000).default([]) }),
  customers: z.object({ opId: OpIdSchema, upsert: upsertList(CustomerSchema), remove: z.array(IdSchema).max(5000).default([]) }),
} as const;
export const ConfigUpdateResponseSchema = z.object({ upserted: z.number().int().nonnegative(), removed: z.number().int().nonnegative() });

// ---------------------------------------------------------------- changes
export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ seq: CursorSchema, at: EpochMsSchema, kind: z.literal('item'), item: TeamItemSchema }),
  z.object({ seq: CursorSchema, at: EpochMsSchema, kind: z.literal('reply'), entry: TeamReplyEntrySchema }),
  /** A lead changed this configuration section: fetch GET /v1/config. */
  z.object({ seq: CursorSchema, at: EpochMsSchema, kind: z.literal('config'), section: ConfigSectionSchema }),
  /** Members, roles or devices changed: fetch GET /v1/members (and /v1/me: this device may be revoked). */
  z.object({ seq: CursorSchema, at: EpochMsSchema, kind: z.literal('members') }),
  /**
   * Something this member may not read changed (for an agent: a teammate's reply; the reply log is
   * the leads'). It carries nothing but its place in the sequence, so the cursor stays gapless.
   */
  z.object({ seq: CursorSchema, at: EpochMsSchema, kind: z.literal('withheld') }),
]);
export type Change = z.infer<typeof ChangeSchema>;

const KNOWN_CHANGE_KINDS: ReadonlySet<string> = new Set(ChangeSchema.options.map((o) => o.shape.kind.value));

/**
 * A change as a device reads it: a kind this build does not know (a newer server's) is taken as
 * `withheld`, so the cursor moves past it; failing the whole page would leave an older extension
 * reconnecting forever. A known kind with a bad payload still fails.
 */
export const ReceivedChangeSchema = z.union([
  ChangeSchema,
  z
    .object({ seq: CursorSchema, at: EpochMsSchema, kind: z.string().refine((kind) => !KNOWN_CHANGE_KINDS.has(kind)) })
    .transform(({ seq, at }): Change => ({ seq, at, kind: 'withheld' })),
]);

export const ChangesQuerySchema = z.object({
  since: CursorParamSchema,
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const ChangesResponseSchema = z.object({
  /** Ascending by seq. Coalesced: an item or reply appears once, at its latest seq. */
  changes: z.array(ReceivedChangeSchema),
  /** Ask again with this; equals `since` when nothing is new. */
  cursor: CursorSchema,
  more: z.boolean(),
});
export type ChangesResponse = z.infer<typeof ChangesResponseSchema>;

// ---------------------------------------------------------------- live (WebSocket /v1/live)
export const PresenceMemberSchema = MemberRefSchema.extend({
  onShift: z.boolean(),
  /** The item key the member has open, if any. */
  viewing: z.nullable(PostKeySchema),
});
export type PresenceMember = z.infer<typeof PresenceMemberSchema>;

export const ServerMessageSchema = z.discriminatedUnion('type', [
  /** After authentication: who you are and the team's cursor now (catch up from your own). */
  z.object({ type: z.literal('hello'), member: MemberSchema, team: TeamSchema, cursor: CursorSchema }),
  z.object({ type: z.literal('change'), cursor: CursorSchema, change: ReceivedChangeSchema }),
  /** Every connected member of the team (sent on any presence change). */
  z.object({ type: z.literal('presence'), members: z.array(PresenceMemberSchema) }),
  z.object({ type: z.literal('pong'), at: EpochMsSchema }),
  /** The connection is closed after this (e.g. `unauthorized` when the device was revoked). */
  z.object({ type: z.literal('error'), code: ErrorCodeSchema, message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

export const ClientMessageSchema = z.discriminatedUnion('type', [
  /** Only when the token could not travel as a subprotocol; must be the first message. */
  z.object({ type: z.literal('auth'), token: DeviceTokenSchema }),
  z.object({ type: z.literal('presence'), viewing: z.nullable(PostKeySchema), onShift: z.boolean() }),
  z.object({ type: z.literal('ping'), at: z.optional(EpochMsSchema) }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** Most bytes in one WebSocket message from a client. */
export const MAX_CLIENT_MESSAGE_BYTES = 4096;
