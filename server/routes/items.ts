/** The team queue: sightings, snapshot, changes, claims, assignment, state, shift end. */
import type { FastifyInstance } from 'fastify';
import {
  AssignRequestSchema,
  ChangesQuerySchema,
  ClaimRequestSchema,
  ClaimResultSchema,
  ItemResultSchema,
  ItemsQuerySchema,
  LeaseRequestSchema,
  ShiftEndRequestSchema,
  ShiftEndResponseSchema,
  SightingsRequestSchema,
  SightingsResponseSchema,
  StateRequestSchema,
  type ChangesResponse,
  type ItemsPage,
} from '../../lib/team/protocol';
import { readChanges, teamCursor } from '../store/changes';
import { assignItem, claimItem, endShift, readItemPage, releaseClaim, renewClaim, setItemState } from '../store/items';
import { ingestSightings } from '../store/sightings';
import { changeFor } from '../store/visibility';
import { PRESENCE_CHANNEL } from '../live';
import { callerOf, itemChange, mutate } from './guard';
import type { RouteDeps } from './index';

const MB = 1024 * 1024;

export function itemRoutes(app: FastifyInstance, { db, clock }: RouteDeps): void {
  app.post('/v1/sightings', { bodyLimit: 8 * MB }, async (request) => {
    const caller = callerOf(request);
    const body = SightingsRequestSchema.parse(request.body);
    return mutate(db, clock, caller, body.opId, 'sightings', SightingsResponseSchema, async (tx, now) => {
      const { response, changedKeys } = await ingestSightings(tx, caller, body.sightings, now);
      return { result: response, changes: changedKeys.map(itemChange) };
    });
  });

  app.get('/v1/items', async (request): Promise<ItemsPage> => {
    const caller = callerOf(request);
    const query = ItemsQuerySchema.parse(request.query);
    // Cursor first: anything committed after it is in /v1/changes, so nothing falls between.
    const cursor = await teamCursor(db, caller.teamId);
    const items = await readItemPage(db, caller.teamId, query.after, query.limit);
    const last = items[items.length - 1];
    return { items, cursor, ...(items.length === query.limit && last ? { next: last.key } : {}) };
  });

  app.get('/v1/changes', async (request): Promise<ChangesResponse> => {
    const caller = callerOf(request);
    const query = ChangesQuerySchema.parse(request.query);
    const page = await readChanges(db, caller.teamId, query.since, query.limit, true);
    return { ...page, changes: page.changes.map((c) => changeFor(caller, c)) };
  });

  app.post('/v1/items/claim', async (request) => {
    const caller = callerOf(request);
    const body = ClaimRequestSchema.parse(request.body);
    return mutate(db, clock, caller, body.opId, 'claim', ClaimResultSchema, async (tx, now) => {
      const { result, changed } = await claimItem(tx, caller, body.key, body.takeover, now);
      return { result, changes: changed ? [itemChange(result.item.key)] : [] };
    });
  });

  app.post('/v1/items/renew', async (request) => {
    const caller = callerOf(request);
    const body = LeaseRequestSchema.parse(request.body);
    return mutate(db, clock, caller, body.opId, 'renew', ClaimResultSchema, async (tx, now) => {
      const { result, changed } = await renewClaim(tx, caller, body.key, now);
      return { result, changes: changed ? [itemChange(result.item.key)] : [] };
    });
  });

  app.post('/v1/items/release', async (request) => {
    const caller = callerOf(request);
    const body = LeaseRequestSchema.parse(request.body);
    return mutate(db, clock, caller, body.opId, 'release', ItemResultSchema, async (tx, now) => {
      const { result, changed } = await releaseClaim(tx, caller, body.key, now);
      return { result, changes: changed ? [itemChange(result.item.key)] : [] };
    });
  });

  app.post('/v1/items/assign', async (request) => {
    const caller = callerOf(request);
    const body = AssignRequestSchema.parse(request.body);
    return mutate(db, clock, caller, body.opId, 'assign', ItemResultSchema, async (tx, now) => {
      const item = await assignItem(tx, caller, body, now);
      return { result: { ok: true as const, item }, changes: [itemChange(item.key)] };
    });
  });

  app.post('/v1/items/state', async (request) => {
    const caller = callerOf(request);
    const body = StateRequestSchema.parse(request.body);
    return mutate(db, clock, caller, body.opId, 'state', ItemResultSchema, async (tx, now) => {
      const { result, changed } = await setItemState(tx, caller, body, now);
      return { result, changes: changed ? [itemChange(result.item.key)] : [] };
    });
  });

  app.post('/v1/shift/end', async (request) => {
    const caller = callerOf(request);
    const body = ShiftEndRequestSchema.parse(request.body);
    const result = await mutate(db, clock, caller, body.opId, 'shiftEnd', ShiftEndResponseSchema, async (tx, now) => {
      const moved = await endShift(tx, caller, body, now);
      await tx.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, caller.teamId]);
      return { result: moved, changes: [...moved.released, ...moved.reassigned].map(itemChange) };
    });
    return result;
  });
}
