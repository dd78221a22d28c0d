/** Join, me, devices, members, invites. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CreateInviteRequestSchema,
  InviteResponseSchema,
  JoinRequestSchema,
  type DevicesResponseSchema,
  type JoinResponse,
  type MeResponse,
  type MembersResponseSchema,
} from '../../lib/team/protocol';
import { createInvite, join, listDevices, listMembers, revokeDevice } from '../store/teams';
import { teamCursor } from '../store/changes';
import { callerOf, leadOf, mutate } from './guard';
import type { RouteDeps } from './index';

const DeviceParams = z.object({ id: z.uuid() });

export function accountRoutes(app: FastifyInstance, { db, clock, joinsPerMinute }: RouteDeps): void {
  app.post('/v1/join', { config: { rateLimit: { max: joinsPerMinute, timeWindow: 60_000 } } }, async (request): Promise<JoinResponse> => {
    const body = JoinRequestSchema.parse(request.body);
    const joined = await join(db, body, clock());
    request.log.info({ teamId: joined.team.id, memberId: joined.member.id, role: joined.member.role }, 'member joined');
    return joined;
  });

  app.get('/v1/me', async (request): Promise<MeResponse> => {
    const c = callerOf(request);
    return {
      deviceId: c.deviceId,
      member: { id: c.memberId, displayName: c.displayName, role: c.role, onShift: c.onShift },
      team: { id: c.teamId, name: c.teamName },
      cursor: await teamCursor(db, c.teamId),
    };
  });

  app.get('/v1/members', async (request): Promise<z.infer<typeof MembersResponseSchema>> => ({ members: await listMembers(db, callerOf(request).teamId) }));

  app.get('/v1/devices', async (request): Promise<z.infer<typeof DevicesResponseSchema>> => ({ devices: await listDevices(db, leadOf(request).teamId) }));

  app.delete('/v1/devices/:id', async (request) => {
    const caller = leadOf(request);
    await revokeDevice(db, caller, DeviceParams.parse(request.params).id, clock());
    return { ok: true };
  });

  app.post('/v1/devices/self/revoke', async (request) => {
    const caller = callerOf(request);
    await revokeDevice(db, caller, caller.deviceId, clock());
    return { ok: true };
  });

  app.post('/v1/invites', async (request) => {
    const caller = leadOf(request);
    const body = CreateInviteRequestSchema.parse(request.body);
    return mutate(db, clock, caller, body.opId, 'invite', InviteResponseSchema, async (tx, now) => ({
      result: await createInvite(tx, caller.teamId, body.role, caller.memberId, body.ttlHours * 3600_000, now),
      changes: [],
    }));
  });
}
