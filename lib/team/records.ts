/**
 * What the extension keeps about its team (DB version 5): the membership (server, device token,
 * cursor, connection state), team-side fields of queue items (assignee, claim, lease, version),
 * teammates with their presence, the team's reply log as the server sent it, and the outbox of
 * actions waiting for the server. Wire shapes live in ./protocol.ts; these are the stored ones.
 */
import { z } from 'zod';
import { EpochMsSchema, IdSchema, PostKeySchema } from '../schemas/primitives';
import { OutboxOpSchema } from './ops';
import { CursorSchema, TeamReplyEntrySchema } from './protocol';

export const ConnectionStateSchema = z.enum(['connecting', 'connected', 'reconnecting', 'offline']);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const TeamRoleSchema = z.enum(['lead', 'agent']);
export type TeamRole = z.infer<typeof TeamRoleSchema>;

/** The server's origin, http or https (a team may run it on its own network). */
export const ServerUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .transform((url) => new URL(url).origin);

export const TeamMembershipSchema = z.object({
  id: z.literal('team'),
  serverUrl: ServerUrlSchema,
  token: z.string().min(1).max(500),
  teamId: IdSchema,
  teamName: z.string().max(200).default(''),
  memberId: IdSchema,
  displayName: z.string().min(1).max(120),
  role: TeamRoleSchema,
  deviceName: z.string().max(120).default(''),
  /** The changes feed's cursor: everything up to it is merged. 0 = nothing merged yet (a snapshot comes first). */
  cursor: CursorSchema.default(0),
  /** The reply log's cursor (leads' live Review). */
  replyCursor: CursorSchema.default(0),
  joinedAt: EpochMsSchema,
  connection: ConnectionStateSchema.default('connecting'),
  connectionChangedAt: z._default(EpochMsSchema, 0),
  /** Why the last attempt failed (shown to the agent, never page text). */
  lastError: z.string().max(500).optional(),
  /** The server refused the token (device removed): the panel offers to leave. */
  revoked: z.boolean().default(false),
  onShift: z.boolean().default(true),
});
export type TeamMembership = z.infer<typeof TeamMembershipSchema>;

export const TeamNoticeSchema = z.object({
  kind: z.enum(['assigned', 'takenOver', 'claimLost']),
  /** Who did it (display name). */
  by: z.string().max(120),
  note: z.string().max(2000).optional(),
  at: EpochMsSchema,
});
export type TeamNotice = z.infer<typeof TeamNoticeSchema>;

/** Team-side fields of one queue item; the queue row itself stays in `queue`. */
export const TeamItemFieldsSchema = z.object({
  key: PostKeySchema,
  /** The server's version of the item: older changes never overwrite newer ones. */
  version: z.number().int().nonnegative().default(0),
  assigneeId: z.optional(IdSchema),
  assigneeName: z.string().max(120).optional(),
  /** When the latest assignment was made: a newer one is a new notice. */
  assignmentAt: z.optional(EpochMsSchema),
  claimOwnerId: z.optional(IdSchema),
  claimOwnerName: z.string().max(120).optional(),
  leaseUntil: z.optional(EpochMsSchema),
  /** A claim taken while offline, waiting for the server's word. */
  claimPending: z.boolean().default(false),
  /** Something a teammate did to this item that the agent should see (cleared when seen). */
  notice: TeamNoticeSchema.optional(),
  updatedAt: EpochMsSchema,
});
export type TeamItemFields = z.infer<typeof TeamItemFieldsSchema>;

export const TeamMemberSchema = z.object({
  id: IdSchema,
  displayName: z.string().max(120),
  role: TeamRoleSchema,
  onShift: z.boolean().default(false),
  online: z.boolean().default(false),
  /** The item this teammate has open now (presence). */
  viewingKey: z.optional(PostKeySchema),
  devices: z
    .array(z.object({ id: IdSchema, name: z.string().max(120), lastSeenAt: z.optional(EpochMsSchema) }))
    .max(50)
    .default([]),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

/** One entry of the team's reply log (the agent stamped by the server). */
export const TeamReplySchema = TeamReplyEntrySchema;
export type TeamReply = z.infer<typeof TeamReplySchema>;

export const OutboxEntrySchema = z.object({
  /** Auto-incremented: replay order is insertion order. */
  seq: z.number().int().positive().optional(),
  /** Idempotency key sent with the request: a replayed action is applied once. */
  opId: z.string().min(8).max(80),
  op: OutboxOpSchema,
  createdAt: EpochMsSchema,
  attempts: z.number().int().nonnegative().default(0),
  lastError: z.string().max(500).optional(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
