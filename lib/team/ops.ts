/**
 * Actions an agent takes in team mode, as the outbox stores them: each is one protocol request
 * without its `opId` (the outbox entry carries it, so a replay sends the same key).
 */
import { z } from 'zod';
import {
  AssignRequestSchema,
  ClaimRequestSchema,
  LeaseRequestSchema,
  RepliesRequestSchema,
  ShiftEndRequestSchema,
  SightingsRequestSchema,
  StateRequestSchema,
} from './protocol';

const noOpId = { opId: true } as const;

export const OutboxOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sightings'), body: SightingsRequestSchema.omit(noOpId) }),
  z.object({ kind: z.literal('claim'), body: ClaimRequestSchema.omit(noOpId) }),
  z.object({ kind: z.literal('release'), body: LeaseRequestSchema.omit(noOpId) }),
  z.object({ kind: z.literal('assign'), body: AssignRequestSchema.omit(noOpId) }),
  z.object({ kind: z.literal('state'), body: StateRequestSchema.omit(noOpId) }),
  z.object({ kind: z.literal('shiftEnd'), body: ShiftEndRequestSchema.omit(noOpId) }),
  z.object({ kind: z.literal('replies'), body: RepliesRequestSchema }),
]);
export type OutboxOp = z.infer<typeof OutboxOpSchema>;
export type OutboxOpInput = z.input<typeof OutboxOpSchema>;
