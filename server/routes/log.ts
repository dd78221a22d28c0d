/** Reply log (stamped with the caller) and team configuration. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ConfigSectionSchema,
  ConfigUpdateRequestSchemas,
  ConfigUpdateResponseSchema,
  RepliesQuerySchema,
  RepliesRequestSchema,
  type RepliesPage,
  type RepliesResponse,
  type TeamConfig,
} from '../../lib/team/protocol';
import { recordChanges } from '../store/changes';
import { readConfig, updateConfig } from '../store/config';
import { assignReplySeqs, readRepliesSince, storeReplies } from '../store/replies';
import { callerOf, itemChange, leadOf, mutate } from './guard';
import type { RouteDeps } from './index';

const MB = 1024 * 1024;
const SectionParams = z.object({ section: ConfigSectionSchema });

export function logRoutes(app: FastifyInstance, { db, clock }: RouteDeps): void {
  app.post('/v1/replies', { bodyLimit: 8 * MB }, async (request): Promise<RepliesResponse> => {
    const caller = callerOf(request);
    const body = RepliesRequestSchema.parse(request.body);
    const now = clock();
    return db.transaction(async (tx) => {
      const { response, itemKeys } = await storeReplies(tx, caller, body.entries, now);
      const refs = [...itemKeys.map(itemChange), ...response.stored.map((id) => ({ kind: 'reply' as const, ref: id }))];
      const seqs = await recordChanges(tx, caller.teamId, refs, now);
      await assignReplySeqs(tx, caller.teamId, response.stored, seqs.slice(itemKeys.length));
      return response;
    });
  });

  app.get('/v1/replies', async (request): Promise<RepliesPage> => {
    const caller = callerOf(request);
    const query = RepliesQuerySchema.parse(request.query);
    return readRepliesSince(db, caller.teamId, caller.memberId, query.since, query.limit);
  });

  app.get('/v1/config', async (request): Promise<TeamConfig> => readConfig(db, callerOf(request).teamId));

  app.put('/v1/config/:section', { bodyLimit: 16 * MB }, async (request) => {
    const caller = leadOf(request);
    const { section } = SectionParams.parse(request.params);
    const body = ConfigUpdateRequestSchemas[section].parse(request.body);
    return mutate(db, clock, caller, body.opId, `config.${section}`, ConfigUpdateResponseSchema, async (tx, now) => ({
      result: await updateConfig(tx, caller.teamId, section, body.upsert, body.remove, now),
      changes: [{ kind: 'config', ref: section }],
    }));
  });
}
