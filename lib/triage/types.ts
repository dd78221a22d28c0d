/** Input and context of scorePost. Internal to triage callers, so the schemas live here. */
import { z } from 'zod';
import { PostCountsSchema } from '../schemas/posts';
import type { LoadedModel } from './model/classifier';
import type { NoiseRule } from './rules';

export const TriageInputSchema = z.object({
  text: z.string(),
  authorHandle: z.string().default(''),
  authorName: z.string().default(''),
  authorVerified: z.boolean().default(false),
  followers: z.number().int().nonnegative().optional(),
  counts: z._default(PostCountsSchema, {}),
  createdAt: z.number().optional(),
  /** Handles the post mentions or replies to, without '@'; merged with @handles found in the text. */
  mentions: z.array(z.string()).default([]),
});
export type TriageInput = z.input<typeof TriageInputSchema>;

export const TriageCustomerSchema = z.object({
  orderCount: z.number().nonnegative().default(0),
  totalSpent: z.number().nonnegative().default(0),
  name: z.string().default(''),
  /** ISO 4217 code of `totalSpent`, when the shop export named one. */
  currency: z.string().max(8).default(''),
});

export interface TriageContext {
  now: number;
  customer?: z.input<typeof TriageCustomerSchema>;
  /** Brand terms the matcher found in the post (lib/matching). */
  matchedTerms?: readonly string[];
  /** Override the default noise rules (e.g. a brand's edited list). */
  noiseRules?: readonly NoiseRule[];
  /** Another complaint model (cross-file evaluation); null = the lexicon rules alone. Default: the shipped one. */
  complaintModel?: LoadedModel | null;
}
