/**
 * The panel's team-mode messages (spread into lib/messages.ts). All are sent by the extension's own
 * pages only: content scripts have no business with the team.
 */
import { z } from 'zod';
import { OkSchema as Ok } from '../pageMessages';
import { PostKeySchema } from '../schemas/primitives';
import { DevicesResponseSchema, InviteCodeSchema, InviteResponseSchema, RoleSchema, ServerIdSchema } from './protocol';
import { ServerUrlSchema } from './records';


export const ClaimOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('mine') }),
  z.object({ status: z.literal('taken'), owner: z.string(), leaseUntil: z.number() }),
  /** The server is away: the claim waits in the outbox. */
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('noTeam') }),
]);
export type ClaimOutcome = z.infer<typeof ClaimOutcomeSchema>;

export const JoinErrorSchema = z.enum(['unreachable', 'invite', 'rateLimited', 'server']);

export const teamMessageSchemas = {
  /** Panel → background: redeem an invite on the team's server (its origin is already permitted). */
  teamJoin: {
    input: z.object({
      serverUrl: ServerUrlSchema,
      inviteCode: InviteCodeSchema,
      displayName: z.string().trim().min(1).max(120),
      deviceName: z.string().trim().min(1).max(120),
    }),
    output: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: JoinErrorSchema })]),
  },
  /** Panel → background: leave the team (this device's token is revoked when the server is reachable). */
  teamLeave: { input: z.object({}).optional(), output: Ok },
  /** Panel → background: "Try now" instead of waiting for the next reconnect. */
  teamReconnect: { input: z.object({}).optional(), output: Ok },
  /** Panel → background: the agent opened this item (claim it), or asks to take it over. */
  teamClaim: { input: z.object({ key: PostKeySchema, takeover: z.boolean().default(false) }), output: ClaimOutcomeSchema },
  /** Panel → background: the item was closed; free it for the team. */
  teamRelease: { input: z.object({ key: PostKeySchema }), output: Ok },
  /** Panel → background: assign or escalate the item to a teammate, with a note. */
  teamAssign: {
    input: z.object({ key: PostKeySchema, memberId: ServerIdSchema, note: z.string().max(2000).default(''), escalate: z.boolean().default(false) }),
    output: Ok,
  },
  /** Panel → background: "End my shift": release (or hand to one teammate) every item I hold. */
  teamEndShift: { input: z.object({ reassignTo: ServerIdSchema.optional(), note: z.string().max(2000).default('') }), output: Ok },
  teamShiftStart: { input: z.object({}).optional(), output: Ok },
  /** Panel → background: the agent has read an item's notice. */
  teamNoticeSeen: { input: z.object({ key: PostKeySchema }), output: Ok },
  /** Lead's panel → background: a new single-use invite code. */
  teamInvite: { input: z.object({ role: RoleSchema.default('agent'), ttlHours: z.number().int().min(1).max(720).default(72) }), output: InviteResponseSchema },
  /** Lead's panel → background: the team's devices. */
  teamDevices: { input: z.object({}).optional(), output: DevicesResponseSchema },
  /** Lead's panel → background: remove a device (its token stops working). */
  teamDeviceRevoke: { input: z.object({ id: ServerIdSchema }), output: Ok },
  /** Lead's panel → background: publish this device's brands, templates and tone notes to the team. */
  teamPublishConfig: { input: z.object({}).optional(), output: Ok },
} as const;
